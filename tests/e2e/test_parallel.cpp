// End-to-end: the per-community stages give the same bytes with any number of threads.
#include "e2e/street_fixture.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace gp::test;
using namespace gp::test::street;

TEST_CASE("per-community stages in parallel give the same bytes as a serial run", "[e2e][parallel]")
{
    TempDir dir("parallel");
    Street street;
    street.estate_in_c2 = true;
    street.split_c3 = true;
    writeStreet(dir.file("in"), street);
    auto serial = args(dir.file("in"), dir.file("j1"));
    serial.insert(serial.end(), {"-j", "1"});
    auto parallel = args(dir.file("in"), dir.file("j2"));
    parallel.insert(parallel.end(), {"-j", "2"});
    auto many = args(dir.file("in"), dir.file("j8"));
    many.insert(many.end(), {"-j", "8"});
    REQUIRE(runGridplan(serial).exit_code == 0);
    REQUIRE(runGridplan(parallel).exit_code == 0);
    REQUIRE(runGridplan(many).exit_code == 0);
    for (const char* f : {"grids.geojson", "buildings.geojson", "gaps.geojson",
                          "communities.geojson", "report.json"})
    {
        INFO(f);
        const auto one = slurp(dir.file(std::string("j1/") + f));
        CHECK_FALSE(one.empty());
        CHECK(one == slurp(dir.file(std::string("j2/") + f)));
        CHECK(one == slurp(dir.file(std::string("j8/") + f)));
    }
}
