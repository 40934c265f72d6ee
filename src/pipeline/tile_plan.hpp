// Tile as the pipeline runs it on a plan: per community, the tile input is assembled (its land
// after special areas, the barriers near it, its buildings with their local grid numbers),
// communities are tiled in parallel, and grids that came out in pieces are mended
// (improve/detached hands a minor piece's buildings and land to a neighbour; no second tiling).
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "improve/detached.hpp"

#include <string>
#include <utility>
#include <vector>

namespace gp::pipeline
{

// The tile step's own options: threads, and the detached-piece repair's bounds.
struct TilePlanOptions
{
    int threads = 0; // as for parallelFor (0 = every core)
    improve::DetachedOptions detached;
};

TilePlanOptions tilePlanOptions(const PartitionConfig& config);

// Tiles the grids of every community; notes are (community, text).
void tileGrids(Plan& plan, std::vector<std::pair<int, std::string>>& notes, int threads,
               ProgressReporter* progress = nullptr);

// Tiles every community once; grids that came out in pieces then hand minor pieces (buildings
// and land) to a neighbour, and the kept-pieces notes of the grids changed are recounted.
improve::DetachedRepair tileAndMend(Plan& plan, const TilePlanOptions& options,
                                    std::vector<std::pair<int, std::string>>& notes,
                                    ProgressReporter* progress = nullptr);

} // namespace gp::pipeline
