// The checks of `gridplan review` on the grids of an edited plan (README "gridplan review"):
// violations (bounds, contiguity on the polygons, nesting in the community, overlaps and gaps
// between drawn polygons) and warnings (low compactness). A problem of a grid the planner did
// not touch (untouched: same code, buildings and land as in the plan it was edited from) is a
// warning: gridplan made it so and reported it then.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <vector>

namespace gp::review
{

// Polsby-Popper below this is reported as low compactness (a warning).
constexpr double kLowCompactness = 0.1;

struct CheckOptions
{
    int min_households = 300, max_households = 500;
    bool drawn = true; // polygons were drawn (else tiled: no overlaps or gaps to look for)
};

// Pairs of grid polygons sharing land, and community land in no grid, with their areas.
void checkOverlapsAndGaps(Plan& plan);
// Per grid: land outside its community, polygon parts, households out of bounds, compactness
// (after audit::shapeMetrics).
void checkGrids(Plan& plan, const CheckOptions& options, const std::vector<bool>& untouched);

} // namespace gp::review
