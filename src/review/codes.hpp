// The codes of a reviewed plan: the planner's code is kept where it is valid (the scheme's
// prefix for the grid's community and kind, then the sequence digits) and unique; a grid with a
// missing, malformed or repeated code is reported and numbered after the highest sequence in
// its community, as a re-run numbers new grids.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::review
{

// Groups areas, codes areas and communities (organize/), then settles every grid's code.
// Grids come in with their drawn codes.
void settleCodes(Plan& plan, const PartitionConfig& config);

} // namespace gp::review
