// Area grids (片区): groups adjacent communities into contiguous areas balanced in households,
// preferring to keep communities of similar character (share of non-residential floor area)
// together. Reuses the partitioner on the community adjacency graph.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::organize
{

// Fills Plan::areas and Community::area_grid; needs grids (households) and buildings.
void groupAreas(Plan& plan, const PartitionConfig& config);

} // namespace gp::organize
