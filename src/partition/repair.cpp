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

// The repair's state: part weights, sizes and members, and the moves found for one part.
class BoundsRepair
{
  public:
    BoundsRepair(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                 std::vector<int>& part_of, int parts, const std::vector<char>& frozen)
        : m_graph(graph), m_adjacency(adjacency), m_bounds(bounds), m_part_of(part_of),
          m_frozen(frozen), m_weight(parts, 0), m_members(parts), m_contiguity(adjacency)
    {
        for (int u = 0; u < static_cast<int>(graph.units.size()); ++u)
        {
            m_weight[part_of[u]] += graph.units[u].weight;
            m_members[part_of[u]].push_back(u);
        }
    }

    // Moves units into or out of the part while it is outside the bounds and a move helps.
    int repairPart(int part, int budget)
    {
        int made = 0;
        while (!m_frozen[part] && !m_members[part].empty() &&
               outside(m_weight[part], m_bounds) > 0 && made < budget)
        {
            collectMoves(part);
            if (!applyBestMove())
            {
                break;
            }
            ++made;
        }
        return made;
    }

  private:
    void collectMoves(int part);
    void consider(int u, int to);
    bool applyBestMove();

    const UnitGraph& m_graph;
    const Adjacency& m_adjacency;
    Bounds m_bounds;
    std::vector<int>& m_part_of;
    const std::vector<char>& m_frozen;
    std::vector<long long> m_weight;
    std::vector<std::vector<int>> m_members; // per part, its units (any order)
    ContiguityCheck m_contiguity;
    std::vector<Move> m_moves;
};

// Moves out of the part and into it, across each of its boundary edges. Only the part's units
// and their neighbours are looked at; the sort below makes the order of discovery irrelevant.
void BoundsRepair::collectMoves(int part)
{
    m_moves.clear();
    for (int u : m_members[part])
    {
        for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
        {
            const int v = m_adjacency.target(s);
            const int q = m_part_of[v];
            if (q != part)
            {
                consider(u, q);
                consider(v, part);
            }
        }
    }
    std::sort(m_moves.begin(), m_moves.end());
}

void BoundsRepair::consider(int u, int to)
{
    const int from = m_part_of[u];
    if (from == to || m_frozen[from] || m_frozen[to] || m_members[from].size() <= 1)
    {
        return;
    }
    const long long w = m_graph.units[u].weight;
    const long long from_before = outside(m_weight[from], m_bounds);
    const long long to_before = outside(m_weight[to], m_bounds);
    const long long from_after = outside(m_weight[from] - w, m_bounds);
    const long long to_after = outside(m_weight[to] + w, m_bounds);
    const long long gain = from_before + to_before - from_after - to_after;
    if (gain <= 0 || (from_before == 0 && from_after > 0) || (to_before == 0 && to_after > 0))
    {
        return;
    }
    Move m;
    m.gain = gain;
    m.unit = u;
    m.to = to;
    for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
    {
        const int p = m_part_of[m_adjacency.target(s)];
        const int sign = p == to ? 1 : (p == from ? -1 : 0);
        const EdgeKind kind = m_graph.edges[m_adjacency.edge(s)].kind;
        m.barrier_delta += kind == EdgeKind::CrossesBarrier ? sign : 0;
        m.compound_delta += kind == EdgeKind::CrossesCompound ? sign : 0;
    }
    m_moves.push_back(m);
}

// The first move in order whose donor stays connected.
bool BoundsRepair::applyBestMove()
{
    for (std::size_t i = 0; i < m_moves.size(); ++i)
    {
        const Move& m = m_moves[i];
        if (i > 0 && m.unit == m_moves[i - 1].unit && m.to == m_moves[i - 1].to)
        {
            continue;
        }
        if (!m_contiguity.staysConnectedWithout(m.unit, m_part_of))
        {
            continue;
        }
        const int from = m_part_of[m.unit];
        m_weight[from] -= m_graph.units[m.unit].weight;
        m_weight[m.to] += m_graph.units[m.unit].weight;
        std::vector<int>& donor = m_members[from];
        donor.erase(std::find(donor.begin(), donor.end(), m.unit));
        m_members[m.to].push_back(m.unit);
        m_part_of[m.unit] = m.to;
        return true;
    }
    return false;
}

} // namespace

int repairBounds(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                 std::vector<int>& part_of, int parts, const std::vector<char>& frozen)
{
    BoundsRepair repair(graph, adjacency, bounds, part_of, parts, frozen);
    const int max_moves = 4 * static_cast<int>(graph.units.size()); // a safety net: every move
                                                                    // lowers the total violation
    int made = 0;
    for (int part = 0; part < parts; ++part)
    {
        made += repair.repairPart(part, max_moves - made);
    }
    return made;
}

} // namespace gp::partition
