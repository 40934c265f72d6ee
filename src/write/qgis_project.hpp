// A QGIS 3 project (gridplan.qgs) over the run's layers, with styles, plus one .qml style file per
// project layer. The project refers to the layers by relative path, so the output folder can be
// moved or zipped as a whole. Pure text generation: bytes depend only on the tables and options.
#pragma once

#include "core/config.hpp"
#include "core/geometry.hpp"
#include "io/feature_table.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gp::write
{

// One written layer as QGIS opens it: the OGR data source relative to the project
// ("./grids.geojson") and the table it was written from (name, fields, rows).
struct ProjectSource
{
    std::string datasource;
    const io::FeatureTable* table = nullptr;
};

// File name -> contents: "gridplan.qgs" and "<layer id>.qml" for each project layer. The layer id
// of a file's main layer is its base name (grids.qml next to grids.geojson), so QGIS also picks
// the style up when the file is opened on its own. Every layer is in EPSG:4326 (RFC 7946), as is
// the project; `extent_wgs84` (lon/lat) is the initial map view.
std::map<std::string, std::string> qgisProjectFiles(const std::vector<ProjectSource>& sources,
                                                    const PartitionConfig& config,
                                                    const std::optional<Box>& extent_wgs84);

// Where the plan lies: the initial map view, and the working CRS the print layouts draw their maps
// in (true shapes and a scale bar in metres); empty crs_wkt: the layouts' maps use EPSG:4326.
struct ProjectFrame
{
    std::optional<Box> extent_wgs84; // lon/lat
    std::optional<Box> extent;       // the same box in the working CRS
    std::string crs;                 // "EPSG:3763", or a short name
    std::string crs_wkt;
};

// The same files, with the print layouts (write/qgis_layout.hpp) framed by `frame`.
std::map<std::string, std::string> qgisProjectFiles(const std::vector<ProjectSource>& sources,
                                                    const PartitionConfig& config,
                                                    const ProjectFrame& frame);

} // namespace gp::write
