// Scores every edge of a spanning tree as a place to bisect a unit set into two sides that can
// take k1 and k - k1 parts within the household bounds (the ReCom / SKATER tree-cut step).
#pragma once

#include "partition/spanning_tree.hpp"
#include "partition/unit_graph.hpp"

#include <cstdint>
#include <vector>

namespace gp::partition
{

// What a bisection must achieve: `parts` parts in total, of which either side may take any
// count in [min_side_parts, parts - min_side_parts]. Letting the count follow the cut (rather
// than always k/2) is what lets cuts run along roads wherever they lie.
struct CutRequest
{
    int parts = 2;
    int min_side_parts = 1;
    Bounds bounds;
};

// How candidates that meet the bounds are ranked (lower score is better).
struct CutWeights
{
    double balance = 1.0;        // x sum over sides of |W_side / k_side - W / k| / (W / k)
    double compactness = 1.0;    // x (inertia of side 1 + side 2) / inertia of the whole set
    double barrier_bonus = 1.0;  // subtracted when the cut tree edge crosses a barrier
    double compound_bonus = 0.3; // subtracted when it crosses a compound edge
};

struct CutCandidate
{
    int tree = 0;          // which spanning tree
    int node = -1;         // local id whose subtree is one side
    int subtree_parts = 1; // parts the subtree side takes (the rest take the others)
    long long subtree_weight = 0;
    long long violation = 0; // households outside [parts*min, parts*max] on both sides
    double score = 0.0;
    std::uint64_t key = 0; // hash of (subtree units, subtree_parts), to drop duplicates
};

// Scores the cuts of spanning trees of one set. The per-unit sums (households, mass, first and
// second moments about the set's centroid, Zobrist keys (Zobrist 1970) of the units, so equal
// splits from different trees get equal keys) are computed once per set; each tree then only
// accumulates them over its subtrees, in linear time.
class CutScorer
{
  public:
    CutScorer(const UnitGraph& graph, const NodeSet& set, const CutRequest& request,
              const CutWeights& weights);

    // Appends one candidate per tree edge, with the part count for the subtree side that best
    // fits the bounds (then closest to proportional).
    void collect(const RootedTree& tree, int tree_index, std::vector<CutCandidate>& out);

  private:
    struct Sums
    {
        std::vector<long long> weight;
        std::vector<double> mass, sx, sy, sq;
        std::vector<std::uint64_t> key;
    };
    CutCandidate score(const Sums& sums, const RootedTree& tree, int node, int root,
                       double whole) const;

    const UnitGraph& m_graph;
    CutRequest m_request;
    CutWeights m_weights;
    Sums m_base;    // per local id: the unit's own values
    Sums m_subtree; // per local id: summed over its subtree in the current tree
    long long m_total = 0;
};

// The global ids of the subtree of `node`, ascending. `mark` is caller scratch of set.size().
std::vector<int> subtreeUnits(const NodeSet& set, const RootedTree& tree, int node,
                              std::vector<char>& mark);

std::uint64_t unitKey(int unit);

} // namespace gp::partition
