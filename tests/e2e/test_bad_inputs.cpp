// Bad inputs never crash and never half-write: one section per failure mode, each checking the
// exit code (0 ok, 1 bad data, 2 usage) and that stderr names the file (and feature).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace
{

namespace fs = std::filesystem;
using gp::test::FixtureFeature;
using gp::test::FixtureLayer;
using gp::test::gapsWith;
using gp::test::rectWkt;
using gp::test::runGridplan;
using gp::test::RunResult;
using gp::test::TempDir;
using gp::test::writeLayer;

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Two 100 x 100 m communities with four 20 x 20 m buildings of 100 households each.
FixtureLayer communitiesLayer()
{
    FixtureLayer l;
    l.fields = {{"cid", 'S'}, {"name", 'S'}};
    l.features = {{rectWkt(0, 0, 100, 100), {{"cid", "C1"}, {"name", "North"}}},
                  {rectWkt(100, 0, 200, 100), {{"cid", "C2"}, {"name", "South"}}}};
    return l;
}

FixtureLayer buildingsLayer()
{
    FixtureLayer l;
    l.fields = {{"bid", 'S'}, {"hh", 'S'}};
    int n = 0;
    for (double x0 : {10.0, 60.0, 110.0, 160.0})
        for (double y0 : {10.0, 60.0})
            l.features.push_back({rectWkt(x0, y0, x0 + 20, y0 + 20),
                                  {{"bid", "B" + std::to_string(++n)}, {"hh", "100"}}});
    return l;
}

struct Scenario
{
    TempDir dir{"bad"};
    FixtureLayer buildings = buildingsLayer();
    FixtureLayer communities = communitiesLayer();
    std::string buildings_path = dir.file("buildings.shp");
    std::string communities_path = dir.file("communities.shp");
    std::string out = dir.file("out");

    void write()
    {
        writeLayer(buildings_path, buildings);
        writeLayer(communities_path, communities);
    }
    std::vector<std::string> args(std::vector<std::string> extra = {}) const
    {
        std::vector<std::string> a{"partition",
                                   "--buildings",
                                   buildings_path,
                                   "--buildings-id-field",
                                   "bid",
                                   "--communities",
                                   communities_path,
                                   "--communities-id-field",
                                   "cid",
                                   "--households-field",
                                   "hh",
                                   "--min",
                                   "150",
                                   "--max",
                                   "450",
                                   "--out",
                                   out,
                                   "-q"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    RunResult run(std::vector<std::string> extra = {}) const { return runGridplan(args(extra)); }
};

void truncateFile(const std::string& path, std::uintmax_t size)
{
    fs::resize_file(path, size);
}

} // namespace

TEST_CASE("baseline scenario runs", "[bad-inputs]")
{
    Scenario s;
    s.write();
    const auto r = s.run();
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(gp::test::readLayer(s.out + "/grids.geojson").size() == 2);
}

TEST_CASE("missing and damaged files are input errors naming the file", "[bad-inputs]")
{
    Scenario s;
    s.write();
    SECTION("missing file")
    {
        const auto missing = s.dir.file("nope.shp");
        s.buildings_path = missing;
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, missing));
        CHECK(contains(r.err, "buildings"));
    }
    SECTION("missing .shx")
    {
        fs::remove(s.dir.file("buildings.shx"));
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("missing .dbf: the fields are gone")
    {
        fs::remove(s.dir.file("buildings.dbf"));
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
        CHECK(contains(r.err, "no field named"));
    }
    SECTION("missing .prj: exit 1 suggesting --assume-crs, then success with it")
    {
        fs::remove(s.dir.file("communities.prj"));
        auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.communities_path));
        CHECK(contains(r.err, "--assume-crs"));
        r = s.run({"--assume-crs", "EPSG:32650"});
        INFO(r.err);
        CHECK(r.exit_code == 0);
    }
    SECTION("truncated .shp")
    {
        truncateFile(s.buildings_path, fs::file_size(s.buildings_path) / 2 + 3);
        const auto r = s.run();
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("truncated .dbf")
    {
        truncateFile(s.dir.file("buildings.dbf"), fs::file_size(s.dir.file("buildings.dbf")) / 2);
        const auto r = s.run();
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("garbage bytes as .shp")
    {
        std::ofstream(s.buildings_path, std::ios::binary | std::ios::trunc)
            << "not a shapefile at all";
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
    }
}

TEST_CASE("empty layers and unusable geometries", "[bad-inputs]")
{
    Scenario s;
    SECTION("empty buildings layer")
    {
        s.buildings.features.clear();
        s.write();
        const auto r = s.run();
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("empty communities layer")
    {
        s.communities.features.clear();
        s.write();
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.communities_path));
    }
    SECTION("a null geometry is skipped and reported")
    {
        s.buildings.features.push_back({"", {{"bid", "NULLGEOM"}, {"hh", "5"}}});
        s.write();
        const auto r = s.run();
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto skipped = gapsWith(s.out, "feature_skipped");
        REQUIRE(skipped.size() == 1);
        CHECK(contains(skipped[0].fields.at("detail"), "NULLGEOM"));
        CHECK(contains(skipped[0].fields.at("detail"), s.buildings_path));
    }
    SECTION("a self-intersecting building is repaired and reported")
    {
        s.buildings.features[0].wkt = "POLYGON((10 10,30 30,30 10,10 30,10 10))"; // bow tie
        s.write();
        const auto r = s.run();
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto repaired = gapsWith(s.out, "geometry_repaired");
        REQUIRE(repaired.size() == 1);
        CHECK(contains(repaired[0].fields.at("detail"), "B1"));
    }
    SECTION("coordinates off the globe are skipped and reported, not a failure at output time")
    {
        s.buildings.features.push_back(
            {rectWkt(1e9, 1e9, 1e9 + 20, 1e9 + 20), {{"bid", "FAR"}, {"hh", "5"}}});
        s.write();
        const auto r = s.run();
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto skipped = gapsWith(s.out, "feature_skipped");
        REQUIRE(skipped.size() == 1);
        CHECK(contains(skipped[0].fields.at("detail"), "FAR"));
        CHECK(contains(skipped[0].fields.at("detail"), "valid area"));
    }
    SECTION("lines given as communities: no usable polygon")
    {
        s.communities.features = {{"LINESTRING(0 0,100 100)", {{"cid", "L1"}}}};
        s.write();
        const auto r = s.run();
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, s.communities_path));
        CHECK(contains(r.err, "no usable polygon"));
    }
}

