// Invariants of a Plan that every stage must keep, checked by the tests after every stage
// (tests/unit/pipeline) and usable from a debugger: indices in range, grid membership agreeing
// both ways, grid totals adding up, every issue reason in the vocabulary (core/reasons.hpp). And
// the one writer of grid membership, assignBuilding (foldBuilding for folded buildings).
//
// Stated here once: Building::community, compound, grid, special and block are -1 or an index
// into their Plan vector; Grid::community is always a community index (never -1) once a grid
// exists; Grid::buildings is sorted, without repeats; Grid::households is the sum of its
// buildings' households.
#pragma once

#include "core/index.hpp"
#include "core/model.hpp"

#include <string>
#include <vector>

namespace gp
{

// One line per broken invariant ("grid 3 lists building 17, whose grid is 4"); empty when the
// plan is sound. At most `limit` lines.
std::vector<std::string> checkPlan(const Plan& plan, std::size_t limit = 20);

// Puts building b into grid g (-1: into no grid), taking it out of the grid that held it:
// Building::grid, both grids' sorted building lists and their households change together.
void assignBuilding(Plan& plan, int b, int g);

// Folds non-residential building b into residential grid g (dedicate/): assignBuilding, and the
// folded totals (Grid::folded_buildings, ::folded_floor_area_m2) move with it, so a grid that held
// it folded gives them up. `floor_area_m2`: its floor area (classify/floor_area.hpp).
void foldBuilding(Plan& plan, int b, int g, double floor_area_m2);

} // namespace gp
