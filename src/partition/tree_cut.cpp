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

void collectCuts(const UnitGraph& graph, const NodeSet& set, const RootedTree& tree, int tree_index,
                 const CutRequest& request, const CutWeights& weights,
                 std::vector<CutCandidate>& out)
{
    const int n = set.size();
    if (n < 2)
    {
        return;
    }
    // Coordinates relative to the mass centroid keep the second moments well conditioned
    // (projected coordinates are in the millions).
    double mass_total = 0.0, cx = 0.0, cy = 0.0;
    for (int g : set.nodes())
    {
        const Unit& unit = graph.units[g];
        mass_total += unitMass(unit);
        cx += unitMass(unit) * unit.x;
        cy += unitMass(unit) * unit.y;
    }
    cx /= mass_total;
    cy /= mass_total;

    std::vector<long long> weight(n);
    std::vector<double> mass(n), sx(n), sy(n), sq(n);
    std::vector<std::uint64_t> key(n);
    for (int l = 0; l < n; ++l)
    {
        const Unit& unit = graph.units[set.global(l)];
        const double m = unitMass(unit);
        const double x = unit.x - cx;
        const double y = unit.y - cy;
        weight[l] = unit.weight;
        mass[l] = m;
        sx[l] = m * x;
        sy[l] = m * y;
        sq[l] = m * (x * x + y * y);
        key[l] = unitKey(set.global(l));
    }
    // Subtree sums: children come after their parent in preorder.
    for (int i = n - 1; i > 0; --i)
    {
        const int l = tree.preorder[i];
        const int p = tree.parent[l];
        if (p < 0)
        {
            continue;
        }
        weight[p] += weight[l];
        mass[p] += mass[l];
        sx[p] += sx[l];
        sy[p] += sy[l];
        sq[p] += sq[l];
        key[p] ^= key[l];
    }
    const int root = tree.preorder[0];
    long long total = 0;
    for (int g : set.nodes())
    {
        total += graph.units[g].weight;
    }
    const double whole = std::max(inertia(mass[root], sx[root], sy[root], sq[root]), 1e-9);
    const int k = request.parts;
    const double mean = std::max(1.0, static_cast<double>(total) / k);

    for (int l = 0; l < n; ++l)
    {
        if (tree.parent[l] < 0)
        {
            continue;
        }
        const double rest_mass = mass[root] - mass[l];
        const double split_inertia =
            inertia(mass[l], sx[l], sy[l], sq[l]) +
            inertia(rest_mass, sx[root] - sx[l], sy[root] - sy[l], sq[root] - sq[l]);
        double kind_bonus = 0.0;
        switch (graph.edges[tree.parent_edge[l]].kind)
        {
        case EdgeKind::Open:
            break;
        case EdgeKind::CrossesCompound:
            kind_bonus = weights.compound_bonus;
            break;
        case EdgeKind::CrossesBarrier:
            kind_bonus = weights.barrier_bonus;
            break;
        }
        const long long w = weight[l];
        // Part counts for the subtree that keep both sides feasible, else the proportional one.
        const int lo_allowed = std::max(1, request.min_side_parts);
        const int hi_allowed = k - lo_allowed;
        const long long lo_fit = std::max<long long>(
            {lo_allowed, (w + request.bounds.max - 1) / request.bounds.max,
             k - (request.bounds.min > 0 ? (total - w) / request.bounds.min : k)});
        const long long hi_fit = std::min<long long>(
            {hi_allowed, request.bounds.min > 0 ? w / request.bounds.min : hi_allowed,
             k - (total - w + request.bounds.max - 1) / request.bounds.max});
        const long long proportional =
            std::llround(static_cast<double>(w) * k / std::max<long long>(1, total));
        const long long sub_parts =
            lo_fit <= hi_fit ? std::clamp(proportional, lo_fit, hi_fit)
                             : std::clamp<long long>(proportional, lo_allowed, hi_allowed);
        CutCandidate c;
        c.tree = tree_index;
        c.node = l;
        c.subtree_parts = static_cast<int>(sub_parts);
        c.subtree_weight = w;
        c.violation = outside(w, c.subtree_parts, request.bounds) +
                      outside(total - w, k - c.subtree_parts, request.bounds);
        const double side_mean = static_cast<double>(w) / c.subtree_parts;
        const double rest_mean = static_cast<double>(total - w) / (k - c.subtree_parts);
        c.score =
            weights.balance * (std::abs(side_mean - mean) + std::abs(rest_mean - mean)) / mean +
            weights.compactness * split_inertia / whole - kind_bonus;
        c.key = key[l] ^ splitMix64(static_cast<std::uint64_t>(c.subtree_parts));
        out.push_back(c);
    }
}

std::vector<int> subtreeUnits(const NodeSet& set, const RootedTree& tree, int node)
{
    const int from = tree.position[node];
    std::vector<int> units;
    units.reserve(tree.size[node]);
    for (int i = from; i < from + tree.size[node]; ++i)
    {
        units.push_back(set.global(tree.preorder[i]));
    }
    std::sort(units.begin(), units.end());
    return units;
}

} // namespace gp::partition
