// The pipeline from inputs to a finished Plan: load -> classify -> place -> graph -> partition
// -> improve -> tile -> organize -> audit. The CLI calls this and then write::writeOutputs.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

#include <functional>
#include <string>

namespace gp::pipeline
{

// Receives one line per finished stage ("partition: 52 grids in 4 communities").
using StageLog = std::function<void(const std::string&)>;

struct RunStats
{
    double compactness_before = 0.0; // improve objective summed over communities
    double compactness_after = 0.0;
    double mean_polsby_popper = 0.0;
    // Set only when PartitionConfig::measure_improvement: the grids of the partition before
    // improve, tiled the same way.
    double mean_polsby_popper_before_improve = 0.0;
    int improve_moves = 0;
};

// `progress` (may be null) watches loading, partitioning and tiling.
Plan runPartition(const PartitionConfig& config, const StageLog& log = {}, RunStats* stats = nullptr,
                  ProgressReporter* progress = nullptr);

} // namespace gp::pipeline
