#include "improve/improve.hpp"
#include "partition/partition.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <vector>

using gp::improve::compactness;
using gp::improve::improvePartition;
using gp::improve::ImproveStats;
using gp::partition::Bounds;
using gp::partition::EdgeKind;
using gp::partition::UnitGraph;

namespace
{

const Bounds kBounds{300, 500, 400};

bool withinBounds(const UnitGraph& g, const std::vector<int>& part_of, int parts)
{
    for (long long w : gp::test::partWeights(g, part_of, parts))
    {
        if (w < kBounds.min || w > kBounds.max)
        {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("improving a partition keeps bounds and contiguity and never raises the objective",
          "[improve]")
{
    for (std::uint64_t seed = 1; seed <= 10; ++seed)
    {
        CAPTURE(seed);
        const UnitGraph g =
            gp::test::gridGraph(16, 16, gp::test::hashedWeights(seed, 1, 30, 16), true, 10.0);
        auto result = gp::partition::partitionGraph(g, kBounds, 1);
        REQUIRE(withinBounds(g, result.part_of, result.parts));
        std::vector<int> part_of = result.part_of;
        const ImproveStats stats = improvePartition(g, kBounds, part_of, result.parts);
        // (cut links, inertia) never rises lexicographically.
        CHECK(stats.cut_edges_after <= stats.cut_edges_before);
        if (stats.cut_edges_after == stats.cut_edges_before)
            CHECK(stats.objective_after <= stats.objective_before);
        CHECK(stats.cut_edges_before == gp::improve::cutEdges(g, result.part_of));
        CHECK(stats.cut_edges_after == gp::improve::cutEdges(g, part_of));
        CHECK(stats.objective_before == Approx(compactness(g, result.part_of, result.parts)));
        CHECK(stats.objective_after == Approx(compactness(g, part_of, result.parts)));
        CHECK(withinBounds(g, part_of, result.parts));
        CHECK(gp::test::partsContiguous(g, part_of, result.parts));
        CHECK(stats.passes >= 1);
    }
}

TEST_CASE("a stringy partition becomes more compact", "[improve]")
{
    // 8x8 grid of 12 households split into left and right halves whose boundary interlocks like
    // fingers: even rows give part 0 six columns, odd rows two (32 units, 384 households each).
    const UnitGraph g = gp::test::gridGraph(8, 8, [](int, int) { return 12; });
    std::vector<int> part_of(64);
    for (int u = 0; u < 64; ++u)
    {
        const int r = u / 8;
        const int c = u % 8;
        part_of[u] = c < (r % 2 == 0 ? 6 : 2) ? 0 : 1;
    }
    REQUIRE(gp::test::partsContiguous(g, part_of, 2));
    const ImproveStats stats = improvePartition(g, kBounds, part_of, 2);
    INFO("moves " << stats.moves << ", objective " << stats.objective_before << " -> "
                  << stats.objective_after);
    CHECK(stats.moves > 0);
    CHECK(stats.objective_after < 0.8 * stats.objective_before);
    CHECK(stats.cut_edges_after == 8); // one straight cut through 8 rows
    // Single moves reach the optimum here: two straight 4x8 halves.
    for (int u = 0; u < 64; ++u)
    {
        CHECK(part_of[u] == (u % 8 < 4 ? 0 : 1));
    }
    CHECK(withinBounds(g, part_of, 2));
    CHECK(gp::test::partsContiguous(g, part_of, 2));
}

TEST_CASE("a snake-shaped part is straightened", "[improve]")
{
    // 6x6 grid of 20 (720): part 0 is a comb that winds through part 1.
    const UnitGraph g = gp::test::gridGraph(6, 6, [](int, int) { return 20; });
    std::vector<int> part_of(36, 1);
    for (int r = 0; r < 6; ++r)
    {
        part_of[r * 6] = 0; // the comb's spine: column 0
    }
    for (int c = 1; c < 6; ++c)
    {
        part_of[0 * 6 + c] = 0; // teeth along rows 0, 2, 4
        part_of[2 * 6 + c] = 0;
        part_of[4 * 6 + c] = 0;
    }
    // part 0 has 21 units (420), part 1 has 15 (300) and is itself split into three rows, so it
    // is not contiguous; the contiguity test only demands that improve never makes it worse.
    const ImproveStats stats = improvePartition(g, kBounds, part_of, 2);
    CHECK(stats.cut_edges_after < stats.cut_edges_before);
    CHECK(withinBounds(g, part_of, 2));
}

TEST_CASE("improve never pulls a barrier or compound edge inside a part", "[improve]")
{
    auto kind = [](int r1, int c1, int r2, int c2)
    {
        if ((c1 <= 4) != (c2 <= 4))
        {
            return EdgeKind::CrossesBarrier;
        }
        return (r1 <= 2) != (r2 <= 2) ? EdgeKind::CrossesCompound : EdgeKind::Open;
    };
    const UnitGraph g = gp::test::gridGraph(
        6, 10, [](int, int) { return 20; }, true, 10.0, kind);
    const auto result = gp::partition::partitionGraph(g, kBounds, 1);
    std::vector<int> part_of = result.part_of;
    const int barrier_before = gp::test::interiorEdges(g, part_of, EdgeKind::CrossesBarrier);
    const int compound_before = gp::test::interiorEdges(g, part_of, EdgeKind::CrossesCompound);
    improvePartition(g, kBounds, part_of, result.parts);
    CHECK(gp::test::interiorEdges(g, part_of, EdgeKind::CrossesBarrier) <= barrier_before);
    CHECK(gp::test::interiorEdges(g, part_of, EdgeKind::CrossesCompound) <= compound_before);
    CHECK(gp::test::partsContiguous(g, part_of, result.parts));
}

TEST_CASE("parts outside the bounds are left alone", "[improve]")
{
    // A tower of 620 in a grid: its part is a violation and must stay exactly as it is.
    const UnitGraph g =
        gp::test::gridGraph(8, 8, [](int r, int c) { return r == 3 && c == 4 ? 620 : 15; });
    auto result = gp::partition::partitionGraph(g, kBounds, 1);
    const int tower = 3 * 8 + 4;
    improvePartition(g, kBounds, result);
    CHECK(std::count(result.part_of.begin(), result.part_of.end(), result.part_of[tower]) == 1);
    REQUIRE(result.violations.size() == 1);
    CHECK(result.violations[0].part == result.part_of[tower]);
    // The PartitionResult overload renumbers parts by their lowest unit.
    int next = 0;
    for (int p : result.part_of)
    {
        if (p == next)
        {
            ++next;
        }
        CHECK(p < next);
    }
}

TEST_CASE("improve is deterministic and validates its input", "[improve]")
{
    const UnitGraph g = gp::test::gridGraph(12, 12, gp::test::hashedWeights(3, 1, 30, 12), true);
    const auto result = gp::partition::partitionGraph(g, kBounds, 1);
    std::vector<int> a = result.part_of;
    std::vector<int> b = result.part_of;
    improvePartition(g, kBounds, a, result.parts);
    improvePartition(g, kBounds, b, result.parts);
    CHECK(a == b);
    std::vector<int> bad(g.units.size(), result.parts);
    CHECK_THROWS_AS(improvePartition(g, kBounds, bad, result.parts), std::invalid_argument);
}
