// Large-neighbourhood repair: a part the local moves could not bring within the bounds is
// re-solved together with the parts around it by the exact model (exact.hpp), which either finds
// a plan for that region with every part within the bounds or leaves it as it was. The
// "destroy and repair" of large neighbourhood search (Shaw 1998) with an exact repair, as in the
// MIP-based neighbourhoods of districting heuristics (e.g. Validi et al. 2022, section 6).
#pragma once

#include "partition/adjacency.hpp"
#include "partition/exact.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

// For each non-frozen label outside the bounds, in label order: the part and its neighbouring
// non-frozen parts, ring by ring up to 3 and then 5 parts and exact.max_units units, are solved
// with the exact model's columns form (any part count, at most 500 nodes). A plan found replaces
// the region's labels with fresh ones (next_label grows, frozen gets 0 entries). Deterministic.
// Returns the regions replaced.
int repairNeighbourhoods(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                         std::vector<int>& labels, int& next_label, std::vector<char>& frozen,
                         const ExactOptions& exact);

} // namespace gp::partition
