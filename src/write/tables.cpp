// The output layers of the write stage as feature tables (README "Outputs"): one row per grid,
// building, issue, community, area, compound or block, with the fields the contract names.
#include "write/outputs.hpp"

#include "core/index.hpp"
#include "write/fields.hpp"

#include <algorithm>

namespace gp::write
{

using io::FeatureTable;
using io::FieldType;
using io::FieldValue;

namespace
{

const Community* communityOf(const Plan& plan, int index)
{
    return index >= 0 ? &at(plan.communities, index) : nullptr;
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
              [&](int a, int b) { return at(plan.grids, a).code < at(plan.grids, b).code; });
    for (int g : order)
    {
        const auto& grid = at(plan.grids, g);
        const Community* c = communityOf(plan, grid.community);
        const bool dedicated = grid.kind == GridKind::Dedicated;
        FeatureTable::Row row;
        row.values = {text(grid.code),
                      text(toString(grid.kind)),
                      text(c ? c->id : ""),
                      text(c ? c->name : ""),
                      integer(grid.households),
                      integer(static_cast<long long>(grid.buildings.size())),
                      dedicated ? FieldValue{} : text(boundsStatus(grid.households, config)),
                      dedicated ? FieldValue{}
                                : integer(grid.households - config.target_households),
                      real(grid.metrics.area_m2, 1),
                      real(grid.metrics.polsby_popper, 4),
                      integer(grid.metrics.cut_edges),
                      integer(grid.metrics.barrier_crossings),
                      text(grid.dedicated_type),
                      text(grid.name),
                      grid.special >= 0 ? text(at(plan.specials, grid.special).id) : FieldValue{},
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
                      b.grid >= 0 ? text(at(plan.grids, b.grid).code) : FieldValue{},
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
            ++at(buildings, b.community);
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
                      comm.area_grid >= 0 ? text(at(plan.areas, comm.area_grid).code)
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
            ids.push_back(at(plan.communities, c).id);
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
        // A plan not yet audited (audit/ground) has no outcomes: an empty status.
        const bool audited = i < plan.compound_outcomes.size();
        const CompoundOutcome none;
        const auto& o = audited ? plan.compound_outcomes[i] : none;
        std::vector<std::string> codes;
        for (int g : o.grids)
            codes.push_back(at(plan.grids, g).code);
        std::sort(codes.begin(), codes.end());
        const Community* comm = communityOf(plan, c.community);
        FeatureTable::Row row;
        row.values = {text(c.id),
                      text(c.name),
                      text(comm ? comm->id : ""),
                      integer(o.households),
                      text(audited ? toString(o.status) : ""),
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
    for (const auto& b : plan.blockFaces())
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

} // namespace gp::write
