// Issue 18, silent wrong answers: each input shape a planner meets in real data gives the right
// numbers (or a refusal naming the problem), in partition and in check before it.
#include "e2e/hostile_scenario.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <ogr_geometry.h>

#include <filesystem>
#include <map>

namespace
{

namespace fs = std::filesystem;
using gp::test::buildingsById;
using gp::test::gapsWith;
using gp::test::has;
using gp::test::HostileScenario;
using gp::test::readLayer;
using gp::test::rectWkt;

int sumOf(const std::vector<gp::test::ReadFeature>& features, const std::string& field)
{
    int sum = 0;
    for (const auto& f : features)
        sum += f.fields.count(field) ? std::stoi(f.fields.at(field)) : 0;
    return sum;
}

} // namespace

TEST_CASE("a building of an unmapped use with households is a home: partitioned, its use reported",
          "[hostile][data]")
{
    // One 200 x 100 m community: 6 houses of 住宅 and 6 综合楼 (mixed-use) of 100 households each.
    HostileScenario s;
    s.communities.features = {{rectWkt(0, 0, 200, 100), {{"cid", "C1"}, {"name", "一社区"}}}};
    s.buildings.features.clear();
    for (int k = 0; k < 12; ++k)
    {
        const double x0 = 10 + 30 * (k % 6), y0 = k < 6 ? 10 : 60;
        s.buildings.features.push_back({rectWkt(x0, y0, x0 + 20, y0 + 20),
                                        {{"bid", "B" + std::to_string(k)},
                                         {"hh", "100"},
                                         {"use", k % 2 ? "综合楼" : "住宅"}}});
    }
    s.write();
    const auto checked = s.check();
    INFO(checked.out << checked.err);
    CHECK(checked.exit_code == 0);
    CHECK(has(checked.out, "use_with_households"));
    CHECK(has(checked.out, "use '综合楼' (other) has 100 households"));

    const auto r = s.run({"--min", "300", "--max", "500"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto grids = readLayer(s.out + "/grids.geojson");
    CHECK(sumOf(grids, "households") == 1200);
    for (const auto& g : grids)
    {
        INFO(g.fields.at("grid_code"));
        CHECK(std::stoi(g.fields.at("households")) >= 300);
        CHECK(std::stoi(g.fields.at("households")) <= 500);
    }
    const auto buildings = buildingsById(s.out);
    for (const char* id : {"B1", "B3", "B5", "B7", "B9", "B11"})
    {
        INFO(id);
        CHECK(buildings.at(id).fields.at("use") == "residential");
        CHECK(buildings.at(id).fields.at("use_value") == "综合楼");
        CHECK(buildings.at(id).fields.at("households") == "100");
    }
    CHECK(gapsWith(s.out, "use_with_households").size() == 6);
    CHECK(gapsWith(s.out, "grid_over_max").empty());
}

TEST_CASE("duplicate and blank community ids are refused, in check and in partition",
          "[hostile][data]")
{
    HostileScenario s;
    s.communities.features[1].fields["cid"] = "C1";
    s.write();
    const auto r = s.run();
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "id 'C1' at FIDs 0, 1"));
    CHECK(has(r.err, "--communities-id-field 'cid'"));
    CHECK(!fs::exists(s.out));
    const auto c = s.check();
    CHECK(c.exit_code == 1);
    CHECK(has(c.out, "id 'C1' at FIDs 0, 1"));

    s.communities.features[1].fields["cid"] = " ";
    s.write();
    const auto blank = s.run();
    CHECK(blank.exit_code == 1);
    CHECK(has(blank.err, "blank id at FIDs 1"));
}

