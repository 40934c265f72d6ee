// Turns the edited plan into Plan::grids: buildings follow the drawn polygons (a building is in
// the grid whose polygon holds its anchor), or, with only an edited buildings layer, their
// grid_code; polygons are then tiled from that assignment by the tile stage. Reports buildings
// in no grid or in two.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "reconcile/previous.hpp"
#include "review/edited.hpp"

#include <string>
#include <vector>

namespace gp::review
{

// Fills plan.grids (codes as drawn, possibly empty or repeated; community, kind, buildings,
// households, area) from the edited plan; `original` (may be null) tells which buildings
// without households were left out of every grid.
void makeGrids(Plan& plan, const EditedPlan& edited, const reconcile::PreviousRun* original,
               const PartitionConfig& config);

} // namespace gp::review
