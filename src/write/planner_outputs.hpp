// The outputs for people rather than programs: the QGIS project with its .qml styles and
// report.html. Written into the run's staging folder so they appear atomically with the layers.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "io/feature_table.hpp"
#include "io/output_dir.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gp::write
{

void writePlannerOutputs(const Plan& plan, const PartitionConfig& config,
                         const std::vector<io::FeatureTable>& tables, io::OutputStaging& staging);

// The same files as (file name, bytes), in writing order, for `report` = report(plan, config);
// touches no file, so it can run while the layers are written.
std::vector<std::pair<std::string, std::string>>
plannerOutputFiles(const Plan& plan, const PartitionConfig& config,
                   const std::vector<io::FeatureTable>& tables,
                   const nlohmann::ordered_json& report);

// Writes bytes to path; OutputError naming it on failure.
void writeTextFile(const std::string& path, const std::string& bytes);

} // namespace gp::write
