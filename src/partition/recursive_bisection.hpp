// Recursive bisection of one connected unit set into k contiguous parts by spanning-tree cuts,
// with bounded, deterministic backtracking when a chosen cut leaves a side that cannot be split.
#pragma once

#include "partition/adjacency.hpp"
#include "partition/spanning_tree.hpp"
#include "partition/tree_cut.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

struct BisectionOptions
{
    int trees = 4;      // spanning trees scored per split (1 plain + perturbed ones)
    int max_trees = 24; // more perturbed trees are drawn while no cut meets the bounds
    int candidates = 4; // distinct cuts kept per split for backtracking
    // Retrying a cut of a set of s units costs s; a top-level call on n units may spend
    // retry_work x n in total, which keeps the worst case a constant factor above one pass.
    int retry_work = 8;
    int max_lopsidedness = 6; // each side takes at least parts / this many parts (depth bound)
    CostModel cost;
    CutWeights weights;
};

// How far the leaves of a bisection are from the bounds.
struct BisectionOutcome
{
    int bad_parts = 0;    // leaves whose weight is outside [min, max]
    long long excess = 0; // total households outside the bounds over those leaves
};

class RecursiveBisection
{
  public:
    // labels: per unit, written for the units of each call; next_label hands out fresh labels.
    RecursiveBisection(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                       unsigned seed, std::vector<int>& labels, int& next_label,
                       BisectionOptions options = {});

    // Splits the connected set `units` (ascending) into `parts` labelled parts.
    BisectionOutcome run(const std::vector<int>& units, int parts);

  private:
    BisectionOutcome split(const std::vector<int>& units, int parts);
    BisectionOutcome leaf(const std::vector<int>& units);

    const UnitGraph& m_graph;
    const Adjacency& m_adjacency;
    Bounds m_bounds;
    unsigned m_seed;
    std::vector<int>& m_labels;
    int& m_next_label;
    BisectionOptions m_options;
    std::vector<int> m_local; // NodeSet scratch
    long long m_retry_work_left = 0;
};

} // namespace gp::partition
