#include "geom/geos_ops.hpp"

#include "core/error.hpp"

#include <limits>

namespace gp::geom
{

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

GeomPtr dissolve(GeosContext& ctx, std::vector<GeomPtr> polygons, bool* fell_back)
{
    GeomPtr coll = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(polygons));
    if (GEOSGeometry* g = GEOSCoverageUnion_r(ctx.handle(), coll.get()))
        return GeomPtr(g, geom::GeomDeleter{ctx.handle()});
    if (fell_back)
        *fell_back = true;
    return checked(ctx, GEOSUnaryUnion_r(ctx.handle(), coll.get()), "unaryUnion(faces)");
}

} // namespace gp::geom
