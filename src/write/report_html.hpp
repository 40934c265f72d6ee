// report.html: one self-contained page for planners (inline CSS and SVG, no script, no network):
// summary, map of grids, histogram of households against the bounds, communities, the grid table,
// the work list of problems and the run's parameters. Readable on screen and printed (A4).
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace gp::write
{

// The page as UTF-8 bytes; depends only on the plan and options (no dates, no paths of DIR).
std::string reportHtml(const Plan& plan, const PartitionConfig& config);
// The same page from report(plan, config) computed already (report.json holds the same).
std::string reportHtml(const Plan& plan, const PartitionConfig& config,
                       const nlohmann::ordered_json& report);

// The box (working CRS) around every community and grid; nullopt when they are all empty.
// The report's map and the QGIS project's initial view both frame it.
std::optional<Box> planExtent(const Plan& plan);

} // namespace gp::write
