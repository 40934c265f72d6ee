#include "partition/exact_check.hpp"

#include "partition/adjacency.hpp"

#include <algorithm>
#include <cmath>

namespace gp::partition
{

std::vector<ExactGap> compareWithExact(const UnitGraph& graph, const std::vector<int>& part_of,
                                       const Bounds& bounds, int max_units,
                                       const ExactOptions& options)
{
    const Adjacency adjacency(graph);
    std::vector<ExactGap> gaps;
    int parts = 0;
    for (int p : part_of)
        parts = std::max(parts, p + 1);
    std::vector<long long> weight(parts, 0);
    for (std::size_t u = 0; u < part_of.size(); ++u)
        weight[part_of[u]] += graph.units[u].weight;
    for (const std::vector<int>& piece : connectedComponents(adjacency, {}))
    {
        if (static_cast<int>(piece.size()) > max_units)
            continue;
        std::vector<int> in_piece;
        bool fits = true;
        for (int u : piece)
        {
            in_piece.push_back(part_of[u]);
            fits = fits && weight[part_of[u]] >= bounds.min && weight[part_of[u]] <= bounds.max;
        }
        if (!fits)
            continue;
        std::sort(in_piece.begin(), in_piece.end());
        in_piece.erase(std::unique(in_piece.begin(), in_piece.end()), in_piece.end());
        ExactGap gap;
        gap.units = static_cast<int>(piece.size());
        gap.parts = static_cast<int>(in_piece.size());
        for (int u : piece)
            for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
                gap.heuristic_cut +=
                    adjacency.target(s) > u && part_of[adjacency.target(s)] != part_of[u];
        ExactOptions exact = options;
        exact.minimise_cut = true;
        exact.parts = gap.parts;
        exact.max_units = max_units;
        const ExactResult r = solveExact(graph, adjacency, piece, bounds, exact);
        gap.status = r.status;
        gap.exact_cut = r.cut_edges;
        gap.lower_bound = static_cast<int>(std::lround(r.bound));
        gaps.push_back(gap);
    }
    return gaps;
}

PairGap compareGridPairs(const UnitGraph& graph, const std::vector<int>& part_of,
                         const Bounds& bounds, int max_units, const ExactOptions& options)
{
    const Adjacency adjacency(graph);
    int parts = 0;
    for (int p : part_of)
        parts = std::max(parts, p + 1);
    std::vector<long long> weight(parts, 0);
    std::vector<std::vector<int>> members(parts);
    for (std::size_t u = 0; u < part_of.size(); ++u)
    {
        weight[part_of[u]] += graph.units[u].weight;
        members[part_of[u]].push_back(static_cast<int>(u));
    }
    // Links between each neighbouring pair (p < q), in pair order.
    std::vector<std::pair<std::pair<int, int>, int>> links;
    for (const Edge& e : graph.edges)
    {
        const int p = part_of[e.a], q = part_of[e.b];
        if (p != q)
            links.push_back({{std::min(p, q), std::max(p, q)}, 1});
    }
    std::sort(links.begin(), links.end());
    PairGap gap;
    for (std::size_t i = 0; i < links.size();)
    {
        const auto [p, q] = links[i].first;
        int between = 0;
        for (; i < links.size() && links[i].first == std::make_pair(p, q); ++i)
            ++between;
        const auto within = [&](int part)
        { return weight[part] >= bounds.min && weight[part] <= bounds.max; };
        if (!within(p) || !within(q))
            continue;
        ++gap.pairs;
        std::vector<int> units = members[p];
        units.insert(units.end(), members[q].begin(), members[q].end());
        std::sort(units.begin(), units.end());
        ExactOptions exact = options;
        exact.minimise_cut = true;
        exact.parts = 2;
        exact.max_units = max_units;
        const ExactResult r = solveExact(graph, adjacency, units, bounds, exact);
        const int size = static_cast<int>(units.size());
        if (r.status != ExactStatus::Optimal)
        {
            gap.smallest_unsolved =
                gap.smallest_unsolved == 0 ? size : std::min(gap.smallest_unsolved, size);
            continue;
        }
        ++gap.solved;
        gap.heuristic_cut += between;
        gap.exact_cut += r.cut_edges;
        gap.largest_solved = std::max(gap.largest_solved, size);
    }
    return gap;
}

} // namespace gp::partition
