// Buildings whose footprints overlap another's (README "Overlapping footprints"):
// - a building part lying inside its building (OSM building:part, a podium drawn twice) with an
//   estimated household count would count the same floor area twice: it is merged into the
//   building that holds it (dropped from the buildings, listed);
// - several records of one footprint: with households from the field they are one record per
//   单元 (stairwell) — each keeps its households and stays a building, drawn as a slice of the
//   footprint in proportion to its households, so that each can lie in a grid of its own with
//   land; estimated copies are merged into the first record.
// Every merge and slicing is listed as an `overlapping_footprints` issue.
#pragma once

#include "core/model.hpp"
#include "geom/geos.hpp"

#include <vector>

namespace gp::classify
{

struct FootprintOutcome
{
    int merged = 0; // buildings dropped into the building holding them
    int sliced = 0; // buildings given a slice of a shared footprint
};

// After households are known (classifyBuildings), before placing. Buildings stay in input order.
FootprintOutcome resolveOverlappingFootprints(std::vector<Building>& buildings,
                                              std::vector<Issue>& issues);

// The footprint cut across its long axis into slices whose areas follow `weights` (in order).
// Empty when it cannot (a degenerate footprint): the caller keeps the footprint whole.
std::vector<MultiPolygon> sliceFootprint(geom::GeosContext& ctx, const MultiPolygon& footprint,
                                         const std::vector<double>& weights);

} // namespace gp::classify
