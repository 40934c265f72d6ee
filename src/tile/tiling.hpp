// The working state of tileCommunity, passed from one named step to the next (tile.cpp reads
// as the list of steps; tile_linework.cpp builds the linework, tile_labels.cpp labels its
// faces and makes the grids). Not part of the stage's interface.
#pragma once

#include "tile/tile.hpp"
#include "tile/tile_parts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gp::tile::internal
{

// A mixed block's grid-boundary edges, to find the footprints they cross: the boxes first (most
// footprints are far from every edge), then the exact prepared test.
struct BlockBoundary
{
    geom::GeomPtr lines;
    PreparedPtr prepared;
    BoxTree boxes;
};

struct Tiling
{
    Tiling(geom::GeosContext& c, const TileInput& i, TileResult& r) : ctx(c), in(i), result(r) {}

    geom::GeosContext& ctx;
    const TileInput& in;
    TileResult& result;
    double spacing = 10.0;
    bool noding_fell_back = false;

    // Blocks and the buildings in them.
    Region blocks;                                   // faces of the community cut by the barriers
    std::vector<geom::GeomPtr> footprint_geos;       // per building (grid members with a footprint)
    std::vector<std::vector<int>> in_blocks;         // per building: the blocks it lies in
    std::vector<int> block_grid;                     // the grid of a pure block; -1 otherwise
    std::vector<bool> mixed;                         // per block: holds buildings of several grids
    std::vector<std::vector<SiteEntry>> block_sites; // Voronoi sites per block
    // Nearest-site indexes, built when first asked (few faces need one): siteTree, allSites.
    std::vector<std::optional<SiteTree>> site_trees; // per block
    std::optional<SiteTree> global_sites;            // every site of the community

    // Linework to node: block outlines, grid-boundary edges, cut footprint outlines.
    std::vector<geom::GeomPtr> linework;
    std::vector<std::optional<BlockBoundary>> boundaries; // per block
    Region footprints;                                    // footprints a grid boundary could cut
    std::vector<int> footprint_building;                  // per such footprint: its building

    // Faces of the noded linework inside the community, and their labels.
    geom::GeomPtr face_set;            // owns the faces
    std::vector<geom::GeomPtr> carved; // owns faces cut by giveLandToEmptyGrids
    std::vector<const GEOSGeometry*> faces;
    std::vector<int> label;  // grid of each face, -1 while unassigned
    std::vector<int> pinned; // grid a face must keep (holds its building)
    std::vector<double> face_area;
    std::vector<int> anchor_face; // per building: the face holding its anchor
    int footprint_conflicts = 0;
    FaceAdjacency adj;

    std::size_t buildingCount() const { return in.grid_of.size(); }
    const SiteTree& siteTree(int blk);
    const SiteTree& allSites();
    void note(std::string text) { result.notes.push_back(std::move(text)); }
};

// Linework steps (tile_linework.cpp), in order.
void locateBuildingsInBlocks(Tiling& t);
void markMixedBlocks(Tiling& t);
void addLanesInMixedBlocks(Tiling& t);
void collectSites(Tiling& t);
void addGridBoundaries(Tiling& t);
void addCutFootprints(Tiling& t);

// Face steps (tile_labels.cpp), in order.
void labelFaces(Tiling& t);
void pinAnchors(Tiling& t);
void fillEmptyBlocks(Tiling& t);
void giveLandToEmptyGrids(Tiling& t);
void mergeDetachedPieces(Tiling& t);
void dissolveGrids(Tiling& t);

} // namespace gp::tile::internal
