// The print layouts of gridplan.qgs: an atlas over the communities (one A3 landscape page per
// community: its grids labelled with code and households, a table of its grids, street and
// community names, scale bar, north arrow, data attribution) and one overview page of the street.
// scripts/export_atlas.py prints both into atlas.pdf (overview first), `gridplan partition --pdf`.
#pragma once

#include "core/config.hpp"
#include "core/geometry.hpp"
#include "write/qgis_project.hpp"
#include "write/qgis_xml.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gp::write::qgis
{

// Names of the two layouts in the project (scripts/export_atlas.py looks them up by these).
inline constexpr const char* kAtlasLayout = "gridplan-atlas";
inline constexpr const char* kOverviewLayout = "gridplan-overview";

// Writes <Layouts> with both layouts; nothing when the run wrote no communities or grids layer.
void printLayouts(Xml& x, const std::vector<ProjectSource>& sources, const PartitionConfig& config,
                  const ProjectFrame& frame);

} // namespace gp::write::qgis
