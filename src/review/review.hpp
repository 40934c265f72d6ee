// `gridplan review` (issue 15): judges a plan a planner edited by hand (in QGIS, from the layers
// gridplan wrote) against the same inputs a partition takes, and re-scores it. In order:
//   input stages (load .. blocks, as partition) -> read the edited plan -> grids from the drawn
//   polygons (or, from edited buildings alone, tiled) -> codes (the planner's where valid) ->
//   scores (households, compactness, cut edges) -> diff against the plan it was edited from ->
//   checks (violations, warnings) -> coverage audit.
// The result is a Plan like partition's, with Plan::review set, for write::writeOutputs.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "pipeline/stage_log.hpp"
#include "review/edited.hpp"

namespace gp::review
{

// ConfigError for contradictory options (no edited plan; ids needed but not named);
// InputError naming the file for an edited plan or original folder that cannot be read.
Plan reviewPlan(const PartitionConfig& config, const ReviewOptions& options,
                const pipeline::StageLog& log = {});

} // namespace gp::review
