// Blocks: each community cut into faces by lines, every residential building put in the face
// holding its anchor.
// - Without streets and without a compound layer, the barrier lines (roads, rivers, rail) make
//   the inferred building clusters that the graph stage treats like compounds.
// - With streets (--streets, --roads; issue 13), the faces of barriers + streets + compound
//   outlines are the street blocks: the graph stage keeps each block that fits in one grid whole.
// Barrier regions are the faces of the barriers alone: the land a grid should not leave.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <vector>

namespace gp::graph
{

// Whether the plan has street lines (street blocks become the partition units).
bool hasStreets(const Plan& plan);

// With streets, fills plan.street_blocks and Building::street_block; without streets and without
// compounds, plan.clusters and Building::cluster (each in community order, then polygonize
// order, for every grid member). Does nothing when the plan has compounds but no streets.
// Deterministic.
void inferBlocks(Plan& plan);

// Fills plan.regions and Building::region for every grid member, and marks each region
// self-sufficient when some count of grids within [min, max] holds its households.
void inferBarrierRegions(Plan& plan, int min_households, int max_households);

// Per member building of community c (ids), the face of the community cut by `lines` that holds
// its anchor (else the nearest face), or -1. Used for the lane-bounded parts of large blocks.
std::vector<int> faceOfMembers(const Plan& plan, int c, const std::vector<int>& ids,
                               const MultiLineString& lines);

// With streets: a building folded into a residential grid (a shop, an office below the dedicated
// thresholds) whose street block's residential buildings all lie in one other grid moves to that
// grid, so that the block is not divided for it. Returns how many moved.
int foldIntoBlockGrids(Plan& plan, const DedicatedConfig& config);

// Whether some k >= 1 has k*min <= households <= k*max.
bool fitsSomeGridCount(int households, int min_households, int max_households);

// The key the graph stage compares to tell whether two buildings share a cluster: the compound
// when a compound layer is given, else the inferred cluster, else (streets, no compound layer)
// the street block (-1: none). Indexes compounds, clusters or street blocks accordingly.
inline int clusterOf(const Plan& plan, const Building& b)
{
    if (!plan.compounds.empty())
        return b.compound;
    return plan.street_blocks.empty() ? b.cluster : b.street_block;
}

// How many keys clusterOf can give.
inline std::size_t clusterCount(const Plan& plan)
{
    if (!plan.compounds.empty())
        return plan.compounds.size();
    return plan.street_blocks.empty() ? plan.clusters.size() : plan.street_blocks.size();
}

} // namespace gp::graph
