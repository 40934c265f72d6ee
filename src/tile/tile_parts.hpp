// Pieces of the tile stage shared by its files (tile.cpp, tile_linework.cpp, tile_labels.cpp,
// voronoi_edges.cpp, faces.cpp): spatial indexes, straight segments, the grid-boundary Voronoi
// edges and the face graph. Not part of the stage's interface.
#pragma once

#include "core/geometry.hpp"
#include "geom/geos_ops.hpp"
#include "spatial/face_adjacency.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace gp::tile::internal
{

namespace bgi = boost::geometry::index;

// The GEOS helpers below the stage (geom/geos_ops.hpp).
using geom::areaOf;
using geom::clone;
using geom::dissolve;
using geom::envelopeOf;
using geom::interiorPoint;
using geom::nodeLines;
using geom::polygonize;
using geom::prepare;
using geom::PreparedPtr;

// The point locator and box index shared with spatial/ (geom/geos_ops.hpp).
using geom::BoxEntry;
using geom::BoxTree;
using geom::kFallbackGrid;
using geom::Region;
using SiteEntry = std::pair<Point, int>; // a Voronoi site and the building it samples
using SiteTree = bgi::rtree<SiteEntry, bgi::rstar<16>>;

// A straight segment with its ends in (x, y) order, so that both sides of an edge compare equal.
struct Segment
{
    double x1, y1, x2, y2;
    Segment(double ax, double ay, double bx, double by)
    {
        if (std::tie(bx, by) < std::tie(ax, ay))
        {
            std::swap(ax, bx);
            std::swap(ay, by);
        }
        x1 = ax, y1 = ay, x2 = bx, y2 = by;
    }
    bool operator<(const Segment& o) const
    {
        return std::tie(x1, y1, x2, y2) < std::tie(o.x1, o.y1, o.x2, o.y2);
    }
    bool operator==(const Segment& o) const
    {
        return x1 == o.x1 && y1 == o.y1 && x2 == o.x2 && y2 == o.y2;
    }
};

// Sample points of one building: its anchor, and its outline densified to `spacing`.
void sampleBuilding(const MultiPolygon* footprint, const Point& anchor, double spacing,
                    std::vector<Point>& out);

// The edges of the Voronoi diagram of `sites` that separate sites of different grids, long
// enough to cross `extent` (voronoi_edges.cpp says how).
std::vector<Segment> gridBoundaryEdges(const std::vector<Point>& sites,
                                       const std::vector<int>& grid, const Box& extent);

// Segments as one GEOS multilinestring.
geom::GeomPtr linesOf(geom::GeosContext& ctx, const std::vector<Segment>& segs);

// The boundary edges of a block as linework to node, cut a metre outside the block's box.
geom::GeomPtr blockLinework(geom::GeosContext& ctx, const std::vector<Segment>& segs,
                            const Box& block_box);

// Per face, its neighbours and the length of border shared with each, neighbours ascending.
using spatial::FaceAdjacency;
using spatial::faceAdjacency;

// The grid (other than `except`) sharing the longest border with the faces of `comp`, or -1.
int longestBorderGrid(const std::vector<int>& comp, const std::vector<int>& label,
                      const FaceAdjacency& adj, int except);

// Connected sets of faces (sharing an edge) for which same(f, g) holds; in face order.
template <typename Same>
std::vector<std::vector<int>> components(const FaceAdjacency& adj, const std::vector<bool>& member,
                                         Same&& same)
{
    std::vector<std::vector<int>> comps;
    std::vector<bool> seen(adj.size(), false);
    for (std::size_t start = 0; start < adj.size(); ++start)
    {
        if (!member[start] || seen[start])
            continue;
        std::vector<int> comp{static_cast<int>(start)};
        seen[start] = true;
        for (std::size_t k = 0; k < comp.size(); ++k)
            for (const auto& [g, len] : adj[comp[k]])
                if (member[g] && !seen[g] && same(comp[k], g))
                {
                    seen[g] = true;
                    comp.push_back(g);
                }
        std::sort(comp.begin(), comp.end());
        comps.push_back(std::move(comp));
    }
    return comps;
}

} // namespace gp::tile::internal
