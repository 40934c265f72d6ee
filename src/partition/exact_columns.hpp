// The exact model's first form: every connected unit set whose households lie within the bounds
// is enumerated (ESU, Wernicke 2006: each connected set once, grown from its lowest unit through
// exclusive neighbours; a set over max is never extended), then a set-partitioning program picks
// sets that cover every unit exactly once (Garfinkel & Nemhauser 1970, "Optimal political
// districting by implicit enumeration techniques"). Contiguity and bounds are built into the
// columns, so the LP relaxation is tight and GLPK proves or solves pieces quickly, as long as the
// sets stay few; past a cap the flow model (exact.cpp) takes over.
#pragma once

#include "partition/exact.hpp"

#include <glpk.h>

#include <utility>
#include <vector>

namespace gp::partition
{

// A unit set in local indices (0..n-1) with its households and weight/links.
struct LocalGraph
{
    std::vector<int> weight;
    std::vector<std::pair<int, int>> links; // local ends, a < b
    long long total = 0;
};

// Branch and cut with the options' limits: a node budget (deterministic) and a time limit.
struct NodeBudget
{
    int node_limit = 0;
    double bound = 0.0; // the best bound of the open nodes, last seen
};
int runBranchAndCut(glp_prob* lp, const ExactOptions& options, NodeBudget& budget);
// The node budget for a model of `nonzeros` constraint coefficients: node_limit, lowered so
// that nodes x nonzeros stays within work_limit (at least one node).
int nodeLimitFor(const ExactOptions& options, long long nonzeros);
// The result status from glp_intopt's return code and the MIP status.
ExactStatus statusOf(int code, glp_prob* lp, bool& hit_time_limit);

// The feasible parts of `g`, or false when there are more than `cap`.
bool enumerateParts(const LocalGraph& g, const Bounds& bounds, long long cap,
                    std::vector<std::vector<int>>& parts);

// Solves the set-partitioning program over `parts` (from enumerateParts); the caller holds the
// solver lock. Result as solveExact's, in local indices.
ExactResult solveByColumns(const LocalGraph& g, const std::vector<std::vector<int>>& parts,
                           const ExactOptions& options);

} // namespace gp::partition
