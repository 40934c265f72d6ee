// The dedicate stage: non-residential buildings (offices, shops, markets, industry, campuses,
// public buildings) either form dedicated grids (专属网格) — clusters that stand apart and pass a
// size threshold — or are folded into the residential grid nearest to them across no barrier.
// Runs after partition (residential grids exist) and before tiling (dedicated grids get land).
#pragma once

#include "classify/floor_area.hpp"
#include "core/config.hpp"
#include "core/model.hpp"

namespace gp::dedicate
{

struct DedicateStats
{
    int dedicated_grids = 0;
    int dedicated_buildings = 0;
    int folded_buildings = 0;
    int unfolded_buildings = 0; // no residential grid within reach across no barrier
};

// Appends Grid{kind = Dedicated} entries and puts every dedicated or folded building in its grid
// (through assignBuilding / foldBuilding, core/plan_check.hpp); unfolded candidates become issues
// (reason dedicated_candidate_unfolded). Takes only the dedicated thresholds (the CLI's
// --dedicated-* and --fold-distance).
DedicateStats dedicateAndFold(Plan& plan, const DedicatedConfig& options);

// The dedicated_type a building use gives: office, market, commercial, industrial, campus
// (education), public; "other" for the rest.
const char* dedicatedType(BuildingUse use);

// Floor area used for thresholds (classify/floor_area.hpp).
using classify::floorArea;

} // namespace gp::dedicate
