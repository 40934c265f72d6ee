// Coordinate systems outside the layers themselves: the choice of the run's working CRS (with a
// check of its scale at the data) and the transforms the write stage needs (the QGIS project's
// extent), kept in io/ because only io/ knows GDAL.
#pragma once

#include "core/geometry.hpp"
#include "io/gdal_support.hpp"

#include <optional>
#include <string>

namespace gp::io
{

// A projected CRS whose scale at the data differs from true by more than this (0.5%) is never
// the working CRS: areas (hence estimated households) and distances would be off by as much.
constexpr double kMaxScaleError = 0.005;

// The worst scale error of `projected` at (lon, lat) (WGS 84): the larger of |k - 1| for the
// scale along its x and y axes (areas are off by about twice that in a conformal projection),
// measured on a 10 m square mapped into a transverse Mercator centred on the point (true to
// within 1e-12 there). Throws InputError when the point cannot be projected.
double scaleErrorAt(const OGRSpatialReference& projected, double lon, double lat);

struct WorkingCrs
{
    SpatialRefPtr srs;
    std::string reason; // why this CRS, for the log and report.json
};

// The run's metric CRS: the user's choice (ConfigError when it is not projected or off true
// scale at the data), else the buildings' projected metric CRS when its scale is true within
// kMaxScaleError, else the CGCS2000 3-degree Gauss-Krueger zone (CGCS2000 data) or the UTM zone
// at the centre of the buildings. `centre` is a typical point of the buildings in `source`
// (nullopt for a layer without geometry: the choice is then not checked, the load fails later).
WorkingCrs chooseWorkingCrs(const OGRSpatialReference& source, const std::optional<Point>& centre,
                            const std::string& buildings_path, const std::string& user_choice);

// The box (in the working CRS given as WKT) as a lon/lat box in EPSG:4326 that holds it:
// its corners and edge midpoints transformed. Throws OutputError when the CRS cannot be used.
Box boxToWgs84(const Box& box, const std::string& working_crs_wkt);

} // namespace gp::io
