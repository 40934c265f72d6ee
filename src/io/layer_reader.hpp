// The load stage: reads any GDAL vector layer into plain records in the working metric CRS.
// No GDAL type leaves this file's users: records hold Boost geometries and text field values.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "io/china_coords.hpp"
#include "io/gdal_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gp::io
{

enum class GeometryKind
{
    Polygonal,        // communities, compounds, street
    PolygonalOrPoint, // buildings: footprints, or points where footprints are missing
    Lineal,           // barriers (polygon outlines are taken as lines)
};

struct FeatureRecord
{
    std::int64_t fid = 0;
    std::string id; // the id field's value, else the FID as text ("FID:12" when the field is empty)
    bool id_empty = false; // an id field was named and this feature's value is null or blank
    std::string name;      // the name field's value, when there is one
    std::vector<std::optional<std::string>> values; // one per requested field, nullopt when null
    MultiPolygon polygons;
    MultiLineString lines;
    std::optional<Point> point;
};

struct LayerRecords
{
    SourceInfo info;
    std::vector<FeatureRecord> features;
    std::vector<Issue> issues; // skipped and repaired features
};

// An opened input layer. Opening checks the source, layer, filter and CRS; read() converts.
class InputLayer
{
  public:
    InputLayer(const LayerSource& source, std::string role, const std::string& assume_crs);

    const OGRSpatialReference& srs() const { return *m_srs; }
    // GCJ-02 / BD-09 layers: srs() is WGS 84 and this shift is removed while reading.
    LonLatShift shift() const { return m_shift; }
    const std::string& role() const { return m_role; }
    const std::string& path() const { return m_source.path; }
    // Extent in the layer's own CRS.
    OGREnvelope extent();
    // A typical point of the layer in its own CRS: the median of the centres of the first
    // features' envelopes (a corrupt far-off vertex does not move it); nullopt for no geometry.
    std::optional<Point> typicalCentre();

    // Reads every feature, reprojected to `working`; `fields` must exist (InputError otherwise).
    // Geometries are converted on `threads` workers (as for parallelFor); results keep FID order.
    LayerRecords read(const OGRSpatialReference& working, const std::vector<std::string>& fields,
                      GeometryKind kind, ProgressReporter* progress = nullptr, int threads = 1);

  private:
    LayerSource m_source;
    std::string m_role;
    GDALDatasetUniquePtr m_dataset;
    OGRLayer* m_layer = nullptr;
    SpatialRefPtr m_srs;
    LonLatShift m_shift = LonLatShift::None;
};

} // namespace gp::io
