// Unit graphs built in code for the partition and improve tests (after OSRM's graph_generator),
// plus checks that every test needs: part weights, contiguity, interior barrier edges.
#pragma once

#include "partition/unit_graph.hpp"

#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <vector>

namespace gp::test
{

// rows x cols units `spacing` metres apart, unit index r * cols + c, 4-neighbour edges (and the
// two diagonals of every cell when `diagonals`). `kind` may mark edges (default Open).
inline partition::UnitGraph
gridGraph(int rows, int cols, const std::function<int(int, int)>& weight, bool diagonals = false,
          double spacing = 10.0,
          const std::function<partition::EdgeKind(int, int, int, int)>& kind = nullptr)
{
    partition::UnitGraph g;
    for (int r = 0; r < rows; ++r)
    {
        for (int c = 0; c < cols; ++c)
        {
            g.units.push_back({c * spacing, r * spacing, weight(r, c)});
        }
    }
    auto link = [&](int r1, int c1, int r2, int c2)
    {
        const int a = r1 * cols + c1;
        const int b = r2 * cols + c2;
        const double len = std::hypot(g.units[a].x - g.units[b].x, g.units[a].y - g.units[b].y);
        g.edges.push_back({a, b, len, kind ? kind(r1, c1, r2, c2) : partition::EdgeKind::Open});
    };
    for (int r = 0; r < rows; ++r)
    {
        for (int c = 0; c < cols; ++c)
        {
            if (c + 1 < cols)
            {
                link(r, c, r, c + 1);
            }
            if (r + 1 < rows)
            {
                link(r, c, r + 1, c);
            }
            if (diagonals && r + 1 < rows && c + 1 < cols)
            {
                link(r, c, r + 1, c + 1);
                link(r, c + 1, r + 1, c);
            }
        }
    }
    return g;
}

inline partition::UnitGraph pathGraph(int n, int weight)
{
    return gridGraph(1, n, [weight](int, int) { return weight; });
}

// Unit 0 is the hub; leaves 1..leaves around it, each linked only to the hub.
inline partition::UnitGraph starGraph(int leaves, int hub_weight, int leaf_weight)
{
    partition::UnitGraph g;
    g.units.push_back({0.0, 0.0, hub_weight});
    for (int i = 0; i < leaves; ++i)
    {
        const double angle = 2.0 * std::numbers::pi * i / leaves;
        g.units.push_back({50.0 * std::cos(angle), 50.0 * std::sin(angle), leaf_weight});
        g.edges.push_back({0, i + 1, 50.0, partition::EdgeKind::Open});
    }
    return g;
}

// Deterministic weights in [lo, hi] from a seed (no std:: distributions: portable).
inline std::function<int(int, int)> hashedWeights(std::uint64_t seed, int lo, int hi, int cols)
{
    return [=](int r, int c)
    {
        std::uint64_t x = seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(r * cols + c);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
        x ^= x >> 31;
        return lo + static_cast<int>(x % static_cast<std::uint64_t>(hi - lo + 1));
    };
}

inline std::vector<long long> partWeights(const partition::UnitGraph& g,
                                          const std::vector<int>& part_of, int parts)
{
    std::vector<long long> w(parts, 0);
    for (std::size_t u = 0; u < g.units.size(); ++u)
    {
        w[part_of[u]] += g.units[u].weight;
    }
    return w;
}

// True when every part is non-empty and connected through edges inside the part.
inline bool partsContiguous(const partition::UnitGraph& g, const std::vector<int>& part_of,
                            int parts)
{
    const int n = static_cast<int>(g.units.size());
    std::vector<std::vector<int>> adj(n);
    for (const auto& e : g.edges)
    {
        adj[e.a].push_back(e.b);
        adj[e.b].push_back(e.a);
    }
    std::vector<int> seen(n, 0);
    std::vector<int> components(parts, 0);
    for (int s = 0; s < n; ++s)
    {
        if (seen[s])
        {
            continue;
        }
        ++components[part_of[s]];
        std::vector<int> stack{s};
        seen[s] = 1;
        while (!stack.empty())
        {
            const int u = stack.back();
            stack.pop_back();
            for (int v : adj[u])
            {
                if (!seen[v] && part_of[v] == part_of[u])
                {
                    seen[v] = 1;
                    stack.push_back(v);
                }
            }
        }
    }
    for (int c : components)
    {
        if (c != 1)
        {
            return false;
        }
    }
    return true;
}

inline int interiorEdges(const partition::UnitGraph& g, const std::vector<int>& part_of,
                         partition::EdgeKind kind)
{
    int count = 0;
    for (const auto& e : g.edges)
    {
        count += e.kind == kind && part_of[e.a] == part_of[e.b];
    }
    return count;
}

} // namespace gp::test
