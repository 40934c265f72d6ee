#include "core/config.hpp"
#include "geom/geos.hpp"
#include "improve/detached.hpp"
#include "pipeline/tile_plan.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>

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

// A polygon through the given corners (closed, first corner last).
Polygon ring(std::initializer_list<std::pair<double, double>> corners)
{
    Polygon p;
    for (const auto& [x, y] : corners)
        bg::append(p.outer(), Point(x, y));
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
    // The square east of x = 100 with the piece's 10 x 10 m notch.
    east.area = MultiPolygon{ring({{100, 0},
                                   {100, 100},
                                   {200, 100},
                                   {200, 0},
                                   {160, 0},
                                   {160, 10},
                                   {150, 10},
                                   {150, 0},
                                   {100, 0}})};
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
    REQUIRE(repair.moves.size() == 1); // the piece of grid 0 (community 0) went to grid 1
    CHECK(repair.moves[0].from == 0);
    CHECK(repair.moves[0].to == 1);
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
    CHECK(repair.moves.empty());
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

namespace
{

double areaOf(const MultiPolygon& a)
{
    return bg::area(a);
}

double geosArea(geom::GeosContext& ctx, const GEOSGeometry* g)
{
    double area = 0;
    GEOSArea_r(ctx.handle(), g, &area);
    return area;
}

double overlapArea(const MultiPolygon& a, const MultiPolygon& b)
{
    geom::GeosContext ctx;
    const geom::GeomPtr ga = geom::toGeos(ctx, a);
    const geom::GeomPtr gb = geom::toGeos(ctx, b);
    const geom::GeomPtr common =
        geom::checked(ctx, GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()), "intersection");
    return geosArea(ctx, common.get());
}

// The grids cover the community with no gap and no overlap (areas within 1e-6 relative), each
// grid polygon is valid with no empty part, and every building lies in its grid's polygon.
void checkCoverage(const Plan& plan)
{
    geom::GeosContext ctx;
    const auto h = ctx.handle();
    const geom::GeomPtr community = geom::toGeos(ctx, plan.communities[0].area);
    const double total = geosArea(ctx, community.get());
    std::vector<geom::GeomPtr> grids;
    for (const auto& grid : plan.grids)
    {
        for (const auto& part : grid.area)
            CHECK(bg::area(part) > 0);
        grids.push_back(geom::toGeos(ctx, grid.area));
        CHECK(GEOSisValid_r(h, grids.back().get()) == 1);
    }
    const geom::GeomPtr all = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(grids));
    const geom::GeomPtr uni = geom::checked(ctx, GEOSUnaryUnion_r(h, all.get()), "union");
    const geom::GeomPtr gap =
        geom::checked(ctx, GEOSSymDifference_r(h, uni.get(), community.get()), "sym");
    CHECK(std::abs(geosArea(ctx, uni.get()) - total) <= 1e-6 * total);
    CHECK(geosArea(ctx, gap.get()) <= 1e-6 * total);
    for (std::size_t i = 0; i < plan.grids.size(); ++i)
        for (std::size_t j = i + 1; j < plan.grids.size(); ++j)
            CHECK(overlapArea(plan.grids[i].area, plan.grids[j].area) <= 1e-6 * total);
    for (const auto& b : plan.buildings)
        CHECK(bg::covered_by(b.anchor, plan.grids[static_cast<std::size_t>(b.grid)].area));
}

} // namespace

TEST_CASE("a moved piece's land goes with its buildings: no gap, no overlap, no second tiling",
          "[improve][detached][tile]")
{
    improve::DetachedOptions config;
    auto plan = detachedScene(350, 20);
    checkCoverage(plan);
    const MultiPolygon piece{box(150, 0, 160, 10)};
    const double east_before = areaOf(plan.grids[1].area);
    const auto repair = improve::reassignDetachedPieces(plan, config);
    REQUIRE(repair.pieces_moved == 1);
    REQUIRE(repair.moves.size() == 1);
    CHECK(repair.moves[0].from == 0);
    CHECK(repair.moves[0].to == 1);
    CHECK(areaOf(MultiPolygon{repair.moves[0].piece}) == Approx(100));
    CHECK(plan.buildings[1].grid == 1);

    // Grid 0 keeps only its body; grid 1 gains the piece's land and closes its notch.
    REQUIRE(plan.grids[0].area.size() == 1);
    CHECK(areaOf(plan.grids[0].area) == Approx(100 * 100));
    CHECK(overlapArea(plan.grids[0].area, piece) <= 1e-9);
    REQUIRE(plan.grids[1].area.size() == 1);
    CHECK(plan.grids[1].area[0].inners().empty());
    CHECK(overlapArea(plan.grids[1].area, piece) == Approx(100));
    CHECK(areaOf(plan.grids[1].area) == Approx(east_before + 100));
    checkCoverage(plan);
}

