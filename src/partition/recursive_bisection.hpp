// Recursive bisection of one connected unit set into k contiguous parts by spanning-tree cuts,
// with bounded, deterministic backtracking when a chosen cut leaves a side that cannot be split.
#pragma once

#include "partition/adjacency.hpp"
#include "partition/spanning_tree.hpp"
#include "partition/tree_cut.hpp"
#include "partition/unit_graph.hpp"

#include <optional>
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
    // Per tree variant: the set's internal edges in kruskalOrder(), once known. A side's orders
    // are filtered from its parent's, so the edges are sorted once per variant, not per split.
    using EdgeOrders = std::vector<std::optional<std::vector<OrderedEdge>>>;
    struct Side
    {
        std::vector<int> units; // ascending
        int parts = 1;
    };

    BisectionOutcome split(const std::vector<int>& units, int parts, EdgeOrders orders);
    BisectionOutcome leaf(const std::vector<int>& units);
    std::vector<Side> chooseSides(const std::vector<int>& units, int parts, EdgeOrders& orders);
    const std::vector<OrderedEdge>& edgeOrder(const NodeSet& set, EdgeOrders& orders, int variant);
    BisectionOutcome trySides(const std::vector<int>& units, int parts,
                              const std::vector<Side>& sides, const EdgeOrders& orders);
    void splitOrders(const EdgeOrders& orders, const std::vector<int>& first, bool first_needs,
                     bool second_needs, EdgeOrders& first_orders, EdgeOrders& second_orders);

    const UnitGraph& m_graph;
    const Adjacency& m_adjacency;
    Bounds m_bounds;
    unsigned m_seed;
    std::vector<int>& m_labels;
    int& m_next_label;
    BisectionOptions m_options;
    std::vector<int> m_local;               // NodeSet scratch
    std::vector<RootedTree> m_trees;        // chooseSides: trees, buffers reused
    std::vector<CutCandidate> m_candidates; // chooseSides: cuts of those trees
    std::vector<char> m_mark;               // subtreeUnits scratch (local ids)
    std::vector<unsigned> m_first_stamp;    // per unit: m_stamp when on the first side of a split
    unsigned m_stamp = 0;
    long long m_retry_work_left = 0;
};

} // namespace gp::partition
