// gridplan command line: parses options into a PartitionConfig, runs the core, maps errors to
// exit codes (0 ok, 1 bad input data or output, 2 usage, 3 internal). The only place that prints.
#include "check/check.hpp"
#include "classify/road_classes.hpp"
#include "cli/atlas_pdf.hpp"
#include "cli/batch_command.hpp"
#include "cli/output_options.hpp"
#include "cli/progress_bar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "io/china_coords.hpp"
#include "io/gdal_support.hpp"
#include "io/output_dir.hpp"
#include "pipeline/run.hpp"
#include "write/outputs.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <new>

namespace
{

enum ExitCode
{
    kOk = 0,
    kDataError = 1,
    kUsageError = 2,
    kInternalError = 3,
};

// Options of one input layer, as ogr2ogr names them: PATH, layer, attribute filter.
struct LayerOptions
{
    gp::LayerSource* source;
    void add(CLI::App& app, const std::string& role, const std::string& help, bool required)
    {
        auto* opt = app.add_option("--" + role, source->path, help);
        if (required)
            opt->required();
        app.add_option("--" + role + "-layer", source->layer,
                       "Layer of a multi-layer " + role + " source (default: the first)");
        app.add_option("--" + role + "-where", source->where,
                       "OGR SQL attribute filter on " + role + ", e.g. \"type = 'x'\"");
        app.add_option("--" + role + "-id-field", source->id_field,
                       "Field holding " + role + " ids (default: the feature id)");
        app.add_option(
            "--" + role + "-crs", source->crs,
            "CRS of " + role +
                ", overriding the layer's own (e.g. GCJ02 when a .prj wrongly says EPSG:4326)");
    }
};

// Splits "key=value" options into a map; ConfigError on a malformed entry.
template <typename Value>
void parsePairs(const std::vector<std::string>& items, const std::string& option,
                std::map<std::string, Value>& out)
{
    for (const auto& item : items)
    {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw gp::ConfigError(option + " expects VALUE=..., got '" + item + "'");
        const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
        if constexpr (std::is_same_v<Value, std::string>)
            out[key] = value;
        else
        {
            try
            {
                std::size_t used = 0;
                out[key] = std::stod(value, &used);
                if (used != value.size())
                    throw std::invalid_argument(value);
            }
            catch (const std::exception&)
            {
                throw gp::ConfigError(option + " expects a number after '=', got '" + item + "'");
            }
        }
    }
}

// A per-source option: absent, once for all sources, or once per source.
std::string perSource(const std::vector<std::string>& values,
                      const std::vector<std::string>& sources, const std::string& option,
                      std::size_t i)
{
    if (values.empty())
        return std::string();
    if (values.size() == 1)
        return values[0];
    if (values.size() != sources.size())
        throw gp::ConfigError(option + " must be given once, or once per source it applies to");
    return values[i];
}

// A repeatable line input (--barriers, --streets, --roads): its sources and, once for all or once
// per source, their -layer, -where and -crs.
struct RepeatedSource
{
    std::vector<std::string> paths, layers, wheres, crss;

    void add(CLI::App& sub, const std::string& name, const std::string& what)
    {
        const std::string per = " per --" + name + " source (once for all, or once per source)";
        sub.add_option("--" + name, paths, what);
        sub.add_option("--" + name + "-layer", layers, "Layer" + per);
        sub.add_option("--" + name + "-where", wheres, "Attribute filter" + per);
        sub.add_option("--" + name + "-crs", crss, "CRS overriding its own, e.g. GCJ02," + per);
    }

