// Plain in-memory geometry types shared by every stage (Boost.Geometry models).
// Coordinates are metres in the run's working CRS; only io/ converts to and from lon/lat.
#pragma once

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace gp
{

namespace bg = boost::geometry;

using Point = bg::model::d2::point_xy<double>;
using Box = bg::model::box<Point>;
// Clockwise exterior rings, closed (Boost's defaults); bg::correct() fixes orientation on input.
using Polygon = bg::model::polygon<Point>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using LineString = bg::model::linestring<Point>;
using MultiLineString = bg::model::multi_linestring<LineString>;

// Bounding box of a multipolygon's outer rings, computed by hand: bg::envelope on
// multi-polygons trips GCC 12's -Wmaybe-uninitialized inside Boost 1.74.
inline Box envelopeOf(const MultiPolygon& mp)
{
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool first = true;
    for (const auto& poly : mp)
        for (const auto& p : poly.outer())
        {
            if (first || p.x() < min_x)
                min_x = p.x();
            if (first || p.y() < min_y)
                min_y = p.y();
            if (first || p.x() > max_x)
                max_x = p.x();
            if (first || p.y() > max_y)
                max_y = p.y();
            first = false;
        }
    return Box(Point(min_x, min_y), Point(max_x, max_y));
}

// A point inside a polygon: its centroid when that falls inside, else the midpoint of the widest
// horizontal chord through the centroid of its largest part. Buildings' anchors and the
// report's labels. `mp` must not be empty.
Point interiorPointOf(const MultiPolygon& mp);

} // namespace gp
