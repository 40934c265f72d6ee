// The exact model's combinatorial form for pieces of at most 64 units: a depth-first search for
// a partition into connected unit sets within the bounds, without an LP. The lowest unit not yet
// covered must lie in some part, so the search tries every connected set that holds it (grown as
// in ESU, Wernicke 2006, over the uncovered units only) and recurses on the rest. Two facts prune
// it: every connected piece left must hold a count of parts that fits (k·min <= H <= k·max), and
// pieces left are independent problems, solved one by one. Pieces proven impossible are
// remembered. GLPK's set-partitioning form needs every feasible set as a column and stalls on
// tight bounds (a 17-unit piece of 999 households, bounds 300–500: thousands of columns, no
// answer within its node budget); this search answers it at once, and it is deterministic.
// It decides feasibility only; cut links are not minimised.
#pragma once

#include "partition/exact.hpp"
#include "partition/exact_columns.hpp"

namespace gp::partition
{

// The search's deterministic stop: connected sets tried, over the whole search.
inline constexpr long long kCoverSetLimit = 2'000'000;

// A plan (status Optimal, in solveExact's sense without minimise_cut: any plan; part_of, parts,
// cut_edges set), Infeasible when the whole search space was covered, Unknown when `set_limit`
// sets were tried first, TooLarge above 64 units. `parts` > 0 asks for exactly that many parts.
ExactResult solveByCover(const LocalGraph& g, const Bounds& bounds, int parts = 0,
                         long long set_limit = kCoverSetLimit);

} // namespace gp::partition
