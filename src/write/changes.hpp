// Outputs of a re-run against a previous run: changes.geojson (one row per grid code and per
// building whose grid changed) and the "changes" / "codes" sections of report.json.
#pragma once

#include "core/model.hpp"
#include "io/feature_table.hpp"

#include <nlohmann/json.hpp>

namespace gp::write
{

io::FeatureTable changesTable(const ChangeReport& changes);
nlohmann::ordered_json changesReport(const ChangeReport& changes);

} // namespace gp::write
