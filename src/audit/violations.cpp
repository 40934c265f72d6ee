#include "audit/violations.hpp"

#include <algorithm>
#include <map>

namespace gp::audit
{

namespace
{

// Communities whose outlines come within a metre of each other.
std::vector<int> neighbours(const Plan& plan, int community)
{
    std::vector<int> out;
    const auto& area = plan.communities[static_cast<std::size_t>(community)].area;
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        if (c != community && bg::distance(area, plan.communities[static_cast<std::size_t>(c)].area) < 1.0)
            out.push_back(c);
    return out;
}

std::string label(const Community& c)
{
    return c.id + (c.name.empty() ? "" : " (" + c.name + ")");
}

std::string suggestion(const Plan& plan, const Grid& grid, partition::ViolationCause cause,
                       int max_households)
{
    using partition::ViolationCause;
    switch (cause)
    {
    case ViolationCause::CommunityTooSmall: {
        const auto near = neighbours(plan, grid.community);
        if (near.empty())
            return "the community is too small for one grid; merge it with a neighbouring community";
        int smallest = near.front();
        std::map<int, int> households;
        for (const auto& g : plan.grids)
            households[g.community] += g.households;
        for (int c : near)
            if (households[c] < households[smallest])
                smallest = c;
        return "merge with neighbouring community " + label(plan.communities[static_cast<std::size_t>(smallest)]);
    }
    case ViolationCause::UnitOverMax: {
        std::string biggest;
        int most = -1;
        for (int b : grid.buildings)
            if (plan.buildings[static_cast<std::size_t>(b)].households > most)
            {
                most = plan.buildings[static_cast<std::size_t>(b)].households;
                biggest = plan.buildings[static_cast<std::size_t>(b)].id;
            }
        if (most > max_households)
            return "split building " + biggest + " (" + std::to_string(most) +
                   " households) by stairwell groups (楼组) into several grids";
        return "split the compound along its internal roads or building rows";
    }
    case ViolationCause::IsolatedCluster:
        return "the cluster is cut off by barriers or the community outline; join it to the grid across the barrier";
    case ViolationCause::NoFeasibleCut:
        return "no contiguous split meets the bounds; review the grid by hand";
    }
    return {};
}

} // namespace

void reportViolations(Plan& plan, const std::vector<GridViolation>& violations,
                      const PartitionConfig& config)
{
    std::map<int, const GridViolation*> by_grid;
    for (const auto& v : violations)
        by_grid.emplace(v.grid, &v);
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = plan.grids[static_cast<std::size_t>(g)];
        if (grid.kind != GridKind::Residential)
            continue; // dedicated grids are sized by their land use, not by households
        const bool under = grid.households < config.min_households;
        const bool over = grid.households > config.max_households;
        if (!under && !over)
            continue;
        auto it = by_grid.find(g);
        const auto cause = it != by_grid.end() ? it->second->cause
                                               : partition::ViolationCause::NoFeasibleCut;
        Issue issue;
        issue.reason = under ? "grid_under_min" : "grid_over_max";
        issue.cause = partition::toString(cause);
        const auto& community = plan.communities[static_cast<std::size_t>(grid.community)];
        issue.detail = "grid " + grid.code + " in " + label(community) + " holds " +
                       std::to_string(grid.households) + " households, " +
                       (under ? "below the minimum " + std::to_string(config.min_households)
                              : "above the maximum " + std::to_string(config.max_households)) +
                       (it != by_grid.end() && !it->second->detail.empty() ? ": " + it->second->detail : "") +
                       "; suggestion: " + suggestion(plan, grid, cause, config.max_households);
        issue.households = grid.households;
        issue.community = community.id;
        issue.grid = grid.code;
        for (int b : grid.buildings)
            issue.buildings.push_back(plan.buildings[static_cast<std::size_t>(b)].id);
        issue.area = grid.area;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace gp::audit
