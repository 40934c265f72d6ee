#include "write/outputs.hpp"

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
using io::FieldType;
using io::FieldValue;

namespace
{

const Community* communityOf(const Plan& plan, int index)
{
    return index >= 0 ? &plan.communities[static_cast<std::size_t>(index)] : nullptr;
}

} // namespace

const char* boundsStatus(int households, const PartitionConfig& config)
{
    if (households < config.min_households)
        return "under";
    if (households > config.max_households)
        return "over";
    return "within";
}

FeatureTable gridsTable(const Plan& plan, const PartitionConfig& config)
{
    FeatureTable t;
    t.name = "grids";
    t.fields = {{"grid_code", FieldType::String},
                {"kind", FieldType::String},
                {"community", FieldType::String},
                {"community_name", FieldType::String},
                {"households", FieldType::Integer},
                {"buildings", FieldType::Integer},
                {"bounds", FieldType::String},
                {"deviation", FieldType::Integer},
                {"area_m2", FieldType::Real},
                {"polsby_popper", FieldType::Real},
                {"cut_edges", FieldType::Integer},
                {"barrier_crossings", FieldType::Integer},
                {"dedicated_type", FieldType::String},
                {"name", FieldType::String},
                {"special_id", FieldType::String},
                {"floor_area_m2", FieldType::Real},
                {"folded_buildings", FieldType::Integer},
                {"folded_floor_area_m2", FieldType::Real},
                {"splits_compound", FieldType::Integer}};
    std::vector<int> order(plan.grids.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(),
              [&](int a, int b)
              {
                  return plan.grids[static_cast<std::size_t>(a)].code <
                         plan.grids[static_cast<std::size_t>(b)].code;
              });
    for (int g : order)
    {
        const auto& grid = plan.grids[static_cast<std::size_t>(g)];
        const Community* c = communityOf(plan, grid.community);
        const bool dedicated = grid.kind == GridKind::Dedicated;
        FeatureTable::Row row;
        row.values = {
            text(grid.code),
            text(toString(grid.kind)),
            text(c ? c->id : ""),
            text(c ? c->name : ""),
            integer(grid.households),
            integer(static_cast<long long>(grid.buildings.size())),
            dedicated ? FieldValue{} : text(boundsStatus(grid.households, config)),
            dedicated ? FieldValue{} : integer(grid.households - config.target_households),
            real(grid.metrics.area_m2, 1),
            real(grid.metrics.polsby_popper, 4),
            integer(grid.metrics.cut_edges),
            integer(grid.metrics.barrier_crossings),
            text(grid.dedicated_type),
            text(grid.name),
            grid.special >= 0 ? text(plan.specials[static_cast<std::size_t>(grid.special)].id)
                              : FieldValue{},
            dedicated ? real(grid.floor_area_m2, 1) : FieldValue{},
            integer(grid.folded_buildings),
            real(grid.folded_floor_area_m2, 1),
            integer(grid.metrics.splits_compound)};
        row.area = grid.area;
        t.rows.push_back(std::move(row));
    }
    return t;
}

FeatureTable buildingsTable(const Plan& plan)
{
    FeatureTable t;
    t.name = "buildings";
    t.fields = {{"building_id", FieldType::String}, {"name", FieldType::String},
                {"grid_code", FieldType::String},   {"community", FieldType::String},
                {"households", FieldType::Integer}, {"households_source", FieldType::String},
                {"use", FieldType::String},         {"use_value", FieldType::String},
                {"floors", FieldType::Real},        {"floors_source", FieldType::String},
                {"area_m2", FieldType::Real}};
    for (const auto& b : plan.buildings)
    {
        const Community* c = communityOf(plan, b.community);
        FeatureTable::Row row;
        row.values = {text(b.id),
                      text(b.name),
                      b.grid >= 0 ? text(plan.grids[static_cast<std::size_t>(b.grid)].code)
                                  : FieldValue{},
                      text(c ? c->id : ""),
                      integer(b.households),
                      text(toString(b.households_source)),
                      text(toString(b.use)),
                      text(b.use_value),
                      b.floors > 0 ? real(b.floors, 1) : FieldValue{},
                      text(b.floors_source),
                      real(b.area_m2, 1)};
        if (!b.footprint.empty())
            row.area = b.footprint;
        else
            row.point = b.anchor;
        t.rows.push_back(std::move(row));
    }
    return t;
}

