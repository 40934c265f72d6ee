// A building's floor area, as the dedicate thresholds, folding totals and the detached-piece
// repair all measure it. In classify/ (below every stage that uses it) so that improve/ need not
// include dedicate/.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::classify
{

// Floor area used for thresholds: footprint x floors (the default when unknown).
inline double floorArea(const Building& b, const DedicatedConfig& config)
{
    return b.area_m2 * (b.floors > 0 ? b.floors : config.default_floors);
}

} // namespace gp::classify
