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
    return split(units, std::max(1, parts));
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

BisectionOutcome RecursiveBisection::split(const std::vector<int>& units, int parts)
{
    if (parts <= 1 || units.size() < 2)
    {
        return leaf(units);
    }
    // Score the edges of several spanning trees; the tree data dies before recursing, only the
    // chosen sides (as unit lists with their part counts) survive.
    std::vector<std::pair<std::vector<int>, int>> sides; // (subtree side, its parts), best first
    {
        NodeSet set(units, m_local);
        const std::vector<int> edges = internalEdges(m_adjacency, set);
        CutRequest request;
        request.parts = parts;
        request.min_side_parts = std::max(1, parts / m_options.max_lopsidedness);
        request.bounds = m_bounds;

        std::vector<RootedTree> trees;
        std::vector<CutCandidate> candidates;
        std::vector<std::uint64_t> tree_keys;
        bool feasible = false;
        int repeats = 0; // a set with few alternatives (a star, a chain) keeps giving one tree
        const int plain = std::max(1, m_options.trees);
        for (int t = 0; t < plain || (!feasible && t < m_options.max_trees && repeats < 3); ++t)
        {
            RootedTree tree = buildSpanningTree(m_graph, set, edges, m_options.cost, m_seed, t);
            std::uint64_t tree_key = 0;
            for (int e : tree.parent_edge)
            {
                tree_key ^= e >= 0 ? splitMix64(static_cast<std::uint64_t>(e)) : 0;
            }
            if (std::find(tree_keys.begin(), tree_keys.end(), tree_key) != tree_keys.end())
            {
                ++repeats;
                continue;
            }
            tree_keys.push_back(tree_key);
            trees.push_back(std::move(tree));
            const std::size_t before = candidates.size();
            collectCuts(m_graph, set, trees.back(), static_cast<int>(trees.size()) - 1, request,
                        m_options.weights, candidates);
            for (std::size_t i = before; i < candidates.size() && !feasible; ++i)
            {
                feasible = candidates[i].violation == 0;
            }
        }
        // Feasible cuts first, then by score; ties by tree and node keep the order total.
        std::sort(candidates.begin(), candidates.end(),
                  [](const CutCandidate& a, const CutCandidate& b)
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
                  });
        std::vector<std::uint64_t> keys;
        for (const CutCandidate& c : candidates)
        {
            if (static_cast<int>(sides.size()) >= std::max(1, m_options.candidates))
            {
                break;
            }
            if (std::find(keys.begin(), keys.end(), c.key) != keys.end())
            {
                continue;
            }
            keys.push_back(c.key);
            sides.emplace_back(subtreeUnits(set, trees[c.tree], c.node), c.subtree_parts);
        }
    }
    if (sides.empty())
    {
        return leaf(units);
    }

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
        const std::vector<int>& first = sides[i].first;
        const int first_parts = sides[i].second;
        std::vector<int> second;
        second.reserve(units.size() - first.size());
        std::set_difference(units.begin(), units.end(), first.begin(), first.end(),
                            std::back_inserter(second));
        BisectionOutcome a = split(first, first_parts);
        BisectionOutcome b = split(second, parts - first_parts);
        BisectionOutcome outcome{a.bad_parts + b.bad_parts, a.excess + b.excess};
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
