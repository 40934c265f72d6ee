#include "improve/groups.hpp"
#include "partition/partition.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

using gp::partition::Bounds;

TEST_CASE("improve in groups of parts: same bytes on any thread count, bounds and contiguity kept",
          "[improve]")
{
    // 40 x 50 units of 10 households: 50 parts of 400, more than one group of 16.
    const auto g = gp::test::gridGraph(40, 50, gp::test::hashedWeights(9, 5, 15, 50));
    const Bounds bounds{300, 500, 400};
    const auto start = gp::partition::partitionGraph(g, bounds, 1);
    REQUIRE(start.parts > 16);
    auto one = start, four = start;
    const auto a = gp::improve::improveByGroups(g, bounds, one, {}, {16, 2, 1});
    const auto b = gp::improve::improveByGroups(g, bounds, four, {}, {16, 2, 4});
    CHECK(one.part_of == four.part_of);
    CHECK(a.moves == b.moves);
    CHECK(a.moves > 0);
    CHECK(a.cut_edges_after <= a.cut_edges_before);
    CHECK(gp::improve::cutEdges(g, one.part_of) == a.cut_edges_after);
    CHECK(gp::test::partsContiguous(g, one.part_of, one.parts));
    for (long long w : gp::test::partWeights(g, one.part_of, one.parts))
    {
        CHECK(w >= bounds.min);
        CHECK(w <= bounds.max);
    }
    // Parts stay numbered by their lowest unit.
    int next = 0;
    for (int p : one.part_of)
    {
        CHECK(p <= next);
        next = std::max(next, p + 1);
    }
}

TEST_CASE("improve in groups of a small community is plain improve", "[improve]")
{
    const auto g = gp::test::gridGraph(10, 10, gp::test::hashedWeights(4, 5, 15, 10));
    const Bounds bounds{300, 500, 400};
    const auto start = gp::partition::partitionGraph(g, bounds, 1);
    auto plain = start, grouped = start;
    gp::improve::improvePartition(g, bounds, plain);
    gp::improve::improveByGroups(g, bounds, grouped, {}, {48, 2, 2});
    CHECK(plain.part_of == grouped.part_of);
}