TEST_CASE("duplicate and blank building ids are listed, each as a JSON array of ids",
          "[hostile][data]")
{
    HostileScenario s;
    s.buildings.features[1].fields["bid"] = "B1";
    s.buildings.features[2].fields["bid"] = "";
    s.buildings.features[3].fields["bid"] = "B4,5"; // a comma inside an id
    s.buildings.features[3].fields["hh"] = "x";     // listed as value_ignored
    s.write();
    const auto c = s.check();
    INFO(c.out);
    CHECK(c.exit_code == 0);
    CHECK(has(c.out, "duplicate_id"));
    CHECK(has(c.out, "id 'B1' is used by 2 buildings (FIDs 0, 1)"));
    CHECK(has(c.out, "empty_id"));

    const auto r = s.run();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto dup = gapsWith(s.out, "duplicate_id");
    REQUIRE(dup.size() == 1);
    CHECK(dup[0].fields.at("building_ids") == R"(["B1","B1"])");
    const auto blank = gapsWith(s.out, "empty_id");
    REQUIRE(blank.size() == 1);
    CHECK(blank[0].fields.at("building_ids") == R"(["FID:2"])");
    // The blank id is never written as null: the building is named by its FID.
    const auto buildings = buildingsById(s.out);
    CHECK(buildings.count("FID:2") == 1);
    CHECK(buildings.count("B4,5") == 1);
    // The raw GeoJSON holds a real array, so an id with a comma stays one id.
    const auto gaps = nlohmann::json::parse(gp::test::slurp(s.out + "/gaps.geojson"));
    bool comma_id = false;
    for (const auto& f : gaps["features"])
        if (f["properties"]["building_ids"].is_array())
            for (const auto& id : f["properties"]["building_ids"])
                comma_id = comma_id || id == "B4,5";
        else
            FAIL("building_ids is not an array: " << f["properties"]["building_ids"].dump());
    CHECK(comma_id);
    // In a GeoPackage the array is a JSON text.
    const auto gpkg = s.run({"--out", s.dir.file("gpkg"), "--format", "gpkg"});
    REQUIRE(gpkg.exit_code == 0);
    const auto layers = gp::test::readAllLayers(s.dir.file("gpkg/gridplan.gpkg"));
    bool found = false;
    for (const auto& f : layers.at("gaps"))
        if (f.fields.at("reason") == "duplicate_id")
            found = nlohmann::json::parse(f.fields.at("building_ids")) ==
                    nlohmann::json::array({"B1", "B1"});
    CHECK(found);
}

TEST_CASE("check lists every silent-wrong-answer input of issue 18 before a partition",
          "[hostile][data]")
{
    HostileScenario s;
    auto& f = s.buildings.features;
    f[0].fields["use"] = "综合楼"; // other use with households
    f[1].fields["bid"] = "B1";     // duplicate id
    f[2].fields["bid"] = "";       // blank id
    f[3] = {"GEOMETRYCOLLECTION(POLYGON((60 60,80 60,80 80,60 80,60 60)),POLYGON((70 70,85 70,85 "
            "85,70 85,70 70)))",
            {{"bid", "GC"}, {"hh", "100"}, {"use", "住宅"}}}; // overlapping collection
    f.push_back(
        {rectWkt(110, 10, 120, 30), {{"bid", "B5-part"}, {"use", "住宅"}}}); // part inside B5
    f.push_back({rectWkt(160, 60, 180, 80),
                 {{"bid", "B8-2单元"}, {"hh", "100"}, {"use", "住宅"}}}); // 2nd 单元 of B8
    s.write();
    const auto c = s.check();
    INFO(c.out);
    CHECK(c.exit_code == 0);
    for (const char* expected :
         {"use_with_households", "duplicate_id", "empty_id", "overlapping_footprints",
          "use '综合楼' (other) has 100 households", "id 'B1' is used by 2 buildings",
          "2 overlapping parts merged", "building B5-part lies inside building B5",
          "buildings B8, B8-2单元 share one footprint"})
    {
        INFO(expected);
        CHECK(has(c.out, expected));
    }
    // Partition reports the same and counts each household once.
    const auto r = s.run();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    int total = 0;
    for (const auto& g : readLayer(s.out + "/grids.geojson"))
        total += std::stoi(g.fields.at("households"));
    CHECK(total == 900); // eight buildings and the second 单元 of 100; the part adds none
}
