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

} // namespace gp
