// --exact: how far the heuristic's plan is from the optimum on cut links, piece by piece (a piece
// is a connected set of units of one community). Cut links are the length proxy of the grid
// outlines that improve/ minimises; the exact model (exact.hpp) minimises them outright.
#pragma once

#include "partition/exact.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

struct ExactGap
{
    int units = 0;         // units in the piece
    int parts = 0;         // parts of the heuristic's plan there (the exact model uses as many)
    int heuristic_cut = 0; // links between different parts in the heuristic's plan
    int exact_cut = -1;    // in the exact model's best plan (-1: none found)
    int lower_bound = 0;   // no plan with that many parts cuts fewer links
    ExactStatus status = ExactStatus::Unknown;
};

// Every piece of at most max_units units whose parts are all within the bounds, in order of its
// lowest unit. Pieces holding a unit above max are left out (their parts are fixed).
std::vector<ExactGap> compareWithExact(const UnitGraph& graph, const std::vector<int>& part_of,
                                       const Bounds& bounds, int max_units,
                                       const ExactOptions& options);

// Where whole pieces are beyond the exact model, pairs of neighbouring parts still are often
// within its reach: each pair (both within the bounds) is re-solved as two parts for the fewest
// links between them, the rest of the plan fixed. Sums over the pairs solved to optimality.
struct PairGap
{
    int pairs = 0;             // neighbouring pairs of parts within the bounds
    int solved = 0;            // of them, solved to optimality
    int heuristic_cut = 0;     // links between the two parts, heuristic, over the solved pairs
    int exact_cut = 0;         // the same in the optimal two-part plans
    int largest_solved = 0;    // units in the largest pair solved
    int smallest_unsolved = 0; // units in the smallest pair not solved (0: none)
};

PairGap compareGridPairs(const UnitGraph& graph, const std::vector<int>& part_of,
                         const Bounds& bounds, int max_units, const ExactOptions& options);

} // namespace gp::partition
