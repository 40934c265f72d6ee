// The write stage: turns a finished Plan into the output layers (a contract: see README
// "Outputs") and report.json, and writes them atomically into the output folder.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
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

// Every output layer, in writing order: grids, buildings, gaps, communities, areas, then
// compounds or blocks when there are any.
std::vector<io::FeatureTable> outputTables(const Plan& plan, const PartitionConfig& config);

// Writes the output layers (GeoJSON files, or gridplan.gpkg with config.output_format "gpkg")
// and report.json into config.out_dir, all or nothing; a "PG:" out_dir gets PostGIS tables
// instead (see io/postgis_writer.hpp). `progress` (may be null) watches the writing.
// batch_fingerprint (set by `gridplan batch`, src/batch/fingerprint.hpp) goes into report.json
// as batch.fingerprint, so that a street finished with the same inputs and options is not rerun.
void writeOutputs(const Plan& plan, const PartitionConfig& config,
                  ProgressReporter* progress = nullptr, const std::string& batch_fingerprint = {});

// "within", "under" or "over" the household bounds.
const char* boundsStatus(int households, const PartitionConfig& config);

} // namespace gp::write