TEST_CASE("points and 3D multipolygons are accepted as buildings", "[bad-inputs]")
{
    Scenario s;
    SECTION("points")
    {
        for (auto& f : s.buildings.features)
        {
            const auto p = f.wkt.find('(');
            // Centre of the 20 m square from its first corner.
            double x = 0, y = 0;
            std::sscanf(f.wkt.c_str() + p + 2, "%lf %lf", &x, &y);
            f.wkt = "POINT(" + std::to_string(x + 10) + " " + std::to_string(y + 10) + ")";
        }
        s.write();
        const auto r = s.run();
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(gp::test::readLayer(s.out + "/buildings.geojson").size() == 8);
    }
    SECTION("MultiPolygon Z")
    {
        for (auto& f : s.buildings.features)
        {
            double x = 0, y = 0;
            std::sscanf(f.wkt.c_str() + f.wkt.find('(') + 2, "%lf %lf", &x, &y);
            const auto X = [](double v) { return std::to_string(v); };
            f.wkt = "MULTIPOLYGON Z (((" + X(x) + " " + X(y) + " 5," + X(x + 20) + " " + X(y) +
                    " 5," + X(x + 20) + " " + X(y + 20) + " 5," + X(x) + " " + X(y + 20) + " 5," +
                    X(x) + " " + X(y) + " 5)))";
        }
        s.write();
        const auto r = s.run();
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(gp::test::readLayer(s.out + "/grids.geojson").size() == 2);
    }
}

TEST_CASE("bad fields and values", "[bad-inputs]")
{
    Scenario s;
    SECTION("non-existent field: exit 1 naming the field and listing the fields")
    {
        s.write();
        const auto r = s.run({"--floors-field", "nope"});
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, "'nope'"));
        CHECK(contains(r.err, "bid, hh"));
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("non-numeric and negative households are ignored and reported")
    {
        s.buildings.features[0].fields["hh"] = "abc";
        s.buildings.features[1].fields["hh"] = "-5";
        s.write();
        const auto r = s.run();
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto ignored = gapsWith(s.out, "value_ignored");
        REQUIRE(ignored.size() == 2);
        CHECK(contains(ignored[0].fields.at("detail") + ignored[1].fields.at("detail"), "'abc'"));
        CHECK(contains(ignored[0].fields.at("detail") + ignored[1].fields.at("detail"), "'-5'"));
    }
}

TEST_CASE("usage errors exit 2", "[bad-inputs]")
{
    Scenario s;
    s.write();
    SECTION("invalid --where filter")
    {
        const auto r = s.run({"--buildings-where", "hh ==== 'x"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, s.buildings_path));
    }
    SECTION("min > max")
    {
        const auto r = s.run({"--min", "600"});
        CHECK(r.exit_code == 2);
    }
    SECTION("unknown --source-encoding")
    {
        const auto r = s.run({"--source-encoding", "NOT-AN-ENCODING"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "NOT-AN-ENCODING"));
    }
    SECTION("missing required option")
    {
        const auto r = runGridplan({"partition", "--buildings", s.buildings_path});
        CHECK(r.exit_code == 2);
    }
}

