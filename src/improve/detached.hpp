// After tiling: a residential grid whose polygon came out in several pieces (its buildings are
// linked in the graph, but another grid's land or a barrier corner lies between them) hands each
// minor piece's buildings to the neighbouring grid sharing the longest border with that piece,
// when both grids stay within the bounds and no compound is split further. The communities it
// changed must be tiled again.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <vector>

namespace gp::improve
{

struct DetachedRepair
{
    int pieces_moved = 0;
    int buildings_moved = 0;
    int households_moved = 0;
    int pieces_kept = 0;                   // no neighbour could take them within the bounds
    std::vector<char> communities_changed; // per community: tile again
};

DetachedRepair reassignDetachedPieces(Plan& plan, const PartitionConfig& config);

} // namespace gp::improve
