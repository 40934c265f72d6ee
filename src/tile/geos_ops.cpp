#include "tile/geos_ops.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <random>

namespace gp::tile
{

using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;

PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx.handle(), g);
    if (!p)
        throw GeometryError("GEOS prepare failed: " + ctx.lastError());
    return PreparedPtr(p, PreparedDeleter{ctx.handle()});
}

GeomPtr clone(GeosContext& ctx, const GEOSGeometry* g)
{
    return checked(ctx, GEOSGeom_clone_r(ctx.handle(), g), "clone");
}

Box envelopeOf(GeosContext& ctx, const GEOSGeometry* g)
{
    const double inf = std::numeric_limits<double>::infinity();
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (GEOSisEmpty_r(ctx.handle(), g) == 1 ||
        !GEOSGeom_getExtent_r(ctx.handle(), g, &x0, &y0, &x1, &y1))
        return Box(Point(inf, inf), Point(-inf, -inf));
    return Box(Point(x0, y0), Point(x1, y1));
}

double areaOf(GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0.0;
    if (!GEOSArea_r(ctx.handle(), g, &a))
        throw GeometryError("GEOS area failed: " + ctx.lastError());
    return a;
}

Point interiorPoint(GeosContext& ctx, const GEOSGeometry* g)
{
    GeomPtr p = checked(ctx, GEOSPointOnSurface_r(ctx.handle(), g), "pointOnSurface");
    double x = 0, y = 0;
    if (GEOSisEmpty_r(ctx.handle(), p.get()) == 1 || !GEOSGeomGetX_r(ctx.handle(), p.get(), &x) ||
        !GEOSGeomGetY_r(ctx.handle(), p.get(), &y))
        throw GeometryError("GEOS pointOnSurface gave no point: " + ctx.lastError());
    return Point(x, y);
}

GeomPtr nodeLines(GeosContext& ctx, const GEOSGeometry* lines, double fallback_grid,
                  bool* fell_back)
{
    if (GEOSGeometry* g = GEOSUnaryUnion_r(ctx.handle(), lines))
        return GeomPtr(g, geom::GeomDeleter{ctx.handle()});
    if (fell_back)
        *fell_back = true;
    return checked(ctx, GEOSUnaryUnionPrec_r(ctx.handle(), lines, fallback_grid),
                   "unaryUnionPrec(lines)");
}

GeomPtr polygonize(GeosContext& ctx, const GEOSGeometry* noded_lines)
{
    const GEOSGeometry* parts[] = {noded_lines};
    return checked(ctx, GEOSPolygonize_r(ctx.handle(), parts, 1), "polygonize");
}

namespace
{

// The sites nudged by up to `jitter` (fixed seed: the same sites always get the same nudges).
std::vector<Point> nudged(const std::vector<Point>& sites, double jitter)
{
    if (jitter <= 0.0)
        return sites;
    std::mt19937 rng(20240611u);
    std::uniform_real_distribution<double> nudge(-jitter, jitter);
    std::vector<Point> out;
    out.reserve(sites.size());
    for (const Point& p : sites)
    {
        const double dx = nudge(rng);
        const double dy = nudge(rng);
        out.emplace_back(p.x() + dx, p.y() + dy);
    }
    return out;
}

GeomPtr multipointOf(GeosContext& ctx, const std::vector<Point>& sites)
{
    std::vector<GeomPtr> points;
    points.reserve(sites.size());
    for (const Point& p : sites)
        points.push_back(geom::toGeos(ctx, p));
    return geom::makeCollection(ctx, GEOS_MULTIPOINT, std::move(points));
}

// On cocircular sites (a lattice of outline samples) GEOS 3.11 can build degenerate
// subdivisions and fail; nudging the sites by far less than a millimetre breaks the ties.
// Exact sites are tried first so regular layouts keep exact edges.
constexpr double kJitters[] = {0.0, 1e-6, 1e-5, 1e-4};

} // namespace

std::vector<std::array<int, 3>> delaunayTriangles(GeosContext& ctx, const std::vector<Point>& sites,
                                                  double tolerance)
{
    const auto h = ctx.handle();
    std::vector<Point> used;
    GEOSGeometry* raw = nullptr;
    for (double jitter : kJitters)
    {
        used = nudged(sites, jitter);
        GeomPtr multipoint = multipointOf(ctx, used);
        if ((raw = GEOSDelaunayTriangulation_r(h, multipoint.get(), tolerance, 0)))
            break;
    }
    GeomPtr triangles = checked(ctx, raw, "delaunayTriangulation");
    // GEOS returns its input coordinates as triangle corners: look them up exactly. Equal
    // sites keep the lowest index, as GEOS keeps one of them.
    std::vector<std::pair<Point, int>> index;
    index.reserve(used.size());
    for (std::size_t i = 0; i < used.size(); ++i)
        index.emplace_back(used[i], static_cast<int>(i));
    auto before = [](const std::pair<Point, int>& a, const std::pair<Point, int>& b) {
        return std::make_tuple(a.first.x(), a.first.y(), a.second) <
               std::make_tuple(b.first.x(), b.first.y(), b.second);
    };
    std::sort(index.begin(), index.end(), before);
    auto find = [&](double x, double y) {
        const auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(Point(x, y), -1), before);
        if (it == index.end() || it->first.x() != x || it->first.y() != y)
            throw GeometryError("GEOS Delaunay triangulation returned a corner that is no site");
        return it->second;
    };
    std::vector<std::array<int, 3>> out;
    for (int i = 0, n = GEOSGetNumGeometries_r(h, triangles.get()); i < n; ++i)
    {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, triangles.get(), i);
        if (GEOSGeomTypeId_r(h, tri) != GEOS_POLYGON || GEOSisEmpty_r(h, tri) == 1)
            continue;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
        unsigned size = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &size) || size < 4)
            continue;
        std::array<int, 3> corners{};
        for (unsigned k = 0; k < 3; ++k)
        {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            corners[k] = find(x, y);
        }
        out.push_back(corners);
    }
    return out;
}

GeomPtr dissolve(GeosContext& ctx, std::vector<GeomPtr> polygons, bool* fell_back)
{
    GeomPtr coll = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(polygons));
    if (GEOSGeometry* g = GEOSCoverageUnion_r(ctx.handle(), coll.get()))
        return GeomPtr(g, geom::GeomDeleter{ctx.handle()});
    if (fell_back)
        *fell_back = true;
    return checked(ctx, GEOSUnaryUnion_r(ctx.handle(), coll.get()), "unaryUnion(faces)");
}

} // namespace gp::tile
