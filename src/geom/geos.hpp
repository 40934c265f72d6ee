// RAII over the GEOS C API (reentrant _r functions). One GeosContext per thread; every
// GEOSGeometry we own lives in a GeomPtr, and a NULL from GEOS becomes a GeometryError.
#pragma once

#include "core/geometry.hpp"

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace gp::geom
{

class GeosContext
{
  public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string& lastError() const { return m_last_error; }

  private:
    static void onError(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

struct GeomDeleter
{
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const
    {
        if (g)
            GEOSGeom_destroy_r(handle, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Takes ownership of a GEOS result; throws GeometryError naming `operation` when it is NULL.
GeomPtr checked(GeosContext& ctx, GEOSGeometry* g, const char* operation);

// Boost.Geometry <-> GEOS. Conversions copy coordinates; results are bg::correct()ed.
GeomPtr toGeos(GeosContext& ctx, const MultiPolygon& mp);
GeomPtr toGeos(GeosContext& ctx, const Polygon& p);
GeomPtr toGeos(GeosContext& ctx, const MultiLineString& ml);
GeomPtr toGeos(GeosContext& ctx, const Point& p);
// Polygonal parts of any geometry (collections are searched; lines/points dropped).
MultiPolygon toMultiPolygon(GeosContext& ctx, const GEOSGeometry* g);
MultiLineString toMultiLineString(GeosContext& ctx, const GEOSGeometry* g);

// Takes ownership of each geometry and returns a GEOMETRYCOLLECTION / MULTI* of them.
GeomPtr makeCollection(GeosContext& ctx, int type, std::vector<GeomPtr> parts);

} // namespace gp::geom
