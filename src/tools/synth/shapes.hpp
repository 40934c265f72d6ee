// Shapefile output of gridplan-synth: one layer written feature by feature (UTF-8, EPSG:32650,
// a fixed DBF date so that runs are byte-identical), and the OGR geometries of rings and lines.
#pragma once

#include "tools/synth/parts.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <tuple>
#include <vector>

namespace gp::synth
{

// One Shapefile layer, written feature by feature with one reused OGRFeature.
class ShapeWriter
{
  public:
    ShapeWriter(const std::string& dir, const std::string& name, OGRwkbGeometryType type,
                const std::vector<std::tuple<const char*, OGRFieldType, int, int>>& fields);

    // The feature to fill; all fields null.
    OGRFeature& next();
    void write(OGRGeometry* geometry);
    int count() const { return m_count; }

  private:
    GDALDatasetUniquePtr m_ds;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    int m_count = 0;
};

// Owned by the caller until handed to ShapeWriter::write.
OGRPolygon* polygon(const Ring& ring);
OGRLineString* line(const std::vector<std::pair<double, double>>& pts);

} // namespace gp::synth
