// The tile stage: one polygon per grid so that the grids of a community cover it with no gaps
// and no overlaps, follow barrier lines, and hold every building of the grid.
#pragma once

#include "core/geometry.hpp"
#include "geom/geos.hpp"

#include <string>
#include <vector>

namespace gp::tile
{

struct TileInput
{
    const MultiPolygon* community = nullptr;     // metres
    std::vector<const MultiPolygon*> footprints; // one per building (empty for point-only ones)
    std::vector<Point> anchors;                  // one per building, a point inside it
    std::vector<int> grid_of; // per building: grid in [0, grid_count), or -1 (in no grid)
    int grid_count = 0;
    const MultiLineString* barriers = nullptr; // may be null: roads, rivers, barrier outlines
    // May be null: street centre lines and lanes (issue 13). They cut blocks like barriers do,
    // so a grid holding a whole street block gets the block up to the street centre lines.
    const MultiLineString* streets = nullptr;
    // May be null: lanes. They cut only the blocks shared by several grids, so that a block of
    // one grid stays whole and a divided block can be divided along them.
    const MultiLineString* lanes = nullptr;
    double sample_spacing = 10.0; // max distance between Voronoi sites along a footprint outline
    // Worker threads inside this community (as for parallelFor, 0 = every core): the Voronoi
    // edges of the mixed blocks and the per-grid dissolves run in parallel. Results are combined
    // in block / grid order, so outputs do not depend on it.
    int threads = 1;
};

struct TileResult
{
    std::vector<MultiPolygon> grids; // grid_count polygons; their union is the community
    std::vector<std::string> notes;  // repairs and anomalies, for the audit
};

// The split into blocks is spatial::splitIntoBlocks (spatial/barrier_faces.hpp).

// Method: split the community into blocks by the barriers. A block whose grid buildings all
// belong to one grid goes to that grid whole. In a block shared by several grids, the boundary
// is made of the Voronoi edges between sample points of buildings of different grids (a
// discrete approximation of the building Voronoi diagram, cf. Okabe et al., "Spatial
// Tessellations", 2nd ed., §3.5 area Voronoi diagrams), built from the Delaunay triangulation;
// edges between two sites of one grid are never made. Footprint outlines join the linework only
// where such an edge or a barrier crosses the building. All linework is noded once and
// polygonized, so each face is labelled with exactly one grid and no overlap can arise. Empty
// blocks and detached fragments go to the neighbour sharing the longest border. Deterministic.
// Throws InputError on inconsistent input sizes and GeometryError when GEOS fails.
TileResult tileCommunity(geom::GeosContext& ctx, const TileInput& input);

// The note of grid `grid` (community-local) left with `kept` detached pieces beyond its body;
// the pipeline recounts it when a repair later changes the grid's polygon.
std::string keptPiecesNote(int grid, int kept);
// Whether `note` is grid `grid`'s kept-pieces note (whatever its count).
bool isKeptPiecesNote(const std::string& note, int grid);

} // namespace gp::tile
