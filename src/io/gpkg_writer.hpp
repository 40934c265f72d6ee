// Writes output tables as the layers of one GeoPackage (EPSG:4326, coordinates rounded as in
// the GeoJSON outputs), in one SQLite transaction. Throws OutputError naming the file.
#pragma once

#include "core/progress.hpp"
#include "io/feature_table.hpp"

#include <string>
#include <vector>

namespace gp::io
{

// gpkg_contents.last_change of every layer: fixed (GDAL's OGR_CURRENT_DATE), so that the same
// inputs give the same bytes rather than the time of the run.
inline constexpr const char* kGpkgFixedDate = "2000-01-01T00:00:00.000Z";

void writeGeoPackage(const std::vector<FeatureTable>& tables, const std::string& path,
                     const std::string& working_crs_wkt, ProgressTask* task = nullptr,
                     const std::string& output_crs = {});

} // namespace gp::io
