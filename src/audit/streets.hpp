// Issue 13's figures: barrier crossings classified forced / avoidable, and how well the grids
// follow the streets (share of grid boundary on streets, fitting blocks split, grids without
// land, multipart grids, compactness).
#pragma once

#include "core/model.hpp"

namespace gp::audit
{

// Per residential grid, the barrier regions its buildings span beyond the first: forced when
// one of them cannot form grids within [min, max] on its own, else avoidable. Sets the grids'
// crossings_forced / crossings_avoidable and adds one issue per crossing grid
// (barrier_crossing_forced with the reason, or barrier_crossing_avoidable).
void classifyCrossings(Plan& plan, int min_households, int max_households);

// One issue (grid_multipart) per residential grid whose polygon has more than one part, saying
// which parts hold its buildings: a part cut off by other grids' land or by the community outline.
void explainMultipart(Plan& plan);

// The figures, from the tiled, coded grids (after classifyCrossings and shapeMetrics).
StreetMeasures measureStreets(const Plan& plan, int min_households, int max_households,
                              double street_distance_m = 12.0);

} // namespace gp::audit
