// National grid-code schemes: street15 and CJ/T 349-2010, checked digit by digit.
#include "core/error.hpp"
#include "organize/codes.hpp"

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
    return {p};
}

// Two communities side by side in one area: west (W) with a 2 x 2 block of grids, east (E) with
// two residential grids over one dedicated grid.
Plan twoCommunities()
{
    Plan plan;
    AreaGrid area;
    area.area = square(0, 0, 400);
    area.communities = {0, 1};
    plan.areas.push_back(area);
    plan.communities.push_back({"W", "西社区", square(0, 0, 200), 0, {}});
    plan.communities.push_back({"E", "东社区", square(200, 0, 200), 0, {}});
    auto grid = [&](int community, double x, double y, GridKind kind)
    {
        Grid g;
        g.community = community;
        g.kind = kind;
        g.area = square(x, y, 100);
        plan.grids.push_back(g);
    };
    // Given out of order: codes must follow reading order, not the input order.
    grid(0, 100, 0, GridKind::Residential);   // W south-east: 4th
    grid(0, 0, 100, GridKind::Residential);   // W north-west: 1st
    grid(0, 0, 0, GridKind::Residential);     // W south-west: 3rd
    grid(0, 100, 100, GridKind::Residential); // W north-east: 2nd
    grid(1, 300, 100, GridKind::Residential); // E north-east: 2nd
    grid(1, 250, 0, GridKind::Dedicated);     // E south: 3rd
    grid(1, 200, 100, GridKind::Residential); // E north-west: 1st
    return plan;
}

CodeScheme scheme(const std::string& name)
{
    CodeScheme s;
    s.scheme = name;
    s.admin_code = "110105";
    s.street_number = "007";
    s.service_code = "6";
    return s;
}

} // namespace

TEST_CASE("street15: 6-digit admin + 3-digit street + 3-digit community + 3-digit sequence",
          "[organize][codes]")
{
    Plan plan = twoCommunities();
    organize::assignCodes(plan, "S", scheme("street15"));
    CHECK(plan.communities[0].code == "110105007001"); // west first
    CHECK(plan.communities[1].code == "110105007002");
    const std::vector<std::string> expected = {
        "110105007001004", "110105007001001", "110105007001003", "110105007001002",
        "110105007002002", "110105007002003", "110105007002001"};
    for (std::size_t g = 0; g < expected.size(); ++g)
    {
        const std::string& code = plan.grids[g].code;
        INFO("grid " << g << ": " << code);
        REQUIRE(code.size() == 15);
        CHECK(code.find_first_not_of("0123456789") == std::string::npos);
        CHECK(code.substr(0, 6) == "110105");                 // administrative
        CHECK(code.substr(6, 3) == "007");                    // street
        CHECK(code.substr(9, 3) == expected[g].substr(9, 3)); // community
        CHECK(code.substr(12, 3) ==
              expected[g].substr(12, 3)); // sequence, west->east, north->south
        CHECK(code == expected[g]);
    }
    CHECK(plan.areas[0].code == "110105007-01");
}

TEST_CASE("cjt349: service-object code + admin + street + community + 2-digit sequence",
          "[organize][codes]")
{
    Plan plan = twoCommunities();
    organize::assignCodes(plan, "S", scheme("cjt349"));
    const auto& nw = plan.grids[1].code; // W north-west
    REQUIRE(nw.size() == 1 + 6 + 3 + 3 + 2);
    CHECK(nw.substr(0, 1) == "6");
    CHECK(nw.substr(1, 6) == "110105");
    CHECK(nw.substr(7, 3) == "007");
    CHECK(nw.substr(10, 3) == "001");
    CHECK(nw.substr(13, 2) == "01");
    CHECK(plan.grids[0].code == "611010500700104");
    CHECK(plan.grids[5].code == "611010500700203"); // the dedicated grid shares the sequence
}

