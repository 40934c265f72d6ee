// Issue 18: footprints that overlap — a GeometryCollection whose parts overlap, building parts
// inside their building, several records (one per 单元) sharing one footprint — count land and
// households once, and every grid gets land.
#include "e2e/hostile_scenario.hpp"

#include <catch2/catch.hpp>
#include <ogr_geometry.h>

#include <map>
#include <set>

namespace
{

using gp::test::buildingsById;
using gp::test::gapsWith;
using gp::test::has;
using gp::test::HostileScenario;
using gp::test::readLayer;
using gp::test::rectWkt;

} // namespace

TEST_CASE("a GeometryCollection footprint is made valid and de-overlapped like a MultiPolygon",
          "[hostile][footprints]")
{
    // Two 20 x 20 m squares overlapping by 5 x 5 m: 775 m2 of land, not 800.
    const std::string gc = "GEOMETRYCOLLECTION(POLYGON((10 10,30 10,30 30,10 30,10 10)),"
                           "POLYGON((25 25,45 25,45 45,25 45,25 25)),POINT(1 1))";
    const std::string mp = "MULTIPOLYGON(((110 10,130 10,130 30,110 30,110 10)),"
                           "((125 25,145 25,145 45,125 45,125 25)))";
    HostileScenario s;
    s.buildings.features[0] = {gc, {{"bid", "GC"}, {"use", "住宅"}}}; // households estimated
    s.buildings.features[4] = {mp, {{"bid", "MP"}, {"use", "住宅"}}};
    s.write();
    const auto c = s.check();
    INFO(c.out);
    CHECK(has(c.out, "overlapping_footprints"));
    CHECK(has(c.out, "buildings feature GC (FID 0)"));

    const auto r = s.run();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto buildings = buildingsById(s.out);
    for (const char* id : {"GC", "MP"})
    {
        INFO(id);
        const auto& b = buildings.at(id);
        CHECK(std::stod(b.fields.at("area_m2")) == Approx(775.0).epsilon(1e-6));
        // 775 m2 x 6 floors (住宅) x 0.75 / 90 m2 = 38.75 households
        CHECK(b.fields.at("households") == "39");
        const auto geom = gp::test::metricGeometry(b.wkt);
        CHECK(geom->IsValid());
        CHECK(gp::test::areaOf(*geom) == Approx(775.0).epsilon(1e-3));
        CHECK(wkbFlatten(geom->getGeometryType()) != wkbGeometryCollection);
    }
    const auto merged = gapsWith(s.out, "overlapping_footprints");
    REQUIRE(merged.size() == 2);
    CHECK(has(merged[0].fields.at("detail"), "2 overlapping parts merged into one footprint"));
}

TEST_CASE("building parts inside their building add no phantom households", "[hostile][footprints]")
{
    HostileScenario s;
    // Community C1: one 40 x 40 m building drawn with its two halves as parts (households
    // estimated).
    s.buildings.features.erase(s.buildings.features.begin(), s.buildings.features.begin() + 2);
    s.buildings.features.push_back({rectWkt(10, 10, 50, 50), {{"bid", "W"}, {"use", "住宅"}}});
    s.buildings.features.push_back(
        {rectWkt(10, 10, 30, 50), {{"bid", "W-part1"}, {"use", "住宅"}}});
    s.buildings.features.push_back(
        {rectWkt(30, 10, 50, 50), {{"bid", "W-part2"}, {"use", "住宅"}}});
    s.buildings.features.push_back(
        {rectWkt(10, 60, 30, 80), {{"bid", "N"}, {"hh", "100"}, {"use", "住宅"}}});
    s.write();
    const auto c = s.check();
    INFO(c.out);
    CHECK(has(c.out, "building W-part1 lies inside building W"));

    const auto r = s.run({"--min", "100"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto buildings = buildingsById(s.out);
    CHECK(buildings.count("W-part1") == 0);
    CHECK(buildings.count("W-part2") == 0);
    // 1600 m2 x 6 floors x 0.75 / 90 m2 = 80 households, counted once.
    CHECK(buildings.at("W").fields.at("households") == "80");
    int c1 = 0;
    for (const auto& g : readLayer(s.out + "/grids.geojson"))
        if (g.fields.at("community") == "C1")
            c1 += std::stoi(g.fields.at("households"));
    CHECK(c1 == 380); // W 80 + N 100 + two houses of 100
    const auto merged = gapsWith(s.out, "overlapping_footprints");
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].fields.at("building_ids") == R"(["W-part1","W"])");
}

TEST_CASE(
    "records sharing one footprint (one per 单元) keep their households, each in a grid with land",
    "[hostile][footprints]")
{
    // A 40 x 20 m tower of 1,600 households recorded as four 单元 of 400, among eight houses of
    // 100.
    HostileScenario s;
    s.communities.features = {{rectWkt(0, 0, 200, 100), {{"cid", "C1"}, {"name", "塔楼社区"}}}};
    s.buildings.features.clear();
    for (int k = 1; k <= 4; ++k)
        s.buildings.features.push_back(
            {rectWkt(80, 40, 120, 60),
             {{"bid", "T-" + std::to_string(k) + "单元"}, {"hh", "400"}, {"use", "住宅"}}});
    for (int k = 0; k < 8; ++k)
    {
        const double x0 = 10 + 50 * (k % 4), y0 = k < 4 ? 5 : 75;
        s.buildings.features.push_back(
            {rectWkt(x0, y0, x0 + 20, y0 + 20),
             {{"bid", "H" + std::to_string(k)}, {"hh", "100"}, {"use", "住宅"}}});
    }
    s.write();
    const auto r = s.run({"--min", "300", "--max", "500"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto grids = readLayer(s.out + "/grids.geojson");
    int total = 0;
    for (const auto& g : grids)
    {
        INFO(g.fields.at("grid_code"));
        total += std::stoi(g.fields.at("households"));
        REQUIRE_FALSE(g.wkt.empty()); // never geometry: null
        CHECK(std::stod(g.fields.at("area_m2")) > 100.0);
        CHECK(std::stoi(g.fields.at("households")) <= 500);
    }
    CHECK(total == 2400);
    for (const auto& note : gapsWith(s.out, "tiling_note"))
        CHECK_FALSE(has(note.fields.at("detail"), "no buildings inside"));
    // Each record stays a building with its households, in a grid of its own (two would be 800).
    const auto buildings = buildingsById(s.out);
    std::set<std::string> grids_of_tower;
    double tower_area = 0;
    for (int k = 1; k <= 4; ++k)
    {
        const auto& b = buildings.at("T-" + std::to_string(k) + "单元");
        CHECK(b.fields.at("households") == "400");
        grids_of_tower.insert(b.fields.at("grid_code"));
        tower_area += std::stod(b.fields.at("area_m2"));
    }
    CHECK(grids_of_tower.size() == 4);
    CHECK(tower_area == Approx(800.0).epsilon(1e-6));
    const auto shared = gapsWith(s.out, "overlapping_footprints");
    REQUIRE(shared.size() == 1);
    CHECK(has(shared[0].fields.at("detail"), "share one footprint"));
    // The same data through check says so before the run.
    const auto c = s.check();
    CHECK(has(c.out, "share one footprint"));
}
