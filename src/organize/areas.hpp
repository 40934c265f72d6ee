// Area grids (片区): groups adjacent communities into contiguous areas balanced in households,
// preferring to keep communities of similar character (share of non-residential floor area)
// together. Reuses the partitioner on the community adjacency graph.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::organize
{

// What area grouping needs of the run's options.
struct AreaOptions
{
    int target_households = 8000; // --area-target: areas of target/2 .. 3*target/2 households
    int count = 0;                // --areas: exactly this many areas when positive
    unsigned seed = 1;            // --seed, for the partitioner
    DedicatedConfig dedicated;    // floor areas (classify/floor_area.hpp) for the character
};

// Fills Plan::areas and Community::area_grid; needs grids (households) and buildings.
void groupAreas(Plan& plan, const AreaOptions& options);

} // namespace gp::organize
