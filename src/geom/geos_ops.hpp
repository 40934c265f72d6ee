// GEOS helpers beyond geom/geos.hpp (used by spatial/ and tile/): prepared geometries, noding,
// polygonizing and dissolving. Owned results always live in a GeomPtr/PreparedPtr.
#pragma once

#include "core/geometry.hpp"
#include "geom/geos.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace gp::geom
{

struct PreparedDeleter
{
    GEOSContextHandle_t handle = nullptr;
    void operator()(const GEOSPreparedGeometry* p) const
    {
        if (p)
            GEOSPreparedGeom_destroy_r(handle, p);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// The prepared geometry borrows `g`: keep `g` alive as long as the result.
PreparedPtr prepare(geom::GeosContext& ctx, const GEOSGeometry* g);

geom::GeomPtr clone(geom::GeosContext& ctx, const GEOSGeometry* g);

// Bounding box; an empty geometry gives an inverted (empty) box.
Box envelopeOf(geom::GeosContext& ctx, const GEOSGeometry* g);

double areaOf(geom::GeosContext& ctx, const GEOSGeometry* g);

// A point strictly inside a polygonal geometry (GEOS PointOnSurface).
Point interiorPoint(geom::GeosContext& ctx, const GEOSGeometry* g);

// Nodes and dissolves linework (unary union). Floating precision keeps input vertices exact;
// if GEOS gives up it retries with snap-rounding to `fallback_grid` metres and sets *fell_back.
geom::GeomPtr nodeLines(geom::GeosContext& ctx, const GEOSGeometry* lines, double fallback_grid,
                        bool* fell_back);

// Faces of noded linework (GEOS Polygonize); dangles and cut edges are dropped.
geom::GeomPtr polygonize(geom::GeosContext& ctx, const GEOSGeometry* noded_lines);

// Union of polygons that form an exactly noded coverage (GEOS CoverageUnion); falls back to a
// full unary union when GEOS rejects the coverage and sets *fell_back.
geom::GeomPtr dissolve(geom::GeosContext& ctx, std::vector<geom::GeomPtr> polygons,
                       bool* fell_back);

// Snap-rounding grid if floating-point noding fails: 1 mm changes no area that matters.
constexpr double kFallbackGrid = 1e-3;

using BoxEntry = std::pair<Box, int>;
using BoxTree = boost::geometry::index::rtree<BoxEntry, boost::geometry::index::rstar<16>>;

// Polygons with a spatial index and prepared forms, for point location (the one locator of
// spatial/ and tile/).
struct Region
{
    std::vector<GeomPtr> geoms;
    std::vector<PreparedPtr> prepared;
    BoxTree tree;

    void build(GeosContext& ctx);
    // Indices of the polygons whose box holds p, ascending (lowest index wins ties).
    std::vector<int> candidates(const Point& p) const;
    // Lowest-index polygon containing p; with allow_boundary also one that only touches it.
    int locate(GeosContext& ctx, const Point& p, bool allow_boundary) const;
    // The polygon holding `face` (a face of linework that includes this region's outlines),
    // judged by its interior point; a degenerate face whose point lands on an outline is
    // decided by overlap area.
    int locateFace(GeosContext& ctx, const GEOSGeometry* face, const Point& inside) const;
};

// Calls fn(x1, y1, x2, y2) for every segment of every ring of a polygon / multipolygon.
template <typename Fn>
void forEachRingSegment(geom::GeosContext& ctx, const GEOSGeometry* g, Fn&& fn);

// ---- implementation of the template ----

namespace detail
{
template <typename Fn>
void ringSegments(GEOSContextHandle_t h, const GEOSGeometry* ring, Fn& fn)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 2)
        return;
    double px = 0, py = 0;
    GEOSCoordSeq_getXY_r(h, seq, 0, &px, &py);
    for (unsigned i = 1; i < n; ++i)
    {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        fn(px, py, x, y);
        px = x;
        py = y;
    }
}
} // namespace detail

template <typename Fn>
void forEachRingSegment(geom::GeosContext& ctx, const GEOSGeometry* g, Fn&& fn)
{
    const auto h = ctx.handle();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON)
    {
        if (GEOSisEmpty_r(h, g) == 1)
            return;
        detail::ringSegments(h, GEOSGetExteriorRing_r(h, g), fn);
        for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i)
            detail::ringSegments(h, GEOSGetInteriorRingN_r(h, g, i), fn);
    }
    else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    {
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i)
            forEachRingSegment(ctx, GEOSGetGeometryN_r(h, g, i), fn);
    }
}

} // namespace gp::geom