FeatureTable communitiesTable(const Plan& plan, const PartitionConfig& config)
{
    FeatureTable t;
    t.name = "communities";
    t.fields = {{"community_code", FieldType::String},
                {"community", FieldType::String},
                {"name", FieldType::String},
                {"area_code", FieldType::String},
                {"households", FieldType::Integer},
                {"buildings", FieldType::Integer},
                {"grids", FieldType::Integer},
                {"grids_within_bounds", FieldType::Integer},
                {"dedicated_grids", FieldType::Integer},
                {"violations", FieldType::Integer}};
    const std::size_t n = plan.communities.size();
    std::vector<long long> households(n, 0), buildings(n, 0), grids(n, 0), within(n, 0),
        dedicated(n, 0), violations(n, 0);
    for (const auto& b : plan.buildings)
        if (b.community >= 0)
            ++buildings[static_cast<std::size_t>(b.community)];
    for (const auto& g : plan.grids)
    {
        const auto c = static_cast<std::size_t>(g.community);
        households[c] += g.households;
        if (g.kind == GridKind::Dedicated)
        {
            ++dedicated[c];
            continue;
        }
        ++grids[c];
        const bool ok = std::string(boundsStatus(g.households, config)) == "within";
        within[c] += ok;
        violations[c] += !ok;
    }
    for (std::size_t c = 0; c < n; ++c)
    {
        const auto& comm = plan.communities[c];
        FeatureTable::Row row;
        row.values = {text(comm.code),
                      text(comm.id),
                      text(comm.name),
                      comm.area_grid >= 0
                          ? text(plan.areas[static_cast<std::size_t>(comm.area_grid)].code)
                          : FieldValue{},
                      integer(households[c]),
                      integer(buildings[c]),
                      integer(grids[c]),
                      integer(within[c]),
                      integer(dedicated[c]),
                      integer(violations[c])};
        row.area = comm.area;
        t.rows.push_back(std::move(row));
    }
    return t;
}

FeatureTable areasTable(const Plan& plan)
{
    FeatureTable t;
    t.name = "areas";
    t.fields = {{"area_code", FieldType::String},        {"communities", FieldType::String},
                {"community_count", FieldType::Integer}, {"households", FieldType::Integer},
                {"grids", FieldType::Integer},           {"commercial_share", FieldType::Real}};
    std::vector<const AreaGrid*> order;
    for (const auto& a : plan.areas)
        order.push_back(&a);
    std::sort(order.begin(), order.end(),
              [](const AreaGrid* a, const AreaGrid* b) { return a->code < b->code; });
    for (const AreaGrid* a : order)
    {
        std::vector<std::string> ids;
        long long grids = 0;
        for (int c : a->communities)
            ids.push_back(plan.communities[static_cast<std::size_t>(c)].id);
        for (const auto& g : plan.grids)
            grids += std::find(a->communities.begin(), a->communities.end(), g.community) !=
                     a->communities.end();
        FeatureTable::Row row;
        row.values = {
            text(a->code),          text(join(ids)), integer(static_cast<long long>(ids.size())),
            integer(a->households), integer(grids),  real(a->commercial_share, 4)};
        row.area = a->area;
        t.rows.push_back(std::move(row));
    }
    return t;
}

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

FeatureTable gapsTable(const Plan& plan)
{
    FeatureTable t;
    t.name = "gaps";
    t.fields = {{"reason", FieldType::String},    {"cause", FieldType::String},
                {"detail", FieldType::String},    {"households", FieldType::Integer},
                {"community", FieldType::String}, {"grid_code", FieldType::String},
                {"building_ids", FieldType::Json}};
    for (const auto& issue : plan.issues)
    {
        FeatureTable::Row row;
        row.values = {text(issue.reason), text(issue.cause), text(issue.detail),
                      integer(issue.households), text(issue.community), text(issue.grid),
                      // A JSON array: ids may hold commas (README "Identifiers").
                      text(nlohmann::json(issue.buildings)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))};
        if (issue.area)
            row.area = *issue.area;
        t.rows.push_back(std::move(row));
    }
    return t;
}

