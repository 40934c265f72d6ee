#include "tile/tile_parts.hpp"

#include "core/error.hpp"

#include <boost/polygon/voronoi.hpp>

#include <cmath>
#include <cstdint>

namespace gp::tile::internal
{

using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;

// Sample points of one building: its anchor, and its outline densified to `spacing`.
void sampleBuilding(const MultiPolygon* footprint, const Point& anchor, double spacing,
                    std::vector<Point>& out)
{
    out.clear();
    out.push_back(anchor);
    if (!footprint)
        return;
    auto ring = [&](const auto& pts)
    {
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

// Farthest distance from p to a corner of `box`, plus a metre: a ray from p of that length
// crosses all of the box it will ever cross.
static double reachOf(const Point& p, const Box& box)
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
std::vector<Segment> gridBoundaryEdges(const std::vector<Point>& sites,
                                       const std::vector<int>& grid, const Box& extent)
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
        auto far = [&](const Point& from, double sign)
        {
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
static std::optional<Segment> clipToBox(const Segment& sg, const Box& box)
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

} // namespace gp::tile::internal
