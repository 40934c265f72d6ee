#include "partition/neighbourhood.hpp"

#include "partition/ejection.hpp"

#include <algorithm>

namespace gp::partition
{

namespace
{

// The labels next to the units of `part`.
std::vector<int> neighbourParts(const Adjacency& adjacency, const std::vector<int>& labels,
                                const std::vector<int>& members)
{
    std::vector<int> out;
    for (int u : members)
    {
        for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
        {
            const int q = labels[adjacency.target(s)];
            if (q != labels[u])
                out.push_back(q);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The part and rings of neighbouring parts around it while the region has at most max_parts
// parts and max_units units.
std::vector<int> regionAround(int part, const Adjacency& adjacency, const std::vector<int>& labels,
                              const std::vector<std::vector<int>>& members,
                              const std::vector<char>& frozen, int max_units, int max_parts)
{
    std::vector<int> region{part};
    std::vector<char> taken(members.size(), 0);
    taken[part] = 1;
    std::size_t units = members[part].size();
    for (std::size_t ring_start = 0; ring_start < region.size();)
    {
        const std::size_t ring_end = region.size();
        bool full = false;
        for (std::size_t i = ring_start; i < ring_end && !full; ++i)
        {
            for (int q : neighbourParts(adjacency, labels, members[region[i]]))
            {
                if (taken[q] || frozen[q])
                    continue;
                if (units + members[q].size() > static_cast<std::size_t>(max_units) ||
                    static_cast<int>(region.size()) >= max_parts)
                {
                    full = true;
                    break;
                }
                taken[q] = 1;
                units += members[q].size();
                region.push_back(q);
            }
        }
        if (full)
            break;
        ring_start = ring_end;
    }
    return region;
}

} // namespace

int repairNeighbourhoods(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                         std::vector<int>& labels, int& next_label, std::vector<char>& frozen,
                         const ExactOptions& exact)
{
    std::vector<std::vector<int>> members(next_label);
    std::vector<long long> weight(next_label, 0);
    for (int u = 0; u < static_cast<int>(labels.size()); ++u)
    {
        members[labels[u]].push_back(u);
        weight[labels[u]] += graph.units[u].weight;
    }
    // A repair attempt is worth little time: the columns form only, with a small node budget.
    ExactOptions quick = exact;
    quick.max_variables = 0;
    quick.node_limit = std::min(exact.node_limit, 500);
    int replaced = 0;
    const int original = next_label;
    for (int part = 0; part < original; ++part)
    {
        if (frozen[part] || members[part].empty() || outsideBounds(weight[part], bounds) == 0)
            continue;
        // Small regions first: their feasible parts are few enough for the columns form.
        std::vector<int> region, units;
        ExactResult plan;
        for (int max_parts : {3, 5})
        {
            region =
                regionAround(part, adjacency, labels, members, frozen, exact.max_units, max_parts);
            units.clear();
            for (int q : region)
                units.insert(units.end(), members[q].begin(), members[q].end());
            std::sort(units.begin(), units.end());
            plan = region.size() < 2 ? ExactResult{}
                                     : solveExact(graph, adjacency, units, bounds, quick);
            if (!plan.part_of.empty() || static_cast<int>(region.size()) < max_parts)
                break;
        }
        if (plan.part_of.empty())
            continue;
        for (int q : region)
        {
            members[q].clear();
            weight[q] = 0;
        }
        members.resize(next_label + plan.parts);
        weight.resize(next_label + plan.parts, 0);
        frozen.resize(next_label + plan.parts, 0);
        for (std::size_t i = 0; i < units.size(); ++i)
        {
            const int label = next_label + plan.part_of[i];
            labels[units[i]] = label;
            members[label].push_back(units[i]);
            weight[label] += graph.units[units[i]].weight;
        }
        next_label += plan.parts;
        ++replaced;
    }
    return replaced;
}

} // namespace gp::partition
