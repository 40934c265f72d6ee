// End-to-end: dedicated grids (专属网格), folding shops into residential grids, no folding across
// a river (issue 4). Codes in reading order: test_codes.cpp.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>

using namespace gp::test;

namespace
{

const double X0 = 500000, Y0 = 3300000;

struct Scene
{
    FixtureLayer buildings;
    FixtureLayer communities;
    FixtureLayer barriers;
    Scene()
    {
        buildings.fields = {{"bid", 'S'}, {"hh", 'I'}, {"use", 'S'}, {"floors", 'R'}};
        communities.fields = {{"cid", 'S'}};
        barriers.fields = {{"kind", 'S'}};
    }
    void home(const std::string& id, double x, double y, int households)
    {
        buildings.features.push_back(
            {rectWkt(X0 + x, Y0 + y, X0 + x + 20, Y0 + y + 20),
             {{"bid", id}, {"hh", std::to_string(households)}, {"use", "住宅"}}});
    }
    void other(const std::string& id, double x, double y, double size, const std::string& use,
               int floors)
    {
        buildings.features.push_back(
            {rectWkt(X0 + x, Y0 + y, X0 + x + size, Y0 + y + size),
             {{"bid", id}, {"use", use}, {"floors", std::to_string(floors)}}});
    }
    RunResult run(const TempDir& dir)
    {
        writeLayer(dir.file("buildings.shp"), buildings);
        writeLayer(dir.file("communities.shp"), communities);
        auto args = fixturePartitionArgs(dir, "310101001");
        if (!barriers.features.empty())
        {
            writeLayer(dir.file("barriers.shp"), barriers);
            args.insert(args.end(), {"--barriers", dir.file("barriers.shp")});
        }
        return runGridplan(args);
    }
};

std::map<std::string, std::string> gridOfBuildings(const TempDir& dir)
{
    std::map<std::string, std::string> out;
    for (const auto& b : readLayer(dir.file("out/buildings.geojson")))
        out[b.fields.at("building_id")] =
            b.fields.count("grid_code") ? b.fields.at("grid_code") : "";
    return out;
}

} // namespace

TEST_CASE("an isolated 12-storey office cluster becomes one dedicated grid", "[e2e][dedicated]")
{
    TempDir dir("office");
    Scene s;
    for (int i = 0; i < 8; ++i)
        s.home("h" + std::to_string(i), 10 + (i % 4) * 45, 10 + (i / 4) * 45, 100);
    for (int i = 0; i < 3; ++i)
        s.other("o" + std::to_string(i), 400 + i * 50, 40, 40, "office", 12);
    s.communities.features.push_back({rectWkt(X0, Y0, X0 + 600, Y0 + 120), {{"cid", "C1"}}});
    const auto run = s.run(dir);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    int dedicated = 0, residential = 0;
    std::string office_code;
    for (const auto& g : readLayer(dir.file("out/grids.geojson")))
    {
        if (g.fields.at("kind") == "dedicated")
        {
            ++dedicated;
            office_code = g.fields.at("grid_code");
            CHECK(g.fields.at("dedicated_type") == "office");
            CHECK(g.fields.at("buildings") == "3");
            CHECK(std::stod(g.fields.at("floor_area_m2")) == Approx(3 * 1600 * 12));
            CHECK(g.fields.count("bounds") == 0); // bounds are for residential grids
        }
        else
            ++residential;
    }
    CHECK(dedicated == 1);
    CHECK(residential == 2);
    CHECK(office_code.rfind("310101001-01-01-D", 0) == 0);
    const auto grid_of = gridOfBuildings(dir);
    for (const char* id : {"o0", "o1", "o2"})
        CHECK(grid_of.at(id) == office_code);
    const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
    CHECK(report["summary"]["dedicated_grids"] == 1);
    CHECK(report["summary"]["dedicated_grids_by_type"]["office"] == 1);
    CHECK(report["violations"].empty());
}

TEST_CASE("a corner shop inside a housing estate is folded into that estate's grid",
          "[e2e][dedicated]")
{
    TempDir dir("shop");
    Scene s;
    for (int i = 0; i < 8; ++i)
        s.home("h" + std::to_string(i), 10 + (i % 4) * 45, 10 + (i / 4) * 45, 100);
    s.other("shop", 36, 36, 6, "商业", 1); // between h0, h1, h4, h5
    s.communities.features.push_back({rectWkt(X0, Y0, X0 + 190, Y0 + 100), {{"cid", "C1"}}});
    const auto run = s.run(dir);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto grid_of = gridOfBuildings(dir);
    REQUIRE(!grid_of.at("shop").empty());
    CHECK(grid_of.at("shop") == grid_of.at("h0")); // the nearest home is h0
    int folded = 0;
    for (const auto& g : readLayer(dir.file("out/grids.geojson")))
    {
        CHECK(g.fields.at("kind") == "residential");
        folded += std::stoi(g.fields.at("folded_buildings"));
        if (g.fields.at("grid_code") == grid_of.at("shop"))
            CHECK(std::stod(g.fields.at("folded_floor_area_m2")) == Approx(36.0));
    }
    CHECK(folded == 1);
}

TEST_CASE("a market across a river from the nearest grid is not folded across it",
          "[e2e][dedicated]")
{
    TempDir dir("market");
    Scene s;
    for (int i = 0; i < 4; ++i)
        s.home("h" + std::to_string(i), 10 + i * 40, 40, 100);
    s.other("market", 215, 40, 20, "市场", 1);
    s.communities.features.push_back({rectWkt(X0, Y0, X0 + 300, Y0 + 100), {{"cid", "C1"}}});
    s.barriers.features.push_back({"LINESTRING(" + std::to_string(X0 + 200) + " " +
                                       std::to_string(Y0 - 10) + "," + std::to_string(X0 + 200) +
                                       " " + std::to_string(Y0 + 110) + ")",
                                   {{"kind", "river"}}});
    const auto run = s.run(dir);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto grid_of = gridOfBuildings(dir);
    CHECK(grid_of.at("market").empty());
    bool reported = false;
    for (const auto& gap : readLayer(dir.file("out/gaps.geojson")))
        if (gap.fields.at("reason") == "dedicated_candidate_unfolded")
        {
            reported = true;
            CHECK(gap.fields.at("building_ids") == R"(["market"])");
        }
    CHECK(reported);
}
