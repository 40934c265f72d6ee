#include "tile/tile.hpp"

#include "core/error.hpp"
#include "geom/geos_ops.hpp"
#include "spatial/barrier_faces.hpp"

#include <boost/geometry/index/rtree.hpp>
#include <boost/polygon/voronoi.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace gp::tile
{

namespace
{

namespace bgi = boost::geometry::index;
using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;

using geom::BoxEntry;
using geom::BoxTree;
using geom::kFallbackGrid;
using geom::PreparedPtr;
using geom::Region;
using SiteEntry = std::pair<Point, int>; // a Voronoi site and the building it samples
using SiteTree = bgi::rtree<SiteEntry, bgi::rstar<16>>;

// Detached-piece repair rounds; each round only moves pieces to a neighbour, so few suffice.
constexpr int kMaxCleanupRounds = 8;


// Sample points of one building: its anchor, and its outline densified to `spacing`.
void sampleBuilding(const MultiPolygon* footprint, const Point& anchor, double spacing,
                    std::vector<Point>& out)
{
    out.clear();
    out.push_back(anchor);
    if (!footprint)
        return;
    auto ring = [&](const auto& pts) {
        for (std::size_t i = 0; i + 1 < pts.size(); ++i)
        {
            const Point& a = pts[i];
            const Point& b = pts[i + 1];
            out.push_back(a);
            const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
            const int steps = static_cast<int>(std::ceil(len / spacing));
            for (int k = 1; k < steps; ++k)
            {
                const double t = static_cast<double>(k) / steps;
                out.emplace_back(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
            }
        }
        if (!pts.empty())
            out.push_back(pts.back());
    };
    for (const Polygon& poly : *footprint)
    {
        ring(poly.outer());
        for (const auto& inner : poly.inners())
            ring(inner);
    }
}

void validate(const TileInput& in)
{
    const std::size_t n = in.grid_of.size();
    if (in.footprints.size() != n || in.anchors.size() != n)
        throw InputError("tile: footprints, anchors and grid_of must have one entry per building");
    if (in.grid_count < 0)
        throw InputError("tile: negative grid count");
    for (std::size_t b = 0; b < n; ++b)
        if (in.grid_of[b] < -1 || in.grid_of[b] >= in.grid_count)
            throw InputError("tile: building " + std::to_string(b) + " has grid " +
                             std::to_string(in.grid_of[b]) + " outside [-1, " +
                             std::to_string(in.grid_count) + ")");
}

// Face adjacency: faces of one polygonization share exactly equal segments, so sorting the
// segments pairs the two sides of every inner edge. Lengths are summed per face pair.
std::vector<std::vector<std::pair<int, double>>>
faceAdjacency(GeosContext& ctx, const std::vector<const GEOSGeometry*>& faces)
{
    struct Seg
    {
        double x1, y1, x2, y2;
        int face;
    };
    std::vector<Seg> segs;
    for (std::size_t f = 0; f < faces.size(); ++f)
        forEachRingSegment(ctx, faces[f], [&](double x1, double y1, double x2, double y2) {
            if (std::tie(x2, y2) < std::tie(x1, y1))
            {
                std::swap(x1, x2);
                std::swap(y1, y2);
            }
            segs.push_back({x1, y1, x2, y2, static_cast<int>(f)});
        });
    std::sort(segs.begin(), segs.end(), [](const Seg& a, const Seg& b) {
        return std::tie(a.x1, a.y1, a.x2, a.y2, a.face) < std::tie(b.x1, b.y1, b.x2, b.y2, b.face);
    });
    struct Pair
    {
        int a, b;
        double len;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < segs.size();)
    {
        std::size_t j = i + 1;
        while (j < segs.size() && segs[j].x1 == segs[i].x1 && segs[j].y1 == segs[i].y1 &&
               segs[j].x2 == segs[i].x2 && segs[j].y2 == segs[i].y2)
            ++j;
        const double len = std::hypot(segs[i].x2 - segs[i].x1, segs[i].y2 - segs[i].y1);
        for (std::size_t k = i; k < j; ++k)
            for (std::size_t m = k + 1; m < j; ++m)
                if (segs[k].face != segs[m].face)
                    pairs.push_back({segs[k].face, segs[m].face, len});
        i = j;
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& p, const Pair& q) { return std::tie(p.a, p.b) < std::tie(q.a, q.b); });
    std::vector<std::vector<std::pair<int, double>>> adj(faces.size());
    for (std::size_t i = 0; i < pairs.size();)
    {
        double total = 0.0;
        std::size_t j = i;
        for (; j < pairs.size() && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b; ++j)
            total += pairs[j].len;
        adj[pairs[i].a].emplace_back(pairs[i].b, total);
        adj[pairs[i].b].emplace_back(pairs[i].a, total);
        i = j;
    }
    return adj;
}

// Connected sets of faces (sharing an edge) for which same(f, g) holds; in face order.
template <typename Same>
std::vector<std::vector<int>>
components(const std::vector<std::vector<std::pair<int, double>>>& adj,
           const std::vector<bool>& member, Same&& same)
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

// The grid (other than `except`) sharing the longest border with the faces of `comp`, or -1.
int longestBorderGrid(const std::vector<int>& comp, const std::vector<int>& label,
                      const std::vector<std::vector<std::pair<int, double>>>& adj, int except)
{
    std::map<int, double> border;
    for (int f : comp)
        for (const auto& [g, len] : adj[f])
            if (label[g] >= 0 && label[g] != except)
                border[label[g]] += len;
    int best = -1;
    double best_len = 0.0;
    for (const auto& [grid, len] : border) // ascending grid: ties go to the lower index
        if (len > best_len)
        {
            best = grid;
            best_len = len;
        }
    return best;
}

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
    bool operator<(const Segment& o) const { return std::tie(x1, y1, x2, y2) < std::tie(o.x1, o.y1, o.x2, o.y2); }
    bool operator==(const Segment& o) const { return x1 == o.x1 && y1 == o.y1 && x2 == o.x2 && y2 == o.y2; }
};

// Farthest distance from p to a corner of `box`, plus a metre: a ray from p of that length
// crosses all of the box it will ever cross.
double reachOf(const Point& p, const Box& box)
{
    double far = 0.0;
    for (double x : {box.min_corner().x(), box.max_corner().x()})
        for (double y : {box.min_corner().y(), box.max_corner().y()})
            far = std::max(far, std::hypot(x - p.x(), y - p.y()));
    return far + 1.0;
}

// The edges of the Voronoi diagram of `sites` that separate sites of different grids, long
// enough to cross `extent`. Edges between two sites of one grid would only be dissolved again,
// so they are never made: the linework to node is a small fraction of the full diagram. The
// diagram is Boost.Polygon's sweep-line Voronoi (exact predicates on integer input, several
// times faster than GEOS's incremental Delaunay here); sites are taken to the millimetre.
std::vector<Segment> gridBoundaryEdges(const std::vector<Point>& sites, const std::vector<int>& grid,
                                       const Box& extent)
{
    namespace bp = boost::polygon;
    // Millimetres from the sites' corner; coarser only for a span beyond 1,000 km (bad input),
    // so that the integers always fit Boost.Polygon's 32-bit input.
    double x0 = sites.front().x(), y0 = sites.front().y(), x1 = x0, y1 = y0;
    for (const Point& p : sites)
    {
        x0 = std::min(x0, p.x()), y0 = std::min(y0, p.y());
        x1 = std::max(x1, p.x()), y1 = std::max(y1, p.y());
    }
    const double span = std::max(x1 - x0, y1 - y0);
    const double scale = span * 1000.0 < 1e9 ? 1000.0 : 1e9 / span; // input units per metre
    const double ox = std::floor(x0);
    const double oy = std::floor(y0);
    std::vector<bp::point_data<std::int32_t>> input;
    input.reserve(sites.size());
    for (const Point& p : sites)
        input.emplace_back(static_cast<std::int32_t>(std::llround((p.x() - ox) * scale)),
                           static_cast<std::int32_t>(std::llround((p.y() - oy) * scale)));
    bp::voronoi_diagram<double> diagram;
    bp::construct_voronoi(input.begin(), input.end(), &diagram);
    auto at = [&](double x, double y) { return Point(ox + x / scale, oy + y / scale); };
    std::vector<Segment> out;
    for (const auto& edge : diagram.edges())
    {
        const auto& twin = *edge.twin();
        if (&edge > &twin) // each edge comes with its twin: take one of the two
            continue;
        const std::size_t i = edge.cell()->source_index();
        const std::size_t j = twin.cell()->source_index();
        if (grid[i] == grid[j])
            continue;
        // An unbounded end runs along the bisector of the two sites, away from the other end.
        const Point& pi = sites[i];
        const Point& pj = sites[j];
        const Point mid((pi.x() + pj.x()) / 2.0, (pi.y() + pj.y()) / 2.0);
        const double dx = pi.y() - pj.y(), dy = pj.x() - pi.x();
        const double len = std::hypot(dx, dy);
        auto far = [&](const Point& from, double sign) {
            const double r = reachOf(from, extent) / len;
            return Point(from.x() + sign * dx * r, from.y() + sign * dy * r);
        };
        const auto* v0 = edge.vertex0();
        const auto* v1 = edge.vertex1();
        const Point a = v0 ? at(v0->x(), v0->y()) : far(v1 ? at(v1->x(), v1->y()) : mid, -1.0);
        const Point b = v1 ? at(v1->x(), v1->y()) : far(v0 ? a : mid, 1.0);
        if (a.x() != b.x() || a.y() != b.y())
            out.emplace_back(a.x(), a.y(), b.x(), b.y());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

GeomPtr linesOf(GeosContext& ctx, const std::vector<Segment>& segs)
{
    const auto h = ctx.handle();
    std::vector<GeomPtr> lines;
    lines.reserve(segs.size());
    for (const Segment& sg : segs)
    {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 2, 2);
        if (!seq)
            throw GeometryError("GEOS coordinate sequence failed: " + ctx.lastError());
        GEOSCoordSeq_setXY_r(h, seq, 0, sg.x1, sg.y1);
        GEOSCoordSeq_setXY_r(h, seq, 1, sg.x2, sg.y2);
        lines.push_back(checked(ctx, GEOSGeom_createLineString_r(h, seq), "createLineString"));
    }
    return geom::makeCollection(ctx, GEOS_MULTILINESTRING, std::move(lines));
}

// The part of segment ab inside `box` (Liang-Barsky), or nothing.
std::optional<Segment> clipToBox(const Segment& sg, const Box& box)
{
    double t0 = 0.0, t1 = 1.0;
    const double dx = sg.x2 - sg.x1, dy = sg.y2 - sg.y1;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {sg.x1 - box.min_corner().x(), box.max_corner().x() - sg.x1,
                        sg.y1 - box.min_corner().y(), box.max_corner().y() - sg.y1};
    for (int i = 0; i < 4; ++i)
    {
        if (p[i] == 0.0)
        {
            if (q[i] < 0.0)
                return std::nullopt;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 >= t1)
        return std::nullopt;
    // Ends inside the box stay bit-exact: chains of edges must meet exactly.
    return Segment(t0 > 0.0 ? sg.x1 + t0 * dx : sg.x1, t0 > 0.0 ? sg.y1 + t0 * dy : sg.y1,
                   t1 < 1.0 ? sg.x1 + t1 * dx : sg.x2, t1 < 1.0 ? sg.y1 + t1 * dy : sg.y2);
}

// The boundary edges of a block as linework. They are not cut at the block outline: a cut end
// lands a rounding error off the outline, the noder may not see them meet, and polygonizing
// then drops the edge as a dangle, merging two grids' faces. Cut a metre outside the block's
// box instead, the noder finds the true crossings, and whatever lies beyond the outline ends in
// a dangle (dropped) or splits a neighbouring block into faces labelled by that block's rule.
GeomPtr blockLinework(GeosContext& ctx, const std::vector<Segment>& segs, const Box& block_box)
{
    const Box frame(Point(block_box.min_corner().x() - 1.0, block_box.min_corner().y() - 1.0),
                    Point(block_box.max_corner().x() + 1.0, block_box.max_corner().y() + 1.0));
    std::vector<Segment> kept;
    kept.reserve(segs.size());
    for (const Segment& sg : segs)
        if (const auto part = clipToBox(sg, frame))
            kept.push_back(*part);
    return linesOf(ctx, kept);
}

std::string gridNote(int grid, const std::string& text)
{
    return "grid " + std::to_string(grid) + ": " + text;
}

} // namespace

TileResult tileCommunity(GeosContext& ctx, const TileInput& in)
{
    validate(in);
    TileResult result;
    result.grids.assign(static_cast<std::size_t>(in.grid_count), MultiPolygon{});
    if (in.grid_count == 0 || !in.community || in.community->empty())
        return result;
    const auto h = ctx.handle();
    const std::size_t nb = in.grid_of.size();
    const double spacing = in.sample_spacing > 0.0 ? in.sample_spacing : 10.0;

    GeomPtr community = geom::toGeos(ctx, *in.community);
    if (GEOSisValid_r(h, community.get()) != 1)
    {
        GeomPtr fixed = checked(ctx, GEOSMakeValid_r(h, community.get()), "makeValid");
        community = geom::toGeos(ctx, geom::toMultiPolygon(ctx, fixed.get()));
        result.notes.push_back("community polygon was invalid and was repaired");
    }
    if (GEOSisEmpty_r(h, community.get()) == 1 || areaOf(ctx, community.get()) <= 0.0)
    {
        result.notes.push_back("community has no area");
        return result;
    }
    bool noding_fell_back = false;

    // (1) Blocks: faces of the community outline noded with the barriers inside it.
    spatial::BlockSplit split = spatial::splitIntoBlocks(ctx, community.get(), in.barriers, &noding_fell_back);
    GeomPtr block_lines = std::move(split.lines);
    Region blocks;
    blocks.geoms = std::move(split.faces);
    blocks.build(ctx);
    const std::size_t nblocks = blocks.geoms.size();

    // (2) The blocks each grid building lies in: one for nearly all, more for a building across
    // a barrier (interiors overlap; a footprint that only touches a block is not in it).
    std::vector<GeomPtr> footprint_geos(nb);
    std::vector<std::vector<int>> in_blocks(nb);
    for (std::size_t b = 0; b < nb; ++b)
    {
        if (in.grid_of[b] < 0)
            continue;
        if (in.footprints[b] && !in.footprints[b]->empty())
        {
            GeomPtr fp = geom::toGeos(ctx, *in.footprints[b]);
            if (GEOSisEmpty_r(h, fp.get()) != 1)
            {
                std::vector<BoxEntry> hits;
                blocks.tree.query(bgi::intersects(envelopeOf(ctx, fp.get())), std::back_inserter(hits));
                std::vector<int> ids;
                for (const auto& hit : hits)
                    ids.push_back(hit.second);
                std::sort(ids.begin(), ids.end());
                if (ids.size() == 1 && GEOSPreparedContains_r(h, blocks.prepared[ids[0]].get(), fp.get()) == 1)
                    in_blocks[b] = ids;
                else
                    for (int k : ids)
                        if (GEOSPreparedIntersects_r(h, blocks.prepared[k].get(), fp.get()) == 1 &&
                            GEOSPreparedTouches_r(h, blocks.prepared[k].get(), fp.get()) != 1)
                            in_blocks[b].push_back(k);
                footprint_geos[b] = std::move(fp);
            }
        }
        if (in_blocks[b].empty())
        {
            const int k = blocks.locate(ctx, in.anchors[b], true);
            if (k >= 0)
                in_blocks[b].push_back(k);
        }
    }
    // A block is pure when all the grid buildings in it belong to one grid: it goes to that grid
    // whole, with no Voronoi edges and no footprint outlines. Only mixed blocks are divided.
    std::vector<int> block_grid(nblocks, -1); // the grid of a pure block; -1 for empty ones
    std::vector<bool> mixed(nblocks, false);
    for (std::size_t b = 0; b < nb; ++b)
        for (int k : in_blocks[b])
        {
            if (block_grid[k] < 0 && !mixed[k])
                block_grid[k] = in.grid_of[b];
            else if (block_grid[k] != in.grid_of[b])
                mixed[k] = true;
        }
    for (std::size_t k = 0; k < nblocks; ++k)
        if (mixed[k])
            block_grid[k] = -1;

    // Voronoi sites per block: outline samples of the buildings in mixed blocks, where cells
    // decide the boundary; anchors alone elsewhere (they only label the block's faces).
    std::vector<std::vector<SiteEntry>> block_sites(nblocks);
    {
        std::vector<Point> samples;
        for (std::size_t b = 0; b < nb; ++b)
        {
            const auto& ks = in_blocks[b];
            if (ks.empty())
                continue;
            const bool divided = std::any_of(ks.begin(), ks.end(), [&](int k) { return mixed[k]; });
            if (!divided)
            {
                block_sites[ks.front()].emplace_back(in.anchors[b], static_cast<int>(b));
                continue;
            }
            sampleBuilding(in.footprints[b], in.anchors[b], spacing, samples);
            for (const Point& p : samples)
            {
                int blk = ks.front();
                if (ks.size() > 1) // the first of its blocks holding the sample, else touching it
                {
                    GeomPtr pt = geom::toGeos(ctx, p);
                    auto first = [&](auto&& test) {
                        for (int k : ks)
                            if (test(blocks.prepared[k].get(), pt.get()) == 1)
                                return k;
                        return -1;
                    };
                    blk = first([&](auto* g, auto* q) { return GEOSPreparedContains_r(h, g, q); });
                    if (blk < 0)
                        blk = first([&](auto* g, auto* q) { return GEOSPreparedIntersects_r(h, g, q); });
                }
                if (blk >= 0)
                    block_sites[blk].emplace_back(p, static_cast<int>(b));
            }
        }
    }
    std::vector<SiteTree> site_trees(nblocks);
    std::vector<GeomPtr> linework;
    linework.push_back(std::move(block_lines));
    std::vector<SiteEntry> all_sites;
    // Per mixed block, its grid-boundary edges, to find the footprints they cross: the boxes
    // first (most footprints are far from every edge), then the exact prepared test.
    struct BlockBoundary
    {
        GeomPtr lines;
        PreparedPtr prepared;
        BoxTree boxes;
    };
    std::vector<std::optional<BlockBoundary>> boundaries(nblocks);
    for (std::size_t k = 0; k < nblocks; ++k)
    {
        auto& sites = block_sites[k];
        // One site per location; the lowest building index keeps a shared vertex.
        std::sort(sites.begin(), sites.end(), [](const SiteEntry& a, const SiteEntry& b) {
            return std::make_tuple(a.first.x(), a.first.y(), a.second) <
                   std::make_tuple(b.first.x(), b.first.y(), b.second);
        });
        sites.erase(std::unique(sites.begin(), sites.end(),
                                [](const SiteEntry& a, const SiteEntry& b) {
                                    return a.first.x() == b.first.x() && a.first.y() == b.first.y();
                                }),
                    sites.end());
        site_trees[k] = SiteTree(sites.begin(), sites.end());
        all_sites.insert(all_sites.end(), sites.begin(), sites.end());
        if (!mixed[k] || sites.size() < 2)
            continue;
        std::vector<Point> points;
        std::vector<int> grids;
        points.reserve(sites.size());
        grids.reserve(sites.size());
        for (const auto& site : sites)
        {
            points.push_back(site.first);
            grids.push_back(in.grid_of[site.second]);
        }
        const Box block_box = envelopeOf(ctx, blocks.geoms[k].get());
        const auto edges = gridBoundaryEdges(points, grids, block_box);
        if (edges.empty())
            continue;
        linework.push_back(blockLinework(ctx, edges, block_box));
        auto& boundary = boundaries[k].emplace();
        boundary.lines = linesOf(ctx, edges);
        boundary.prepared = prepare(ctx, boundary.lines.get());
        std::vector<BoxEntry> boxes;
        boxes.reserve(edges.size());
        for (std::size_t e = 0; e < edges.size(); ++e)
            boxes.emplace_back(Box(Point(edges[e].x1, std::min(edges[e].y1, edges[e].y2)),
                                   Point(edges[e].x2, std::max(edges[e].y1, edges[e].y2))),
                               static_cast<int>(e));
        boundary.boxes = BoxTree(boxes.begin(), boxes.end());
    }
    const SiteTree global_sites(all_sites.begin(), all_sites.end());

    // Footprints a grid boundary could cut (across blocks, or crossed by a boundary edge): their
    // outlines join the linework so that a face is either wholly inside such a footprint (and
    // then forced to its grid) or outside it. Any other footprint lies inside one face already.
    Region footprints;
    std::vector<int> footprint_building;
    for (std::size_t b = 0; b < nb; ++b)
    {
        if (!footprint_geos[b])
            continue;
        const auto& ks = in_blocks[b];
        auto crossed = [&](int k) {
            const auto& boundary = boundaries[k];
            if (!boundary)
                return false;
            const Box env = envelopeOf(ctx, footprint_geos[b].get());
            if (boundary->boxes.qbegin(bgi::intersects(env)) == boundary->boxes.qend())
                return false;
            return GEOSPreparedIntersects_r(h, boundary->prepared.get(), footprint_geos[b].get()) == 1;
        };
        const bool cut = ks.size() > 1 || (ks.size() == 1 && crossed(ks[0]));
        if (!cut)
            continue;
        linework.push_back(checked(ctx, GEOSBoundary_r(h, footprint_geos[b].get()), "boundary(footprint)"));
        footprints.geoms.push_back(std::move(footprint_geos[b]));
        footprint_building.push_back(static_cast<int>(b));
    }
    footprints.build(ctx);

    // One noded face set for everything: no two grids can ever overlap.
    GeomPtr noded;
    {
        GeomPtr all = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(linework));
        noded = nodeLines(ctx, all.get(), kFallbackGrid, &noding_fell_back);
    }
    GeomPtr face_set = polygonize(ctx, noded.get());
    noded.reset();

    std::vector<const GEOSGeometry*> faces;
    std::vector<int> label;  // grid of each face, -1 while unassigned
    std::vector<int> pinned; // grid a face must keep (it holds a building of it), else -1
    std::vector<double> face_area;
    int footprint_conflicts = 0;
    for (int i = 0, n = GEOSGetNumGeometries_r(h, face_set.get()); i < n; ++i)
    {
        const GEOSGeometry* face = GEOSGetGeometryN_r(h, face_set.get(), i);
        const Point p = interiorPoint(ctx, face);
        const int blk = blocks.locateFace(ctx, face, p);
        if (blk < 0)
            continue;
        int grid = -1;
        int pin = -1;
        GeomPtr pt = geom::toGeos(ctx, p);
        for (int f : footprints.candidates(p))
            if (GEOSPreparedContains_r(h, footprints.prepared[f].get(), pt.get()) == 1)
            {
                const int g = in.grid_of[footprint_building[f]];
                if (pin < 0)
                    pin = g;
                else if (g != pin)
                    ++footprint_conflicts;
            }
        if (pin >= 0)
            grid = pin;
        else if (block_grid[blk] >= 0)
            grid = block_grid[blk];
        else if (!block_sites[blk].empty())
        {
            std::vector<SiteEntry> nearest;
            site_trees[blk].query(bgi::nearest(p, 1), std::back_inserter(nearest));
            grid = in.grid_of[nearest.front().second];
        }
        faces.push_back(face);
        label.push_back(grid);
        pinned.push_back(pin);
        face_area.push_back(areaOf(ctx, face));
    }
    const std::size_t nf = faces.size();

    // Anchors pin their face too (point-only buildings have no footprint to do it).
    std::vector<int> anchor_face(nb, -1);
    {
        std::vector<BoxEntry> entries;
        for (std::size_t f = 0; f < nf; ++f)
            entries.emplace_back(envelopeOf(ctx, faces[f]), static_cast<int>(f));
        const BoxTree face_tree(entries.begin(), entries.end());
        std::vector<PreparedPtr> prepared_faces(nf);
        for (std::size_t b = 0; b < nb; ++b)
        {
            const int g = in.grid_of[b];
            if (g < 0)
                continue;
            std::vector<BoxEntry> hits;
            face_tree.query(bgi::intersects(in.anchors[b]), std::back_inserter(hits));
            std::vector<int> ids;
            for (const auto& hit : hits)
                ids.push_back(hit.second);
            std::sort(ids.begin(), ids.end());
            GeomPtr pt = geom::toGeos(ctx, in.anchors[b]);
            // Faces can be whole blocks holding many anchors: prepare them once, when first asked.
            auto face_prepared = [&](int f) {
                if (!prepared_faces[f])
                    prepared_faces[f] = prepare(ctx, faces[f]);
                return prepared_faces[f].get();
            };
            int found = -1;
            for (int f : ids)
                if (GEOSPreparedContains_r(h, face_prepared(f), pt.get()) == 1)
                {
                    found = f;
                    break;
                }
            if (found < 0)
                for (int f : ids)
                    if (GEOSPreparedIntersects_r(h, face_prepared(f), pt.get()) == 1)
                    {
                        found = f;
                        break;
                    }
            if (found < 0)
                continue;
            anchor_face[b] = found;
            if (pinned[found] < 0)
            {
                pinned[found] = g;
                label[found] = g;
            }
            else if (pinned[found] != g)
                ++footprint_conflicts;
        }
    }
    if (footprint_conflicts > 0)
        result.notes.push_back(std::to_string(footprint_conflicts) +
                               " places where buildings of different grids overlap; the lower "
                               "building index keeps the overlap");

    const auto adj = faceAdjacency(ctx, faces);

    // (3) Faces of blocks without grid buildings go, block by block, to the grid sharing the
    // longest border; repeat so that chains of empty blocks fill from their neighbours.
    {
        std::vector<int> block_of(nf, -1);
        for (std::size_t f = 0; f < nf; ++f)
            if (label[f] < 0)
                block_of[f] = blocks.locateFace(ctx, faces[f], interiorPoint(ctx, faces[f]));
        std::vector<bool> unlabeled(nf);
        for (std::size_t f = 0; f < nf; ++f)
            unlabeled[f] = label[f] < 0;
        auto comps =
            components(adj, unlabeled, [&](int a, int b) { return block_of[a] == block_of[b]; });
        int absorbed = 0;
        bool changed = true;
        std::vector<bool> done(comps.size(), false);
        while (changed)
        {
            changed = false;
            for (std::size_t c = 0; c < comps.size(); ++c)
            {
                if (done[c])
                    continue;
                const int g = longestBorderGrid(comps[c], label, adj, -1);
                if (g < 0)
                    continue;
                for (int f : comps[c])
                    label[f] = g;
                done[c] = true;
                changed = true;
                ++absorbed;
            }
        }
        int isolated = 0;
        for (std::size_t c = 0; c < comps.size(); ++c)
        {
            if (done[c])
                continue;
            // No labelled neighbour (e.g. a separate part of the community): nearest site.
            int g = 0;
            if (!global_sites.empty())
            {
                std::vector<SiteEntry> nearest;
                global_sites.query(bgi::nearest(interiorPoint(ctx, faces[comps[c].front()]), 1),
                                   std::back_inserter(nearest));
                g = in.grid_of[nearest.front().second];
            }
            for (int f : comps[c])
                label[f] = g;
            ++isolated;
        }
        if (absorbed > 0)
            result.notes.push_back(
                std::to_string(absorbed) +
                " blocks without grid buildings absorbed by a neighbouring grid");
        if (isolated > 0)
            result.notes.push_back(
                std::to_string(isolated) +
                " isolated parts without grid buildings given to the nearest grid");
    }

    // (4) Detached pieces: each grid keeps the piece holding most of its buildings; a piece
    // without any of its buildings goes to the neighbour sharing the longest border.
    std::vector<int> merged(static_cast<std::size_t>(in.grid_count), 0);
    std::vector<bool> all_faces(nf, true);
    auto pieces = [&]() {
        return components(adj, all_faces, [&](int a, int b) { return label[a] == label[b]; });
    };
    for (int round = 0; round < kMaxCleanupRounds; ++round)
    {
        const auto comps = pieces();
        std::vector<int> comp_of(nf, -1);
        for (std::size_t c = 0; c < comps.size(); ++c)
            for (int f : comps[c])
                comp_of[f] = static_cast<int>(c);
        std::vector<int> buildings(comps.size(), 0);
        for (std::size_t b = 0; b < nb; ++b)
            if (anchor_face[b] >= 0 && label[anchor_face[b]] == in.grid_of[b])
                ++buildings[comp_of[anchor_face[b]]];
        std::vector<std::vector<int>> by_grid(static_cast<std::size_t>(in.grid_count));
        for (std::size_t c = 0; c < comps.size(); ++c)
            by_grid[label[comps[c].front()]].push_back(static_cast<int>(c));
        bool changed = false;
        for (int g = 0; g < in.grid_count; ++g)
        {
            const auto& list = by_grid[g];
            if (list.size() < 2)
                continue;
            auto area = [&](int c) {
                double a = 0.0;
                for (int f : comps[c])
                    a += face_area[f];
                return a;
            };
            int keep = list.front();
            for (int c : list)
                if (std::make_pair(buildings[c], area(c)) >
                    std::make_pair(buildings[keep], area(keep)))
                    keep = c;
            for (int c : list)
            {
                if (c == keep)
                    continue;
                const bool holds_building = std::any_of(comps[c].begin(), comps[c].end(),
                                                        [&](int f) { return pinned[f] == g; });
                if (holds_building)
                    continue;
                const int to = longestBorderGrid(comps[c], label, adj, g);
                if (to < 0)
                    continue;
                for (int f : comps[c])
                    label[f] = to;
                ++merged[g];
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    std::vector<int> piece_count(static_cast<std::size_t>(in.grid_count), 0);
    for (const auto& comp : pieces())
        ++piece_count[label[comp.front()]];
    for (int g = 0; g < in.grid_count; ++g)
    {
        if (merged[g] > 0)
            result.notes.push_back(
                gridNote(g, std::to_string(merged[g]) + " detached pieces merged into neighbours"));
        if (piece_count[g] > 1)
            result.notes.push_back(gridNote(g, std::to_string(piece_count[g] - 1) +
                                                   " detached pieces kept (they hold its buildings"
                                                   " or touch no other grid)"));
        if (piece_count[g] == 0)
            result.notes.push_back(gridNote(g, "no area (no buildings inside the community)"));
    }

    // (5) Dissolve each grid's faces; they are exactly noded, so coverage union applies.
    bool dissolve_fell_back = false;
    std::vector<std::vector<int>> faces_of(static_cast<std::size_t>(in.grid_count));
    for (std::size_t f = 0; f < nf; ++f)
        faces_of[label[f]].push_back(static_cast<int>(f));
    for (int g = 0; g < in.grid_count; ++g)
    {
        if (faces_of[g].empty())
            continue;
        std::vector<GeomPtr> parts;
        parts.reserve(faces_of[g].size());
        for (int f : faces_of[g])
            parts.push_back(clone(ctx, faces[f]));
        GeomPtr grid = dissolve(ctx, std::move(parts), &dissolve_fell_back);
        result.grids[g] = geom::toMultiPolygon(ctx, grid.get());
    }
    if (noding_fell_back)
        result.notes.push_back("linework noded with 1 mm snap-rounding after a robustness failure");
    if (dissolve_fell_back)
        result.notes.push_back("coverage union rejected the faces; used a full union instead");
    return result;
}

} // namespace gp::tile
