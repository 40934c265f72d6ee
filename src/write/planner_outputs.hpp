// The outputs for people rather than programs: the QGIS project with its .qml styles and
// report.html. Written into the run's staging folder so they appear atomically with the layers.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "io/feature_table.hpp"
#include "io/output_dir.hpp"

#include <vector>

namespace gp::write
{

void writePlannerOutputs(const Plan& plan, const PartitionConfig& config,
                         const std::vector<io::FeatureTable>& tables, io::OutputStaging& staging);

} // namespace gp::write
