// The place stage: each building to the community (and compound) that holds it. Buildings
// outside every community or straddling two are recorded as issues, never dropped silently.
#pragma once

#include "core/model.hpp"

namespace gp::place
{

struct PlaceStats
{
    int placed = 0;
    int outside = 0;
    int straddling = 0; // placed in the community holding most of the footprint
};

// Buildings are placed on `threads` workers (as for parallelFor); results do not depend on it.
PlaceStats placeBuildings(Plan& plan, int threads = 0);

} // namespace gp::place
