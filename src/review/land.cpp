#include "review/land.hpp"

#include "geom/geos.hpp"

#include <algorithm>

namespace gp::review
{

namespace
{

using GeosOp = GEOSGeometry* (*)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*);

MultiPolygon binary(const MultiPolygon& a, const MultiPolygon& b, GeosOp op, const char* name)
{
    geom::GeosContext ctx;
    auto ga = geom::toGeos(ctx, a);
    auto gb = geom::toGeos(ctx, b);
    auto r = geom::checked(ctx, op(ctx.handle(), ga.get(), gb.get()), name);
    return geom::toMultiPolygon(ctx, r.get());
}

} // namespace

MultiPolygon intersectionOf(const MultiPolygon& a, const MultiPolygon& b)
{
    if (a.empty() || b.empty())
        return {};
    return binary(a, b, GEOSIntersection_r, "intersection");
}

MultiPolygon differenceOf(const MultiPolygon& a, const MultiPolygon& b)
{
    if (a.empty() || b.empty())
        return a;
    return binary(a, b, GEOSDifference_r, "difference");
}

MultiPolygon unionOf(const std::vector<const MultiPolygon*>& parts)
{
    geom::GeosContext ctx;
    std::vector<geom::GeomPtr> all;
    for (const auto* p : parts)
        if (!p->empty())
            all.push_back(geom::toGeos(ctx, *p));
    if (all.empty())
        return {};
    auto collection = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(all));
    auto r = geom::checked(ctx, GEOSUnaryUnion_r(ctx.handle(), collection.get()), "union");
    return geom::toMultiPolygon(ctx, r.get());
}

Box boxOf(const MultiPolygon& area)
{
    bool first = true;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (const auto& polygon : area)
        for (const auto& p : polygon.outer())
        {
            x0 = first ? p.x() : std::min(x0, p.x());
            y0 = first ? p.y() : std::min(y0, p.y());
            x1 = first ? p.x() : std::max(x1, p.x());
            y1 = first ? p.y() : std::max(y1, p.y());
            first = false;
        }
    return Box(Point(x0, y0), Point(x1, y1));
}

MultiPolygon significantParts(const MultiPolygon& area)
{
    MultiPolygon out;
    geom::GeosContext ctx;
    for (const auto& part : area)
    {
        if (bg::area(part) < kMinPieceM2)
            continue;
        auto g = geom::toGeos(ctx, part);
        auto inner = geom::checked(ctx, GEOSBuffer_r(ctx.handle(), g.get(), -kSliverWidthM / 2, 4),
                                   "negative buffer");
        if (GEOSisEmpty_r(ctx.handle(), inner.get()) == 0)
            out.push_back(part);
    }
    return out;
}

} // namespace gp::review
