#include "io/reproject.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <memory>

namespace gp::io
{

Box boxToWgs84(const Box& box, const std::string& working_crs_wkt)
{
    ensureGdalRegistered();
    OGRSpatialReference working;
    working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (working.importFromWkt(working_crs_wkt.c_str()) != OGRERR_NONE)
        throw OutputError("the working CRS cannot be read back for the map extent");
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(
        OGRCreateCoordinateTransformation(&working, wgs84.get()));
    if (!to_wgs84)
        throw OutputError("cannot transform the map extent to EPSG:4326");
    const double x0 = box.min_corner().x(), y0 = box.min_corner().y();
    const double x1 = box.max_corner().x(), y1 = box.max_corner().y();
    double xs[8] = {x0, x1, x0, x1, (x0 + x1) / 2, (x0 + x1) / 2, x0, x1};
    double ys[8] = {y0, y0, y1, y1, y0, y1, (y0 + y1) / 2, (y0 + y1) / 2};
    if (!to_wgs84->Transform(8, xs, ys))
        throw OutputError("cannot transform the map extent to EPSG:4326");
    return Box(Point(*std::min_element(xs, xs + 8), *std::min_element(ys, ys + 8)),
               Point(*std::max_element(xs, xs + 8), *std::max_element(ys, ys + 8)));
}

} // namespace gp::io
