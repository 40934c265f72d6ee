// Area grids (organize/areas) on a hand-made plan: a row of six communities of 4,000 households
// grouped into contiguous areas of about 8,000 (or exactly --areas of them), each area the union
// of its communities, with its commercial share.
#include "organize/areas.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

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

// Six 500 m communities in a row, each with one grid of 4,000 households and one 100 m² home;
// the last community also holds a 300 m² office.
Plan row()
{
    Plan plan;
    for (int c = 0; c < 6; ++c)
    {
        plan.communities.push_back(
            {"C" + std::to_string(c), "", rect(c * 500.0, 0, (c + 1) * 500.0, 500), -1, ""});
        Grid g;
        g.community = c;
        g.households = 4000;
        plan.grids.push_back(g);
        Building home;
        home.community = c;
        home.area_m2 = 100;
        home.floors = 1;
        plan.buildings.push_back(home);
    }
    Building office;
    office.community = 5;
    office.use = BuildingUse::Office;
    office.area_m2 = 300;
    office.floors = 1;
    plan.buildings.push_back(office);
    return plan;
}

void checkContiguousCover(const Plan& plan)
{
    std::vector<int> seen(plan.communities.size(), 0);
    for (std::size_t a = 0; a < plan.areas.size(); ++a)
    {
        const auto& area = plan.areas[a];
        REQUIRE_FALSE(area.communities.empty());
        // A row: an area's communities are consecutive.
        CHECK(area.communities.back() - area.communities.front() + 1 ==
              static_cast<int>(area.communities.size()));
        CHECK(area.households == 4000 * static_cast<int>(area.communities.size()));
        CHECK(bg::area(area.area) ==
              Approx(500.0 * 500.0 * static_cast<double>(area.communities.size())));
        CHECK(area.area.size() == 1); // the union is one polygon
        for (int c : area.communities)
        {
            ++seen[static_cast<std::size_t>(c)];
            CHECK(plan.communities[static_cast<std::size_t>(c)].area_grid == static_cast<int>(a));
        }
    }
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
}

} // namespace

TEST_CASE("communities are grouped into contiguous areas of about the target", "[organize][areas]")
{
    Plan plan = row();
    organize::AreaOptions options; // area target 8,000: areas of 4,000 .. 12,000
    organize::groupAreas(plan, options);
    REQUIRE(plan.areas.size() >= 2);
    REQUIRE(plan.areas.size() <= 3);
    checkContiguousCover(plan);
    for (const auto& area : plan.areas)
    {
        CHECK(area.households >= 4000);
        CHECK(area.households <= 12000);
        const bool has_office = std::find(area.communities.begin(), area.communities.end(), 5) !=
                                area.communities.end();
        // Office 300 m² of (n x 100 + 300) m² floor area in the area holding C5, none elsewhere.
        if (has_office)
            CHECK(area.commercial_share ==
                  Approx(300.0 / (100.0 * static_cast<double>(area.communities.size()) + 300.0)));
        else
            CHECK(area.commercial_share == 0.0);
    }
}

TEST_CASE("an area count (--areas 3) gives exactly that many areas", "[organize][areas]")
{
    Plan plan = row();
    organize::AreaOptions options;
    options.count = 3;
    organize::groupAreas(plan, options);
    CHECK(plan.areas.size() == 3);
    checkContiguousCover(plan);
}
