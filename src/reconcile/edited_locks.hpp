// --lock-edited (issue 15): a `gridplan review` output is a previous run like any other; its
// report.json lists the grids the planner edited by hand (review.edited_grids). With
// --previous REVIEWED --lock-edited each of them is locked, kept exactly, on the re-partition.
#pragma once

#include "core/model.hpp"
#include "reconcile/locks.hpp"
#include "reconcile/previous.hpp"

#include <vector>

namespace gp::reconcile
{

// Appends a lock per edited grid of `previous` (InputError when its report.json has no review
// section: it is not a reviewed plan).
void appendEditedLocks(std::vector<LockedGrid>& locks, const Plan& plan,
                       const PreviousRun& previous);

} // namespace gp::reconcile
