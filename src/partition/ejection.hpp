// Ejection chains for the household bounds: a part short of households pulls a boundary unit
// from a neighbour, which pulls one from its own neighbour, and so on until a part with room to
// give ends the chain (a part over the bounds pushes the same way). A chain that comes back to
// its start is a swap. Single moves (repair.hpp) cannot fix a part whose neighbours all sit at a
// bound; a chain passes the surplus through them. After the ejection chains of Glover (1996) as
// used for regionalization by Kong, Zhu & Wang's iterated local search (github.com/yfkong/
// regionalization) and the boundary moves of the max-p tabu search (Duque, Anselin & Rey 2012).
#pragma once

#include "partition/adjacency.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

struct EjectionOptions
{
    int max_depth = 5;        // parts a chain passes through, the bad part included
    int per_level = 6;        // candidate moves tried per part in a chain
    int search_budget = 4000; // candidate moves evaluated per bad part and round
    int rounds = 4;           // sweeps over the bad parts while some chain helps
};

// One unit changing parts.
struct UnitMove
{
    int unit = 0;
    int from = 0;
    int to = 0;
};

// Households outside [min, max] for a part of weight w (0 within).
inline long long outsideBounds(long long w, const Bounds& bounds)
{
    return w < bounds.min ? bounds.min - w : (w > bounds.max ? w - bounds.max : 0);
}

// Runs ejection chains from every non-frozen part outside the bounds. A chain is applied only if
// the total households outside the bounds drop, no part within the bounds leaves them, and every
// part it touches stays connected and non-empty. Deterministic. Returns the chains applied.
int repairByChains(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                   std::vector<int>& part_of, int parts, const std::vector<char>& frozen,
                   const EjectionOptions& options = {});

// Whether the units of `part` form one connected piece (true for an empty part).
bool partConnected(const Adjacency& adjacency, const std::vector<int>& part_of, int part,
                   const std::vector<int>& members);

} // namespace gp::partition
