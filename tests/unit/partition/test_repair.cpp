#include "partition/adjacency.hpp"
#include "partition/repair.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <vector>

using gp::partition::Adjacency;
using gp::partition::Bounds;
using gp::partition::UnitGraph;

TEST_CASE("repair moves boundary units until parts meet the bounds", "[partition]")
{
    // 6x4 grid of 25 (600): part 0 holds 22 units (550), part 1 the last two (50).
    const UnitGraph g = gp::test::gridGraph(6, 4, [](int, int) { return 25; });
    std::vector<int> part_of(24, 0);
    part_of[22] = part_of[23] = 1;
    const Bounds bounds{250, 350, 300};
    const int moves = gp::partition::repairBounds(g, Adjacency(g), bounds, part_of, 2, {0, 0});
    CHECK(moves == 8);
    for (long long w : gp::test::partWeights(g, part_of, 2))
    {
        CHECK(w >= bounds.min);
        CHECK(w <= bounds.max);
    }
    CHECK(gp::test::partsContiguous(g, part_of, 2));
}

TEST_CASE("repair leaves frozen parts and within-bounds parts intact", "[partition]")
{
    // A path of 12 units of 50: parts [0..3] 200 (under), [4..9] 300, [10..11] 100 (frozen).
    const UnitGraph g = gp::test::pathGraph(12, 50);
    std::vector<int> part_of = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2};
    const Bounds bounds{250, 350, 300};
    const std::vector<int> before = part_of;
    gp::partition::repairBounds(g, Adjacency(g), bounds, part_of, 3, {0, 0, 1});
    // Part 1 has 300 and may give only 50 without leaving the bounds: it gives unit 4.
    CHECK(part_of[4] == 0);
    CHECK(part_of[10] == 2);
    CHECK(part_of[11] == 2);
    const auto w = gp::test::partWeights(g, part_of, 3);
    CHECK(w[0] == 250);
    CHECK(w[1] == 250);
    CHECK(w[2] == 100);
}
