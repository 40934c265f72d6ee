// The place stage on a hand-made plan: each building to the community holding most of its
// footprint, its compound by its anchor within that community; outside and straddling buildings
// become issues, in building order, and nothing depends on the thread count.
#include "core/plan_check.hpp"
#include "place/place.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    Polygon p;
    bg::append(p.outer(), Point(x0, y0));
    bg::append(p.outer(), Point(x0, y1));
    bg::append(p.outer(), Point(x1, y1));
    bg::append(p.outer(), Point(x1, y0));
    bg::append(p.outer(), Point(x0, y0));
    bg::correct(p);
    MultiPolygon mp;
    mp.push_back(std::move(p));
    return mp;
}

void addBuilding(Plan& plan, const std::string& id, double x0, double y0, double x1, double y1)
{
    Building b;
    b.id = id;
    b.footprint = rect(x0, y0, x1, y1);
    b.anchor = interiorPointOf(b.footprint);
    b.area_m2 = bg::area(b.footprint);
    b.households = 10;
    plan.buildings.push_back(std::move(b));
}

// Communities A [0,100]x[0,100] and B [100,200]x[0,100]; a compound in A's south-west quarter.
Plan twoCommunities()
{
    Plan plan;
    plan.communities.push_back({"A", "甲社区", rect(0, 0, 100, 100), -1, ""});
    plan.communities.push_back({"B", "乙社区", rect(100, 0, 200, 100), -1, ""});
    plan.compounds.push_back({"K", "小区", rect(0, 0, 50, 50), -1});
    addBuilding(plan, "in-compound", 10, 10, 20, 20);
    addBuilding(plan, "in-a", 60, 60, 70, 70);
    addBuilding(plan, "straddles", 90, 10, 130, 20); // 25 % in A, 75 % in B
    addBuilding(plan, "outside", 300, 300, 310, 310);
    addBuilding(plan, "in-b", 150, 50, 160, 60);
    return plan;
}

} // namespace

TEST_CASE("buildings go to the community holding most of them; issues for the rest", "[place]")
{
    Plan plan = twoCommunities();
    const auto stats = place::placeBuildings(plan, 1);
    CHECK(stats.placed == 4);
    CHECK(stats.outside == 1);
    CHECK(stats.straddling == 1);
    CHECK(plan.compounds[0].community == 0);
    CHECK(plan.buildings[0].community == 0);
    CHECK(plan.buildings[0].compound == 0);
    CHECK(plan.buildings[1].community == 0);
    CHECK(plan.buildings[1].compound == -1);
    CHECK(plan.buildings[2].community == 1);
    CHECK(plan.buildings[3].community == -1);
    CHECK(plan.buildings[4].community == 1);
    REQUIRE(plan.issues.size() == 2);
    CHECK(plan.issues[0].reason == "building_straddles_communities");
    CHECK(plan.issues[0].community == "B");
    CHECK(plan.issues[0].detail.find("75.0%") != std::string::npos);
    CHECK(plan.issues[1].reason == "building_outside_communities");
    CHECK(plan.issues[1].buildings == std::vector<std::string>{"outside"});
    CHECK(checkPlan(plan).empty());
}

TEST_CASE("placing does not depend on the thread count", "[place]")
{
    Plan one = twoCommunities(), many = twoCommunities();
    for (int i = 0; i < 200; ++i) // enough buildings for several slices
    {
        addBuilding(one, "x" + std::to_string(i), i % 190, (i * 7) % 90, i % 190 + 5,
                    (i * 7) % 90 + 5);
        addBuilding(many, "x" + std::to_string(i), i % 190, (i * 7) % 90, i % 190 + 5,
                    (i * 7) % 90 + 5);
    }
    place::placeBuildings(one, 1);
    place::placeBuildings(many, 4);
    for (std::size_t i = 0; i < one.buildings.size(); ++i)
    {
        INFO(one.buildings[i].id);
        CHECK(one.buildings[i].community == many.buildings[i].community);
        CHECK(one.buildings[i].compound == many.buildings[i].compound);
    }
    REQUIRE(one.issues.size() == many.issues.size());
    for (std::size_t i = 0; i < one.issues.size(); ++i)
        CHECK(one.issues[i].detail == many.issues[i].detail);
}
