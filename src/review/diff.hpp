// The reviewed plan against the plan it was edited from (--previous): which grids the planner
// added, removed or changed, and which buildings and households changed grid. Filled into
// Plan::changes (changes.geojson, report.json "changes") and ReviewSummary::edited_grids.
#pragma once

#include "core/model.hpp"
#include "reconcile/previous.hpp"

#include <vector>

namespace gp::review
{

// Per grid (plan.grids order): true when the original has a grid of the same code with the
// same buildings and land. Without an original every grid counts as edited.
std::vector<bool> untouchedGrids(const Plan& plan, const reconcile::PreviousRun* original);

// Fills plan.changes and plan.review->edited_grids (every grid not untouched).
void diffAgainst(Plan& plan, const reconcile::PreviousRun& original,
                 const std::vector<bool>& untouched);

} // namespace gp::review
