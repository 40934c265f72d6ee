#include "geom/geos_ops.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <iterator>
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

void Region::build(GeosContext& ctx)
{
    std::vector<BoxEntry> entries;
    prepared.clear();
    for (std::size_t i = 0; i < geoms.size(); ++i)
    {
        prepared.push_back(prepare(ctx, geoms[i].get()));
        entries.emplace_back(envelopeOf(ctx, geoms[i].get()), static_cast<int>(i));
    }
    tree = BoxTree(entries.begin(), entries.end());
}

std::vector<int> Region::candidates(const Point& p) const
{
    std::vector<BoxEntry> hits;
    tree.query(boost::geometry::index::intersects(p), std::back_inserter(hits));
    std::vector<int> ids;
    for (const auto& hit : hits)
        ids.push_back(hit.second);
    std::sort(ids.begin(), ids.end()); // lowest index wins ties: deterministic
    return ids;
}

int Region::locate(GeosContext& ctx, const Point& p, bool allow_boundary) const
{
    const std::vector<int> ids = candidates(p);
    if (ids.empty())
        return -1;
    GeomPtr pt = toGeos(ctx, p);
    for (int i : ids)
        if (GEOSPreparedContains_r(ctx.handle(), prepared[i].get(), pt.get()) == 1)
            return i;
    if (allow_boundary)
        for (int i : ids)
            if (GEOSPreparedIntersects_r(ctx.handle(), prepared[i].get(), pt.get()) == 1)
                return i;
    return -1;
}

int Region::locateFace(GeosContext& ctx, const GEOSGeometry* face, const Point& inside) const
{
    const int i = locate(ctx, inside, false);
    if (i >= 0)
        return i;
    const double face_area = areaOf(ctx, face);
    for (int j : candidates(inside))
    {
        GeomPtr common =
            checked(ctx, GEOSIntersection_r(ctx.handle(), face, geoms[j].get()), "intersection");
        if (areaOf(ctx, common.get()) > 0.5 * face_area)
            return j;
    }
    return -1;
}

} // namespace gp::geom
