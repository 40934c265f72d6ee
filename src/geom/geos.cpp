#include "geom/geos.hpp"

#include "core/error.hpp"

#include <cstdarg>

namespace gp::geom
{

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
}

GeosContext::~GeosContext()
{
    GEOS_finish_r(m_handle);
}

void GeosContext::onError(const char* message, void* self)
{
    static_cast<GeosContext*>(self)->m_last_error = message ? message : "";
}

GeomPtr checked(GeosContext& ctx, GEOSGeometry* g, const char* operation)
{
    if (!g)
        throw GeometryError(std::string("GEOS ") + operation + " failed: " + ctx.lastError());
    return GeomPtr(g, GeomDeleter{ctx.handle()});
}

namespace
{

GEOSCoordSequence* ringSequence(GeosContext& ctx, const auto& ring)
{
    const auto h = ctx.handle();
    const bool close = !ring.empty() && !bg::equals(ring.front(), ring.back());
    const unsigned n = static_cast<unsigned>(ring.size() + (close ? 1 : 0));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n, 2);
    if (!seq)
        throw GeometryError("GEOS coordinate sequence allocation failed: " + ctx.lastError());
    unsigned i = 0;
    for (const auto& p : ring)
        GEOSCoordSeq_setXY_r(h, seq, i++, p.x(), p.y());
    if (close)
        GEOSCoordSeq_setXY_r(h, seq, i, ring.front().x(), ring.front().y());
    return seq;
}

GEOSGeometry* rawPolygon(GeosContext& ctx, const Polygon& p)
{
    const auto h = ctx.handle();
    GeomPtr shell = checked(ctx, GEOSGeom_createLinearRing_r(h, ringSequence(ctx, p.outer())),
                            "createLinearRing");
    std::vector<GEOSGeometry*> holes;
    for (const auto& inner : p.inners())
        holes.push_back(GEOSGeom_createLinearRing_r(h, ringSequence(ctx, inner)));
    for (auto* hole : holes)
        if (!hole)
        {
            for (auto* other : holes)
                if (other)
                    GEOSGeom_destroy_r(h, other);
            throw GeometryError("GEOS createLinearRing failed: " + ctx.lastError());
        }
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(h, shell.release(), holes.data(),
                                                  static_cast<unsigned>(holes.size()));
    return poly;
}

void appendPolygon(GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out)
{
    const auto h = ctx.handle();
    auto readRing = [&](const GEOSGeometry* ring, auto& target)
    {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        target.clear();
        target.reserve(n);
        for (unsigned i = 0; i < n; ++i)
        {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
            target.emplace_back(x, y);
        }
    };
    Polygon p;
    readRing(GEOSGetExteriorRing_r(h, g), p.outer());
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    p.inners().resize(static_cast<std::size_t>(holes));
    for (int i = 0; i < holes; ++i)
        readRing(GEOSGetInteriorRingN_r(h, g, i), p.inners()[static_cast<std::size_t>(i)]);
    bg::correct(p);
    if (!p.outer().empty())
        out.push_back(std::move(p));
}

void collectPolygons(GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out)
{
    const auto h = ctx.handle();
    if (GEOSisEmpty_r(h, g) == 1)
        return;
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON)
        appendPolygon(ctx, g, out);
    else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i)
            collectPolygons(ctx, GEOSGetGeometryN_r(h, g, i), out);
}

void collectLines(GeosContext& ctx, const GEOSGeometry* g, MultiLineString& out)
{
    const auto h = ctx.handle();
    if (GEOSisEmpty_r(h, g) == 1)
        return;
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING)
    {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        LineString line;
        for (unsigned i = 0; i < n; ++i)
        {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
            line.emplace_back(x, y);
        }
        out.push_back(std::move(line));
    }
    else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION)
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i)
            collectLines(ctx, GEOSGetGeometryN_r(h, g, i), out);
}

} // namespace

GeomPtr toGeos(GeosContext& ctx, const Polygon& p)
{
    return checked(ctx, rawPolygon(ctx, p), "createPolygon");
}

GeomPtr toGeos(GeosContext& ctx, const MultiPolygon& mp)
{
    std::vector<GeomPtr> parts;
    parts.reserve(mp.size());
    for (const auto& p : mp)
        parts.push_back(toGeos(ctx, p));
    return makeCollection(ctx, GEOS_MULTIPOLYGON, std::move(parts));
}

GeomPtr toGeos(GeosContext& ctx, const MultiLineString& ml)
{
    const auto h = ctx.handle();
    std::vector<GeomPtr> parts;
    for (const auto& line : ml)
    {
        if (line.size() < 2)
            continue;
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(line.size()), 2);
        unsigned i = 0;
        for (const auto& pt : line)
            GEOSCoordSeq_setXY_r(h, seq, i++, pt.x(), pt.y());
        parts.push_back(checked(ctx, GEOSGeom_createLineString_r(h, seq), "createLineString"));
    }
    return makeCollection(ctx, GEOS_MULTILINESTRING, std::move(parts));
}

GeomPtr toGeos(GeosContext& ctx, const Point& p)
{
    return checked(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), p.x(), p.y()), "createPoint");
}

GeomPtr makeCollection(GeosContext& ctx, int type, std::vector<GeomPtr> parts)
{
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& part : parts)
        raw.push_back(part.release());
    GEOSGeometry* g = GEOSGeom_createCollection_r(ctx.handle(), type, raw.data(),
                                                  static_cast<unsigned>(raw.size()));
    if (!g)
        for (auto* part : raw)
            GEOSGeom_destroy_r(ctx.handle(), part);
    return checked(ctx, g, "createCollection");
}

MultiPolygon toMultiPolygon(GeosContext& ctx, const GEOSGeometry* g)
{
    MultiPolygon out;
    if (g)
        collectPolygons(ctx, g, out);
    return out;
}

MultiLineString toMultiLineString(GeosContext& ctx, const GEOSGeometry* g)
{
    MultiLineString out;
    if (g)
        collectLines(ctx, g, out);
    return out;
}

} // namespace gp::geom
