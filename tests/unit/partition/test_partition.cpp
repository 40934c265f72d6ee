#include "partition/partition.hpp"
#include "unit/partition/graph_builder.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <string>

using gp::partition::Bounds;
using gp::partition::EdgeKind;
using gp::partition::partitionGraph;
using gp::partition::PartitionResult;
using gp::partition::UnitGraph;
using gp::partition::ViolationCause;

namespace
{

// The invariants every result must satisfy, whatever the input.
void checkWellFormed(const UnitGraph& g, const PartitionResult& r)
{
    REQUIRE(r.part_of.size() == g.units.size());
    for (int p : r.part_of)
    {
        REQUIRE(p >= 0);
        REQUIRE(p < r.parts);
    }
    // Parts are numbered by their lowest unit.
    int next = 0;
    for (int p : r.part_of)
    {
        if (p == next)
        {
            ++next;
        }
        REQUIRE(p < next);
    }
    REQUIRE(next == r.parts);
    const auto w = gp::test::partWeights(g, r.part_of, r.parts);
    long long total = 0;
    for (const auto& u : g.units)
    {
        total += u.weight;
    }
    REQUIRE(std::accumulate(w.begin(), w.end(), 0LL) == total);
}

bool withinBounds(const UnitGraph& g, const PartitionResult& r, const Bounds& b)
{
    for (long long w : gp::test::partWeights(g, r.part_of, r.parts))
    {
        if (w < b.min || w > b.max)
        {
            return false;
        }
    }
    return true;
}

const Bounds kBounds{300, 500, 400};

} // namespace

TEST_CASE("4x4 grid of 100-household units gives four parts of 400", "[partition]")
{
    const UnitGraph g = gp::test::gridGraph(4, 4, [](int, int) { return 100; });
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    REQUIRE(r.parts == 4);
    for (long long w : gp::test::partWeights(g, r.part_of, r.parts))
    {
        CHECK(w == 400);
    }
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    CHECK(r.violations.empty());
}

TEST_CASE("10x10 grid with random weights stays within bounds", "[partition]")
{
    for (std::uint64_t seed = 1; seed <= 30; ++seed)
    {
        CAPTURE(seed);
        const UnitGraph g = gp::test::gridGraph(10, 10, gp::test::hashedWeights(seed, 1, 30, 10));
        const PartitionResult r = partitionGraph(g, kBounds, 7);
        checkWellFormed(g, r);
        CHECK(withinBounds(g, r, kBounds));
        CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
        CHECK(r.violations.empty());
    }
}

TEST_CASE("part count is the feasible one closest to W / target", "[partition]")
{
    // 1,800 households: counts 4..6 fit [300, 500]; 1800 / 400 = 4.5 rounds to 5 (360 each).
    const UnitGraph g = gp::test::gridGraph(6, 10, [](int, int) { return 30; });
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    CHECK(r.parts == 5);
    CHECK(withinBounds(g, r, kBounds));
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
}

TEST_CASE("a community below min is one part with CommunityTooSmall", "[partition]")
{
    const UnitGraph g = gp::test::gridGraph(3, 3, [](int, int) { return 20; });
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    REQUIRE(r.parts == 1);
    REQUIRE(r.violations.size() == 1);
    CHECK(r.violations[0].part == 0);
    CHECK(r.violations[0].cause == ViolationCause::CommunityTooSmall);
    CHECK(r.violations[0].detail == "community holds 180 households, below min 300");
}

TEST_CASE("a unit above max stands alone with UnitOverMax", "[partition]")
{
    // 8x8 grid of 15 households with a 620-household tower in the middle.
    const UnitGraph g =
        gp::test::gridGraph(8, 8, [](int r, int c) { return r == 3 && c == 4 ? 620 : 15; });
    const int tower = 3 * 8 + 4;
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    const int tower_part = r.part_of[tower];
    CHECK(std::count(r.part_of.begin(), r.part_of.end(), tower_part) == 1);
    REQUIRE(r.violations.size() == 1);
    CHECK(r.violations[0].part == tower_part);
    CHECK(r.violations[0].cause == ViolationCause::UnitOverMax);
    CHECK(r.violations[0].detail.find("620") != std::string::npos);
    const auto w = gp::test::partWeights(g, r.part_of, r.parts);
    for (int p = 0; p < r.parts; ++p)
    {
        if (p != tower_part)
        {
            CHECK(w[p] >= kBounds.min);
            CHECK(w[p] <= kBounds.max);
        }
    }
}

