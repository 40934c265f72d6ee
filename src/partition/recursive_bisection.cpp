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
    m_retries_left = m_options.retry_budget;
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
    const int first_parts = parts / 2;

    // Score the edges of several spanning trees; the tree data dies before recursing, only the
    // chosen sides (as unit lists) survive.
    std::vector<std::vector<int>> first_sides; // distinct sides taking first_parts, best first
    {
        NodeSet set(units, m_local);
        const std::vector<int> edges = internalEdges(m_adjacency, set);
        CutRequest request;
        request.parts = parts;
        request.first_parts = first_parts;
        request.bounds = m_bounds;

        std::vector<RootedTree> trees;
        std::vector<CutCandidate> candidates;
        for (int t = 0; t < std::max(1, m_options.trees); ++t)
        {
            trees.push_back(buildSpanningTree(m_graph, set, edges, m_options.cost, m_seed, t));
            collectCuts(m_graph, set, trees.back(), t, request, m_options.weights, candidates);
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
                      if (a.node != b.node)
                      {
                          return a.node < b.node;
                      }
                      return a.subtree_parts < b.subtree_parts;
                  });
        std::vector<std::uint64_t> keys;
        for (const CutCandidate& c : candidates)
        {
            if (static_cast<int>(first_sides.size()) >= std::max(1, m_options.candidates))
            {
                break;
            }
            if (std::find(keys.begin(), keys.end(), c.key) != keys.end())
            {
                continue;
            }
            keys.push_back(c.key);
            std::vector<int> sub = subtreeUnits(set, trees[c.tree], c.node);
            if (c.subtree_parts != first_parts)
            {
                // The subtree takes the second share: the first side is its complement.
                std::vector<int> rest;
                rest.reserve(units.size() - sub.size());
                std::set_difference(units.begin(), units.end(), sub.begin(), sub.end(),
                                    std::back_inserter(rest));
                sub = std::move(rest);
            }
            first_sides.push_back(std::move(sub));
        }
    }
    if (first_sides.empty())
    {
        return leaf(units);
    }

    BisectionOutcome best;
    int best_index = -1;
    std::vector<int> best_labels;
    int last_index = -1;
    for (int i = 0; i < static_cast<int>(first_sides.size()); ++i)
    {
        if (i > 0)
        {
            if (m_retries_left <= 0)
            {
                break;
            }
            --m_retries_left;
        }
        const std::vector<int>& first = first_sides[i];
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
            if (i + 1 < static_cast<int>(first_sides.size()))
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
