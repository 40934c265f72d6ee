#include "write/outputs.hpp"
#include "core/index.hpp"

#include "write/report_sections.hpp"

#include "audit/coverage.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "io/geojson_writer.hpp"
#include "io/gpkg_writer.hpp"
#include "io/output_dir.hpp"
#include "io/postgis_writer.hpp"
#include "write/changes.hpp"
#include "write/fields.hpp"
#include "write/planner_outputs.hpp"
#include "write/review_section.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <future>
#include <map>

namespace gp::write
{

using io::FeatureTable;

// Issue 13's figures (audit/streets): how well the grids follow the streets.
nlohmann::ordered_json streetsJson(const StreetMeasures& m)
{
    using Json = nlohmann::ordered_json;
    Json split = Json::array();
    for (const auto& s : m.fitting_split)
        split.push_back({{"block", s.block},
                         {"community", s.community},
                         {"households", s.households},
                         {"grids", s.grids},
                         {"reason", s.reason}});
    auto pct = [](double part, double whole)
    { return whole > 0 ? Json(rounded(100.0 * part / whole, 2)) : Json(nullptr); };
    return Json{{"interior_boundary_m", rounded(m.interior_boundary_m, 1)},
                {"boundary_on_streets_m", rounded(m.on_streets_m, 1)},
                {"boundary_on_streets_pct", pct(m.on_streets_m, m.interior_boundary_m)},
                {"street_distance_m", m.street_distance_m},
                {"blocks", m.blocks},
                {"blocks_fitting_one_grid", m.blocks_fitting},
                {"fitting_blocks_split", m.fitting_split.size()},
                {"fitting_blocks_split_pct",
                 pct(static_cast<double>(m.fitting_split.size()), m.blocks_fitting)},
                {"fitting_blocks_split_list", split},
                {"barrier_crossings_forced", m.crossings_forced},
                {"barrier_crossings_avoidable", m.crossings_avoidable},
                {"grids", m.grids},
                {"grids_within_bounds", m.grids_within_bounds},
                {"grids_within_bounds_pct", pct(m.grids_within_bounds, m.grids)},
                {"grids_without_land", m.grids_without_land},
                {"multipart_grids", m.multipart_grids},
                {"mean_polsby_popper", rounded(m.mean_polsby_popper, 4)}};
}

// report.json "households_register": the register join in numbers (issue 16).
nlohmann::ordered_json registerSection(const RegisterJoin& j, const HouseholdsTable& t)
{
    using Json = nlohmann::ordered_json;
    return {{"path", j.path},
            {"layer", t.source.layer},
            {"where", t.source.where},
            {"key", t.key},
            {"building_field", t.building_field},
            {"count", t.count.empty() ? Json(nullptr) : Json(t.count)},
            {"rows_read", j.rows_read},
            {"rows_ignored", j.rows_ignored},
            {"keys", j.keys},
            {"keys_matched", j.keys_matched},
            {"keys_unmatched", j.keys_unmatched},
            {"rows_unmatched", j.rows_unmatched},
            {"households_unmatched", j.households_unmatched},
            {"keys_on_several_buildings", j.keys_on_several_buildings},
            {"buildings_with_key", j.buildings_with_key},
            {"buildings_matched", j.buildings_matched},
            {"residential_buildings_without_row", j.buildings_without_row},
            {"households_joined", j.households_joined}};
}

// report.json "options": every option that changes the result, named as on the command line,
// so that a run can be reproduced from its report (issue 18).
nlohmann::ordered_json optionsSection(const PartitionConfig& config)
{
    nlohmann::ordered_json o = {{"min", config.min_households},
                                {"max", config.max_households},
                                {"target", config.target_households},
                                {"households_field", config.households_field},
                                {"floors_field", config.floors_field},
                                {"height_field", config.height_field},
                                {"use_field", config.use_field},
                                {"usable_ratio", config.estimate.usable_ratio},
                                {"dwelling_m2", config.estimate.dwelling_m2},
                                {"floor_height_m", config.estimate.floor_height_m},
                                {"min_dwelling_footprint_m2", config.estimate.min_area_m2},
                                {"seed", config.seed}};
    const auto& d = config.dedicated;
    o["use_map"] = config.use_mapping;
    o["default_floors"] = config.estimate.default_floors;
    o["dedicated_distance"] = d.cluster_distance_m;
    o["dedicated_floor_area"] = d.min_floor_area_m2;
    o["dedicated_buildings"] = d.min_buildings;
    o["dedicated_workers"] = d.min_workers;
    o["dedicated_flag_field"] = d.flag_field;
    o["workers_field"] = d.workers_field;
    o["fold_distance"] = d.fold_distance_m;
    o["area_target"] = config.area_target_households;
    o["areas"] = config.area_count;
    o["street_code"] = config.street_code;
    o["assume_crs"] = config.assume_crs;
    o["working_crs"] = config.working_crs;
    o["buildings_id_field"] = config.buildings.id_field;
    o["communities_id_field"] = config.communities.id_field;
    o["communities_name_field"] = config.communities.name_field;
    return o;
}

namespace
{

// report.json "grid_households": the spread of grid sizes.
nlohmann::ordered_json gridHouseholdsSection(const PlanCounts& counts)
{
    return {
        {"min", counts.sizes.empty() ? 0 : counts.sizes.front()},
        {"max", counts.sizes.empty() ? 0 : counts.sizes.back()},
        {"mean", rounded(counts.mean, 2)},
        {"stddev", rounded(std::sqrt(counts.var), 2)},
        {"median", counts.sizes.empty() ? 0 : counts.sizes[counts.sizes.size() / 2]},
    };
}

bool isBoundViolation(const Issue& issue)
{
    return issue.reason == "grid_under_min" || issue.reason == "grid_over_max";
}

// report.json "violations": the grids outside [min, max], one entry each.
nlohmann::ordered_json violationsSection(const Plan& plan)
{
    nlohmann::ordered_json violations = nlohmann::ordered_json::array();
    for (const auto& issue : plan.issues)
        if (isBoundViolation(issue))
            violations.push_back({{"grid_code", issue.grid},
                                  {"reason", issue.reason},
                                  {"cause", issue.cause},
                                  {"households", issue.households},
                                  {"detail", issue.detail}});
    return violations;
}

// report.json "bounds": grids out of bounds per cause; not_found (the search stopped) is
// counted on its own.
nlohmann::ordered_json boundsSection(const Plan& plan, const PartitionConfig& config)
{
    std::map<std::string, int> by_cause;
    int outside = 0;
    for (const auto& issue : plan.issues)
        if (isBoundViolation(issue))
        {
            ++outside;
            ++by_cause[issue.cause];
        }
    const int not_found = by_cause.count("not_found") ? by_cause["not_found"] : 0;
    by_cause.erase("not_found");
    return {{"min", config.min_households},
            {"max", config.max_households},
            {"grids_outside", outside},
            {"by_cause", by_cause},
            {"not_found", not_found}};
}

// report.json "exact_check.grid_pairs": pairs of neighbouring grids re-solved as two, where whole
// pieces are out of the exact model's reach.
nlohmann::ordered_json gridPairsSection(const Plan& plan)
{
    int pairs = 0, solved = 0, heuristic = 0, exact = 0, largest = 0, smallest = 0;
    for (const auto& c : plan.exact_pair_checks)
    {
        pairs += c.pairs;
        solved += c.solved;
        heuristic += c.heuristic_cut;
        exact += c.exact_cut;
        largest = std::max(largest, c.largest_solved);
        if (c.smallest_unsolved > 0)
            smallest =
                smallest == 0 ? c.smallest_unsolved : std::min(smallest, c.smallest_unsolved);
    }
    return {{"pairs", pairs},
            {"proven_optimal", solved},
            {"heuristic_cut_links", heuristic},
            {"exact_cut_links", exact},
            {"largest_solved_units", largest},
            {"smallest_unsolved_units", smallest}};
}

// report.json "exact_check" (--exact): the heuristic's cut links against the exact model's per
// small piece.
nlohmann::ordered_json exactCheckSection(const Plan& plan, const PartitionConfig& config)
{
    using Json = nlohmann::ordered_json;
    Json pieces = Json::array();
    int heuristic = 0, exact = 0, optimal = 0;
    for (const auto& c : plan.exact_checks)
    {
        pieces.push_back({{"community", c.community},
                          {"units", c.units},
                          {"parts", c.parts},
                          {"heuristic_cut_links", c.heuristic_cut},
                          {"exact_cut_links", c.exact_cut},
                          {"lower_bound", c.lower_bound},
                          {"status", c.status}});
        if (c.exact_cut >= 0)
        {
            heuristic += c.heuristic_cut;
            exact += c.exact_cut;
        }
        optimal += c.status == "optimal";
    }
    return {{"max_units", config.exact_check_units},
            {"pieces", pieces.size()},
            {"proven_optimal", optimal},
            {"heuristic_cut_links", heuristic},
            {"exact_cut_links", exact},
            {"pieces_detail", pieces},
            {"grid_pairs", gridPairsSection(plan)}};
}

// report.json "issues": every issue of the plan, in plan order.
nlohmann::ordered_json issuesSection(const Plan& plan)
{
    nlohmann::ordered_json issues = nlohmann::ordered_json::array();
    for (const auto& issue : plan.issues)
        issues.push_back({{"reason", issue.reason},
                          {"cause", issue.cause},
                          {"detail", issue.detail},
                          {"community", issue.community},
                          {"grid_code", issue.grid},
                          {"buildings", issue.buildings}});
    return issues;
}

} // namespace

nlohmann::ordered_json report(const Plan& plan, const PartitionConfig& config)
{
    nlohmann::ordered_json r;
    r["tool"] = "gridplan";
    r["version"] = GRIDPLAN_VERSION;
    r["working_crs"] = plan.working_crs;
    r["working_crs_reason"] = plan.working_crs_reason;
    r["output_crs"] = config.output_crs.empty() ? "EPSG:4326" : config.output_crs;
    r["inputs"] = inputsSection(plan);
    if (plan.register_join && config.households_table)
        r["households_register"] = registerSection(*plan.register_join, *config.households_table);
    r["options"] = optionsSection(config);

    const PlanCounts counts = countPlan(plan, config);
    r["summary"] = summarySection(plan, counts);
    r["compounds"] = compoundsSection(plan);
    r["grid_households"] = gridHouseholdsSection(counts);
    r["communities"] = communitiesSection(plan, config);
    r["areas"] = areasSection(plan);
    r["grids"] = gridsSection(plan, config);
    if (plan.street_measures)
        r["streets"] = streetsJson(*plan.street_measures);
    r["violations"] = violationsSection(plan);
    r["bounds"] = boundsSection(plan, config);
    if (config.exact_check_units > 0)
        r["exact_check"] = exactCheckSection(plan, config);
    r["issues"] = issuesSection(plan);
    if (plan.changes)
    {
        // Re-run against a previous run: what changed, and the codes never to be issued again.
        r["changes"] = changesReport(*plan.changes);
        r["codes"] = {{"retired", plan.changes->retired_codes},
                      {"locked", plan.changes->locked_codes}};
    }
    if (plan.review) // gridplan review (write/review_section)
        r["review"] = reviewReport(*plan.review);
    return r;
}

// report.json of a street run by `gridplan batch`: with its fingerprint
// (src/batch/fingerprint.hpp).
static nlohmann::ordered_json report(const Plan& plan, const PartitionConfig& config,
                                     const std::string& batch_fingerprint)
{
    auto r = report(plan, config);
    if (!batch_fingerprint.empty())
        r["batch"] = {{"fingerprint", batch_fingerprint}};
    return r;
}

std::vector<FeatureTable> outputTables(const Plan& plan, const PartitionConfig& config)
{
    std::vector<FeatureTable> tables;
    tables.push_back(gridsTable(plan, config));
    tables.push_back(buildingsTable(plan));
    tables.push_back(gapsTable(plan));
    tables.push_back(communitiesTable(plan, config));
    tables.push_back(areasTable(plan));
    if (!plan.compounds.empty())
        tables.push_back(compoundsTable(plan));
    if (!plan.blockFaces().empty())
        tables.push_back(blocksTable(plan));
    if (plan.changes)
        tables.push_back(changesTable(*plan.changes));
    return tables;
}

void writeOutputs(const Plan& plan, const PartitionConfig& config, ProgressReporter* progress,
                  const std::string& batch_fingerprint)
{
    const auto tables = outputTables(plan, config);
    std::size_t rows = 0;
    for (const auto& t : tables)
        rows += t.rows.size();
    ProgressTask task(progress, "write", rows);
    if (io::isPostgisConnection(config.out_dir))
    {
        const std::string json =
            report(plan, config, batch_fingerprint)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        io::writePostgis(tables, json, {config.out_dir, config.pg_schema, config.pg_table_prefix},
                         plan.working_crs_wkt, &task, config.output_crs);
        task.finish();
        return;
    }
    io::OutputStaging staging(config.out_dir, io::runInputPaths(config));
    // report.json, report.html and the QGIS files need none of the layer files: with a second
    // thread they are made while the layers are written (bytes do not depend on it).
    auto side_files = [&]
    {
        const auto json = report(plan, config, batch_fingerprint);
        // Invalid UTF-8 from a mis-decoded source must not abort the run: replace it.
        std::vector<std::pair<std::string, std::string>> files{
            {"report.json",
             json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n'}};
        // gridplan.qgs with its .qml styles and report.html (README "QGIS project and report").
        for (auto& file : plannerOutputFiles(plan, config, tables, json))
            files.push_back(std::move(file));
        return files;
    };
    std::future<std::vector<std::pair<std::string, std::string>>> side;
    if (resolveThreads(config.threads) > 1)
        side = std::async(std::launch::async, side_files);
    if (config.output_format == "gpkg")
        io::writeGeoPackage(tables, staging.path("gridplan.gpkg"), plan.working_crs_wkt, &task,
                            config.output_crs);
    else
        for (const auto& table : tables)
            io::writeGeoJson(table, staging.path(table.name + ".geojson"), plan.working_crs_wkt,
                             &task, config.threads, config.output_crs);
    for (const auto& [name, bytes] : side.valid() ? side.get() : side_files())
        writeTextFile(staging.path(name), bytes);
    staging.commit();
    task.finish();
}

} // namespace gp::write
