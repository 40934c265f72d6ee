// The classify stage as the pipeline and `gridplan check` run it: use class and households for
// every building (classify/use_mapping, classify/households), and one "value_ignored" issue per
// input value that could not be used.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::classify
{

// Sets Building::use, households and their sources; appends the issues to plan.issues. Returns
// the number of issues added.
int classifyPlan(Plan& plan, const PartitionConfig& config);

} // namespace gp::classify