FeatureTable compoundsTable(const Plan& plan)
{
    FeatureTable t;
    t.name = "compounds";
    t.fields = {{"compound_id", FieldType::String},     {"name", FieldType::String},
                {"community", FieldType::String},       {"households", FieldType::Integer},
                {"status", FieldType::String},          {"pieces", FieldType::Integer},
                {"grids", FieldType::String},           {"merged_with", FieldType::String},
                {"loose_buildings", FieldType::Integer}};
    for (std::size_t i = 0; i < plan.compounds.size(); ++i)
    {
        const auto& c = plan.compounds[i];
        const CompoundOutcome none;
        const auto& o = i < plan.compound_outcomes.size() ? plan.compound_outcomes[i] : none;
        std::vector<std::string> codes;
        for (int g : o.grids)
            codes.push_back(plan.grids[static_cast<std::size_t>(g)].code);
        std::sort(codes.begin(), codes.end());
        const Community* comm = communityOf(plan, c.community);
        FeatureTable::Row row;
        row.values = {text(c.id),
                      text(c.name),
                      text(comm ? comm->id : ""),
                      integer(o.households),
                      text(o.status),
                      integer(static_cast<long long>(o.grids.size())),
                      text(join(codes)),
                      text(join(o.merged_with)),
                      integer(o.loose_buildings)};
        row.area = c.area;
        t.rows.push_back(std::move(row));
    }
    return t;
}

FeatureTable blocksTable(const Plan& plan)
{
    FeatureTable t;
    t.name = "blocks";
    t.fields = {{"block_id", FieldType::String},
                {"community", FieldType::String},
                {"households", FieldType::Integer},
                {"buildings", FieldType::Integer},
                {"area_m2", FieldType::Real}};
    for (const auto& b : plan.blocks)
    {
        const Community* comm = communityOf(plan, b.community);
        FeatureTable::Row row;
        row.values = {text(b.id), text(comm ? comm->id : ""), integer(b.households),
                      integer(b.buildings), real(bg::area(b.area), 1)};
        row.area = b.area;
        t.rows.push_back(std::move(row));
    }
    return t;
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

nlohmann::ordered_json report(const Plan& plan, const PartitionConfig& config)
{
    using Json = nlohmann::ordered_json;
    Json r;
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
    r["grid_households"] = {
        {"min", counts.sizes.empty() ? 0 : counts.sizes.front()},
        {"max", counts.sizes.empty() ? 0 : counts.sizes.back()},
        {"mean", rounded(counts.mean, 2)},
        {"stddev", rounded(std::sqrt(counts.var), 2)},
        {"median", counts.sizes.empty() ? 0 : counts.sizes[counts.sizes.size() / 2]},
    };

    r["communities"] = communitiesSection(plan, config);
    r["areas"] = areasSection(plan);
    r["grids"] = gridsSection(plan, config);
    if (plan.street_measures)
        r["streets"] = streetsJson(*plan.street_measures);

    Json violations = Json::array();
    for (const auto& issue : plan.issues)
        if (issue.reason == "grid_under_min" || issue.reason == "grid_over_max")
            violations.push_back({{"grid_code", issue.grid},
                                  {"reason", issue.reason},
                                  {"cause", issue.cause},
                                  {"households", issue.households},
                                  {"detail", issue.detail}});
    r["violations"] = violations;
    {
        // Grids out of bounds per cause; not_found (the search stopped) is counted on its own.
        std::map<std::string, int> by_cause;
        int outside = 0;
        for (const auto& issue : plan.issues)
            if (issue.reason == "grid_under_min" || issue.reason == "grid_over_max")
            {
                ++outside;
                ++by_cause[issue.cause];
            }
        const int not_found = by_cause.count("not_found") ? by_cause["not_found"] : 0;
        by_cause.erase("not_found");
        r["bounds"] = {{"min", config.min_households},
                       {"max", config.max_households},
                       {"grids_outside", outside},
                       {"by_cause", by_cause},
                       {"not_found", not_found}};
    }
    if (config.exact_check_units > 0)
    {
        // --exact: the heuristic's cut links against the exact model's per small piece.
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
        r["exact_check"] = {{"max_units", config.exact_check_units},
                            {"pieces", pieces.size()},
                            {"proven_optimal", optimal},
                            {"heuristic_cut_links", heuristic},
                            {"exact_cut_links", exact},
                            {"pieces_detail", pieces}};
    }

    Json issues = Json::array();
    for (const auto& issue : plan.issues)
        issues.push_back({{"reason", issue.reason},
                          {"cause", issue.cause},
                          {"detail", issue.detail},
                          {"community", issue.community},
                          {"grid_code", issue.grid},
                          {"buildings", issue.buildings}});
    r["issues"] = issues;
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
    if (!plan.blocks.empty())
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
