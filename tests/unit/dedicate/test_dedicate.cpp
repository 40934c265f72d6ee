// The dedicate stage on a hand-made plan: a cluster of eight offices becomes one dedicated grid,
// a shop next to a residential grid is folded into it, a shed beyond the fold distance is left for
// review; membership and totals stay sound (checkPlan).
#include "core/plan_check.hpp"
#include "dedicate/dedicate.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

MultiPolygon square(double x, double y, double size)
{
    Polygon p;
    bg::append(p.outer(), Point(x, y));
    bg::append(p.outer(), Point(x, y + size));
    bg::append(p.outer(), Point(x + size, y + size));
    bg::append(p.outer(), Point(x + size, y));
    bg::append(p.outer(), Point(x, y));
    bg::correct(p);
    MultiPolygon mp;
    mp.push_back(std::move(p));
    return mp;
}

int addBuilding(Plan& plan, const std::string& id, double x, double y, double size, BuildingUse use,
                int households)
{
    Building b;
    b.id = id;
    b.footprint = square(x, y, size);
    b.anchor = Point(x + size / 2, y + size / 2);
    b.area_m2 = size * size;
    b.use = use;
    b.households = households;
    b.community = 0;
    plan.buildings.push_back(std::move(b));
    return static_cast<int>(plan.buildings.size()) - 1;
}

// One 1000 m community; a residential grid of two homes in its south-west; eight offices in a row
// 10 m apart in the east; a shop 20 m from the homes; a shed 700 m from every grid.
Plan scene()
{
    Plan plan;
    plan.communities.push_back({"C", "", square(0, 0, 1000), -1, ""});
    plan.grids.resize(1);
    plan.grids[0].community = 0;
    assignBuilding(plan, addBuilding(plan, "home-1", 100, 100, 20, BuildingUse::Residential, 200),
                   0);
    assignBuilding(plan, addBuilding(plan, "home-2", 140, 100, 20, BuildingUse::Residential, 200),
                   0);
    for (int i = 0; i < 8; ++i)
        addBuilding(plan, "office-" + std::to_string(i), 600 + i * 30, 500, 20, BuildingUse::Office,
                    0);
    addBuilding(plan, "shop", 180, 100, 10, BuildingUse::Commercial, 0);
    addBuilding(plan, "shed", 900, 950, 10, BuildingUse::Other, 0);
    return plan;
}

} // namespace

TEST_CASE("offices become a dedicated grid, a shop is folded, a far shed is left for review",
          "[dedicate]")
{
    Plan plan = scene();
    PartitionConfig config;
    const auto stats = dedicate::dedicateAndFold(plan, config.dedicated);
    CHECK(stats.dedicated_grids == 1);
    CHECK(stats.dedicated_buildings == 8);
    CHECK(stats.folded_buildings == 1);
    CHECK(stats.unfolded_buildings == 1);
    REQUIRE(plan.grids.size() == 2);
    const Grid& office = plan.grids[1];
    CHECK(office.kind == GridKind::Dedicated);
    CHECK(office.dedicated_type == "office");
    CHECK(office.buildings.size() == 8);
    CHECK(office.floor_area_m2 == Approx(8 * 400 * config.dedicated.default_floors));
    CHECK(plan.grids[0].folded_buildings == 1);
    CHECK(plan.grids[0].folded_floor_area_m2 == Approx(100 * config.dedicated.default_floors));
    CHECK(plan.buildings[10].grid == 0);  // the shop
    CHECK(plan.buildings[11].grid == -1); // the shed
    bool reported = false;
    for (const auto& issue : plan.issues)
        reported = reported || (issue.reason == "dedicated_candidate_unfolded" &&
                                issue.buildings == std::vector<std::string>{"shed"});
    CHECK(reported);
    CHECK(checkPlan(plan).empty());
}

TEST_CASE("fewer offices than the threshold are folded, not dedicated", "[dedicate]")
{
    Plan plan = scene();
    PartitionConfig config;
    config.dedicated.min_buildings = 9;
    config.dedicated.fold_distance_m = 2000;
    const auto stats = dedicate::dedicateAndFold(plan, config.dedicated);
    CHECK(stats.dedicated_grids == 0);
    CHECK(stats.folded_buildings == 10); // offices, shop and shed all reach the residential grid
    CHECK(plan.grids.size() == 1);
    CHECK(checkPlan(plan).empty());
}
