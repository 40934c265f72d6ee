#include "partition/repair.hpp"

#include <algorithm>
#include <tuple>

namespace gp::partition
{

namespace
{

long long outside(long long w, const Bounds& bounds)
{
    return w < bounds.min ? bounds.min - w : (w > bounds.max ? w - bounds.max : 0);
}

struct Move
{
    long long gain = 0;
    int barrier_delta = 0;
    int compound_delta = 0;
    int unit = 0;
    int to = 0;

    bool operator<(const Move& o) const
    {
        return std::make_tuple(-gain, barrier_delta, compound_delta, unit, to) <
               std::make_tuple(-o.gain, o.barrier_delta, o.compound_delta, o.unit, o.to);
    }
};

} // namespace

int repairBounds(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                 std::vector<int>& part_of, int parts, const std::vector<char>& frozen)
{
    const int n = static_cast<int>(graph.units.size());
    std::vector<long long> weight(parts, 0);
    std::vector<int> size(parts, 0);
    for (int u = 0; u < n; ++u)
    {
        weight[part_of[u]] += graph.units[u].weight;
        ++size[part_of[u]];
    }
    ContiguityCheck contiguity(adjacency);
    std::vector<Move> moves;
    int made = 0;
    const int max_moves = 4 * n; // every move lowers the total violation; this is a safety net

    auto consider = [&](int u, int to)
    {
        const int from = part_of[u];
        if (from == to || frozen[from] || frozen[to] || size[from] <= 1)
        {
            return;
        }
        const long long w = graph.units[u].weight;
        const long long from_before = outside(weight[from], bounds);
        const long long to_before = outside(weight[to], bounds);
        const long long from_after = outside(weight[from] - w, bounds);
        const long long to_after = outside(weight[to] + w, bounds);
        const long long gain = from_before + to_before - from_after - to_after;
        if (gain <= 0 || (from_before == 0 && from_after > 0) || (to_before == 0 && to_after > 0))
        {
            return;
        }
        Move m;
        m.gain = gain;
        m.unit = u;
        m.to = to;
        for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
        {
            const int p = part_of[adjacency.target(s)];
            const int sign = p == to ? 1 : (p == from ? -1 : 0);
            const EdgeKind kind = graph.edges[adjacency.edge(s)].kind;
            m.barrier_delta += kind == EdgeKind::CrossesBarrier ? sign : 0;
            m.compound_delta += kind == EdgeKind::CrossesCompound ? sign : 0;
        }
        moves.push_back(m);
    };

    for (int part = 0; part < parts; ++part)
    {
        while (!frozen[part] && size[part] > 0 && outside(weight[part], bounds) > 0 &&
               made < max_moves)
        {
            // Moves out of the part and into it, across each of its boundary edges.
            moves.clear();
            for (int u = 0; u < n; ++u)
            {
                for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
                {
                    const int q = part_of[adjacency.target(s)];
                    if (part_of[u] == part && q != part)
                    {
                        consider(u, q);
                    }
                    else if (part_of[u] != part && q == part)
                    {
                        consider(u, part);
                    }
                }
            }
            std::sort(moves.begin(), moves.end());
            bool moved = false;
            for (std::size_t i = 0; i < moves.size() && !moved; ++i)
            {
                const Move& m = moves[i];
                if (i > 0 && m.unit == moves[i - 1].unit && m.to == moves[i - 1].to)
                {
                    continue;
                }
                if (!contiguity.staysConnectedWithout(m.unit, part_of))
                {
                    continue;
                }
                const int from = part_of[m.unit];
                weight[from] -= graph.units[m.unit].weight;
                weight[m.to] += graph.units[m.unit].weight;
                --size[from];
                ++size[m.to];
                part_of[m.unit] = m.to;
                ++made;
                moved = true;
            }
            if (!moved)
            {
                break;
            }
        }
    }
    return made;
}

} // namespace gp::partition
