// Partition and improve as the pipeline runs them on a plan: every community graph is partitioned
// (partition/) and improved (improve/) in parallel, and the parts become Grids with their
// buildings (Building::grid set). The bridge from UnitGraph parts back to the Plan.
#pragma once

#include "audit/violations.hpp"
#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "graph/community_graph.hpp"
#include "pipeline/run.hpp"

#include <vector>

namespace gp::pipeline
{

// Appends one Grid per part of each community's partition (part_of per graph, parts per graph)
// and sets Building::grid; first_grid receives each graph's first grid index (-1: no units).
void buildGrids(Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                const std::vector<std::vector<int>>& part_of, const std::vector<int>& parts,
                std::vector<int>& first_grid);

// Partitions and improves every graph, turns the parts into Grids; returns the violations keyed
// by grid index. before_improve (if not null) receives each graph's partition before improve;
// improve_seconds (if not null) the improve wall time summed over communities.
std::vector<audit::GridViolation> makeGrids(Plan& plan, std::vector<graph::CommunityGraph>& graphs,
                                            const PartitionConfig& config, RunStats& stats,
                                            std::vector<std::vector<int>>* before_improve,
                                            ProgressReporter* progress,
                                            double* improve_seconds = nullptr);

} // namespace gp::pipeline
