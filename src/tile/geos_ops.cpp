#include "tile/geos_ops.hpp"

#include "core/error.hpp"

#include <limits>
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

GEOSGeometry* rawVoronoi(GeosContext& ctx, const std::vector<Point>& sites,
                         const GEOSGeometry* extent, double tolerance, double jitter)
{
    // Fixed seed: the same sites always get the same nudges.
    std::mt19937 rng(20240611u);
    std::uniform_real_distribution<double> nudge(-jitter, jitter);
    std::vector<GeomPtr> points;
    points.reserve(sites.size());
    for (const Point& p : sites)
    {
        const double dx = jitter > 0.0 ? nudge(rng) : 0.0;
        const double dy = jitter > 0.0 ? nudge(rng) : 0.0;
        points.push_back(geom::toGeos(ctx, Point(p.x() + dx, p.y() + dy)));
    }
    GeomPtr multipoint = geom::makeCollection(ctx, GEOS_MULTIPOINT, std::move(points));
    return GEOSVoronoiDiagram_r(ctx.handle(), multipoint.get(), extent, tolerance, 0);
}

} // namespace

GeomPtr voronoiEdges(GeosContext& ctx, const std::vector<Point>& sites, const GEOSGeometry* extent,
                     double tolerance)
{
    const auto h = ctx.handle();
    // On cocircular sites (a lattice of outline samples) GEOS 3.11 can build degenerate cells
    // and fail, in edge mode as in cell mode; nudging the sites by far less than a millimetre
    // breaks the ties. Exact sites are tried first so regular layouts keep exact edges.
    GEOSGeometry* raw = nullptr;
    for (double jitter : {0.0, 1e-6, 1e-5, 1e-4})
        if ((raw = rawVoronoi(ctx, sites, extent, tolerance, jitter)))
            break;
    GeomPtr cells = checked(ctx, raw, "voronoiDiagram");
    // Cell outlines as lines: each edge appears twice, which noding dissolves.
    std::vector<GeomPtr> rings;
    for (int i = 0, n = GEOSGetNumGeometries_r(h, cells.get()); i < n; ++i)
    {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, cells.get(), i);
        if (GEOSGeomTypeId_r(h, cell) != GEOS_POLYGON || GEOSisEmpty_r(h, cell) == 1)
            continue;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, cell));
        GEOSCoordSequence* copy = GEOSCoordSeq_clone_r(h, seq);
        if (!copy)
            throw GeometryError("GEOS coordinate sequence copy failed: " + ctx.lastError());
        rings.push_back(checked(ctx, GEOSGeom_createLineString_r(h, copy), "createLineString"));
    }
    return geom::makeCollection(ctx, GEOS_MULTILINESTRING, std::move(rings));
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
