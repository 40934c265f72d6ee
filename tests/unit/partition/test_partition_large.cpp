#include "partition/partition.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using gp::partition::Bounds;
using gp::partition::EdgeKind;
using gp::partition::UnitGraph;

namespace
{

// A planar-ish community of rows x cols buildings: jittered grid positions, triangulated cells,
// a road every 17 columns and every 13 rows (links across it cross a barrier), compounds of
// 6x6 buildings.
UnitGraph jitteredCommunity(int rows, int cols, std::uint64_t seed)
{
    auto kind = [](int r1, int c1, int r2, int c2)
    {
        if (c1 / 17 != c2 / 17 || r1 / 13 != r2 / 13)
        {
            return EdgeKind::CrossesBarrier;
        }
        if (c1 / 6 != c2 / 6 || r1 / 6 != r2 / 6)
        {
            return EdgeKind::CrossesCompound;
        }
        return EdgeKind::Open;
    };
    UnitGraph g = gp::test::gridGraph(rows, cols, gp::test::hashedWeights(seed, 1, 30, cols), true,
                                      15.0, kind);
    const auto jitter = gp::test::hashedWeights(seed + 99, -40, 40, cols);
    for (int r = 0; r < rows; ++r)
    {
        for (int c = 0; c < cols; ++c)
        {
            auto& u = g.units[r * cols + c];
            u.x += jitter(r, c) * 0.1;
            u.y += jitter(c + 1000, r) * 0.1;
        }
    }
    for (auto& e : g.edges)
    {
        e.length = std::hypot(g.units[e.a].x - g.units[e.b].x, g.units[e.a].y - g.units[e.b].y);
    }
    return g;
}

} // namespace

TEST_CASE("a 5,000-unit community is partitioned within bounds", "[partition]")
{
    const Bounds bounds{300, 500, 400};
    const UnitGraph g = jitteredCommunity(50, 100, 42);
    const auto r = gp::partition::partitionGraph(g, bounds, 1);
    REQUIRE(r.part_of.size() == g.units.size());
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    CHECK(r.violations.empty());
    long long total = 0;
    for (const auto& u : g.units)
    {
        total += u.weight;
    }
    const auto w = gp::test::partWeights(g, r.part_of, r.parts);
    int outside = 0;
    for (long long x : w)
    {
        outside += x < bounds.min || x > bounds.max;
    }
    CHECK(outside == 0);
    // Roads split the community into blocks of 13x17 buildings (about 3,400 households), so
    // only a small share of the road links should end up inside a part.
    int barrier_edges = 0;
    for (const auto& e : g.edges)
    {
        barrier_edges += e.kind == EdgeKind::CrossesBarrier;
    }
    const int inside = gp::test::interiorEdges(g, r.part_of, EdgeKind::CrossesBarrier);
    INFO("parts " << r.parts << ", total " << total << ", barrier edges inside parts " << inside
                  << " of " << barrier_edges);
    CHECK(inside * 10 < barrier_edges);
}
