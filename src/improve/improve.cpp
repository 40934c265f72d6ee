#include "improve/improve.hpp"

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
        cut += part_of[static_cast<std::size_t>(e.a)] != part_of[static_cast<std::size_t>(e.b)];
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

ImproveStats improvePartition(const UnitGraph& graph, const Bounds& bounds,
                              std::vector<int>& part_of, int parts, const ImproveOptions& options)
{
    checkParts(graph, part_of, parts);
    ImproveStats stats;
    stats.objective_before = compactness(graph, part_of, parts);
    stats.objective_after = stats.objective_before;
    stats.cut_edges_before = cutEdges(graph, part_of);
    stats.cut_edges_after = stats.cut_edges_before;
    const int n = static_cast<int>(graph.units.size());
    if (n == 0 || parts < 2)
    {
        return stats;
    }
    const Adjacency adjacency(graph);
    const Centred c = centre(graph);
    std::vector<Moments> moments = momentsOf(graph, c, part_of, parts);
    std::vector<long long> weight(parts, 0);
    std::vector<int> size(parts, 0);
    for (int u = 0; u < n; ++u)
    {
        weight[part_of[u]] += graph.units[u].weight;
        ++size[part_of[u]];
    }
    std::vector<char> frozen(parts, 0);
    if (options.freeze_violating)
    {
        for (int p = 0; p < parts; ++p)
        {
            frozen[p] = outside(weight[p], bounds) > 0;
        }
    }

    partition::ContiguityCheck contiguity(adjacency);
    std::vector<int> options_for_u;
    for (int pass = 0; pass < options.max_passes; ++pass)
    {
        int moved = 0;
        for (int u = 0; u < n; ++u)
        {
            const int from = part_of[u];
            if (frozen[from] || size[from] <= 1)
            {
                continue;
            }
            options_for_u.clear();
            for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
            {
                const int p = part_of[adjacency.target(s)];
                if (p != from && !frozen[p])
                {
                    options_for_u.push_back(p);
                }
            }
            if (options_for_u.empty())
            {
                continue;
            }
            std::sort(options_for_u.begin(), options_for_u.end());
            options_for_u.erase(std::unique(options_for_u.begin(), options_for_u.end()),
                                options_for_u.end());

            const long long w = graph.units[u].weight;
            const double m = partition::unitMass(graph.units[u]);
            const Moments unit{m, m * c.x[u], m * c.y[u], m * (c.x[u] * c.x[u] + c.y[u] * c.y[u])};
            Moments donor_after = moments[from];
            donor_after.mass -= unit.mass;
            donor_after.sx -= unit.sx;
            donor_after.sy -= unit.sy;
            donor_after.sq -= unit.sq;
            if (outside(weight[from] - w, bounds) > outside(weight[from], bounds))
            {
                continue;
            }
            const double donor_gain = donor_after.inertia() - moments[from].inertia();

            int best = -1;
            int best_cut = 0;
            double best_delta = 0.0;
            for (int to : options_for_u)
            {
                if (outside(weight[to] + w, bounds) > outside(weight[to], bounds))
                {
                    continue;
                }
                // Edges of u that are inside a part now (to `from`) vs. after the move (to `to`).
                int barrier_delta = 0;
                int compound_delta = 0;
                int cut_delta = 0; // u's links to `from` become cut, those to `to` uncut
                for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
                {
                    const int p = part_of[adjacency.target(s)];
                    const int sign = p == to ? 1 : (p == from ? -1 : 0);
                    cut_delta -= sign;
                    const EdgeKind kind = graph.edges[adjacency.edge(s)].kind;
                    barrier_delta += kind == EdgeKind::CrossesBarrier ? sign : 0;
                    compound_delta += kind == EdgeKind::CrossesCompound ? sign : 0;
                }
                if (barrier_delta > 0 || compound_delta > 0 || cut_delta > 0)
                {
                    continue;
                }
                Moments receiver_after = moments[to];
                receiver_after.mass += unit.mass;
                receiver_after.sx += unit.sx;
                receiver_after.sy += unit.sy;
                receiver_after.sq += unit.sq;
                const double delta = donor_gain + receiver_after.inertia() - moments[to].inertia();
                // A relative margin keeps rounding noise from counting as progress.
                const double margin =
                    1e-9 * (moments[from].inertia() + moments[to].inertia() + 1.0);
                // Lexicographic: fewer cut links first, then lower inertia.
                const bool improves = cut_delta < 0 || delta < -margin;
                const bool better = best < 0 || cut_delta < best_cut ||
                                    (cut_delta == best_cut && delta < best_delta);
                if (improves && better)
                {
                    best = to;
                    best_cut = cut_delta;
                    best_delta = delta;
                }
            }
            if (best < 0 || !contiguity.staysConnectedWithout(u, part_of))
            {
                continue;
            }
            moments[from] = donor_after;
            moments[best].mass += unit.mass;
            moments[best].sx += unit.sx;
            moments[best].sy += unit.sy;
            moments[best].sq += unit.sq;
            weight[from] -= w;
            weight[best] += w;
            stats.cut_edges_after += best_cut;
            --size[from];
            ++size[best];
            part_of[u] = best;
            ++moved;
        }
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