TEST_CASE("a failed run leaves earlier outputs byte-identical", "[bad-inputs]")
{
    Scenario s;
    s.write();
    fs::create_directories(s.out);
    // Earlier outputs, listed in the folder's manifest (a folder holding files gridplan did not
    // write is refused before the run: tests/e2e/test_hostile_out.cpp).
    const std::map<std::string, std::string> before = {
        {"grids.geojson", "old grids"},
        {"report.json", "{\"old\": true}"},
        {".gridplan-outputs", "grids.geojson\nreport.json\n"}};
    for (const auto& [name, text] : before)
        std::ofstream(s.out + "/" + name, std::ios::binary) << text;
    fs::remove(s.dir.file("buildings.shx"));
    const auto r = s.run();
    CHECK(r.exit_code == 1);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(s.out))
    {
        ++files;
        const auto name = entry.path().filename().string();
        REQUIRE(before.count(name) == 1);
        CHECK(gp::test::slurp(entry.path().string()) == before.at(name));
    }
    CHECK(files == before.size());
}

namespace
{

// A Shapefile whose DBF is GBK-encoded (GDAL recodes from UTF-8 and writes .cpg "GBK").
void writeGbkLayer(const std::string& path,
                   const std::vector<std::pair<std::string, std::string>>& rows, double x_offset)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference srs;
    srs.importFromEPSG(32650);
    const char* options[] = {"ENCODING=GBK", nullptr};
    OGRLayer* l = ds->CreateLayer(fs::path(path).stem().string().c_str(), &srs, wkbPolygon,
                                  const_cast<char**>(options));
    REQUIRE(l != nullptr);
    OGRFieldDefn id("编号", OFTString), name("名称", OFTString), hh("户数", OFTInteger);
    REQUIRE(l->CreateField(&id) == OGRERR_NONE);
    REQUIRE(l->CreateField(&name) == OGRERR_NONE);
    REQUIRE(l->CreateField(&hh) == OGRERR_NONE);
    double x = x_offset;
    for (const auto& [key, value] : rows)
    {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        f->SetField(0, key.c_str());
        f->SetField(1, value.c_str());
        f->SetField(2, 150);
        OGRGeometry* g = nullptr;
        const auto wkt = rectWkt(x, 10, x + 20, 30);
        OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
        f->SetGeometryDirectly(g);
        REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
        x += 30;
    }
}

} // namespace

TEST_CASE("GBK-encoded DBF with and without .cpg", "[bad-inputs]")
{
    Scenario s;
    s.communities.features = {{rectWkt(0, 0, 100, 100), {{"cid", "C1"}, {"name", "幸福社区"}}}};
    s.write();
    writeGbkLayer(s.buildings_path, {{"甲1", "幸福楼一号"}, {"甲2", "幸福楼二号"}}, 10);
    auto args = [&](std::vector<std::string> extra)
    {
        std::vector<std::string> a{"partition",
                                   "--buildings",
                                   s.buildings_path,
                                   "--buildings-id-field",
                                   "编号",
                                   "--communities",
                                   s.communities_path,
                                   "--communities-id-field",
                                   "cid",
                                   "--households-field",
                                   "户数",
                                   "--min",
                                   "100",
                                   "--max",
                                   "400",
                                   "--out",
                                   s.out,
                                   "-q"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    auto names = [&]
    {
        std::set<std::string> found;
        for (auto& f : gp::test::readLayer(s.out + "/buildings.geojson"))
            found.insert(f.fields["building_id"] + "/" + f.fields["name"]);
        return found;
    };
    const std::set<std::string> expected{"甲1/幸福楼一号", "甲2/幸福楼二号"};
    REQUIRE(gp::test::slurp(s.dir.file("buildings.cpg")).find("GBK") != std::string::npos);
    SECTION("with .cpg")
    {
        const auto r = runGridplan(args({}));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(names() == expected);
        const auto grids = gp::test::readLayer(s.out + "/grids.geojson");
        REQUIRE(grids.size() == 1);
        CHECK(grids[0].fields.at("community_name") == "幸福社区");
    }
    SECTION("without .cpg, with --source-encoding GBK")
    {
        fs::remove(s.dir.file("buildings.cpg"));
        const auto r = runGridplan(args({"--source-encoding", "GBK"}));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(names() == expected);
    }
    SECTION("without .cpg and without the option the Chinese field names are not found")
    {
        fs::remove(s.dir.file("buildings.cpg"));
        const auto r = runGridplan(args({}));
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, "--source-encoding"));
    }
}
