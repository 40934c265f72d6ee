// Issue 18, misleading messages: each awkward input or option is refused (or accepted) with a
// message naming the real cause, and the fix it suggests works.
#include "e2e/hostile_scenario.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

namespace
{

namespace fs = std::filesystem;
using gp::test::has;
using gp::test::HostileScenario;
using gp::test::runGridplan;
using gp::test::slurp;

// Every layer of `from` copied into the GeoPackage `into`.
void copyLayers(const std::string& from, const std::string& into)
{
    GDALDatasetUniquePtr src(GDALDataset::Open(from.c_str(), GDAL_OF_VECTOR));
    GDALDatasetUniquePtr dst(GDALDataset::Open(into.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(src);
    REQUIRE(dst);
    for (int i = 0; i < src->GetLayerCount(); ++i)
        REQUIRE(dst->CopyLayer(src->GetLayer(i), src->GetLayer(i)->GetName()) != nullptr);
}

} // namespace

TEST_CASE("a multi-layer GeoPackage without --*-layer is refused, listing its layers",
          "[hostile][messages]")
{
    HostileScenario s;
    s.buildings.driver = s.communities.driver = "GPKG";
    s.buildings.layer_name = "buildings";
    s.communities.layer_name = "communities";
    s.buildings_path = s.dir.file("city.gpkg");
    s.communities_path = s.dir.file("communities_only.gpkg");
    s.write();
    copyLayers(s.communities_path, s.buildings_path);
    s.communities_path = s.buildings_path; // both inputs in one file
    auto r = s.run();
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "2 layers with geometry (buildings, communities)"));
    CHECK(has(r.err, "--buildings-layer NAME"));
    const auto c = s.check();
    CHECK(c.exit_code == 1);
    CHECK(has(c.out, "--communities-layer NAME"));
    // The suggested fix works.
    r = s.run({"--buildings-layer", "buildings", "--communities-layer", "communities"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(gp::test::readLayer(s.out + "/grids.geojson").size() == 2);
}

TEST_CASE("config file: a key given twice is refused; TOML 1_000 is a number",
          "[hostile][messages]")
{
    HostileScenario s;
    s.write();
    const std::string toml = s.dir.file("run.toml");
    auto withConfig = [&](const std::string& text)
    {
        std::ofstream(toml) << text;
        auto a = s.args({"--config", toml});
        return runGridplan(a);
    };
    auto r = withConfig("max = 450\nmax = 400\n");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "'max' is given twice at the top level (or as a list); keep one"));
    r = withConfig("max = 450\nmin = 100\nmax = 400\n");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "'max' is given twice at the top level; keep one"));
    r = withConfig("seed = 3\n[partition]\nseed = 4\n");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "'seed' is given twice (at the top level and under [partition])"));
    CHECK(!fs::exists(s.out));
    // 1_000 groups digits: area-target 1000 (reported as such).
    r = withConfig("area-target = 1_000\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto report = nlohmann::json::parse(slurp(s.out + "/report.json"));
    CHECK(report["options"]["area_target"] == 1000);
}

TEST_CASE("a LOCAL_CS .prj can be overridden by --assume-crs, as the message suggests",
          "[hostile][messages]")
{
    HostileScenario s;
    s.buildings.driver = s.communities.driver = "ESRI Shapefile";
    s.buildings_path = s.dir.file("buildings.shp");
    s.communities_path = s.dir.file("communities.shp");
    s.write();
    std::ofstream(s.dir.file("buildings.prj"))
        << R"(LOCAL_CS["Site grid",LOCAL_DATUM["Site",0],UNIT["Meter",1.0],AXIS["X",EAST],AXIS["Y",NORTH]])";
    auto r = s.run();
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "engineering (LOCAL_CS) CRS"));
    CHECK(has(r.err, "--assume-crs"));
    const auto c = s.check();
    CHECK(has(c.out, "crs_missing"));
    r = s.run({"--assume-crs", "EPSG:32650"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(gp::test::readLayer(s.out + "/grids.geojson").size() == 2);
    const auto c2 = s.check({"--assume-crs", "EPSG:32650"});
    CHECK(has(c2.out, "an engineering (LOCAL_CS) CRS; --assume-crs EPSG:32650 used"));
}

TEST_CASE("an input path over 2 KB: the message names the length, not a missing CRS only",
          "[hostile][messages]")
{
    HostileScenario s;
    // Nested folders until the Shapefile's path is past 2,048 bytes.
    fs::path deep = s.dir.path();
    while (deep.string().size() < 2100)
        deep /= std::string(200, 'd');
    fs::create_directories(deep);
    s.buildings.driver = "ESRI Shapefile";
    s.buildings_path = s.dir.file("buildings.shp");
    s.write(); // GDAL cannot write there either: written here, then moved
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        fs::rename(s.dir.file(std::string("buildings") + ext),
                   deep / (std::string("buildings") + ext));
    s.buildings_path = (deep / "buildings.shp").string();
    REQUIRE(fs::exists(deep / "buildings.prj"));
    const auto r = s.run();
    CHECK(r.exit_code != 0);
    CHECK(r.exit_code != 3);
    CHECK(has(r.err, "bytes long"));
    CHECK(has(r.err, "shorter path"));
}

TEST_CASE("options: --areas beyond the communities, --areas 0, -j -1 and -j 100000 are refused",
          "[hostile][messages]")
{
    HostileScenario s;
    s.write();
    auto r = s.run({"--areas", "10"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "--areas 10 asks for more area grids than there are communities (2"));
    r = s.run({"--areas", "0"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "leave --areas out"));
    r = s.run({"-j", "-1"});
    CHECK(r.exit_code == 2);
    r = s.run({"--jobs=-1"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "-j/--jobs must be 0 (every core) or 1 to 256"));
    r = s.run({"-j", "100000"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "got 100000"));
    CHECK(!fs::exists(s.out));
    r = s.run({"--areas", "2", "-j", "2"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("report.json holds every option that changes the result", "[hostile][messages]")
{
    HostileScenario s;
    s.write();
    const auto r = s.run({"--use-map", "综合楼=residential", "--default-floors", "住宅=9",
                          "--dedicated-distance", "30", "--dedicated-floor-area", "15000",
                          "--dedicated-buildings", "5", "--street-code", "330106001"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto o = nlohmann::json::parse(slurp(s.out + "/report.json"))["options"];
    CHECK(o["use_map"]["综合楼"] == "residential");
    CHECK(o["default_floors"]["住宅"] == 9.0);
    CHECK(o["default_floors"]["*"] == 3.0);
    CHECK(o["dedicated_distance"] == 30.0);
    CHECK(o["dedicated_floor_area"] == 15000.0);
    CHECK(o["dedicated_buildings"] == 5);
    CHECK(o["dedicated_workers"] == 1000);
    CHECK(o["fold_distance"] == 200.0);
    CHECK(o["street_code"] == "330106001");
    CHECK(o["buildings_id_field"] == "bid");
}
