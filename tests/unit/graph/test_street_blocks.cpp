// Street blocks as partition units and barrier regions (issue 13): a block that fits in one grid
// becomes one unit; links between barrier regions that can each form grids are never made.
#include "core/plan_check.hpp"
#include "graph/blocks.hpp"
#include "graph/community_graph.hpp"

#include <catch2/catch.hpp>

namespace
{

gp::MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    gp::MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    return mp;
}

// West and east rows of n buildings of hh households, split at x = 200 by `line` as a street
// (or a barrier).
gp::Plan twoSides(int n, int hh, bool street)
{
    gp::Plan plan;
    gp::Community community;
    community.id = "C1";
    community.area = rect(0, 0, 400, 200);
    plan.communities.push_back(community);
    gp::Barrier line;
    line.lines.push_back({{200, -10}, {200, 210}});
    (street ? plan.streets : plan.barriers).push_back(line);
    for (int i = 0; i < 2 * n; ++i)
    {
        gp::Building b;
        b.id = (i < n ? "W" : "E") + std::to_string(i % n);
        const double x = (i < n ? 20 : 220) + 40.0 * ((i % n) % 4);
        const double y = 20 + 40.0 * ((i % n) / 4);
        b.footprint = rect(x, y, x + 10, y + 10);
        b.anchor = gp::Point(x + 5, y + 5);
        b.households = hh;
        b.community = 0;
        plan.buildings.push_back(b);
    }
    return plan;
}

} // namespace

TEST_CASE("a street block that fits in one grid is one unit", "[streets][graph]")
{
    auto plan = twoSides(4, 50, true);
    gp::graph::inferBlocks(plan);
    REQUIRE(plan.street_blocks.size() == 2);
    const auto graphs = gp::graph::buildCommunityGraphs(plan, 500);
    REQUIRE(graphs.size() == 1);
    REQUIRE(graphs[0].graph.units.size() == 2);
    CHECK(graphs[0].graph.units[0].weight == 200);
    CHECK(graphs[0].graph.units[1].weight == 200);
    REQUIRE(graphs[0].graph.edges.size() == 1);
    CHECK(graphs[0].graph.edges[0].kind == gp::partition::EdgeKind::CrossesCompound);
}

TEST_CASE("a street block over max stays divisible", "[streets][graph]")
{
    auto plan = twoSides(12, 50, true); // 600 households a side
    gp::graph::inferBlocks(plan);
    const auto graphs = gp::graph::buildCommunityGraphs(plan, 500);
    CHECK(graphs[0].graph.units.size() == 24);
}

TEST_CASE("barrier regions: links only where a side cannot stand alone", "[streets][graph]")
{
    CHECK(gp::graph::fitsSomeGridCount(400, 300, 500));
    CHECK(!gp::graph::fitsSomeGridCount(200, 300, 500));
    CHECK(!gp::graph::fitsSomeGridCount(520, 300, 500)); // 1 grid too many, 2 grids too few
    CHECK(gp::graph::fitsSomeGridCount(600, 300, 500));

    auto plan = twoSides(8, 50, false); // 400 a side: both stand alone
    gp::graph::inferBarrierRegions(plan, 300, 500);
    REQUIRE(plan.regions.size() == 2);
    CHECK(plan.regions[0].self_sufficient);
    CHECK(plan.regions[1].self_sufficient);
    auto graphs = gp::graph::buildCommunityGraphs(plan, 500);
    for (const auto& e : graphs[0].graph.edges)
        CHECK(plan.buildings[static_cast<std::size_t>(
                                 graphs[0].unit_buildings[static_cast<std::size_t>(e.a)][0])]
                  .id[0] ==
              plan.buildings[static_cast<std::size_t>(
                                 graphs[0].unit_buildings[static_cast<std::size_t>(e.b)][0])]
                  .id[0]);

    auto small = twoSides(4, 50, false); // 200 a side: the crossing is forced, the link is kept
    gp::graph::inferBarrierRegions(small, 300, 500);
    CHECK(!small.regions[0].self_sufficient);
    graphs = gp::graph::buildCommunityGraphs(small, 500);
    int across = 0;
    for (const auto& e : graphs[0].graph.edges)
        across += e.kind == gp::partition::EdgeKind::CrossesBarrier;
    CHECK(across > 0);
}

TEST_CASE("a folded shop moves to the grid holding its street block, totals with it",
          "[streets][graph]")
{
    auto plan = twoSides(4, 50, true); // W0..W3 west, E0..E3 east of the street
    gp::Building shop;
    shop.id = "S";
    shop.use = gp::BuildingUse::Commercial;
    shop.community = 0;
    shop.footprint = rect(300, 150, 320, 170);
    shop.anchor = gp::Point(310, 160); // east block
    shop.area_m2 = 400.0;
    shop.floors = 2.0;
    plan.buildings.push_back(shop);
    gp::graph::inferBlocks(plan);
    REQUIRE(plan.street_blocks.size() == 2);
    plan.grids.resize(2);
    for (auto& g : plan.grids)
        g.community = 0;
    for (int b = 0; b < 8; ++b)
        gp::assignBuilding(plan, b, b < 4 ? 0 : 1);
    const gp::DedicatedConfig config;
    gp::foldBuilding(plan, 8, 0, 800.0); // folded into the west grid
    REQUIRE(gp::checkPlan(plan).empty());

    CHECK(gp::graph::foldIntoBlockGrids(plan, config) == 1);
    CHECK(plan.buildings[8].grid == 1);
    CHECK(plan.grids[0].folded_buildings == 0);
    CHECK(plan.grids[0].folded_floor_area_m2 == 0.0);
    CHECK(plan.grids[1].folded_buildings == 1);
    CHECK(plan.grids[1].folded_floor_area_m2 == 800.0);
    CHECK(plan.grids[0].buildings == std::vector<int>{0, 1, 2, 3});
    CHECK(plan.grids[1].buildings == std::vector<int>{4, 5, 6, 7, 8});
    CHECK(gp::checkPlan(plan).empty());
    CHECK(gp::graph::foldIntoBlockGrids(plan, config) == 0); // already there
}