    std::vector<gp::LayerSource> sources(const std::string& name) const
    {
        std::vector<gp::LayerSource> out;
        for (std::size_t i = 0; i < paths.size(); ++i)
        {
            gp::LayerSource s;
            s.path = paths[i];
            s.layer = perSource(layers, paths, "--" + name + "-layer", i);
            s.where = perSource(wheres, paths, "--" + name + "-where", i);
            s.crs = perSource(crss, paths, "--" + name + "-crs", i);
            out.push_back(std::move(s));
        }
        return out;
    }
};

// Everything the options of partition and check fill in.
struct CliOptions
{
    gp::PartitionConfig config;
    gp::LayerSource street, compounds;
    RepeatedSource barriers, streets, roads; // streets and classed roads: issue 13
    std::vector<std::string> use_map, default_floors;
    std::vector<std::string> special_paths, special_layers, special_wheres, special_id_fields,
        special_kind_fields, special_kinds, special_crss;
    std::vector<std::string> road_classes;
    std::string source_encoding;
    gp::HouseholdsTable households_table;
    bool quiet = false, verbose = false;
    std::string batch_fingerprint; // set by gridplan batch, kept in report.json
};

// The input and planning options shared by partition and check; partition adds --out and -v.
void bindOptions(CLI::App& sub, CliOptions& o, bool partition)
{
    auto& config = o.config;
    LayerOptions{&config.buildings}.add(
        sub, "buildings", "Building footprints (or points): any GDAL vector source", true);
    LayerOptions{&config.communities}.add(sub, "communities",
                                          "Community (居民区/社区) boundary polygons", true);
    sub.add_option("--communities-name-field", config.communities.name_field,
                   "Field holding community names (default: name / 名称)");
    LayerOptions{&o.street}.add(sub, "street", "The street (街道) boundary polygon", false);
    LayerOptions{&o.compounds}.add(
        sub, "compounds", "Residential compounds (小区) / village groups as polygons", false);
    o.barriers.add(sub, "barriers", "Barrier lines or polygons: roads, rail, rivers (repeatable)");
    o.streets.add(sub, "streets",
                  "Street centre lines: grid boundaries follow them, grids may cross them "
                  "(repeatable)");
    o.roads.add(sub, "roads",
                "Road lines with a class field, split into barriers / streets / lanes "
                "(repeatable; see README 'Streets')");
    sub.add_option("--road-class-field", config.road_class_field,
                   "Field of --roads holding the class (OSM highway=, 道路等级)")
        ->capture_default_str();
    sub.add_option("--road-class", o.road_classes,
                   "Extra road class mapping VALUE=barrier|street|lane|ignore, e.g. 次干路=barrier "
                   "(repeatable)");
    sub.add_option("--special", o.special_paths,
                   "Polygons that are dedicated grids by themselves: parks, campuses, markets, "
                   "industrial parks (repeatable)");
    sub.add_option("--special-layer", o.special_layers,
                   "Layer per --special source (once for all, or once per source)");
    sub.add_option("--special-where", o.special_wheres,
                   "Attribute filter per --special source (once for all, or once per source)");
    sub.add_option("--special-id-field", o.special_id_fields,
                   "Id field per --special source (default: the feature id)");
    sub.add_option("--special-kind-field", o.special_kind_fields,
                   "Field naming each polygon's kind: office, market, campus, park, 公园, 学校, "
                   "... (default: kind)");
    sub.add_option("--special-crs", o.special_crss,
                   "CRS per --special source overriding its own, e.g. GCJ02 (once for all, or once "
                   "per source)");
    sub.add_option("--special-kind", o.special_kinds,
                   "One kind for every polygon of a --special source without a kind field");
    auto& ded = config.dedicated;
    sub.add_option(
           "--dedicated-distance", ded.cluster_distance_m,
           "Non-residential footprints this close (m), with no barrier between, form one cluster")
        ->capture_default_str();
    sub.add_option("--dedicated-floor-area", ded.min_floor_area_m2,
                   "A cluster with this much floor area (m2) becomes a dedicated grid")
        ->capture_default_str();
    sub.add_option("--dedicated-buildings", ded.min_buildings, "... or with this many buildings")
        ->capture_default_str();
    sub.add_option("--dedicated-flag-field", ded.flag_field,
                   "Buildings field: a non-empty value other than 0/no/false/否 makes its cluster "
                   "a dedicated grid");
    sub.add_option("--workers-field", ded.workers_field,
                   "Buildings field with the enterprise / worker count");
    sub.add_option("--dedicated-workers", ded.min_workers,
                   "... or a cluster with this many workers (needs --workers-field)")
        ->capture_default_str();
    sub.add_option("--fold-distance", ded.fold_distance_m,
                   "Farthest (m) a small shop or market is folded into a residential grid")
        ->capture_default_str();
    sub.add_option("--area-target", config.area_target_households,
                   "Households per area grid (片区), balanced around this")
        ->capture_default_str();
    sub.add_option("--areas", config.area_count,
                   "Exactly this many area grids (overrides --area-target)");
    sub.add_option("--households-field", config.households_field,
                   "Buildings field with household counts");
    sub.add_option("--households-table", o.households_table.source.path,
                   "Households register (实有人口/房屋 table): CSV, XLSX or any GDAL table, joined "
                   "to buildings by a key");
    sub.add_option("--households-table-layer", o.households_table.source.layer,
                   "Sheet / layer of the households register (default: the first)");
    sub.add_option("--households-table-where", o.households_table.source.where,
                   "OGR SQL attribute filter on the households register rows");
    sub.add_option("--households-table-key", o.households_table.key,
                   "Register column holding the key (building number or address)");
    sub.add_option("--households-key-field", o.households_table.building_field,
                   "Buildings field holding the same key");
    sub.add_option("--households-table-count", o.households_table.count,
                   "Register column with households per row (default: every row is one household)");
    sub.add_option("--floors-field", config.floors_field,
                   "Buildings field with the number of floors");
    sub.add_option("--height-field", config.height_field,
                   "Buildings field with the height in metres");
    sub.add_option("--use-field", config.use_field,
                   "Buildings field with the use (OSM building=, 住宅, 商业, ...)");
    sub.add_option("--use-map", o.use_map,
                   "Extra use mapping VALUE=CLASS, e.g. 综合楼=residential (repeatable)");
    sub.add_option("--min", config.min_households, "Fewest households per grid")
        ->capture_default_str();
    sub.add_option("--max", config.max_households, "Most households per grid")
        ->capture_default_str();
    sub.add_option("--target", config.target_households, "Preferred households per grid")
        ->capture_default_str();
    sub.add_option("--usable-ratio", config.estimate.usable_ratio,
                   "Share of floor area that is dwellings (estimates)")
        ->capture_default_str();
    sub.add_option("--dwelling-m2", config.estimate.dwelling_m2,
                   "Average floor area per household in m2 (estimates)")
        ->capture_default_str();
    sub.add_option("--floor-height", config.estimate.floor_height_m,
                   "Storey height in metres, to turn heights into floors")
        ->capture_default_str();
    sub.add_option("--min-dwelling-footprint", config.estimate.min_area_m2,
                   "Footprints below this many m2 hold no dwelling")
        ->capture_default_str();
    sub.add_option("--default-floors", o.default_floors,
                   "Floors assumed for a use value, VALUE=N (repeatable; * = any other)");
    sub.add_option("--assume-crs", config.assume_crs,
                   "CRS for layers that carry none, e.g. EPSG:4326, EPSG:4490, or GCJ02 / BD09 "
                   "(Amap / Baidu lon/lat)");
    sub.add_option("--output-crs", config.output_crs,
                   "CRS of the output layers: EPSG:4326 (default), GCJ02 / BD09 to overlay Amap / "
                   "Baidu basemaps, or any EPSG:xxxx");
    sub.add_option("--source-encoding", o.source_encoding,
                   "Text encoding of every Shapefile's .dbf (e.g. GBK), overriding its .cpg; for "
                   "data without a .cpg");
    sub.add_option(
        "--working-crs", config.working_crs,
        "Metric CRS to work in (default: the buildings' projected CRS, else the local UTM zone)");
    sub.add_option("--street-code", config.street_code,
                   "Code prefix of every grid (e.g. the street's administrative code)")
        ->capture_default_str();
    sub.add_option("--code-scheme", config.codes.scheme,
                   "Grid codes: gridplan (<street>-AA-CC-GGG), street15 (admin 6 + street 3 + "
                   "community 3 + grid 3 digits) or cjt349 (CJ/T 349-2010: service-object code + "
                   "the same 12 digits + grid 2 digits)")
        ->capture_default_str();
    sub.add_option("--admin-code", config.codes.admin_code,
                   "street15 / cjt349: 6-digit administrative (county) code, e.g. 110105");
    sub.add_option("--street-number", config.codes.street_number,
                   "street15 / cjt349: 3-digit street (township) number, e.g. 001");
    sub.add_option("--community-code-field", config.codes.community_code_field,
                   "street15 / cjt349: communities field with the 3-digit community code or the "
                   "12-digit statistical code (default: numbered in reading order)");
    sub.add_option("--service-code", config.codes.service_code,
                   "cjt349: the service-object code (digits) that starts every grid code");
    sub.add_option("--seed", config.seed, "Seed of every random choice")->capture_default_str();
    if (partition)
    {
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
    sub.add_flag("-q,--quiet", o.quiet,
                 partition ? "Print nothing but errors" : "Print only the verdict line");
}

// Turns the raw option values into the config: optional layers, barriers, key=value lists.
void finishConfig(CliOptions& o)
{
    auto& config = o.config;
    if (!o.street.path.empty())
        config.street = o.street;
    if (!o.compounds.path.empty())
        config.compounds = o.compounds;
    config.barriers = o.barriers.sources("barriers");
    config.streets = o.streets.sources("streets");
    config.roads = o.roads.sources("roads");
    parsePairs(o.road_classes, "--road-class", config.road_classes);
    (void)gp::classify::RoadClasses(
        config.road_classes); // an unknown role is a usage error (exit 2)
    for (std::size_t i = 0; i < o.special_paths.size(); ++i)
    {
        gp::SpecialSource s;
        s.source.path = o.special_paths[i];
        s.source.layer = perSource(o.special_layers, o.special_paths, "--special-layer", i);
        s.source.where = perSource(o.special_wheres, o.special_paths, "--special-where", i);
        s.source.id_field =
            perSource(o.special_id_fields, o.special_paths, "--special-id-field", i);
        s.kind = perSource(o.special_kinds, o.special_paths, "--special-kind", i);
        s.source.crs = perSource(o.special_crss, o.special_paths, "--special-crs", i);
        if (auto field =
                perSource(o.special_kind_fields, o.special_paths, "--special-kind-field", i);
            !field.empty())
            s.kind_field = field;
        config.specials.push_back(std::move(s));
    }
    if (!o.households_table.source.path.empty())
    {
        if (o.households_table.key.empty() || o.households_table.building_field.empty())
            throw gp::ConfigError(
                "--households-table needs --households-table-key (its column) and "
                "--households-key-field (the buildings field)");
        config.households_table = o.households_table;
    }
    else if (!o.households_table.key.empty() || !o.households_table.building_field.empty() ||
             !o.households_table.count.empty())
        throw gp::ConfigError(
            "--households-table-key, --households-key-field and --households-table-count "
            "need --households-table");
    parsePairs(o.use_map, "--use-map", config.use_mapping);
    parsePairs(o.default_floors, "--default-floors", config.estimate.default_floors);
    if (!o.source_encoding.empty())
        gp::io::setShapefileEncoding(o.source_encoding);
    if (!config.output_crs.empty() && !gp::io::parseLonLatShift(config.output_crs))
        gp::io::spatialRefFromUser(config.output_crs); // ConfigError now, not after the run
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"gridplan: community micro-grids (微网格) of 300-500 households from building and "
                 "boundary layers"};
    app.require_subcommand(1);
    app.set_version_flag("--version", GRIDPLAN_VERSION);

    CliOptions o;
    auto* partition =
        app.add_subcommand("partition", "Partition every community of a street into micro-grids");
    bindOptions(*partition, o, true);
    auto* check = app.add_subcommand(
        "check", "Load, classify and place the inputs without partitioning; list every problem "
                 "(exit 0: partition would accept them, 1: it would refuse)");
    bindOptions(*check, o, false);
    gp::cli::BatchCommand batch_command;
    auto* batch = batch_command.add(app);
    gp::cli::PdfOptions pdf;
    gp::cli::bindAtlasOptions(*partition, pdf, o.config);
    gp::cli::ConfigFileOptions partition_file, check_file;
    gp::cli::bindOutputOptions(*partition, o.config, partition_file, true);
    gp::cli::bindOutputOptions(*check, o.config, check_file, false);

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& e)
    {
        return app.exit(e) == 0 ? kOk : kUsageError;
    }
    auto& config = o.config;
    const bool checking = check->parsed();

