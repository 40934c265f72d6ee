// Coordinate transforms the write stage needs outside the layers themselves (the QGIS project's
// extent), kept in io/ because only io/ knows GDAL.
#pragma once

#include "core/geometry.hpp"

#include <string>

namespace gp::io
{

// The box (in the working CRS given as WKT) as a lon/lat box in EPSG:4326 that holds it:
// its corners and edge midpoints transformed. Throws OutputError when the CRS cannot be used.
Box boxToWgs84(const Box& box, const std::string& working_crs_wkt);

} // namespace gp::io
