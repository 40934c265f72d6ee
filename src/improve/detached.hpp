// After tiling: a residential grid whose polygon came out in several pieces (its buildings are
// linked in the graph, but another grid's land or a barrier corner lies between them) hands each
// minor piece's buildings to the neighbouring grid sharing the longest border with that piece,
// when both grids stay within the bounds and no compound, nor (with streets) any street block
// that fits one grid, is split further. The piece's land goes with its buildings (issue 14: the
// piece is cut off from its grid's body, so tiling again would give the neighbour the same land).
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <vector>

namespace gp::improve
{

// The repair's own options: the bounds, and how folded-in buildings count.
struct DetachedOptions
{
    int min_households = 300;
    int max_households = 500;
    DedicatedConfig dedicated;
};

// One piece handed over: its land (a part of grid `from`'s tiled polygon) and buildings.
struct PieceMove
{
    int from = -1;
    int to = -1;
    Polygon piece;
};

struct DetachedRepair
{
    int pieces_moved = 0;
    int buildings_moved = 0;
    int households_moved = 0;
    int pieces_kept = 0;          // no neighbour could take them within the bounds
    int pieces_kept_whole = 0;    // of those: moving them would split a compound or block
    std::vector<PieceMove> moves; // in the order they were decided and applied
};

// Decides every move on the tiled polygons, then hands each piece's land over: the grids still
// cover their community without gaps or overlaps and every building stays in its grid's polygon.
DetachedRepair reassignDetachedPieces(Plan& plan, const DetachedOptions& options);

} // namespace gp::improve
