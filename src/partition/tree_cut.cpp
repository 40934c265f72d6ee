#include "partition/tree_cut.hpp"

#include "partition/adjacency.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace gp::partition
{

std::uint64_t unitKey(int unit)
{
    return splitMix64(0xA5A5A5A5ULL ^ (static_cast<std::uint64_t>(unit) << 1));
}

namespace
{

long long outside(long long weight, int parts, const Bounds& bounds)
{
    const long long low = static_cast<long long>(parts) * bounds.min;
    const long long high = static_cast<long long>(parts) * bounds.max;
    return weight < low ? low - weight : (weight > high ? weight - high : 0);
}

// Moment of inertia from sums (mass, first and second moments).
double inertia(double mass, double sx, double sy, double sq)
{
    return mass > 0.0 ? std::max(0.0, sq - (sx * sx + sy * sy) / mass) : 0.0;
}

} // namespace

CutScorer::CutScorer(const UnitGraph& graph, const NodeSet& set, const CutRequest& request,
                     const CutWeights& weights)
    : m_graph(graph), m_request(request), m_weights(weights)
{
    const int n = set.size();
    // Coordinates relative to the mass centroid keep the second moments well conditioned
    // (projected coordinates are in the millions).
    double mass_total = 0.0, cx = 0.0, cy = 0.0;
    for (int g : set.nodes())
    {
        const Unit& unit = graph.units[g];
        mass_total += unitMass(unit);
        cx += unitMass(unit) * unit.x;
        cy += unitMass(unit) * unit.y;
        m_total += unit.weight;
    }
    cx /= mass_total;
    cy /= mass_total;
    Sums& b = m_base;
    for (auto* v : {&b.mass, &b.sx, &b.sy, &b.sq})
    {
        v->resize(n);
    }
    b.weight.resize(n);
    b.key.resize(n);
    for (int l = 0; l < n; ++l)
    {
        const Unit& unit = graph.units[set.global(l)];
        const double m = unitMass(unit);
        const double x = unit.x - cx;
        const double y = unit.y - cy;
        b.weight[l] = unit.weight;
        b.mass[l] = m;
        b.sx[l] = m * x;
        b.sy[l] = m * y;
        b.sq[l] = m * (x * x + y * y);
        b.key[l] = unitKey(set.global(l));
    }
}

void CutScorer::collect(const RootedTree& tree, int tree_index, std::vector<CutCandidate>& out)
{
    const int n = static_cast<int>(m_base.weight.size());
    if (n < 2)
    {
        return;
    }
    Sums& s = m_subtree;
    s = m_base;
    // Subtree sums: children come after their parent in preorder.
    for (int i = n - 1; i > 0; --i)
    {
        const int l = tree.preorder[i];
        const int p = tree.parent[l];
        if (p < 0)
        {
            continue;
        }
        s.weight[p] += s.weight[l];
        s.mass[p] += s.mass[l];
        s.sx[p] += s.sx[l];
        s.sy[p] += s.sy[l];
        s.sq[p] += s.sq[l];
        s.key[p] ^= s.key[l];
    }
    const int root = tree.preorder[0];
    const double whole = std::max(inertia(s.mass[root], s.sx[root], s.sy[root], s.sq[root]), 1e-9);
    for (int l = 0; l < n; ++l)
    {
        if (tree.parent[l] >= 0)
        {
            CutCandidate c = score(s, tree, l, root, whole);
            c.tree = tree_index;
            out.push_back(c);
        }
    }
}

namespace
{

// Part counts for a subtree of weight w that keep both sides feasible, else the proportional one.
int subtreeParts(long long w, long long total, const CutRequest& request)
{
    const int k = request.parts;
    const Bounds& bounds = request.bounds;
    const int lo_allowed = std::max(1, request.min_side_parts);
    const int hi_allowed = k - lo_allowed;
    const long long lo_fit =
        std::max<long long>({lo_allowed, (w + bounds.max - 1) / bounds.max,
                             k - (bounds.min > 0 ? (total - w) / bounds.min : k)});
    const long long hi_fit =
        std::min<long long>({hi_allowed, bounds.min > 0 ? w / bounds.min : hi_allowed,
                             k - (total - w + bounds.max - 1) / bounds.max});
    const long long proportional =
        std::llround(static_cast<double>(w) * k / std::max<long long>(1, total));
    return static_cast<int>(lo_fit <= hi_fit
                                ? std::clamp(proportional, lo_fit, hi_fit)
                                : std::clamp<long long>(proportional, lo_allowed, hi_allowed));
}

double kindBonus(EdgeKind kind, const CutWeights& weights)
{
    switch (kind)
    {
    case EdgeKind::Open:
        break;
    case EdgeKind::CrossesCompound:
        return weights.compound_bonus;
    case EdgeKind::CrossesBarrier:
        return weights.barrier_bonus;
    }
    return 0.0;
}

} // namespace

CutCandidate CutScorer::score(const Sums& s, const RootedTree& tree, int l, int root,
                              double whole) const
{
    const int k = m_request.parts;
    const long long total = m_total;
    const double rest_mass = s.mass[root] - s.mass[l];
    const double split_inertia =
        inertia(s.mass[l], s.sx[l], s.sy[l], s.sq[l]) +
        inertia(rest_mass, s.sx[root] - s.sx[l], s.sy[root] - s.sy[l], s.sq[root] - s.sq[l]);
    const long long w = s.weight[l];
    CutCandidate c;
    c.node = l;
    c.subtree_parts = subtreeParts(w, total, m_request);
    c.subtree_weight = w;
    c.violation = outside(w, c.subtree_parts, m_request.bounds) +
                  outside(total - w, k - c.subtree_parts, m_request.bounds);
    const double side_mean = static_cast<double>(w) / c.subtree_parts;
    const double rest_mean = static_cast<double>(total - w) / (k - c.subtree_parts);
    const double mean = std::max(1.0, static_cast<double>(total) / k);
    c.score = m_weights.balance * (std::abs(side_mean - mean) + std::abs(rest_mean - mean)) / mean +
              m_weights.compactness * split_inertia / whole -
              kindBonus(m_graph.edges[tree.parent_edge[l]].kind, m_weights);
    c.key = s.key[l] ^ splitMix64(static_cast<std::uint64_t>(c.subtree_parts));
    return c;
}

std::vector<int> subtreeUnits(const NodeSet& set, const RootedTree& tree, int node,
                              std::vector<char>& mark)
{
    // Marking and then reading the set in order gives ascending ids without a sort.
    const int from = tree.position[node];
    const int to = from + tree.size[node];
    for (int i = from; i < to; ++i)
    {
        mark[tree.preorder[i]] = 1;
    }
    std::vector<int> units;
    units.reserve(tree.size[node]);
    for (int l = 0; l < set.size(); ++l)
    {
        if (mark[l])
        {
            units.push_back(set.global(l));
            mark[l] = 0;
        }
    }
    return units;
}

} // namespace gp::partition
