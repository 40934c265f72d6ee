// gridplan command line: parses options into a PartitionConfig, runs the core, maps errors to
// exit codes (0 ok, 1 bad input data or output, 2 usage, 3 internal). The only place that prints.
// The options partition, check and review share are bound in cli/input_options.
#include "check/check.hpp"
#include "cli/atlas_pdf.hpp"
#include "cli/batch_command.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/review_command.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/output_dir.hpp"
#include "pipeline/run.hpp"
#include "write/outputs.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>
#include <new>

namespace
{

using gp::cli::CliOptions;

enum ExitCode
{
    kOk = 0,
    kDataError = 1,
    kUsageError = 2,
    kInternalError = 3,
};

// Options of partition alone (review takes --out and -j too: see review_command).
void bindPartitionOptions(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option(
           "--out", config.out_dir,
           "Output folder (created; earlier outputs are replaced only when the run succeeds)")
        ->required();
    // gridplan batch: the fingerprint of this street's inputs and options, kept in report.json.
    sub.add_option("--batch-fingerprint", o.batch_fingerprint)->group("");
    sub.add_flag("-v,--verbose", o.verbose, "Print each stage as it finishes");
    sub.add_flag("--measure-improvement", config.measure_improvement,
                 "Also tile the partition as it was before the improve stage and report both "
                 "mean Polsby-Popper figures (slower)");
    sub.add_option("--previous", config.previous_dir,
                   "A previous run's output folder: keep its grids and codes where nothing "
                   "changed, re-make only what broke (needs --buildings-id-field)");
    sub.add_option("-j,--jobs", config.threads,
                   "Threads for the per-community stages (default: every core; outputs do not "
                   "depend on it)");
    sub.add_option("--lock", config.lock_path,
                   "Grids fixed by hand, kept exactly: polygons with a grid_code field, or a "
                   ".txt/.csv list of codes of the --previous run");
    sub.add_flag("--lock-edited", config.lock_edited,
                 "With --previous of a `gridplan review` output: lock every grid the planner "
                 "edited by hand (report.json review.edited_grids)");
    sub.add_option("--exact", config.exact_check_units,
                   "Also solve every piece up to N units with the exact model (fewest cut "
                   "links) and report the gap to the heuristic in report.json");
    sub.add_option("--exact-max-units", config.exact_max_units,
                   "Pieces up to this many units left outside the bounds get the exact model: "
                   "a plan, or a proof that none exists")
        ->capture_default_str();
    sub.add_option(
           "--exact-seconds", config.exact_seconds,
           "Time limit of one exact solve (its node budget stops it first on most machines)")
        ->capture_default_str();
    sub.add_option("--export-graph", config.export_graph,
                   "Debug: write each community's unit graph as PREFIX-<n>.graph (METIS) and "
                   "PREFIX-<n>.xy")
        ->group("");
    sub.add_option("--lang", config.lang,
                   "Language of report.html and of the QGIS project's layer names, legends and "
                   "labels: en or zh")
        ->capture_default_str();
}

// The subcommands and their options.
struct Commands
{
    CliOptions o;
    CLI::App* partition = nullptr;
    CLI::App* check = nullptr;
    CLI::App* batch = nullptr;
    gp::cli::BatchCommand batch_command;
    gp::cli::ReviewCommand review_command;
    gp::cli::PdfOptions pdf; // partition --pdf (review binds its own)
    gp::cli::ConfigFileOptions partition_file, check_file;

    void add(CLI::App& app)
    {
        partition = app.add_subcommand("partition",
                                       "Partition every community of a street into micro-grids");
        gp::cli::bindInputOptions(*partition, o);
        bindPartitionOptions(*partition, o);
        gp::cli::bindAtlasOptions(*partition, pdf, o.config);
        partition->add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
        check = app.add_subcommand(
            "check", "Load, classify and place the inputs without partitioning; list every "
                     "problem (exit 0: partition would accept them, 1: it would refuse)");
        gp::cli::bindInputOptions(*check, o);
        check->add_flag("-q,--quiet", o.quiet, "Print only the verdict line");
        batch = batch_command.add(app);
        review_command.add(app, o);
        gp::cli::bindOutputOptions(*partition, o.config, partition_file, true);
        gp::cli::bindOutputOptions(*check, o.config, check_file, false);
    }

    const char* name() const
    {
        return batch->parsed()                ? "batch"
               : check->parsed()              ? "check"
               : review_command.sub->parsed() ? "review"
                                              : "partition";
    }
};

// Prints "[mm:ss] line" to stderr unless quiet.
std::function<void(const std::string&)> elapsedLog(bool quiet)
{
    const auto start = std::chrono::steady_clock::now();
    return [quiet, start](const std::string& line)
    {
        if (quiet)
            return;
        const auto s = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - start)
                           .count();
        std::fprintf(stderr, "[%02lld:%02lld] %s\n", static_cast<long long>(s / 60),
                     static_cast<long long>(s % 60), line.c_str());
    };
}

