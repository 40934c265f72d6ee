// End-to-end: community and grid codes in reading order (west to east, then north to south).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace gp::test;

namespace
{

const double X0 = 500000, Y0 = 3300000;

// Communities and 20 x 20 m homes, partitioned with street code 310101001.
struct Scene
{
    FixtureLayer buildings;
    FixtureLayer communities;
    Scene()
    {
        buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
        communities.fields = {{"cid", 'S'}};
    }
    void home(const std::string& id, double x, double y, int households)
    {
        buildings.features.push_back({rectWkt(X0 + x, Y0 + y, X0 + x + 20, Y0 + y + 20),
                                      {{"bid", id}, {"hh", std::to_string(households)}}});
    }
    RunResult run(const TempDir& dir)
    {
        writeLayer(dir.file("buildings.shp"), buildings);
        writeLayer(dir.file("communities.shp"), communities);
        return runGridplan({"partition", "--buildings", dir.file("buildings.shp"),
                            "--buildings-id-field", "bid", "--households-field", "hh",
                            "--communities", dir.file("communities.shp"), "--communities-id-field",
                            "cid", "--street-code", "310101001", "--out", dir.file("out"), "-q"});
    }
};

} // namespace

TEST_CASE("community and grid codes run west to east, then north to south", "[e2e][organize]")
{
    TempDir dir("codes");
    Scene s;
    // Four communities in a 2x2 layout, 400 households (one grid) each; ids deliberately shuffled.
    const std::vector<std::pair<std::string, std::pair<double, double>>> layout = {
        {"SE", {200, 0}}, {"NW", {0, 200}}, {"SW", {0, 0}}, {"NE", {200, 200}}};
    for (const auto& [name, origin] : layout)
    {
        s.communities.features.push_back(
            {rectWkt(X0 + origin.first, Y0 + origin.second, X0 + origin.first + 200,
                     Y0 + origin.second + 200),
             {{"cid", name}}});
        for (int i = 0; i < 4; ++i)
            s.home(name + std::to_string(i), origin.first + 30 + (i % 2) * 100,
                   origin.second + 30 + (i / 2) * 100, 100);
    }
    const auto run = s.run(dir);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::map<std::string, std::string> code_of;
    for (const auto& g : readLayer(dir.file("out/grids.geojson")))
        code_of[g.fields.at("community")] = g.fields.at("grid_code");
    CHECK(code_of["NW"] == "310101001-01-01-001");
    CHECK(code_of["NE"] == "310101001-01-02-001");
    CHECK(code_of["SW"] == "310101001-01-03-001");
    CHECK(code_of["SE"] == "310101001-01-04-001");
}
