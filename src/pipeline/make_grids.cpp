#include "pipeline/make_grids.hpp"

#include "core/index.hpp"

#include "core/parallel.hpp"
#include "core/plan_check.hpp"
#include "improve/groups.hpp"
#include "improve/improve.hpp"
#include "partition/exact_check.hpp"
#include "partition/partition.hpp"
#include "pipeline/street_blocks.hpp"

#include <algorithm>
#include <chrono>
#include <set>

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

namespace
{

// The partitioner's options from the run's: the exact model's size and time limits.
partition::PartitionOptions partitionOptions(const PartitionConfig& config)
{
    partition::PartitionOptions options;
    options.exact.max_units = config.exact_max_units;
    options.exact.seconds = config.exact_seconds;
    options.exact_repair = config.exact_max_units > 0;
    return options;
}

// --exact: each small piece's heuristic plan against the exact model's, in community order.
void checkAgainstExact(Plan& plan, const graph::CommunityGraph& cg, const std::vector<int>& part_of,
                       const partition::Bounds& bounds, const PartitionConfig& config)
{
    partition::ExactOptions exact;
    exact.seconds = config.exact_seconds;
    for (const auto& gap :
         partition::compareWithExact(cg.graph, part_of, bounds, config.exact_check_units, exact))
        plan.exact_checks.push_back({at(plan.communities, cg.community).id, gap.units, gap.parts,
                                     gap.heuristic_cut, gap.exact_cut, gap.lower_bound,
                                     partition::toString(gap.status)});
    const partition::PairGap pairs =
        partition::compareGridPairs(cg.graph, part_of, bounds, config.exact_check_units, exact);
    plan.exact_pair_checks.push_back({at(plan.communities, cg.community).id, pairs.pairs,
                                      pairs.solved, pairs.heuristic_cut, pairs.exact_cut,
                                      pairs.largest_solved, pairs.smallest_unsolved});
}

} // namespace

std::vector<audit::GridViolation> makeGrids(Plan& plan, std::vector<graph::CommunityGraph>& graphs,
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
    const partition::PartitionOptions options = partitionOptions(config);
    std::vector<OpenedStreetBlocks> opened(graphs.size()); // street blocks opened for the bounds
    ProgressTask task(progress, "partition", graphs.size());
    parallelFor(
        graphs.size(), config.threads,
        [&](std::size_t k, int)
        {
            const auto& community = at(plan.communities, graphs[k].community);
            if (graphs[k].graph.units.empty())
            {
                task.stepInOrder(k, community.id);
                return;
            }
            auto& result = results[k];
            result = partitionWithStreetBlocks(plan, graphs[k], bounds, config, options, opened[k]);
            const auto& cg = graphs[k];
            if (before_improve)
                (*before_improve)[k] = result.part_of;
            const auto improve_start = std::chrono::steady_clock::now();
            // A large community is improved in groups of parts on every core.
            improved[k] =
                improve::improveByGroups(cg.graph, bounds, result, {}, {48, 2, config.threads});
            improve_secs[k] =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - improve_start)
                    .count();
            part_of[k] = result.part_of;
            parts[k] = result.parts;
            task.stepInOrder(k,
                             community.id + (community.name.empty() ? "" : " " + community.name));
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
    noteOpenedBlocks(plan, opened);
    if (config.exact_check_units > 0)
        for (std::size_t k = 0; k < graphs.size(); ++k)
            if (!graphs[k].graph.units.empty())
                checkAgainstExact(plan, graphs[k], part_of[k], bounds, config);
    std::vector<int> first_grid;
    buildGrids(plan, graphs, part_of, parts, first_grid);
    std::vector<audit::GridViolation> violations;
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (first_grid[k] < 0)
            continue;
        for (const auto& v : results[k].violations)
            violations.push_back(
                {first_grid[k] + v.part, v.cause, v.detail, v.advice, v.advice_zh});
    }
    return violations;
}

} // namespace gp::pipeline
