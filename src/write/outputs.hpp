// The write stage: turns a finished Plan into the output layers (a contract: see README
// "Outputs") and report.json, and writes them atomically into the output folder.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "io/feature_table.hpp"

#include <nlohmann/json.hpp>

namespace gp::write
{

io::FeatureTable gridsTable(const Plan& plan, const PartitionConfig& config);
io::FeatureTable buildingsTable(const Plan& plan);
io::FeatureTable gapsTable(const Plan& plan);
io::FeatureTable communitiesTable(const Plan& plan, const PartitionConfig& config);
io::FeatureTable areasTable(const Plan& plan);
// One row per compound with its outcome (whole / merged / split / empty) and grid codes.
io::FeatureTable compoundsTable(const Plan& plan);
// One row per inferred block (only when no compound layer was given).
io::FeatureTable blocksTable(const Plan& plan);
nlohmann::ordered_json report(const Plan& plan, const PartitionConfig& config);

// Writes grids/buildings/gaps GeoJSON (plus compounds or blocks when there are any) and
// report.json into config.out_dir, all or nothing.
void writeOutputs(const Plan& plan, const PartitionConfig& config);

// "within", "under" or "over" the household bounds.
const char* boundsStatus(int households, const PartitionConfig& config);

} // namespace gp::write
