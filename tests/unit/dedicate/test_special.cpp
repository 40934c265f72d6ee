// Special areas (dedicate/special) on a hand-made plan: a park across two communities becomes one
// dedicated grid per community holding the buildings inside it; a later overlapping area keeps
// only what the earlier one left, and the overlap is reported; unknown kinds are reported.
#include "core/plan_check.hpp"
#include "dedicate/special.hpp"

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

void addBuilding(Plan& plan, const std::string& id, double x, double y, int community)
{
    Building b;
    b.id = id;
    b.footprint = rect(x, y, x + 10, y + 10);
    b.anchor = Point(x + 5, y + 5);
    b.area_m2 = 100;
    b.households = 10;
    b.community = community;
    plan.buildings.push_back(std::move(b));
}

// Communities A [0,200]x[0,200] and B [200,400]x[0,200]; park P over [150,250]x[0,100] (both
// communities); market M over [100,180]x[0,50], overlapping P; a kind nobody knows, K.
Plan scene()
{
    Plan plan;
    plan.communities.push_back({"A", "", rect(0, 0, 200, 200), -1, ""});
    plan.communities.push_back({"B", "", rect(200, 0, 400, 200), -1, ""});
    addBuilding(plan, "in-park-a", 160, 50, 0);
    addBuilding(plan, "in-park-b", 220, 50, 1);
    addBuilding(plan, "in-market", 110, 10, 0);
    addBuilding(plan, "home", 50, 150, 0);
    plan.specials.push_back({"P", "公园", "公园", "", "parks.shp", rect(150, 0, 250, 100)});
    plan.specials.push_back({"M", "市场", "market", "", "parks.shp", rect(100, 0, 180, 50)});
    plan.specials.push_back({"K", "", "spaceport", "", "parks.shp", rect(300, 150, 320, 170)});
    return plan;
}

} // namespace

TEST_CASE("a special area becomes one dedicated grid per community it lies in",
          "[dedicate][special]")
{
    Plan plan = scene();
    const auto stats = dedicate::carveSpecialAreas(plan, dedicate::SpecialOptions{});
    CHECK(plan.specials[0].kind == "park");
    CHECK(plan.specials[1].kind == "market");
    CHECK(plan.specials[2].kind == "other");
    // P in A, P in B, M in A (what P left), K in B.
    CHECK(stats.grids == 4);
    CHECK(stats.buildings == 3);
    for (const auto& g : plan.grids)
    {
        CHECK(g.kind == GridKind::Dedicated);
        CHECK(g.special >= 0);
    }
    CHECK(plan.buildings[0].special == 0);
    CHECK(plan.buildings[1].special == 0);
    CHECK(plan.buildings[0].grid != plan.buildings[1].grid); // one grid per community
    CHECK(plan.buildings[2].special == 1);
    CHECK(plan.buildings[3].grid == -1);
    int overlaps = 0, unknown_kinds = 0;
    for (const auto& issue : plan.issues)
    {
        overlaps += issue.reason == "special_area_overlap";
        unknown_kinds += issue.reason == "value_ignored";
    }
    CHECK(overlaps == 1);
    CHECK(unknown_kinds == 1);
    CHECK(checkPlan(plan).empty());
}