TEST_CASE("community codes from a field: 3 digits or the 12-digit statistical code",
          "[organize][codes]")
{
    Plan plan = twoCommunities();
    auto s = scheme("street15");
    s.community_code_field = "code";
    plan.communities[0].code_value = "012";
    plan.communities[1].code_value = " 110105007034 ";
    organize::assignCodes(plan, "S", s);
    CHECK(plan.communities[0].code == "110105007012");
    CHECK(plan.communities[1].code == "110105007034");
    CHECK(plan.grids[6].code == "110105007034001");

    plan.communities[1].code_value = "110106007034"; // another county's community
    CHECK_THROWS_WITH(organize::assignCodes(plan, "S", s),
                      Catch::Contains("community E") && Catch::Contains("110106007034"));
    plan.communities[1].code_value = "12";
    CHECK_THROWS_WITH(organize::assignCodes(plan, "S", s), Catch::Contains("community E"));
    plan.communities[1].code_value = "012"; // the same as W's
    CHECK_THROWS_WITH(organize::assignCodes(plan, "S", s),
                      Catch::Contains("same code 110105007012"));
}

TEST_CASE("a community with more grids than the sequence digits allow is an error naming it",
          "[organize][codes]")
{
    Plan plan = twoCommunities();
    for (int i = 0; i < 100; ++i) // E gets 103 grids: fine for street15 (999), not for cjt349 (99)
    {
        Grid g;
        g.community = 1;
        g.area = square(200 + (i % 10) * 10, 10 + (i / 10) * 10, 5);
        plan.grids.push_back(g);
    }
    CHECK_NOTHROW(organize::assignCodes(plan, "S", scheme("street15")));
    CHECK_THROWS_AS(organize::assignCodes(plan, "S", scheme("cjt349")), InputError);
    CHECK_THROWS_WITH(organize::assignCodes(plan, "S", scheme("cjt349")),
                      Catch::Contains("community E (东社区) has 103 grids") &&
                          Catch::Contains("99"));
}

TEST_CASE("the gridplan scheme is unchanged", "[organize][codes]")
{
    Plan plan = twoCommunities();
    organize::assignCodes(plan, "S");
    CHECK(plan.communities[0].code == "S-01-01");
    CHECK(plan.grids[1].code == "S-01-01-001");
    CHECK(plan.grids[5].code == "S-01-02-D01");
    CHECK(plan.grids[6].code == "S-01-02-001");
}

TEST_CASE("planCodes numbers every level without writing; writeCodes writes exactly that",
          "[organize][codes]")
{
    Plan plan = twoCommunities();
    const auto codes = organize::planCodes(plan, "S");
    // Phase 1 leaves the plan as it was: nothing is written before a re-run reserves its codes.
    CHECK(plan.areas[0].code.empty());
    for (const auto& c : plan.communities)
        CHECK(c.code.empty());
    for (const auto& g : plan.grids)
        CHECK(g.code.empty());
    CHECK(codes.area_codes == std::vector<std::string>{"S-01"});
    CHECK(codes.community_codes == std::vector<std::string>{"S-01-01", "S-01-02"});
    // Per community its grids in reading order (north-west first), dedicated ones included.
    CHECK(codes.grids_in_reading_order == std::vector<std::vector<int>>{{1, 3, 2, 0}, {6, 4, 5}});
    CHECK(codes.grid_codes == std::vector<std::string>{"S-01-01-004", "S-01-01-001", "S-01-01-003",
                                                       "S-01-01-002", "S-01-02-002", "S-01-02-D01",
                                                       "S-01-02-001"});
    organize::writeCodes(plan, codes);
    Plan once = twoCommunities();
    organize::assignCodes(once, "S");
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        CHECK(plan.grids[g].code == codes.grid_codes[g]);
        CHECK(once.grids[g].code == codes.grid_codes[g]);
    }
    CHECK(plan.communities[1].code == "S-01-02");
    CHECK(plan.areas[0].code == "S-01");
}
