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
    partition::ViolationCause cause = partition::ViolationCause::NotFound;
    std::string detail;
    std::string advice, advice_zh; // the partitioner's suggestion, when it has one
};

// Adds one grid_under_min / grid_over_max issue per violating grid (also for grids outside
// the bounds that the partitioner did not flag), after codes are assigned.
void reportViolations(Plan& plan, const std::vector<GridViolation>& violations,
                      const PartitionConfig& config);

} // namespace gp::audit
