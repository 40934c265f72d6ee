// Writes a FeatureTable as RFC 7946 GeoJSON (EPSG:4326, lon/lat), reprojecting from the run's
// working CRS (or in `output_crs`: GCJ02 / BD09 lon/lat, or a projected CRS with a "crs" member).
// Throws OutputError naming the file. The bytes are those of GDAL's GeoJSON driver; features are
// formatted on `threads` threads (0: every core) and written in row order, so the file does not
// depend on the number of threads.
#pragma once

#include "core/progress.hpp"
#include "io/feature_table.hpp"

#include <string>

namespace gp::io
{

void writeGeoJson(const FeatureTable& table, const std::string& path,
                  const std::string& working_crs_wkt, ProgressTask* task = nullptr, int threads = 1,
                  const std::string& output_crs = {});

// The same file written feature by feature through GDAL's GeoJSON driver: the reference the fast
// writer must match byte for byte, used for rows and tables it does not format itself.
void writeGeoJsonWithGdal(const FeatureTable& table, const std::string& path,
                          const std::string& working_crs_wkt, ProgressTask* task = nullptr,
                          const std::string& output_crs = {});

} // namespace gp::io
