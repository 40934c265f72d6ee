// The pipeline from inputs to a finished Plan, in this order (runPartition in run.cpp is the one
// place that states it; README "How it works" follows it):
//   load -> classify -> place -> special -> blocks -> [reconcile: split off kept grids]
//   -> graph -> partition (+ improve) -> dedicate -> tile (+ detached repair) -> [reconcile: merge]
//   -> areas -> codes (fresh codes [reconcile: reserve kept and inherited ones], written once
//   [reconcile: change report]) -> audit
// The stages in brackets run only for re-runs (--previous, --lock). The CLI calls runPartition
// and then write::writeOutputs.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "organize/areas.hpp"
#include "pipeline/stage_log.hpp"

#include <functional>
#include <string>

namespace gp::pipeline
{

struct RunStats
{
    double compactness_before = 0.0; // improve objective summed over communities
    double compactness_after = 0.0;
    double mean_polsby_popper = 0.0;
    // Set only when PartitionConfig::measure_improvement: the grids of the partition before
    // improve, tiled the same way.
    double mean_polsby_popper_before_improve = 0.0;
    int improve_moves = 0;
    int residential_grids = 0;
    int grids_within_bounds = 0; // residential grids within [min, max] households
};

// Called after every stage with the stage's name and the plan it worked on (the free part of a
// re-run for graph .. tile); the tests run checkPlan (core/plan_check.hpp) there.
using StageCheck = std::function<void(const std::string& stage, const Plan& plan)>;

// `progress` (may be null) watches loading, partitioning and tiling.
Plan runPartition(const PartitionConfig& config, const StageLog& log = {},
                  RunStats* stats = nullptr, ProgressReporter* progress = nullptr,
                  const StageCheck& after_stage = {});

// The input stages alone (load -> classify -> place -> special -> blocks): the plan a partition
// would start from, with no grid but the special areas'. `gridplan review` grids it by hand.
Plan prepareInputs(const PartitionConfig& config, const StageLog& log = {},
                   ProgressReporter* progress = nullptr);

// The area-grid stage's slice of the configuration (--area-target, --areas, --seed, floor areas).
organize::AreaOptions areaOptions(const PartitionConfig& config);

} // namespace gp::pipeline
