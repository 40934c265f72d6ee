#include "improve/groups.hpp"

#include "core/parallel.hpp"
#include "partition/adjacency.hpp"

#include <algorithm>

namespace gp::improve
{

using partition::UnitGraph;

namespace
{

// Groups of about `size` parts, each grown breadth-first over the part adjacency from the lowest
// (or, when `reverse`, highest) part not yet grouped. Returns the group of each part.
std::vector<int> groupParts(const std::vector<std::vector<int>>& part_links, int size, bool reverse)
{
    const int parts = static_cast<int>(part_links.size());
    std::vector<int> group(parts, -1);
    int groups = 0;
    for (int i = 0; i < parts; ++i)
    {
        const int start = reverse ? parts - 1 - i : i;
        if (group[start] >= 0)
            continue;
        std::vector<int> queue{start};
        group[start] = groups;
        for (std::size_t head = 0; head < queue.size() && static_cast<int>(queue.size()) < size;
             ++head)
            for (int q : part_links[queue[head]])
                if (group[q] < 0 && static_cast<int>(queue.size()) < size)
                {
                    group[q] = groups;
                    queue.push_back(q);
                }
        ++groups;
    }
    return group;
}

std::vector<std::vector<int>> partLinks(const UnitGraph& graph, const std::vector<int>& part_of,
                                        int parts)
{
    std::vector<std::vector<int>> links(parts);
    for (const auto& e : graph.edges)
    {
        const int a = part_of[e.a], b = part_of[e.b];
        if (a != b)
        {
            links[a].push_back(b);
            links[b].push_back(a);
        }
    }
    for (auto& l : links)
    {
        std::sort(l.begin(), l.end());
        l.erase(std::unique(l.begin(), l.end()), l.end());
    }
    return links;
}

// improvePartition on the subgraph of one group's units; writes the moves back.
int improveGroup(const UnitGraph& graph, const partition::Bounds& bounds, std::vector<int>& part_of,
                 const std::vector<int>& units, const std::vector<int>& local_of_unit,
                 const std::vector<int>& edges, const ImproveOptions& options)
{
    UnitGraph sub;
    std::vector<int> local_part;
    std::vector<int> part_ids; // local part -> part
    for (int u : units)
    {
        sub.units.push_back(graph.units[u]);
        auto it = std::lower_bound(part_ids.begin(), part_ids.end(), part_of[u]);
        if (it == part_ids.end() || *it != part_of[u])
            part_ids.insert(it, part_of[u]);
    }
    for (int u : units)
        local_part.push_back(static_cast<int>(
            std::lower_bound(part_ids.begin(), part_ids.end(), part_of[u]) - part_ids.begin()));
    sub.edges.reserve(edges.size());
    for (int id : edges)
    {
        const auto& e = graph.edges[id];
        sub.edges.push_back({local_of_unit[e.a], local_of_unit[e.b], e.length, e.kind});
    }
    const ImproveStats stats =
        improvePartition(sub, bounds, local_part, static_cast<int>(part_ids.size()), options);
    for (std::size_t i = 0; i < units.size(); ++i)
        part_of[units[i]] = part_ids[local_part[i]];
    return stats.moves;
}

} // namespace

ImproveStats improveByGroups(const UnitGraph& graph, const partition::Bounds& bounds,
                             partition::PartitionResult& result, const ImproveOptions& options,
                             const GroupOptions& groups)
{
    if (result.parts <= groups.parts_per_group)
        return improvePartition(graph, bounds, result, options);
    ImproveStats stats;
    stats.objective_before = compactness(graph, result.part_of, result.parts);
    stats.cut_edges_before = cutEdges(graph, result.part_of);
    const int n = static_cast<int>(graph.units.size());
    for (int round = 0; round < groups.rounds; ++round)
    {
        const std::vector<int> group_of_part = groupParts(
            partLinks(graph, result.part_of, result.parts), groups.parts_per_group, round % 2 == 1);
        const int count = *std::max_element(group_of_part.begin(), group_of_part.end()) + 1;
        std::vector<std::vector<int>> units(count);
        std::vector<int> local_of_unit(n, -1), group_of_unit(n, -1);
        for (int u = 0; u < n; ++u)
        {
            group_of_unit[u] = group_of_part[result.part_of[u]];
            auto& list = units[group_of_unit[u]];
            local_of_unit[u] = static_cast<int>(list.size());
            list.push_back(u);
        }
        // The edges inside each group, in one pass (not one pass per group).
        std::vector<std::vector<int>> edges(count);
        for (int id = 0; id < static_cast<int>(graph.edges.size()); ++id)
        {
            const int g = group_of_unit[graph.edges[id].a];
            if (g == group_of_unit[graph.edges[id].b])
                edges[g].push_back(id);
        }
        // Each group writes part_of only for its own units and reads only its own units' entries.
        std::vector<int> moves(count, 0);
        std::vector<int> part_of = result.part_of;
        parallelFor(static_cast<std::size_t>(count), groups.threads,
                    [&](std::size_t g, int) {
                        moves[g] = improveGroup(graph, bounds, part_of, units[g], local_of_unit,
                                                edges[g], options);
                    });
        result.part_of = std::move(part_of);
        for (int m : moves)
            stats.moves += m;
        ++stats.passes;
    }
    stats.objective_after = compactness(graph, result.part_of, result.parts);
    stats.cut_edges_after = cutEdges(graph, result.part_of);
    // Renumber by lowest unit, violations following their parts (as improvePartition does).
    ImproveOptions none = options;
    none.max_passes = 0;
    improvePartition(graph, bounds, result, none);
    return stats;
}

} // namespace gp::improve
