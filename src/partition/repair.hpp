// Repairs parts that the bisection left outside the household bounds: single boundary units move
// between neighbouring parts while the total excess and shortfall shrink (the balancing step of
// multilevel refinement, Karypis & Kumar 1998), never breaking a part's contiguity.
#pragma once

#include "partition/adjacency.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

// part_of: part per unit in [0, parts). Frozen parts neither give nor take units. A move must
// lower the summed distance of both parts to [min, max], keep a part within the bounds within
// them, and keep the donor non-empty and connected; among such moves the one that helps most
// wins, then the one that puts the fewest barrier, then compound, edges inside a part.
// Deterministic. Returns the number of moves made.
int repairBounds(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                 std::vector<int>& part_of, int parts, const std::vector<char>& frozen);

} // namespace gp::partition
