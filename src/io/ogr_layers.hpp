// Writing FeatureTables into OGR layers, shared by the GeoJSON, GeoPackage and PostGIS writers:
// the transform to EPSG:4326 (the CRS of every output), OGR field types, and the rows.
#pragma once

#include "core/progress.hpp"
#include "io/feature_table.hpp"
#include "io/gdal_support.hpp"

#include <functional>
#include <memory>
#include <string>

namespace gp::io
{

// The CRS the layers are in (the run's working CRS, as WKT) and the one the files are written
// in: empty for EPSG:4326, GCJ02 / BD09 (lon/lat shifted as Chinese web maps are; the files
// say EPSG:4326, as those maps' own data does), or any CRS OGR understands.
struct OutputCrs
{
    std::string working_wkt;
    std::string target;
};

// The run's working CRS -> the output CRS (EPSG:4326 lon/lat unless `target` says otherwise).
// Throws OutputError via `fail`.
class ToWgs84
{
  public:
    ToWgs84(const std::string& working_crs_wkt,
            const std::function<void(const std::string&)>& fail);
    ToWgs84(const OutputCrs& crs, const std::function<void(const std::string&)>& fail);
    OGRSpatialReference* srs() const { return m_wgs84.get(); }
    OGRCoordinateTransformation* transform() const { return m_transform.get(); }
    // Whether the files hold lon/lat labelled EPSG:4326 (WGS 84, GCJ-02 or BD-09).
    bool lonLat() const { return m_lon_lat; }

  private:
    SpatialRefPtr m_wgs84; // the output CRS
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
    bool m_lon_lat = true;
};

// MultiPolygon or Point when every row with a geometry has that kind, else wkbUnknown.
OGRwkbGeometryType tableGeometryType(const FeatureTable& table);

OGRFieldType ogrType(FieldType type);

// Creates the table's fields on `layer` and appends its rows, reprojected to EPSG:4326.
// `round_digits` >= 0 rounds lon/lat to that many decimals (as COORDINATE_PRECISION does for
// GeoJSON), so every format holds the same coordinates. Calls `fail` on any OGR error.
void appendRows(OGRLayer& layer, const FeatureTable& table, const ToWgs84& to_wgs84,
                int round_digits, const std::function<void(const std::string&)>& fail,
                ProgressTask* task = nullptr);

} // namespace gp::io
