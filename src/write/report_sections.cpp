#include "write/report_sections.hpp"
#include "core/index.hpp"

#include "audit/coverage.hpp"
#include "write/fields.hpp"
#include "write/outputs.hpp"

#include <algorithm>
#include <cmath>

namespace gp::write
{

// report.json "inputs": every input layer as read.
Json inputsSection(const Plan& plan)
{
    Json inputs = Json::array();
    for (const auto& s : plan.sources)
        inputs.push_back({{"role", s.role},
                          {"path", s.path},
                          {"layer", s.layer},
                          {"where", s.where},
                          {"crs", s.crs},
                          {"features_read", s.features_read},
                          {"features_skipped", s.features_skipped}});
    return inputs;
}

PlanCounts countPlan(const Plan& plan, const PartitionConfig& config)
{
    PlanCounts k;
    auto& [households_total, households_in_grids, households_within, residential, assigned,
           by_source, by_use, within, folded, sizes, dedicated_by_type, special_grids, pp_sum, mean,
           var] = k;
    // Counts over buildings.
    for (const auto& b : plan.buildings)
    {
        households_total += b.households;
        ++by_source[toString(b.households_source)];
        ++by_use[toString(b.use)];
        if (b.use == BuildingUse::Residential)
            ++residential;
        if (b.grid >= 0)
        {
            ++assigned;
            households_in_grids += b.households;
            const auto& grid = at(plan.grids, b.grid);
            if (grid.kind == GridKind::Residential &&
                std::string(boundsStatus(grid.households, config)) == "within")
                households_within += b.households;
        }
    }
    for (const auto& g : plan.grids)
    {
        folded += g.folded_buildings;
        if (g.kind == GridKind::Dedicated)
        {
            ++dedicated_by_type[g.dedicated_type];
            special_grids += g.special >= 0;
            continue;
        }
        sizes.push_back(g.households);
        within += std::string(boundsStatus(g.households, config)) == "within";
        pp_sum += g.metrics.polsby_popper;
    }
    std::sort(sizes.begin(), sizes.end());
    for (int s : sizes)
        mean += s;
    if (!sizes.empty())
        mean /= static_cast<double>(sizes.size());
    for (int s : sizes)
        var += (s - mean) * (s - mean);
    if (!sizes.empty())
        var /= static_cast<double>(sizes.size());
    return k;
}

// report.json "summary".
Json summarySection(const Plan& plan, const PlanCounts& k)
{
    const auto& [households_total, households_in_grids, households_within, residential, assigned,
                 by_source, by_use, within, folded, sizes, dedicated_by_type, special_grids, pp_sum,
                 mean, var] = k;
    const auto street_pct = audit::streetCoverage(plan).covered_pct;
    std::map<std::string, int> issues_by_reason;
    for (const auto& issue : plan.issues)
        ++issues_by_reason[issue.reason];

    Json summary = {
        {"buildings", plan.buildings.size()},
        {"residential_buildings", residential},
        {"buildings_in_grids", assigned},
        {"households", households_total},
        {"households_in_grids", households_in_grids},
        {"households_in_grids_within_bounds_pct",
         households_in_grids ? rounded(100.0 * static_cast<double>(households_within) /
                                           static_cast<double>(households_in_grids),
                                       2)
                             : 0.0},
        {"communities", plan.communities.size()},
        // null when no street was given.
        {"street_area_covered_pct", street_pct ? Json(rounded(*street_pct, 2)) : Json(nullptr)},
        {"grids", sizes.size()},
        {"grids_within_bounds", within},
        {"mean_polsby_popper",
         sizes.empty() ? 0.0 : rounded(pp_sum / static_cast<double>(sizes.size()), 4)},
        {"dedicated_grids", plan.grids.size() - sizes.size()},
        {"dedicated_grids_by_type", dedicated_by_type},
        {"dedicated_grids_from_special_areas", special_grids},
        {"folded_buildings", folded},
        {"buildings_by_households_source", by_source},
        {"buildings_by_use", by_use},
        {"issues_by_reason", issues_by_reason},
    };
    if (plan.mean_polsby_popper_before_improve)
        summary["mean_polsby_popper_before_improve"] =
            rounded(*plan.mean_polsby_popper_before_improve, 4);
    return summary;
}

// report.json "compounds": how the compounds fared; kept_whole counts "whole" and "merged"
// (never split).
Json compoundsSection(const Plan& plan)
{
    std::map<std::string, int> by_status;
    int kept = 0, split_pieces = 0;
    for (const auto& o : plan.compound_outcomes)
    {
        ++by_status[toString(o.status)];
        kept += o.status == CompoundStatus::Whole || o.status == CompoundStatus::Merged;
        if (o.status == CompoundStatus::Split)
            split_pieces += static_cast<int>(o.grids.size());
    }
    int grids_splitting = 0;
    for (const auto& g : plan.grids)
        grids_splitting += g.metrics.splits_compound > 0;
    return {{"compounds", plan.compounds.size()},
            {"kept_whole", kept},
            {"by_status", by_status},
            {"split_pieces", split_pieces},
            {"grids_holding_split_compound", grids_splitting},
            {"inferred_blocks", plan.blockFaces().size()}};
}

// report.json "communities": residential grids, households and grids within bounds per
// community, in one pass.
Json communitiesSection(const Plan& plan, const PartitionConfig& config)
{
    struct CommunityTotals
    {
        int grids = 0, households = 0, in_bounds = 0;
    };
    std::vector<CommunityTotals> totals(plan.communities.size());
    for (const auto& g : plan.grids)
        if (g.community >= 0 && g.kind == GridKind::Residential)
        {
            auto& t = at(totals, g.community);
            ++t.grids;
            t.households += g.households;
            t.in_bounds += std::string(boundsStatus(g.households, config)) == "within";
        }
    Json communities = Json::array();
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        const auto& comm = plan.communities[c];
        communities.push_back({{"code", comm.code},
                               {"id", comm.id},
                               {"name", comm.name},
                               {"households", totals[c].households},
                               {"grids", totals[c].grids},
                               {"grids_within_bounds", totals[c].in_bounds}});
    }
    return communities;
}

