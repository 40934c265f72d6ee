#include "partition/adjacency.hpp"
#include "partition/ejection.hpp"
#include "partition/repair.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <vector>

using gp::partition::Adjacency;
using gp::partition::Bounds;
using gp::partition::UnitGraph;

namespace
{

void checkAllWithin(const UnitGraph& g, const std::vector<int>& part_of, int parts, const Bounds& b)
{
    for (long long w : gp::test::partWeights(g, part_of, parts))
    {
        CHECK(w >= b.min);
        CHECK(w <= b.max);
    }
    CHECK(gp::test::partsContiguous(g, part_of, parts));
}

} // namespace

TEST_CASE("a pull chain passes a unit through a part at its minimum", "[partition][repair]")
{
    // A path of ten units of 100, bounds 300-500: [0,1] 200 (short), [2..4] 300 (at min),
    // [5..9] 500. No single move helps: part 1 cannot give, part 2 is not next to part 0.
    const UnitGraph g = gp::test::pathGraph(10, 100);
    const Bounds bounds{300, 500, 400};
    std::vector<int> part_of = {0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
    const std::vector<char> frozen(3, 0);
    std::vector<int> single = part_of;
    CHECK(gp::partition::repairBounds(g, Adjacency(g), bounds, single, 3, frozen) == 0);
    CHECK(single == part_of);

    CHECK(gp::partition::repairByChains(g, Adjacency(g), bounds, part_of, 3, frozen) == 1);
    CHECK(part_of == std::vector<int>{0, 0, 0, 1, 1, 1, 2, 2, 2, 2});
    checkAllWithin(g, part_of, 3, bounds);
}

TEST_CASE("a push chain carries a surplus through a part at its maximum", "[partition][repair]")
{
    // [0..5] 600 (over), [6..10] 500 (at max), [11..13] 300: the surplus moves two parts on.
    const UnitGraph g = gp::test::pathGraph(14, 100);
    const Bounds bounds{300, 500, 400};
    std::vector<int> part_of = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
    const std::vector<char> frozen(3, 0);
    std::vector<int> single = part_of;
    CHECK(gp::partition::repairBounds(g, Adjacency(g), bounds, single, 3, frozen) == 0);
    CHECK(gp::partition::repairByChains(g, Adjacency(g), bounds, part_of, 3, frozen) == 1);
    checkAllWithin(g, part_of, 3, bounds);
    const auto w = gp::test::partWeights(g, part_of, 3);
    CHECK(w == std::vector<long long>{500, 500, 400});
}

TEST_CASE("a chain that closes on its start swaps two units", "[partition][repair]")
{
    // A 2x2 grid: part 0 = {0: 190, 1: 100} holds 290, part 1 = {2: 250, 3: 250} holds 500.
    // Any single move overshoots (540 / 250, or 190 / 600); swapping units 1 and 2 gives 440 / 350.
    const UnitGraph g =
        gp::test::gridGraph(2, 2, [](int r, int c) { return r == 0 ? (c == 0 ? 190 : 100) : 250; });
    const Bounds bounds{300, 500, 400};
    std::vector<int> part_of = {0, 0, 1, 1};
    const std::vector<char> frozen(2, 0);
    std::vector<int> single = part_of;
    CHECK(gp::partition::repairBounds(g, Adjacency(g), bounds, single, 2, frozen) == 0);
    CHECK(gp::partition::repairByChains(g, Adjacency(g), bounds, part_of, 2, frozen) == 1);
    CHECK(part_of == std::vector<int>{0, 1, 0, 1});
    checkAllWithin(g, part_of, 2, bounds);
}

TEST_CASE("chains leave frozen parts and give up when nothing helps", "[partition][repair]")
{
    // [0,1] 200 short, [2..4] 300 frozen between it and [5..9]: no chain may pass a frozen part.
    const UnitGraph g = gp::test::pathGraph(10, 100);
    const Bounds bounds{300, 500, 400};
    std::vector<int> part_of = {0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
    const std::vector<int> before = part_of;
    CHECK(gp::partition::repairByChains(g, Adjacency(g), bounds, part_of, 3, {0, 1, 0}) == 0);
    CHECK(part_of == before);
}

TEST_CASE("chains never split a part", "[partition][repair]")
{
    // A star: hub 0 (200) with leaves of 100. Part 0 = hub + 1 leaf (300), part 1 = one leaf
    // (100, short), the other leaves in part 2 (via hub? no: leaves only touch the hub). Every
    // chain would have to move the hub, which disconnects its part: nothing may change.
    UnitGraph g = gp::test::starGraph(4, 200, 100);
    const Bounds bounds{300, 500, 400};
    std::vector<int> part_of = {0, 0, 1, 0, 0}; // part 0: hub + leaves 1,3,4 (500); part 1: leaf 2
    const std::vector<int> before = part_of;
    gp::partition::repairByChains(g, Adjacency(g), bounds, part_of, 2, {0, 0});
    CHECK(gp::test::partsContiguous(g, part_of, 2));
    CHECK(part_of == before);
}