int runCheck(const CliOptions& o)
{
    const auto result = gp::check::checkInputs(o.config);
    if (o.quiet)
        std::cout << (result.accepted ? "partition would accept these inputs\n"
                                      : "partition would refuse these inputs\n");
    else
        std::cout << gp::check::formatTable(result);
    return result.accepted ? kOk : kDataError;
}

int runPartitionCommand(const CliOptions& o, const gp::cli::PdfOptions& pdf)
{
    const auto& config = o.config;
    const auto log = elapsedLog(o.quiet);
    // Before any computing: an --out that would replace inputs or others' files, or that cannot
    // be written, is refused now (README "Output folder safety").
    gp::cli::checkPdfOption(pdf, config.out_dir);
    if (!gp::io::isPostgisConnection(config.out_dir))
        gp::io::prepareOutputDir(config.out_dir, gp::io::runInputPaths(config));
    gp::pipeline::RunStats stats;
    gp::pipeline::StageLog stage_log;
    if (o.verbose)
        stage_log = log;
    gp::cli::StderrProgress progress(o.verbose);
    gp::ProgressReporter* reporter = o.quiet ? nullptr : &progress;
    const gp::Plan plan = gp::pipeline::runPartition(config, stage_log, &stats, reporter);
    // The write stage's line carries its times, as the pipeline's stage lines do.
    const auto write_log = gp::pipeline::withStageTimes(stage_log);
    gp::write::writeOutputs(plan, config, reporter, o.batch_fingerprint);
    gp::pipeline::say(write_log, "write: outputs written");
    const bool pdf_ok = gp::cli::exportPdfIfAsked(pdf, config.out_dir, o.quiet);

    log("working CRS " + plan.working_crs + ": " + plan.working_crs_reason);
    const int residential = stats.residential_grids, within = stats.grids_within_bounds;
    log(std::to_string(residential) + " residential grids (" + std::to_string(within) +
        " within [" + std::to_string(config.min_households) + ", " +
        std::to_string(config.max_households) + "]), " +
        std::to_string(plan.grids.size() - static_cast<std::size_t>(residential)) + " dedicated, " +
        std::to_string(plan.issues.size()) + " issues; outputs in " +
        gp::io::redactConnection(config.out_dir));
    return pdf_ok ? kOk : kDataError;
}

// Config file, finished options, then the command itself.
int dispatch(Commands& c)
{
    if (c.batch->parsed())
        return c.batch_command.run();
    const bool checking = c.check->parsed(), reviewing = c.review_command.sub->parsed();
    CLI::App& sub = checking ? *c.check : reviewing ? *c.review_command.sub : *c.partition;
    CLI::App& sibling = checking ? *c.partition : reviewing ? *c.partition : *c.check;
    auto& file = checking ? c.check_file : reviewing ? c.review_command.file : c.partition_file;
    if (gp::cli::applyConfigFile(sub, sibling, file, std::cout))
        return kOk;
    gp::cli::finishConfig(c.o);
    // --areas 0 would silently mean "not given" (balance by --area-target): say so instead.
    if (sub.get_option("--areas")->count() > 0 && c.o.config.area_count <= 0)
        throw gp::ConfigError("--areas must be at least 1, got " +
                              std::to_string(c.o.config.area_count) +
                              " (leave --areas out to balance areas by --area-target)");
    if (c.o.config.lock_edited && c.o.config.previous_dir.empty())
        throw gp::ConfigError("--lock-edited needs --previous (the reviewed plan's folder)");
    if (checking)
        return runCheck(c.o);
    if (reviewing)
        return c.review_command.run(c.o);
    return runPartitionCommand(c.o, c.pdf);
}

// Runs the command, mapping each kind of error to its message and exit code.
int withExitCodes(Commands& c)
{
    try
    {
        return dispatch(c);
    }
    catch (const gp::ConfigError& e)
    {
        std::cerr << "gridplan: error: " << e.what() << "\n(see gridplan " << c.name()
                  << " --help)\n";
        return kUsageError;
    }
    catch (const gp::InputError& e)
    {
        std::cerr << "gridplan: input error: " << e.what() << '\n';
        return kDataError;
    }
    catch (const gp::OutputError& e)
    {
        std::cerr << "gridplan: output error: " << e.what()
                  << "\n(earlier outputs were left as they were)\n";
        return kDataError;
    }
    catch (const std::bad_alloc&)
    {
        std::cerr << "gridplan: internal error: out of memory\n";
        return kInternalError;
    }
    catch (const std::exception& e)
    {
        std::cerr << "gridplan: internal error: " << e.what() << '\n';
        return kInternalError;
    }
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"gridplan: community micro-grids (微网格) of 300-500 households from building and "
                 "boundary layers"};
    app.require_subcommand(1);
    app.set_version_flag("--version", GRIDPLAN_VERSION);
    Commands commands;
    commands.add(app);
    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        return app.exit(e) == 0 ? kOk : kUsageError;
    }
    return withExitCodes(commands);
}
