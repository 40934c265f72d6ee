#include "audit/ground.hpp"

#include "core/index.hpp"

#include "graph/blocks.hpp"
#include "graph/community_graph.hpp"

#include <algorithm>

namespace gp::audit
{

namespace
{

// How each compound fared: whole, merged (with other compounds or loose buildings), split, empty.
void compoundOutcomes(Plan& plan)
{
    plan.compound_outcomes.assign(plan.compounds.size(), CompoundOutcome{});
    for (const auto& b : plan.buildings)
        if (b.compound >= 0 && b.grid >= 0)
        {
            auto& c = at(plan.compound_outcomes, b.compound);
            c.households += b.households;
            c.grids.push_back(b.grid);
        }
    for (auto& c : plan.compound_outcomes)
    {
        std::sort(c.grids.begin(), c.grids.end());
        c.grids.erase(std::unique(c.grids.begin(), c.grids.end()), c.grids.end());
    }
    for (int i = 0; i < static_cast<int>(plan.compounds.size()); ++i)
    {
        auto& c = at(plan.compound_outcomes, i);
        if (c.grids.empty())
        {
            c.status = CompoundStatus::Empty;
            continue;
        }
        if (c.grids.size() > 1)
        {
            c.status = CompoundStatus::Split;
            continue;
        }
        std::vector<int> others;
        for (int b : at(plan.grids, c.grids.front()).buildings)
        {
            const auto& building = at(plan.buildings, b);
            const int other = building.compound;
            if (!graph::isGridMember(building)) // folded shops etc. do not count as a merge
                continue;
            if (other < 0)
                ++c.loose_buildings;
            else if (other != i)
                others.push_back(other);
        }
        std::sort(others.begin(), others.end());
        others.erase(std::unique(others.begin(), others.end()), others.end());
        for (int o : others)
            c.merged_with.push_back(at(plan.compounds, o).id);
        c.status = others.empty() && c.loose_buildings == 0 ? CompoundStatus::Whole
                                                            : CompoundStatus::Merged;
    }
}

// Per grid, how many split clusters it holds a piece of: compounds, or the inferred blocks when
// there is no compound layer.
void splitCounts(Plan& plan)
{
    std::vector<std::vector<int>> grids_of(graph::clusterCount(plan));
    for (const auto& b : plan.buildings)
    {
        const int key = graph::clusterOf(plan, b);
        if (key >= 0 && b.grid >= 0)
            at(grids_of, key).push_back(b.grid);
    }
    for (auto& gs : grids_of)
    {
        std::sort(gs.begin(), gs.end());
        gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
        if (gs.size() > 1)
            for (int g : gs)
                ++at(plan.grids, g).metrics.splits_compound;
    }
}

// One issue per grid whose buildings are linked across a barrier line.
void barrierIssues(Plan& plan)
{
    for (const auto& g : plan.grids)
    {
        if (g.metrics.barrier_crossings <= 0 || g.community < 0)
            continue;
        Issue issue;
        issue.reason = "grid_crosses_barrier";
        issue.detail = "grid " + g.code + ": " + std::to_string(g.metrics.barrier_crossings) +
                       " neighbour link(s) between its buildings cross a barrier line; the "
                       "partitioner cuts such links first, so the household bounds (or "
                       "contiguity) could not be met without keeping them - check whether the "
                       "barrier should split this grid";
        issue.detail_zh = "网格 " + g.code + "：其楼栋间有 " +
                          std::to_string(g.metrics.barrier_crossings) +
                          " 条相邻连接跨越道路或河流等分隔线；划分时已优先切断此类连接，但不保留它"
                          "们就无法满足户数"
                          "范围（或连通性）——请核查该分隔线是否应将此网格分开";
        issue.households = g.households;
        issue.community = at(plan.communities, g.community).id;
        issue.grid = g.code;
        issue.area = g.area;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace

void reportGround(Plan& plan)
{
    compoundOutcomes(plan);
    splitCounts(plan);
    barrierIssues(plan);
}

} // namespace gp::audit
