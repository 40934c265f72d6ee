#include "partition/spanning_tree.hpp"

#include "partition/adjacency.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <utility>

namespace gp::partition
{

double edgeCost(const Edge& edge, const CostModel& model)
{
    double penalty = model.open;
    switch (edge.kind)
    {
    case EdgeKind::Open:
        penalty = model.open;
        break;
    case EdgeKind::CrossesCompound:
        penalty = model.compound;
        break;
    case EdgeKind::CrossesBarrier:
        penalty = model.barrier;
        break;
    }
    return std::max(edge.length, model.min_length) * penalty;
}

NodeSet::NodeSet(const std::vector<int>& nodes, std::vector<int>& scratch)
    : m_nodes(nodes), m_scratch(scratch)
{
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i)
    {
        scratch[nodes[i]] = i;
    }
}

std::vector<int> internalEdges(const Adjacency& adjacency, const NodeSet& set)
{
    std::vector<int> edges;
    for (int u : set.nodes())
    {
        for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
        {
            const int v = adjacency.target(s);
            if (u < v && set.contains(v))
            {
                edges.push_back(adjacency.edge(s));
            }
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

namespace
{

// Union by size with path halving (Tarjan 1975). Which edges Kruskal takes depends only on
// which units are already joined, never on the representatives, so the tree is the same for
// any union rule; this one keeps the finds short.
struct DisjointSets
{
    std::vector<int> parent;
    std::vector<int> size;
    explicit DisjointSets(int n) : parent(n), size(n, 1)
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    bool unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
        {
            return false;
        }
        if (size[a] < size[b])
        {
            std::swap(a, b);
        }
        parent[b] = a;
        size[a] += size[b];
        return true;
    }
};

} // namespace

namespace
{

// A key whose unsigned order is the numeric order of the double (negatives flipped whole,
// positives with the sign bit set; -0 counts as +0, as for operator<).
std::uint64_t orderedBits(double value)
{
    if (value == 0.0)
    {
        value = 0.0;
    }
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return (bits >> 63) != 0 ? ~bits : bits | (1ULL << 63);
}

// Stable LSD radix sort (8-bit digits) of (key, edge id) pairs by key: with the input in
// ascending id order this is the (cost, id) order of a comparison sort, in linear time.
void radixSortByKey(std::vector<std::pair<std::uint64_t, int>>& items)
{
    std::vector<std::pair<std::uint64_t, int>> buffer(items.size());
    std::vector<std::size_t> count(1 << 8);
    for (int shift = 0; shift < 64; shift += 8)
    {
        std::fill(count.begin(), count.end(), 0);
        for (const auto& item : items)
        {
            ++count[(item.first >> shift) & 0xFF];
        }
        if (!items.empty() && count[(items.front().first >> shift) & 0xFF] == items.size())
        {
            continue; // every key has this digit: the pass would not move anything
        }
        std::size_t sum = 0;
        for (std::size_t& c : count)
        {
            sum += std::exchange(c, sum);
        }
        for (const auto& item : items)
        {
            buffer[count[(item.first >> shift) & 0xFF]++] = item;
        }
        items.swap(buffer);
    }
}

} // namespace

std::vector<OrderedEdge> kruskalOrder(const UnitGraph& graph,
                                      const std::vector<int>& internal_edges,
                                      const CostModel& model, unsigned seed, int variant)
{
    std::vector<std::pair<std::uint64_t, int>> order;
    order.reserve(internal_edges.size());
    for (int id : internal_edges)
    {
        double cost = edgeCost(graph.edges[id], model);
        if (variant > 0)
        {
            const std::uint64_t h = splitMix64(splitMix64((static_cast<std::uint64_t>(seed) << 20) ^
                                                          static_cast<std::uint64_t>(variant)) ^
                                               static_cast<std::uint64_t>(id));
            cost *= 1.0 + model.jitter * unitInterval(h);
        }
        order.emplace_back(orderedBits(cost), id);
    }
    // Small sets (most calls) sort faster by comparison; the radix sort's ties by id need the
    // ids ascending.
    if (order.size() < 4096 || !std::is_sorted(internal_edges.begin(), internal_edges.end()))
    {
        std::sort(order.begin(), order.end());
    }
    else
    {
        radixSortByKey(order);
    }
    std::vector<OrderedEdge> ordered(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
    {
        const Edge& edge = graph.edges[order[i].second];
        ordered[i] = {edge.a, edge.b, order[i].second};
    }
    return ordered;
}

namespace
{

using TreeEdge = std::array<int, 3>; // (local a, local b, edge id)

// Buffers reused from tree to tree (a split draws several trees, a bisection hundreds of
// splits); per thread, so concurrent bisections stay independent.
struct TreeScratch
{
    DisjointSets sets{0};
    std::vector<TreeEdge> chosen;
    std::vector<int> count, fill;
    std::vector<std::pair<int, int>> by_far, links;
    std::vector<std::pair<int, int>> stack;
};

// Kruskal (1956): take edges in order, skip those closing a cycle.
void chooseTreeEdges(const NodeSet& set, const std::vector<OrderedEdge>& ordered_edges,
                     TreeScratch& scratch)
{
    const int n = set.size();
    DisjointSets& sets = scratch.sets;
    sets.parent.resize(n);
    std::iota(sets.parent.begin(), sets.parent.end(), 0);
    sets.size.assign(n, 1);
    std::vector<TreeEdge>& chosen = scratch.chosen;
    chosen.clear();
    for (const OrderedEdge& edge : ordered_edges)
    {
        const int a = set.local(edge.a);
        const int b = set.local(edge.b);
        if (sets.unite(a, b))
        {
            chosen.push_back({a, b, edge.id});
            if (static_cast<int>(chosen.size()) == n - 1)
            {
                break;
            }
        }
    }
}

// The tree's neighbour lists in scratch (CSR: links[count[u] .. count[u + 1]) = (neighbour,
// edge id)), each sorted by neighbour so the traversal does not depend on the edge order. Two
// counting passes instead of a sort per node: links grouped by their far end first, then
// regrouped by near end while reading far ends in ascending order.
void linkTree(int n, TreeScratch& scratch)
{
    std::vector<int>& count = scratch.count;
    std::vector<int>& fill = scratch.fill;
    count.assign(n + 1, 0);
    for (const auto& [a, b, id] : scratch.chosen)
    {
        ++count[a + 1];
        ++count[b + 1];
    }
    for (int i = 0; i < n; ++i)
    {
        count[i + 1] += count[i];
    }
    scratch.by_far.resize(count[n]); // grouped by far end: (near end, edge id)
    fill.assign(count.begin(), count.end() - 1);
    for (const auto& [a, b, id] : scratch.chosen)
    {
        scratch.by_far[fill[b]++] = {a, id};
        scratch.by_far[fill[a]++] = {b, id};
    }
    scratch.links.resize(count[n]);
    std::copy(count.begin(), count.end() - 1, fill.begin());
    for (int far = 0; far < n; ++far)
    {
        for (int i = count[far]; i < count[far + 1]; ++i)
        {
            const auto [near, id] = scratch.by_far[i];
            scratch.links[fill[near]++] = {far, id};
        }
    }
}

// Depth-first preorder from each unvisited lowest id, with parents and subtree sizes.
void rootTree(int n, TreeScratch& scratch, RootedTree& tree)
{
    const std::vector<int>& offset = scratch.count;
    tree.preorder.clear();
    tree.preorder.reserve(n);
    tree.position.assign(n, -1);
    tree.parent.assign(n, -1);
    tree.parent_edge.assign(n, -1);
    tree.size.assign(n, 1);
    std::vector<std::pair<int, int>>& stack = scratch.stack; // (local id, next link slot)
    stack.clear();
    for (int root = 0; root < n; ++root)
    {
        if (tree.position[root] >= 0)
        {
            continue;
        }
        tree.position[root] = static_cast<int>(tree.preorder.size());
        tree.preorder.push_back(root);
        stack.emplace_back(root, offset[root]);
        while (!stack.empty())
        {
            const int u = stack.back().first;
            const int slot = stack.back().second++;
            if (slot == offset[u + 1])
            {
                stack.pop_back();
                if (tree.parent[u] >= 0)
                {
                    tree.size[tree.parent[u]] += tree.size[u];
                }
                continue;
            }
            const auto [v, id] = scratch.links[slot];
            if (tree.position[v] >= 0)
            {
                continue;
            }
            tree.parent[v] = u;
            tree.parent_edge[v] = id;
            tree.position[v] = static_cast<int>(tree.preorder.size());
            tree.preorder.push_back(v);
            stack.emplace_back(v, offset[v]);
        }
    }
}

} // namespace

void buildSpanningTree(const NodeSet& set, const std::vector<OrderedEdge>& ordered_edges,
                       RootedTree& tree)
{
    static thread_local TreeScratch scratch;
    const int n = set.size();
    chooseTreeEdges(set, ordered_edges, scratch);
    linkTree(n, scratch);
    rootTree(n, scratch, tree);
}

RootedTree buildSpanningTree(const NodeSet& set, const std::vector<OrderedEdge>& ordered_edges)
{
    RootedTree tree;
    buildSpanningTree(set, ordered_edges, tree);
    return tree;
}

} // namespace gp::partition
