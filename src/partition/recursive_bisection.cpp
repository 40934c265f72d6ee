#include "partition/recursive_bisection.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace gp::partition
{

RecursiveBisection::RecursiveBisection(const UnitGraph& graph, const Adjacency& adjacency,
                                       const Bounds& bounds, unsigned seed,
                                       std::vector<int>& labels, int& next_label,
                                       BisectionOptions options)
    : m_graph(graph), m_adjacency(adjacency), m_bounds(bounds), m_seed(seed), m_labels(labels),
      m_next_label(next_label), m_options(options), m_local(graph.units.size(), -1)
{
}

BisectionOutcome RecursiveBisection::run(const std::vector<int>& units, int parts)
{
    m_retry_work_left = static_cast<long long>(m_options.retry_work) * units.size();
    return split(units, std::max(1, parts), EdgeOrders{});
}

BisectionOutcome RecursiveBisection::leaf(const std::vector<int>& units)
{
    const int label = m_next_label++;
    long long weight = 0;
    for (int u : units)
    {
        m_labels[u] = label;
        weight += m_graph.units[u].weight;
    }
    BisectionOutcome outcome;
    if (weight < m_bounds.min || weight > m_bounds.max)
    {
        outcome.bad_parts = 1;
        outcome.excess = weight < m_bounds.min ? m_bounds.min - weight : weight - m_bounds.max;
    }
    return outcome;
}

namespace
{

bool better(const BisectionOutcome& a, const BisectionOutcome& b)
{
    return a.bad_parts != b.bad_parts ? a.bad_parts < b.bad_parts : a.excess < b.excess;
}

} // namespace

BisectionOutcome RecursiveBisection::split(const std::vector<int>& units, int parts,
                                           EdgeOrders orders)
{
    if (parts <= 1 || units.size() < 2)
    {
        return leaf(units);
    }
    const std::vector<Side> sides = chooseSides(units, parts, orders);
    if (sides.empty())
    {
        return leaf(units);
    }
    return trySides(units, parts, sides, orders);
}

const std::vector<OrderedEdge>& RecursiveBisection::edgeOrder(const NodeSet& set,
                                                              EdgeOrders& orders, int variant)
{
    if (static_cast<int>(orders.size()) <= variant)
    {
        orders.resize(variant + 1);
    }
    if (!orders[variant])
    {
        orders[variant] =
            kruskalOrder(m_graph, internalEdges(m_adjacency, set), m_options.cost, m_seed, variant);
    }
    return *orders[variant];
}

namespace
{

// Feasible cuts first, then by score; ties by tree and node keep the order total.
bool cutBefore(const CutCandidate& a, const CutCandidate& b)
{
    if (a.violation != b.violation)
    {
        return a.violation < b.violation;
    }
    if (a.score != b.score)
    {
        return a.score < b.score;
    }
    if (a.tree != b.tree)
    {
        return a.tree < b.tree;
    }
    return a.node < b.node;
}

std::uint64_t treeKey(const RootedTree& tree)
{
    std::uint64_t key = 0;
    for (int e : tree.parent_edge)
    {
        key ^= e >= 0 ? splitMix64(static_cast<std::uint64_t>(e)) : 0;
    }
    return key;
}

// The first `wanted` candidates with distinct keys, in cutBefore order. A key occurs at most
// once per tree, so the best wanted x trees candidates hold them: a partial selection (linear)
// instead of sorting every candidate. The prefix is widened in the rare case of a collision.
std::vector<const CutCandidate*> bestDistinct(std::vector<CutCandidate>& candidates, int wanted,
                                              int trees)
{
    std::vector<const CutCandidate*> best;
    std::size_t prefix = static_cast<std::size_t>(wanted) * std::max(1, trees);
    for (;;)
    {
        prefix = std::min(prefix, candidates.size());
        std::nth_element(candidates.begin(), candidates.begin() + prefix, candidates.end(),
                         cutBefore);
        std::sort(candidates.begin(), candidates.begin() + prefix, cutBefore);
        best.clear();
        std::vector<std::uint64_t> keys;
        for (std::size_t i = 0; i < prefix && static_cast<int>(best.size()) < wanted; ++i)
        {
            if (std::find(keys.begin(), keys.end(), candidates[i].key) == keys.end())
            {
                keys.push_back(candidates[i].key);
                best.push_back(&candidates[i]);
            }
        }
        if (static_cast<int>(best.size()) == wanted || prefix == candidates.size())
        {
            return best;
        }
        prefix *= 2;
    }
}

} // namespace

// Scores the edges of several spanning trees; the tree data dies here, only the chosen sides
// (the subtree's units and its part count, best first) go on.
std::vector<RecursiveBisection::Side> RecursiveBisection::chooseSides(const std::vector<int>& units,
                                                                      int parts, EdgeOrders& orders)
{
    NodeSet set(units, m_local);
    CutRequest request;
    request.parts = parts;
    request.min_side_parts = std::max(1, parts / m_options.max_lopsidedness);
    request.bounds = m_bounds;
    CutScorer scorer(m_graph, set, request, m_options.weights);

    std::vector<CutCandidate>& candidates = m_candidates;
    candidates.clear();
    std::size_t kept = 0; // trees kept in m_trees
    std::vector<std::uint64_t> tree_keys;
    bool feasible = false;
    int repeats = 0; // a set with few alternatives (a star, a chain) keeps giving one tree
    const int plain = std::max(1, m_options.trees);
    for (int t = 0; t < plain || (!feasible && t < m_options.max_trees && repeats < 3); ++t)
    {
        if (m_trees.size() <= kept)
        {
            m_trees.emplace_back();
        }
        RootedTree& tree = m_trees[kept];
        buildSpanningTree(set, edgeOrder(set, orders, t), tree);
        const std::uint64_t tree_key = treeKey(tree);
        if (std::find(tree_keys.begin(), tree_keys.end(), tree_key) != tree_keys.end())
        {
            ++repeats;
            continue;
        }
        tree_keys.push_back(tree_key);
        ++kept;
        const std::size_t before = candidates.size();
        scorer.collect(tree, static_cast<int>(kept) - 1, candidates);
        for (std::size_t i = before; i < candidates.size() && !feasible; ++i)
        {
            feasible = candidates[i].violation == 0;
        }
    }
    std::vector<Side> sides;
    if (m_mark.size() < units.size())
    {
        m_mark.assign(units.size(), 0);
    }
    const int wanted = std::max(1, m_options.candidates);
    for (const CutCandidate* c : bestDistinct(candidates, wanted, static_cast<int>(kept)))
    {
        sides.push_back({subtreeUnits(set, m_trees[c->tree], c->node, m_mark), c->subtree_parts});
    }
    return sides;
}

// The edge orders of the two sides of a split, filtered from the set's in one pass. A side that
// will be a leaf (one part) needs none.
void RecursiveBisection::splitOrders(const EdgeOrders& orders, const std::vector<int>& first,
                                     bool first_needs, bool second_needs, EdgeOrders& first_orders,
                                     EdgeOrders& second_orders)
{
    first_orders.clear();
    second_orders.clear();
    if (!first_needs && !second_needs)
    {
        return;
    }
    if (m_first_stamp.size() < m_graph.units.size())
    {
        m_first_stamp.assign(m_graph.units.size(), 0);
    }
    ++m_stamp;
    for (int u : first)
    {
        m_first_stamp[u] = m_stamp;
    }
    first_orders.resize(orders.size());
    second_orders.resize(orders.size());
    for (std::size_t v = 0; v < orders.size(); ++v)
    {
        if (!orders[v])
        {
            continue;
        }
        std::vector<OrderedEdge>* a = first_needs ? &first_orders[v].emplace() : nullptr;
        std::vector<OrderedEdge>* b = second_needs ? &second_orders[v].emplace() : nullptr;
        for (const OrderedEdge& e : *orders[v])
        {
            const bool in_a = m_first_stamp[e.a] == m_stamp;
            const bool in_b = m_first_stamp[e.b] == m_stamp;
            if (in_a && in_b)
            {
                if (a)
                {
                    a->push_back(e);
                }
            }
            else if (!in_a && !in_b && b)
            {
                b->push_back(e);
            }
        }
    }
}

// Recurses into the sides best first; a later side is tried (within the retry budget) only while
// the best so far leaves parts out of bounds, and the best labelling is kept.
BisectionOutcome RecursiveBisection::trySides(const std::vector<int>& units, int parts,
                                              const std::vector<Side>& sides,
                                              const EdgeOrders& orders)
{
    BisectionOutcome best;
    int best_index = -1;
    std::vector<int> best_labels;
    int last_index = -1;
    for (int i = 0; i < static_cast<int>(sides.size()); ++i)
    {
        if (i > 0)
        {
            if (m_retry_work_left < static_cast<long long>(units.size()))
            {
                break;
            }
            m_retry_work_left -= static_cast<long long>(units.size());
        }
        const std::vector<int>& first = sides[i].units;
        std::vector<int> second;
        second.reserve(units.size() - first.size());
        std::set_difference(units.begin(), units.end(), first.begin(), first.end(),
                            std::back_inserter(second));
        EdgeOrders first_orders, second_orders;
        const int second_parts = parts - sides[i].parts;
        splitOrders(orders, first, sides[i].parts > 1 && first.size() > 1,
                    second_parts > 1 && second.size() > 1, first_orders, second_orders);
        const BisectionOutcome a = split(first, sides[i].parts, std::move(first_orders));
        const BisectionOutcome b = split(second, second_parts, std::move(second_orders));
        const BisectionOutcome outcome{a.bad_parts + b.bad_parts, a.excess + b.excess};
        last_index = i;
        if (best_index < 0 || better(outcome, best))
        {
            best = outcome;
            best_index = i;
            if (outcome.bad_parts == 0)
            {
                return outcome;
            }
            if (i + 1 < static_cast<int>(sides.size()))
            {
                best_labels.resize(units.size());
                for (std::size_t j = 0; j < units.size(); ++j)
                {
                    best_labels[j] = m_labels[units[j]];
                }
            }
        }
    }
    if (best_index != last_index)
    {
        for (std::size_t j = 0; j < units.size(); ++j)
        {
            m_labels[units[j]] = best_labels[j];
        }
    }
    return best;
}

} // namespace gp::partition