TEST_CASE("pieces handed over in a chain keep the community covered", "[improve][detached]")
{
    // Grid 0's piece goes to grid 1, which itself hands a piece (inside grid 2) on: the moves
    // are applied in order on the polygons as they change.
    improve::DetachedOptions config;
    auto plan = detachedScene(350, 20);
    plan.communities[0].area = MultiPolygon{box(0, 0, 300, 100)};
    Grid far;
    far.community = 0;
    far.households = 350;
    // The square east of x = 200 with a 10 x 10 m notch at its top.
    far.area = MultiPolygon{ring({{200, 0},
                                  {200, 100},
                                  {250, 100},
                                  {250, 90},
                                  {260, 90},
                                  {260, 100},
                                  {300, 100},
                                  {300, 0},
                                  {200, 0}})};
    plan.buildings.push_back(home(280, 50, 350));
    plan.buildings.back().grid = 2;
    far.buildings = {3};
    plan.buildings.push_back(home(255, 95, 10));
    plan.buildings.back().grid = 1;
    plan.grids[1].buildings = {2, 4};
    plan.grids[1].households += 10;
    plan.grids[1].area.push_back(box(250, 90, 260, 100));
    plan.grids.push_back(far);
    checkCoverage(plan);

    const auto repair = improve::reassignDetachedPieces(plan, config);
    REQUIRE(repair.pieces_moved == 2);
    CHECK(plan.buildings[1].grid == 1);
    CHECK(plan.buildings[4].grid == 2);
    for (const auto& grid : plan.grids)
        CHECK(grid.area.size() == 1);
    CHECK(areaOf(plan.grids[1].area) == Approx(100 * 100));
    CHECK(areaOf(plan.grids[2].area) == Approx(100 * 100));
    checkCoverage(plan);
}

namespace
{

// Grid 0 lives west of x = 100 but one of its buildings (20 households) stands inside a ring of
// grid 1's buildings east: tiling leaves grid 0 an island there, holding that building.
Plan islandScene()
{
    Plan plan;
    plan.communities.push_back({"C1", "", MultiPolygon{box(0, 0, 300, 100)}, -1, {}});
    auto add = [&](double x, double y, int households, int grid)
    {
        Building b = home(x, y, households);
        b.footprint = MultiPolygon{box(x - 3, y - 3, x + 3, y + 3)};
        b.grid = grid;
        plan.buildings.push_back(b);
        plan.grids[static_cast<std::size_t>(grid)].buildings.push_back(
            static_cast<int>(plan.buildings.size()) - 1);
        plan.grids[static_cast<std::size_t>(grid)].households += households;
    };
    plan.grids.resize(2);
    for (auto& g : plan.grids)
        g.community = 0;
    for (double x : {20.0, 50.0, 80.0})
        for (double y : {20.0, 50.0, 80.0})
            add(x, y, x == 50.0 && y == 50.0 ? 60 : 40, 0); // 380 households
    add(200, 50, 20, 0);
    for (double x : {170.0, 200.0, 230.0})
        for (double y : {20.0, 50.0, 80.0})
            if (x != 200.0 || y != 50.0)
                add(x, y, 40, 1); // 320 households
    add(280, 50, 30, 1);
    return plan;
}

} // namespace

TEST_CASE("tileAndMend hands the island's land over in one tiling pass", "[detached][tile]")
{
    pipeline::TilePlanOptions options;
    options.threads = 1;
    const std::string kept_note = "grid 0: 1 detached pieces kept (they hold its buildings or "
                                  "touch no other grid)";
    {
        // The scene does leave grid 0 an island with its building after tiling alone.
        auto tiled = islandScene();
        std::vector<std::pair<int, std::string>> notes;
        pipeline::tileGrids(tiled, notes, 1);
        CHECK(tiled.grids[0].area.size() == 2);
        CHECK(std::count(notes.begin(), notes.end(), std::pair<int, std::string>{0, kept_note}) ==
              1);
    }
    auto plan = islandScene();
    std::vector<std::pair<int, std::string>> notes;
    const auto repair = pipeline::tileAndMend(plan, options, notes);
    REQUIRE(repair.pieces_moved == 1);
    CHECK(repair.households_moved == 20);
    CHECK(plan.buildings[9].grid == 1);
    CHECK(plan.grids[0].households == 380);
    CHECK(plan.grids[1].households == 370);
    // The island's land went with its building: both grids are one polygon each, the island in
    // grid 1, and the kept-pieces note of grid 0 is gone.
    CHECK(plan.grids[0].area.size() == 1);
    CHECK(plan.grids[1].area.size() == 1);
    CHECK(overlapArea(plan.grids[0].area, MultiPolygon{repair.moves.at(0).piece}) <= 1e-9);
    CHECK(overlapArea(plan.grids[1].area, MultiPolygon{repair.moves.at(0).piece}) ==
          Approx(bg::area(repair.moves.at(0).piece)));
    CHECK(std::none_of(notes.begin(), notes.end(),
                       [](const auto& n)
                       { return n.second.find("pieces kept") != n.second.npos; }));
    checkCoverage(plan);
}
