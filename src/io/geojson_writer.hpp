// Writes a FeatureTable as RFC 7946 GeoJSON (EPSG:4326, lon/lat), reprojecting from the run's
// working CRS. Throws OutputError naming the file.
#pragma once

#include "core/progress.hpp"
#include "io/feature_table.hpp"

#include <string>

namespace gp::io
{

void writeGeoJson(const FeatureTable& table, const std::string& path, const std::string& working_crs_wkt,
                  ProgressTask* task = nullptr);

} // namespace gp::io