TEST_CASE("removing an over-max unit may cut the rest apart", "[partition]")
{
    // A path: 20 units of 20 | tower of 700 | 3 units of 20 (60, far below min).
    UnitGraph g = gp::test::pathGraph(24, 20);
    g.units[20].weight = 700;
    SECTION("a tiny remnant is folded into the tower's part")
    {
        const PartitionResult r = partitionGraph(g, kBounds, 1);
        checkWellFormed(g, r);
        CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
        CHECK(r.part_of[21] == r.part_of[20]);
        CHECK(r.part_of[23] == r.part_of[20]);
        CHECK(r.part_of[0] != r.part_of[20]);
        REQUIRE(r.violations.size() == 1);
        CHECK(r.violations[0].cause == ViolationCause::UnitOverMax);
        CHECK(r.violations[0].part == r.part_of[20]);
    }
    SECTION("a larger remnant becomes an isolated cluster")
    {
        for (int u = 21; u < 24; ++u)
        {
            g.units[u].weight = 80; // 240 >= min / 2
        }
        const PartitionResult r = partitionGraph(g, kBounds, 1);
        checkWellFormed(g, r);
        CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
        CHECK(std::count(r.part_of.begin(), r.part_of.end(), r.part_of[20]) == 1);
        REQUIRE(r.violations.size() == 2);
        CHECK(r.violations[0].cause == ViolationCause::UnitOverMax);
        CHECK(r.violations[1].cause == ViolationCause::IsolatedCluster);
        CHECK(r.violations[1].part == r.part_of[22]);
        CHECK(r.violations[1].detail.find("240 households") != std::string::npos);
    }
}

TEST_CASE("disconnected components are partitioned separately", "[partition]")
{
    // A 4x4 grid of 25 (400) plus, far away, a pair of units holding 100 and a lone empty unit.
    UnitGraph g = gp::test::gridGraph(4, 4, [](int, int) { return 25; });
    g.units.push_back({500.0, 0.0, 50});
    g.units.push_back({510.0, 0.0, 50});
    g.units.push_back({900.0, 0.0, 0});
    g.edges.push_back({16, 17, 10.0, EdgeKind::Open});
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    REQUIRE(r.parts == 3);
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    REQUIRE(r.violations.size() == 2);
    CHECK(r.violations[0].part == r.part_of[16]);
    CHECK(r.violations[0].cause == ViolationCause::IsolatedCluster);
    CHECK(r.violations[1].part == r.part_of[18]);
    CHECK(r.violations[1].cause == ViolationCause::IsolatedCluster);
}

TEST_CASE("a component no part count fits reports NoCountFits", "[partition]")
{
    // 550 households: one part is over max, two parts are under min.
    const UnitGraph g = gp::test::gridGraph(5, 11, [](int, int) { return 10; });
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    REQUIRE_FALSE(r.violations.empty());
    for (const auto& v : r.violations)
    {
        CHECK(v.cause == ViolationCause::NoCountFits);
        // 550 households: one grid needs max 550, two grids need min 275; the minimum is nearer.
        CHECK(v.advice == "lower the minimum to 275 (then 2 grids fit)");
    }
}

TEST_CASE("barrier edges become the cut between two clusters", "[partition]")
{
    // Two 5x4 blocks (420 and 380 households) side by side; every link across column 3|4 crosses
    // a road. The blocks are the same distance apart as units inside them.
    auto kind = [](int, int c1, int, int c2)
    { return (c1 <= 3) != (c2 <= 3) ? EdgeKind::CrossesBarrier : EdgeKind::Open; };
    for (bool diagonals : {false, true})
    {
        const UnitGraph g = gp::test::gridGraph(
            5, 8, [](int, int c) { return c <= 3 ? 21 : 19; }, diagonals, 10.0, kind);
        const PartitionResult r = partitionGraph(g, kBounds, 3);
        checkWellFormed(g, r);
        REQUIRE(r.parts == 2);
        CHECK(r.violations.empty());
        CHECK(gp::test::interiorEdges(g, r.part_of, EdgeKind::CrossesBarrier) == 0);
        for (int u = 0; u < static_cast<int>(g.units.size()); ++u)
        {
            CHECK(r.part_of[u] == (u % 8 <= 3 ? 0 : 1));
        }
    }
}

TEST_CASE("compound edges are preferred cuts", "[partition]")
{
    // 6x10 grid of 20 (1200, three parts); compounds are the left 3 columns (360) and the right
    // 7 (840). Parts of 360 + 2 x 420 fit both: the compound edge should be a part boundary.
    auto kind = [](int, int c1, int, int c2)
    { return (c1 <= 2) != (c2 <= 2) ? EdgeKind::CrossesCompound : EdgeKind::Open; };
    const UnitGraph g = gp::test::gridGraph(
        6, 10, [](int, int) { return 20; }, false, 10.0, kind);
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    CHECK(r.violations.empty());
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    CHECK(gp::test::interiorEdges(g, r.part_of, EdgeKind::CrossesCompound) == 0);
}