// report.json "areas", by area code.
Json areasSection(const Plan& plan)
{
    Json areas = Json::array();
    for (const auto& a : plan.areas)
    {
        std::vector<std::string> ids;
        for (int c : a.communities)
            ids.push_back(at(plan.communities, c).id);
        areas.push_back({{"area_code", a.code},
                         {"communities", ids},
                         {"households", a.households},
                         {"commercial_share", rounded(a.commercial_share, 4)}});
    }
    std::sort(areas.begin(), areas.end(),
              [](const Json& x, const Json& y) { return x["area_code"] < y["area_code"]; });
    return areas;
}

// report.json "grids", by grid code.
Json gridsSection(const Plan& plan, const PartitionConfig& config)
{
    std::vector<const Grid*> grids;
    for (const auto& g : plan.grids)
        grids.push_back(&g);
    std::sort(grids.begin(), grids.end(),
              [](const Grid* a, const Grid* b) { return a->code < b->code; });
    Json grid_list = Json::array();
    for (const Grid* g : grids)
        grid_list.push_back(
            {{"grid_code", g->code},
             {"kind", toString(g->kind)},
             {"community", at(plan.communities, g->community).id},
             {"households", g->households},
             {"buildings", g->buildings.size()},
             {"bounds",
              g->kind == GridKind::Residential ? boundsStatus(g->households, config) : "n/a"},
             {"polsby_popper", rounded(g->metrics.polsby_popper, 4)},
             {"barrier_crossings", g->metrics.barrier_crossings},
             {"splits_compound", g->metrics.splits_compound},
             {"barrier_crossings_forced", g->metrics.crossings_forced},
             {"barrier_crossings_avoidable", g->metrics.crossings_avoidable}});
    return grid_list;
}

} // namespace gp::write
