// Turns the partitioner's bound violations into issues a planner can act on: which grid, how
// many households, the cause, and a suggestion naming the objects to look at.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "partition/partition.hpp"

#include <string>
#include <vector>

namespace gp::audit
{

struct GridViolation
{
    int grid = -1;
    partition::ViolationCause cause = partition::ViolationCause::NoFeasibleCut;
    std::string detail;
};

// Adds one grid_under_min / grid_over_max issue per violating grid (also for grids outside
// the bounds that the partitioner did not flag), after codes are assigned.
void reportViolations(Plan& plan, const std::vector<GridViolation>& violations,
                      const PartitionConfig& config);

} // namespace gp::audit