TEST_CASE("a path graph is cut into consecutive runs", "[partition]")
{
    const UnitGraph g = gp::test::pathGraph(40, 30); // 1200 -> 3 x 400
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    REQUIRE(r.parts == 3);
    CHECK(withinBounds(g, r, kBounds));
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    CHECK(std::is_sorted(r.part_of.begin(), r.part_of.end()));
}

TEST_CASE("a star graph", "[partition]")
{
    SECTION("within bounds: one part")
    {
        const UnitGraph g = gp::test::starGraph(30, 0, 15); // 450
        const PartitionResult r = partitionGraph(g, kBounds, 1);
        checkWellFormed(g, r);
        CHECK(r.parts == 1);
        CHECK(r.violations.empty());
    }
    SECTION("too heavy for one part, but leaves alone are too small")
    {
        const UnitGraph g = gp::test::starGraph(30, 10, 20); // 610: no contiguous split fits
        const PartitionResult r = partitionGraph(g, kBounds, 1);
        checkWellFormed(g, r);
        CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
        REQUIRE_FALSE(r.violations.empty());
        const auto w = gp::test::partWeights(g, r.part_of, r.parts);
        for (int p = 0; p < r.parts; ++p)
        {
            const bool flagged =
                std::any_of(r.violations.begin(), r.violations.end(),
                            [p](const auto& v)
                            { return v.part == p && v.cause == ViolationCause::ProvenInfeasible; });
            CHECK(flagged == (w[p] < kBounds.min || w[p] > kBounds.max));
        }
    }
}

TEST_CASE("partitioning is deterministic", "[partition]")
{
    const UnitGraph g =
        gp::test::gridGraph(20, 20, gp::test::hashedWeights(5, 1, 40, 20), true, 12.0);
    const PartitionResult a = partitionGraph(g, kBounds, 11);
    const PartitionResult b = partitionGraph(g, kBounds, 11);
    CHECK(a.part_of == b.part_of);
    CHECK(a.parts == b.parts);
    CHECK(a.violations.size() == b.violations.size());
    const PartitionResult c = partitionGraph(g, kBounds, 12);
    checkWellFormed(g, c);
    CHECK(withinBounds(g, c, kBounds));
    CHECK(gp::test::partsContiguous(g, c.part_of, c.parts));
}

TEST_CASE("zero-weight units still get a part", "[partition]")
{
    const UnitGraph g =
        gp::test::gridGraph(5, 5, [](int r, int c) { return (r + c) % 3 == 0 ? 0 : 25; });
    const PartitionResult r = partitionGraph(g, kBounds, 1);
    checkWellFormed(g, r);
    CHECK(withinBounds(g, r, kBounds));
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
}

TEST_CASE("empty graph and invalid bounds", "[partition]")
{
    const PartitionResult r = partitionGraph(UnitGraph{}, kBounds, 1);
    CHECK(r.parts == 0);
    CHECK(r.part_of.empty());
    const UnitGraph g = gp::test::pathGraph(3, 10);
    CHECK_THROWS_AS(partitionGraph(g, Bounds{500, 300, 400}, 1), gp::ConfigError);
}

TEST_CASE("violation causes have stable names", "[partition]")
{
    CHECK(std::string(toString(ViolationCause::CommunityTooSmall)) == "community_too_small");
    CHECK(std::string(toString(ViolationCause::UnitOverMax)) == "unit_over_max");
    CHECK(std::string(toString(ViolationCause::IsolatedCluster)) == "isolated_cluster");
    CHECK(std::string(toString(ViolationCause::NoCountFits)) == "no_count_fits");
    CHECK(std::string(toString(ViolationCause::ProvenInfeasible)) == "proven_infeasible");
    CHECK(std::string(toString(ViolationCause::NotFound)) == "not_found");
    for (auto c : {ViolationCause::CommunityTooSmall, ViolationCause::UnitOverMax,
                   ViolationCause::IsolatedCluster, ViolationCause::NoCountFits,
                   ViolationCause::ProvenInfeasible, ViolationCause::NotFound})
    {
        ViolationCause back = ViolationCause::NotFound;
        CHECK(gp::partition::causeFromString(toString(c), back));
        CHECK(back == c);
    }
    ViolationCause unchanged = ViolationCause::UnitOverMax;
    CHECK_FALSE(gp::partition::causeFromString("no_feasible_cut", unchanged));
    CHECK(unchanged == ViolationCause::UnitOverMax);
}
