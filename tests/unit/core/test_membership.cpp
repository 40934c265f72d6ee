// The one writer of grid membership (core/plan_check.hpp): assignBuilding and foldBuilding keep
// Building::grid, the grids' sorted building lists, their households and folded totals in step,
// so checkPlan finds nothing after any sequence of moves.
#include "core/plan_check.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

// Two grids of community 0; buildings 0-2 residential (100, 50, 20 households), 3 a shop.
Plan twoGrids()
{
    Plan plan;
    plan.communities.resize(1);
    plan.grids.resize(2);
    for (auto& g : plan.grids)
        g.community = 0;
    const int households[] = {100, 50, 20, 0};
    for (int h : households)
    {
        Building b;
        b.id = "b" + std::to_string(plan.buildings.size());
        b.community = 0;
        b.households = h;
        b.use = h > 0 ? BuildingUse::Residential : BuildingUse::Commercial;
        plan.buildings.push_back(std::move(b));
    }
    return plan;
}

} // namespace

TEST_CASE("core: assignBuilding moves membership and households together", "[core][membership]")
{
    Plan plan = twoGrids();
    assignBuilding(plan, 2, 0);
    assignBuilding(plan, 0, 0);
    assignBuilding(plan, 1, 1);
    CHECK(plan.grids[0].buildings == std::vector<int>{0, 2});
    CHECK(plan.grids[0].households == 120);
    CHECK(plan.grids[1].households == 50);
    CHECK(checkPlan(plan).empty());

    assignBuilding(plan, 0, 1); // a move
    CHECK(plan.buildings[0].grid == 1);
    CHECK(plan.grids[0].buildings == std::vector<int>{2});
    CHECK(plan.grids[0].households == 20);
    CHECK(plan.grids[1].buildings == std::vector<int>{0, 1});
    CHECK(plan.grids[1].households == 150);
    CHECK(checkPlan(plan).empty());

    assignBuilding(plan, 0, 1); // already there: nothing changes
    CHECK(plan.grids[1].households == 150);
    assignBuilding(plan, 1, -1); // out of every grid
    CHECK(plan.buildings[1].grid == -1);
    CHECK(plan.grids[1].buildings == std::vector<int>{0});
    CHECK(plan.grids[1].households == 100);
    CHECK(checkPlan(plan).empty());
}

TEST_CASE("core: foldBuilding carries the folded totals with the building", "[core][membership]")
{
    Plan plan = twoGrids();
    assignBuilding(plan, 0, 0);
    assignBuilding(plan, 1, 1);
    foldBuilding(plan, 3, 0, 250.0);
    CHECK(plan.buildings[3].grid == 0);
    CHECK(plan.grids[0].buildings == std::vector<int>{0, 3});
    CHECK(plan.grids[0].folded_buildings == 1);
    CHECK(plan.grids[0].folded_floor_area_m2 == Approx(250.0));
    CHECK(checkPlan(plan).empty());

    foldBuilding(plan, 3, 1, 250.0); // refolded into the other grid
    CHECK(plan.grids[0].buildings == std::vector<int>{0});
    CHECK(plan.grids[0].folded_buildings == 0);
    CHECK(plan.grids[0].folded_floor_area_m2 == Approx(0.0));
    CHECK(plan.grids[1].buildings == std::vector<int>{1, 3});
    CHECK(plan.grids[1].folded_buildings == 1);
    CHECK(plan.grids[1].folded_floor_area_m2 == Approx(250.0));
    CHECK(checkPlan(plan).empty());

    foldBuilding(plan, 3, 1, 250.0); // already there: counted once
    CHECK(plan.grids[1].folded_buildings == 1);
}
