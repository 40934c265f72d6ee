#include "core/config.hpp"
#include "improve/detached.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

Polygon box(double x0, double y0, double x1, double y1)
{
    Polygon p;
    bg::append(p.outer(), Point(x0, y0));
    bg::append(p.outer(), Point(x0, y1));
    bg::append(p.outer(), Point(x1, y1));
    bg::append(p.outer(), Point(x1, y0));
    bg::append(p.outer(), Point(x0, y0));
    bg::correct(p);
    return p;
}

Building home(double x, double y, int households)
{
    Building b;
    b.anchor = Point(x, y);
    b.households = households;
    b.community = 0;
    return b;
}

// Grid 0: a body west of x = 100 and a 10 x 10 m piece inside grid 1's land (x 150..160) holding
// one building; grid 1 is the square east of x = 100 with that piece cut out.
Plan detachedScene(int east_households, int piece_households)
{
    Plan plan;
    plan.communities.push_back({"C1", "", MultiPolygon{box(0, 0, 200, 100)}, -1, {}});
    plan.buildings = {home(50, 50, 400 - piece_households), home(155, 5, piece_households),
                      home(150, 60, east_households)};
    Grid west, east;
    west.community = east.community = 0;
    west.buildings = {0, 1};
    west.households = 400;
    west.area = MultiPolygon{box(0, 0, 100, 100), box(150, 0, 160, 10)};
    east.buildings = {2};
    east.households = east_households;
    Polygon notched; // the square east of x = 100 with the piece's 10 x 10 m notch
    for (const auto& [x, y] : {std::pair{100.0, 0.0},
                               {100.0, 100.0},
                               {200.0, 100.0},
                               {200.0, 0.0},
                               {160.0, 0.0},
                               {160.0, 10.0},
                               {150.0, 10.0},
                               {150.0, 0.0},
                               {100.0, 0.0}})
        bg::append(notched.outer(), Point(x, y));
    east.area = MultiPolygon{notched};
    plan.grids = {west, east};
    plan.buildings[0].grid = plan.buildings[1].grid = 0;
    plan.buildings[2].grid = 1;
    return plan;
}

} // namespace

TEST_CASE("a detached piece goes to the neighbour around it when bounds allow",
          "[improve][detached]")
{
    improve::DetachedOptions config; // bounds 300..500
    auto plan = detachedScene(350, 20);
    const auto repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 1);
    CHECK(repair.households_moved == 20);
    CHECK(repair.pieces_kept == 0);
    REQUIRE(repair.communities_changed.size() == 1);
    CHECK(repair.communities_changed[0] == 1);
    CHECK(plan.buildings[1].grid == 1);
    CHECK(plan.grids[0].households == 380);
    CHECK(plan.grids[1].households == 370);
    CHECK(plan.grids[0].buildings == std::vector<int>{0});
    CHECK(plan.grids[1].buildings == std::vector<int>{1, 2});
}

TEST_CASE("a detached piece stays when the neighbour would leave the bounds", "[improve][detached]")
{
    improve::DetachedOptions config;
    auto plan = detachedScene(490, 20);
    const auto repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 0);
    CHECK(repair.pieces_kept == 1);
    CHECK(repair.communities_changed[0] == 0);
    CHECK(plan.buildings[1].grid == 0);
    CHECK(plan.grids[0].households == 400);
}

TEST_CASE("a detached piece never splits a compound further", "[improve][detached]")
{
    improve::DetachedOptions config;
    auto plan = detachedScene(350, 20);
    plan.buildings[0].compound = plan.buildings[1].compound = 0;
    const auto repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 0);
    CHECK(plan.buildings[1].grid == 0);
}

TEST_CASE("with streets, a detached piece never splits a street block that fits one grid",
          "[improve][detached]")
{
    improve::DetachedOptions config;
    auto plan = detachedScene(350, 20);
    plan.streets.push_back({});
    plan.streets.back().lines.push_back({Point(0, 120), Point(200, 120)});
    plan.street_blocks.resize(2);
    plan.street_blocks[0].households = 400; // the piece's building shares block 0 with the body
    plan.street_blocks[1].households = 350;
    plan.buildings[0].street_block = plan.buildings[1].street_block = 0;
    plan.buildings[2].street_block = 1;
    auto repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 0);
    CHECK(repair.pieces_kept_whole == 1);
    CHECK(plan.buildings[1].grid == 0);

    // A block too large for one grid may be divided: the piece moves.
    plan.street_blocks[0].households = 520;
    repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 1);
    CHECK(plan.buildings[1].grid == 1);
}

TEST_CASE("a detached piece never adds a barrier crossing to the grid taking it",
          "[improve][detached]")
{
    improve::DetachedOptions config;
    auto plan = detachedScene(350, 20);
    plan.buildings[0].region = plan.buildings[1].region = 0; // the piece lies west of a river
    plan.buildings[2].region = 1;
    auto repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 0);
    CHECK(repair.pieces_kept == 1);
    CHECK(plan.buildings[1].grid == 0);

    plan.buildings[2].region = 0; // the neighbour is on the same side: the piece moves
    repair = improve::reassignDetachedPieces(plan, config);
    CHECK(repair.pieces_moved == 1);
    CHECK(plan.buildings[1].grid == 1);
}
