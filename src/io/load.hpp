// The load stage as a whole: opens every input named in the config, picks the working CRS and
// fills a Plan with buildings, communities, compounds, barriers and the street (metres).
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

namespace gp::io
{

// Throws InputError / ConfigError naming the file, layer and problem.
Plan loadInputs(const PartitionConfig& config, ProgressReporter* progress = nullptr);

} // namespace gp::io
