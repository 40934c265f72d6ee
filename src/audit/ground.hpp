// The ground audit: how the ground the planner knows (compounds, inferred blocks, barriers) fared
// in the finished grids. Runs after organize (issues name grid codes).
#pragma once

#include "core/model.hpp"

namespace gp::audit
{

// Fills plan.compound_outcomes (whole / merged / split / empty per compound), counts per grid
// the split compounds (or inferred blocks without a compound layer) it holds a piece of
// (GridMetrics::splits_compound), and adds one "grid_crosses_barrier" issue per grid whose
// buildings are linked across a barrier.
void reportGround(Plan& plan);

} // namespace gp::audit