    const auto start = std::chrono::steady_clock::now();
    auto log = [&](const std::string& line)
    {
        if (o.quiet)
            return;
        const auto s = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - start)
                           .count();
        std::fprintf(stderr, "[%02lld:%02lld] %s\n", static_cast<long long>(s / 60),
                     static_cast<long long>(s % 60), line.c_str());
    };

    try
    {
        if (batch->parsed())
            return batch_command.run();
        if (gp::cli::applyConfigFile(checking ? *check : *partition, checking ? *partition : *check,
                                     checking ? check_file : partition_file, std::cout))
            return kOk;
        finishConfig(o);
        // --areas 0 would silently mean "not given" (balance by --area-target): say so instead.
        if ((checking ? check : partition)->get_option("--areas")->count() > 0 &&
            config.area_count <= 0)
            throw gp::ConfigError("--areas must be at least 1, got " +
                                  std::to_string(config.area_count) +
                                  " (leave --areas out to balance areas by --area-target)");
        if (checking)
        {
            const auto result = gp::check::checkInputs(config);
            if (o.quiet)
                std::cout << (result.accepted ? "partition would accept these inputs\n"
                                              : "partition would refuse these inputs\n");
            else
                std::cout << gp::check::formatTable(result);
            return result.accepted ? kOk : kDataError;
        }

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
            std::to_string(plan.grids.size() - static_cast<std::size_t>(residential)) +
            " dedicated, " + std::to_string(plan.issues.size()) + " issues; outputs in " +
            gp::io::redactConnection(config.out_dir));
        return pdf_ok ? kOk : kDataError;
    }
    catch (const gp::ConfigError& e)
    {
        std::cerr << "gridplan: error: " << e.what() << "\n(see gridplan "
                  << (batch->parsed() ? "batch"
                      : checking      ? "check"
                                      : "partition")
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
