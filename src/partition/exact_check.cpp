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

} // namespace gp::partition
