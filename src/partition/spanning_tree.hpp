// Spanning trees of a unit subset: Kruskal's minimum spanning tree on edge cost = length x kind
// penalty, optionally perturbed by seeded noise, rooted and laid out in DFS preorder.
// Spanning-tree partitioning follows SKATER (Assuncao et al. 2006) and ReCom (DeFord et al. 2021).
#pragma once

#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

class Adjacency;

// Cost penalties by edge kind: the tree crosses compounds, and above all barriers, only where it
// must, so a tree cut tends to fall on those edges.
struct CostModel
{
    double open = 1.0;
    double compound = 4.0;
    double barrier = 25.0;
    double jitter = 0.5;      // perturbed trees multiply each cost by 1 + jitter * U[0, 1)
    double min_length = 0.01; // metres; keeps coincident units ordered by kind
};

double edgeCost(const Edge& edge, const CostModel& model);

// A sorted set of units with a global -> local index map kept in caller-owned scratch space
// (size = number of units). The map is never cleared: contains() checks that the entry points
// back at the unit, so a newer set that reuses the scratch simply overwrites it.
class NodeSet
{
  public:
    NodeSet(const std::vector<int>& nodes, std::vector<int>& scratch);

    int size() const { return static_cast<int>(m_nodes.size()); }
    int global(int local) const { return m_nodes[local]; }
    int local(int global) const { return m_scratch[global]; }
    bool contains(int global) const
    {
        const int l = m_scratch[global];
        return l >= 0 && l < size() && m_nodes[l] == global;
    }
    const std::vector<int>& nodes() const { return m_nodes; }

  private:
    const std::vector<int>& m_nodes;
    std::vector<int>& m_scratch;
};

// Edge ids of the edges with both ends in the set, ascending.
std::vector<int> internalEdges(const Adjacency& adjacency, const NodeSet& set);

// A spanning tree (forest if the set is disconnected) over the set's local ids.
struct RootedTree
{
    std::vector<int> preorder;    // local ids; every subtree is a contiguous range of it
    std::vector<int> position;    // local id -> index in preorder
    std::vector<int> parent;      // local id -> parent local id, -1 for a root
    std::vector<int> parent_edge; // local id -> UnitGraph edge id to the parent, -1 for a root
    std::vector<int> size;        // local id -> units in its subtree
};

// The given internal edges in Kruskal order for a tree variant: ascending (cost, edge id).
// variant 0 uses the plain costs; variant v > 0 perturbs them with noise drawn from
// (seed, v, edge id), giving different but still barrier-averse trees. The order depends only
// on the edges, not on the set: the order of a subset is the filtered order of the whole, which
// is how recursive bisection avoids sorting again at every level.
struct OrderedEdge
{
    int a = 0; // global unit ids of the ends, kept here so scans read the order sequentially
    int b = 0;
    int id = 0;
};
std::vector<OrderedEdge> kruskalOrder(const UnitGraph& graph,
                                      const std::vector<int>& internal_edges,
                                      const CostModel& model, unsigned seed, int variant);

// Minimum spanning tree of the set (Kruskal 1956) from its internal edges in kruskalOrder().
// Roots are the lowest local ids of each component; children are visited in local-id order.
RootedTree buildSpanningTree(const NodeSet& set, const std::vector<OrderedEdge>& ordered_edges);
// The same into `tree`, reusing its buffers.
void buildSpanningTree(const NodeSet& set, const std::vector<OrderedEdge>& ordered_edges,
                       RootedTree& tree);

} // namespace gp::partition
