// Pieces of report.html shared by its sections (report_html.cpp) and figures (report_map.cpp,
// report_histogram.cpp): escaping, colours, names and the two SVG figures.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "write/texts.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace gp::write::html
{

// Text escaped for HTML.
std::string h(const std::string& s);

// Fill colour of a bounds band ("under", "within", "over"); the same as the QGIS styles.
const char* bandColour(const std::string& band);

// A community's display name (its id when it has no name); "" for index < 0.
std::string communityName(const Plan& plan, int index);

// Every grid, ordered by code.
std::vector<const Grid*> gridsByCode(const Plan& plan);

// The map of grids, problems and communities (nothing when the plan has no geometry).
void mapSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config, const Texts& t);

// Residential grids by households, stacked by band, with the bounds marked.
void histogramSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                  const Texts& t);

} // namespace gp::write::html
