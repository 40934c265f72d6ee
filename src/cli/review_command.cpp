#include "cli/review_command.hpp"

#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/output_dir.hpp"
#include "pipeline/stage_log.hpp"
#include "review/review.hpp"
#include "write/outputs.hpp"

#include <filesystem>
#include <iostream>
#include <map>

namespace gp::cli
{

namespace
{

// A plan file that is not there is named before anything is computed (GDAL's own message would
// not say which option it came from).
void requireSource(const LayerSource& source, const std::string& option)
{
    if (source.path.empty() || source.path.rfind("PG:", 0) == 0 ||
        source.path.find("://") != std::string::npos || source.path.rfind("/vsi", 0) == 0)
        return;
    if (!std::filesystem::exists(source.path))
        throw InputError(option + " '" + source.path + "': no such file");
}

// Violations first, then warnings, each grouped by reason with every row (review lists all).
std::string formatProblems(const ReviewSummary& r)
{
    std::string out;
    for (const bool violation : {true, false})
    {
        std::map<std::string, std::vector<const ReviewProblem*>> by_reason;
        for (const auto& p : r.problems)
            if (p.violation == violation)
                by_reason[p.reason].push_back(&p);
        for (const auto& [reason, rows] : by_reason)
        {
            out += std::string(violation ? "violation " : "warning   ") + reason + " (" +
                   std::to_string(rows.size()) + ")\n";
            for (const auto* p : rows)
                out += "    - " + p->detail + "\n";
        }
    }
    return out + "review: " + std::to_string(r.violations) + " violations, " +
           std::to_string(r.warnings) + " warnings, " + std::to_string(r.edited_grids.size()) +
           " grids edited\n";
}

} // namespace

CLI::App* ReviewCommand::add(CLI::App& app, CliOptions& o)
{
    sub = app.add_subcommand("review",
                             "Check and re-score a plan edited by hand (exit 0: no violation, 1: "
                             "violations, all listed; outputs written either way)");
    bindInputOptions(*sub, o);
    bindLayerSource(*sub, plan_grids, "plan-grids",
                    "The edited grid polygons with a grid_code field (e.g. the grids.geojson "
                    "gridplan wrote, redrawn in QGIS); buildings follow them",
                    false, false);
    bindLayerSource(*sub, plan_buildings, "plan-buildings",
                    "The edited buildings with building_id and grid_code (e.g. buildings.geojson); "
                    "alone, grid polygons are tiled from it",
                    false, false);
    sub->add_option("--plan-buildings-id-field", plan_buildings.id_field,
                    "Field of --plan-buildings holding the building ids (default: building_id)");
    sub->add_option("--previous", previous,
                    "The output folder the plan was edited from: the review lists what changed "
                    "(needs --buildings-id-field)");
    sub->add_option("--out", o.config.out_dir,
                    "Output folder (created; earlier outputs are replaced only when the review "
                    "finishes)")
        ->required();
    sub->add_option("-j,--jobs", o.config.threads, "Threads (outputs do not depend on it)");
    sub->add_option("--lang", o.config.lang, "Language of report.html: en or zh")
        ->capture_default_str();
    bindAtlasOptions(*sub, pdf, o.config);
    sub->add_flag("-v,--verbose", o.verbose, "Print each stage as it finishes");
    sub->add_flag("-q,--quiet", o.quiet, "Print only the verdict line");
    bindOutputOptions(*sub, o.config, file, false);
    for (const char* name :
         {"--plan-grids", "--plan-grids-layer", "--plan-grids-where", "--plan-grids-crs",
          "--plan-buildings", "--plan-buildings-layer", "--plan-buildings-where",
          "--plan-buildings-crs", "--plan-buildings-id-field", "--previous"})
        sub->get_option(name)->group("Edited plan");
    sub->footer("Example:\n  gridplan review --config samples/porto-bundled.toml \\\n"
                "    --plan-grids edited/grids.geojson --previous out --out reviewed\n"
                "Exit codes: 0 no violation, 1 violations (or bad data), 2 bad options. "
                "See README \"Reviewing a hand-edited plan\".");
    return sub;
}

int ReviewCommand::run(CliOptions& o) const
{
    review::ReviewOptions options;
    if (!plan_grids.path.empty())
        options.plan_grids = plan_grids;
    if (!plan_buildings.path.empty())
        options.plan_buildings = plan_buildings;
    options.edited_from = previous;
    if (!options.plan_grids && !options.plan_buildings)
        throw ConfigError("review needs the edited plan: --plan-grids and/or --plan-buildings");
    requireSource(plan_grids, "--plan-grids");
    requireSource(plan_buildings, "--plan-buildings");
    if (!previous.empty() && !std::filesystem::is_directory(previous))
        throw InputError("--previous '" + previous + "': no such folder");

    auto& config = o.config;
    checkPdfOption(pdf, config.out_dir);
    // The edited files are inputs too: an --out that would overwrite them is refused.
    auto inputs = io::runInputPaths(config);
    for (const auto* source : {&plan_grids, &plan_buildings})
        if (!source->path.empty())
            inputs.push_back(source->path);
    if (!io::isPostgisConnection(config.out_dir))
        io::prepareOutputDir(config.out_dir, inputs);
    pipeline::StageLog log;
    if (o.verbose)
        log = [](const std::string& line) { std::cerr << line << '\n'; };
    const Plan plan = review::reviewPlan(config, options, log);
    StderrProgress progress(o.verbose);
    write::writeOutputs(plan, config, o.quiet ? nullptr : &progress);
    const bool pdf_ok = exportPdfIfAsked(pdf, config.out_dir, o.quiet);
    const auto& r = *plan.review;
    if (o.quiet)
        std::cout << (r.violations == 0
                          ? "review: no violation\n"
                          : "review: " + std::to_string(r.violations) + " violations\n");
    else
        std::cout << formatProblems(r);
    return r.violations == 0 && pdf_ok ? 0 : 1;
}

} // namespace gp::cli
