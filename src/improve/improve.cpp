#include "improve/improve.hpp"
#include "core/index.hpp"

#include "partition/adjacency.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace gp::improve
{

using partition::Adjacency;
using partition::Bounds;
using partition::EdgeKind;
using partition::UnitGraph;

namespace
{

// First and second moments of a part's mass, in coordinates centred on the graph.
struct Moments
{
    double mass = 0.0;
    double sx = 0.0;
    double sy = 0.0;
    double sq = 0.0;

    double inertia() const
    {
        return mass > 0.0 ? std::max(0.0, sq - (sx * sx + sy * sy) / mass) : 0.0;
    }
};

struct Centred
{
    std::vector<double> x;
    std::vector<double> y;
};

Centred centre(const UnitGraph& graph)
{
    const int n = static_cast<int>(graph.units.size());
    double mx = 0.0, my = 0.0;
    for (const auto& unit : graph.units)
    {
        mx += unit.x;
        my += unit.y;
    }
    if (n > 0)
    {
        mx /= n;
        my /= n;
    }
    Centred c;
    c.x.resize(n);
    c.y.resize(n);
    for (int u = 0; u < n; ++u)
    {
        c.x[u] = graph.units[u].x - mx;
        c.y[u] = graph.units[u].y - my;
    }
    return c;
}

void checkParts(const UnitGraph& graph, const std::vector<int>& part_of, int parts)
{
    if (part_of.size() != graph.units.size())
    {
        throw std::invalid_argument("part_of has " + std::to_string(part_of.size()) +
                                    " entries for " + std::to_string(graph.units.size()) +
                                    " units");
    }
    for (int p : part_of)
    {
        if (p < 0 || p >= parts)
        {
            throw std::invalid_argument("part id " + std::to_string(p) + " outside [0, " +
                                        std::to_string(parts) + ")");
        }
    }
}

std::vector<Moments> momentsOf(const UnitGraph& graph, const Centred& c,
                               const std::vector<int>& part_of, int parts)
{
    std::vector<Moments> moments(parts);
    for (int u = 0; u < static_cast<int>(graph.units.size()); ++u)
    {
        const double m = partition::unitMass(graph.units[u]);
        Moments& p = moments[part_of[u]];
        p.mass += m;
        p.sx += m * c.x[u];
        p.sy += m * c.y[u];
        p.sq += m * (c.x[u] * c.x[u] + c.y[u] * c.y[u]);
    }
    return moments;
}

long long outside(long long w, const Bounds& bounds)
{
    return w < bounds.min ? bounds.min - w : (w > bounds.max ? w - bounds.max : 0);
}

} // namespace

int cutEdges(const UnitGraph& graph, const std::vector<int>& part_of)
{
    int cut = 0;
    for (const auto& e : graph.edges)
        cut += at(part_of, e.a) != at(part_of, e.b);
    return cut;
}

double compactness(const UnitGraph& graph, const std::vector<int>& part_of, int parts)
{
    checkParts(graph, part_of, parts);
    const Centred c = centre(graph);
    double total = 0.0;
    for (const Moments& m : momentsOf(graph, c, part_of, parts))
    {
        total += m.inertia();
    }
    return total;
}

namespace
{

Moments unitMoments(const UnitGraph& graph, const Centred& c, int u)
{
    const double m = partition::unitMass(graph.units[u]);
    return {m, m * c.x[u], m * c.y[u], m * (c.x[u] * c.x[u] + c.y[u] * c.y[u])};
}

void add(Moments& to, const Moments& unit, double sign)
{
    to.mass += sign * unit.mass;
    to.sx += sign * unit.sx;
    to.sy += sign * unit.sy;
    to.sq += sign * unit.sq;
}

// A move of one unit to a neighbouring part, and what it changes.
struct Move
{
    int to = -1;
    int cut_delta = 0;  // links that become cut minus links that become uncut
    double delta = 0.0; // change of summed inertia
};

// The sweeps of improvePartition, over the state they share.
class BoundaryMoves
{
  public:
    BoundaryMoves(const UnitGraph& graph, const Bounds& bounds, std::vector<int>& part_of,
                  int parts, const ImproveOptions& options)
        : m_graph(graph), m_bounds(bounds), m_part_of(part_of), m_adjacency(graph),
          m_centred(centre(graph)), m_moments(momentsOf(graph, m_centred, part_of, parts)),
          m_weight(parts, 0), m_size(parts, 0), m_frozen(parts, 0), m_contiguity(m_adjacency)
    {
        for (int u = 0; u < static_cast<int>(graph.units.size()); ++u)
        {
            m_weight[part_of[u]] += graph.units[u].weight;
            ++m_size[part_of[u]];
        }
        for (int p = 0; p < parts && options.freeze_violating; ++p)
        {
            m_frozen[p] = outside(m_weight[p], bounds) > 0;
        }
    }

    // One sweep in unit order; returns the moves made and adds their cut-link change.
    int sweep(int& cut_edges)
    {
        int moved = 0;
        for (int u = 0; u < static_cast<int>(m_graph.units.size()); ++u)
        {
            const Move move = bestMove(u);
            if (move.to < 0 || !m_contiguity.staysConnectedWithout(u, m_part_of))
            {
                continue;
            }
            apply(u, move.to);
            cut_edges += move.cut_delta;
            ++moved;
        }
        return moved;
    }

  private:
    // The unfrozen parts next to u other than its own, ascending.
    const std::vector<int>& neighbourParts(int u, int from)
    {
        m_targets.clear();
        for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
        {
            const int p = m_part_of[m_adjacency.target(s)];
            if (p != from && !m_frozen[p])
            {
                m_targets.push_back(p);
            }
        }
        std::sort(m_targets.begin(), m_targets.end());
        m_targets.erase(std::unique(m_targets.begin(), m_targets.end()), m_targets.end());
        return m_targets;
    }

    Move bestMove(int u);
    bool scoreMove(int u, int from, int to, double donor_gain, const Moments& unit, Move& move);
    void apply(int u, int to);

    const UnitGraph& m_graph;
    Bounds m_bounds;
    std::vector<int>& m_part_of;
    const Adjacency m_adjacency;
    const Centred m_centred;
    std::vector<Moments> m_moments;
    std::vector<long long> m_weight;
    std::vector<int> m_size;
    std::vector<char> m_frozen;
    partition::ContiguityCheck m_contiguity;
    std::vector<int> m_targets;
};

// The neighbouring part that lowers (cut links, inertia) most without breaking a rule, if any.
Move BoundaryMoves::bestMove(int u)
{
    Move best;
    const int from = m_part_of[u];
    if (m_frozen[from] || m_size[from] <= 1 || neighbourParts(u, from).empty())
    {
        return best;
    }
    const long long w = m_graph.units[u].weight;
    if (outside(m_weight[from] - w, m_bounds) > outside(m_weight[from], m_bounds))
    {
        return best;
    }
    const Moments unit = unitMoments(m_graph, m_centred, u);
    Moments donor_after = m_moments[from];
    add(donor_after, unit, -1.0);
    const double donor_gain = donor_after.inertia() - m_moments[from].inertia();
    for (int to : m_targets)
    {
        Move move;
        if (!scoreMove(u, from, to, donor_gain, unit, move))
        {
            continue;
        }
        // A relative margin keeps rounding noise from counting as progress.
        const double margin = 1e-9 * (m_moments[from].inertia() + m_moments[to].inertia() + 1.0);
        // Lexicographic: fewer cut links first, then lower inertia.
        const bool improves = move.cut_delta < 0 || move.delta < -margin;
        const bool better = best.to < 0 || move.cut_delta < best.cut_delta ||
                            (move.cut_delta == best.cut_delta && move.delta < best.delta);
        if (improves && better)
        {
            best = move;
        }
    }
    return best;
}

// The move of u to `to`, unless it pushes `to` further outside the bounds, adds cut links or
// puts more barrier or compound links inside a part.
bool BoundaryMoves::scoreMove(int u, int from, int to, double donor_gain, const Moments& unit,
                              Move& move)
{
    const long long w = m_graph.units[u].weight;
    if (outside(m_weight[to] + w, m_bounds) > outside(m_weight[to], m_bounds))
    {
        return false;
    }
    // Edges of u that are inside a part now (to `from`) vs. after the move (to `to`).
    int barrier_delta = 0;
    int compound_delta = 0;
    int cut_delta = 0; // u's links to `from` become cut, those to `to` uncut
    for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
    {
        const int p = m_part_of[m_adjacency.target(s)];
        const int sign = p == to ? 1 : (p == from ? -1 : 0);
        cut_delta -= sign;
        const EdgeKind kind = m_graph.edges[m_adjacency.edge(s)].kind;
        barrier_delta += kind == EdgeKind::CrossesBarrier ? sign : 0;
        compound_delta += kind == EdgeKind::CrossesCompound ? sign : 0;
    }
    if (barrier_delta > 0 || compound_delta > 0 || cut_delta > 0)
    {
        return false;
    }
    Moments receiver_after = m_moments[to];
    add(receiver_after, unit, 1.0);
    move.to = to;
    move.cut_delta = cut_delta;
    move.delta = donor_gain + receiver_after.inertia() - m_moments[to].inertia();
    return true;
}

void BoundaryMoves::apply(int u, int to)
{
    const int from = m_part_of[u];
    const Moments unit = unitMoments(m_graph, m_centred, u);
    add(m_moments[from], unit, -1.0);
    add(m_moments[to], unit, 1.0);
    m_weight[from] -= m_graph.units[u].weight;
    m_weight[to] += m_graph.units[u].weight;
    --m_size[from];
    ++m_size[to];
    m_part_of[u] = to;
}

} // namespace

ImproveStats improvePartition(const UnitGraph& graph, const Bounds& bounds,
                              std::vector<int>& part_of, int parts, const ImproveOptions& options)
{
    checkParts(graph, part_of, parts);
    ImproveStats stats;
    stats.objective_before = compactness(graph, part_of, parts);
    stats.objective_after = stats.objective_before;
    stats.cut_edges_before = cutEdges(graph, part_of);
    stats.cut_edges_after = stats.cut_edges_before;
    if (graph.units.empty() || parts < 2)
    {
        return stats;
    }
    BoundaryMoves moves(graph, bounds, part_of, parts, options);
    for (int pass = 0; pass < options.max_passes; ++pass)
    {
        const int moved = moves.sweep(stats.cut_edges_after);
        ++stats.passes;
        stats.moves += moved;
        if (moved == 0)
        {
            break;
        }
    }
    stats.objective_after = compactness(graph, part_of, parts);
    return stats;
}

ImproveStats improvePartition(const UnitGraph& graph, const Bounds& bounds,
                              partition::PartitionResult& result, const ImproveOptions& options)
{
    ImproveStats stats = improvePartition(graph, bounds, result.part_of, result.parts, options);
    std::vector<int> renumber(result.parts, -1);
    int next = 0;
    for (int& p : result.part_of)
    {
        if (renumber[p] < 0)
        {
            renumber[p] = next++;
        }
        p = renumber[p];
    }
    for (auto& violation : result.violations)
    {
        violation.part = renumber[violation.part];
    }
    std::stable_sort(result.violations.begin(), result.violations.end(),
                     [](const auto& a, const auto& b) { return a.part < b.part; });
    return stats;
}

} // namespace gp::improve
