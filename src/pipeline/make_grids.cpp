#include "pipeline/make_grids.hpp"

#include "core/index.hpp"

#include "core/parallel.hpp"
#include "core/plan_check.hpp"
#include "improve/improve.hpp"
#include "partition/partition.hpp"

#include <algorithm>
#include <chrono>

namespace gp::pipeline
{

void buildGrids(Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                const std::vector<std::vector<int>>& part_of, const std::vector<int>& parts,
                std::vector<int>& first_grid)
{
    first_grid.assign(graphs.size(), -1);
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        const auto& cg = graphs[k];
        if (cg.graph.units.empty())
            continue;
        const int first = static_cast<int>(plan.grids.size());
        first_grid[k] = first;
        plan.grids.resize(plan.grids.size() + static_cast<std::size_t>(parts[k]));
        for (int p = 0; p < parts[k]; ++p)
            at(plan.grids, first + p).community = cg.community;
        for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
            for (int b : cg.unit_buildings[u])
                assignBuilding(plan, b, first + part_of[k][u]);
    }
}

std::vector<audit::GridViolation> makeGrids(Plan& plan,
                                            const std::vector<graph::CommunityGraph>& graphs,
                                            const PartitionConfig& config, RunStats& stats,
                                            std::vector<std::vector<int>>* before_improve,
                                            ProgressReporter* progress, double* improve_seconds)
{
    const partition::Bounds bounds{config.min_households, config.max_households,
                                   config.target_households};
    std::vector<partition::PartitionResult> results(graphs.size());
    std::vector<std::vector<int>> part_of(graphs.size());
    std::vector<int> parts(graphs.size(), 0);
    if (before_improve)
        before_improve->assign(graphs.size(), {});
    // Communities are independent: partitioned and improved in parallel, summed in order.
    std::vector<improve::ImproveStats> improved(graphs.size());
    std::vector<double> improve_secs(graphs.size(), 0.0); // wall time per community
    ProgressTask task(progress, "partition", graphs.size());
    parallelFor(graphs.size(), config.threads,
                [&](std::size_t k, int)
                {
                    const auto& cg = graphs[k];
                    const auto& community = at(plan.communities, cg.community);
                    if (cg.graph.units.empty())
                    {
                        task.stepInOrder(k, community.id);
                        return;
                    }
                    auto& result = results[k];
                    result = partition::partitionGraph(cg.graph, bounds, config.seed);
                    if (before_improve)
                        (*before_improve)[k] = result.part_of;
                    const auto improve_start = std::chrono::steady_clock::now();
                    improved[k] = improve::improvePartition(cg.graph, bounds, result);
                    improve_secs[k] = std::chrono::duration<double>(
                                          std::chrono::steady_clock::now() - improve_start)
                                          .count();
                    part_of[k] = result.part_of;
                    parts[k] = result.parts;
                    task.stepInOrder(k, community.id +
                                            (community.name.empty() ? "" : " " + community.name));
                });
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (graphs[k].graph.units.empty())
            continue;
        stats.compactness_before += improved[k].objective_before;
        stats.compactness_after += improved[k].objective_after;
        stats.improve_moves += improved[k].moves;
        if (improve_seconds)
            *improve_seconds += improve_secs[k];
    }
    task.finish();
    std::vector<int> first_grid;
    buildGrids(plan, graphs, part_of, parts, first_grid);
    std::vector<audit::GridViolation> violations;
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (first_grid[k] < 0)
            continue;
        for (const auto& v : results[k].violations)
            violations.push_back({first_grid[k] + v.part, v.cause, v.detail});
    }
    return violations;
}

} // namespace gp::pipeline
