// The data attribution printed on the atlas pages: --attribution when given, else what the inputs
// carry, i.e. the ATTRIBUTION.txt (or ATTRIBUTION) file beside an input layer, as OSM-derived
// extracts ship (ODbL 1.0 asks that anything made from the data and shipped names its source).
#pragma once

#include "core/config.hpp"

#include <string>

namespace gp::write
{

// One line: config.attribution, else the copyright lines ("©", "(c)", "contributors") of every
// attribution file found beside the inputs (each file once, in input order, joined by "; "), or
// their first non-empty line; "" when there is none. Unreadable files are skipped.
std::string dataAttribution(const PartitionConfig& config);

} // namespace gp::write
