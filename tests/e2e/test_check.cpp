// `gridplan check` (exit 0 when partition would accept the inputs, 1 when it would refuse) and
// the coverage audit of partition: street_not_covered, community_gap, communities_overlap.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace
{

namespace fs = std::filesystem;
using gp::test::FixtureLayer;
using gp::test::rectWkt;
using gp::test::runGridplan;
using gp::test::RunResult;
using gp::test::TempDir;
using gp::test::writeLayer;

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Communities as WKT -> id; two 20 x 20 m buildings of 100 households in each 100 m cell.
struct World
{
    TempDir dir{"check"};
    FixtureLayer buildings, communities, street;
    bool with_street = false;

    World()
    {
        buildings.fields = {{"bid", 'S'}, {"hh", 'S'}};
        communities.fields = {{"cid", 'S'}};
        int n = 0;
        for (double x0 : {10.0, 60.0, 110.0, 160.0})
            buildings.features.push_back({rectWkt(x0, 10, x0 + 20, 30),
                                          {{"bid", "B" + std::to_string(++n)}, {"hh", "100"}}});
        street.fields = {{"sid", 'S'}};
    }
    void addCommunity(const std::string& wkt, const std::string& id)
    {
        communities.features.push_back({wkt, {{"cid", id}}});
    }
    void setStreet(const std::string& wkt)
    {
        street.features = {{wkt, {{"sid", "S1"}}}};
        with_street = true;
    }
    std::vector<std::string> args(const std::string& command, std::vector<std::string> extra = {})
    {
        writeLayer(dir.file("buildings.shp"), buildings);
        writeLayer(dir.file("communities.shp"), communities);
        std::vector<std::string> a{command,
                                   "--buildings",
                                   dir.file("buildings.shp"),
                                   "--buildings-id-field",
                                   "bid",
                                   "--communities",
                                   dir.file("communities.shp"),
                                   "--communities-id-field",
                                   "cid",
                                   "--households-field",
                                   "hh",
                                   "--min",
                                   "50",
                                   "--max",
                                   "450"};
        if (with_street)
        {
            writeLayer(dir.file("street.shp"), street);
            a.insert(a.end(), {"--street", dir.file("street.shp")});
        }
        if (command == "partition")
            a.insert(a.end(), {"--out", dir.file("out"), "-q"});
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    RunResult run(const std::string& command, std::vector<std::string> extra = {})
    {
        return runGridplan(args(command, std::move(extra)));
    }
    std::vector<gp::test::ReadFeature> gaps(const std::string& reason)
    {
        std::vector<gp::test::ReadFeature> found;
        for (auto& f : gp::test::readLayer(dir.file("out/gaps.geojson")))
            if (f.fields["reason"] == reason)
                found.push_back(f);
        return found;
    }
    nlohmann::json summary()
    {
        return nlohmann::json::parse(gp::test::slurp(dir.file("out/report.json")))["summary"];
    }
};

} // namespace

TEST_CASE("coverage: street not covered, slivers between communities, overlaps", "[coverage]")
{
    World w;
    w.addCommunity(rectWkt(0, 0, 100, 100), "C1");
    w.addCommunity(rectWkt(101, 0, 200, 100), "C2"); // a 1 m sliver between C1 and C2
    // The street: both communities' cells plus a 40 x 30 m bump north of C1 that no community
    // covers.
    w.setStreet("POLYGON((0 0,200 0,200 100,60 100,60 130,20 130,20 100,0 100,0 0))");
    SECTION("gaps and the covered share")
    {
        const auto r = w.run("partition");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto street = w.gaps("street_not_covered");
        REQUIRE(street.size() == 1);
        CHECK(contains(street[0].fields.at("detail"), "1200.0 m2"));
        CHECK(contains(street[0].fields.at("detail"), "C1"));
        CHECK(contains(street[0].wkt, "POLYGON"));
        const auto gap = w.gaps("community_gap");
        REQUIRE(gap.size() == 1);
        CHECK(contains(gap[0].fields.at("detail"), "sliver of 100.0 m2"));
        CHECK(contains(gap[0].fields.at("detail"), "C1, C2"));
        CHECK(w.gaps("communities_overlap").empty());
        // (20000 - 100) of 21200 m2.
        CHECK(w.summary()["street_area_covered_pct"].get<double>() == Approx(93.87).margin(0.01));
        CHECK(w.summary()["issues_by_reason"]["street_not_covered"] == 1);
    }
    SECTION("overlapping communities name both ids")
    {
        w.addCommunity(rectWkt(150, 50, 250, 150), "C3"); // overlaps C2 by 50 x 50 m
        const auto r = w.run("partition");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto overlap = w.gaps("communities_overlap");
        REQUIRE(overlap.size() == 1);
        CHECK(contains(overlap[0].fields.at("detail"), "C2"));
        CHECK(contains(overlap[0].fields.at("detail"), "C3"));
        CHECK(contains(overlap[0].fields.at("detail"), "2500.0 m2"));
    }
}

TEST_CASE("coverage: holes inside the union of communities", "[coverage]")
{
    World w;
    w.addCommunity("POLYGON((0 0,100 0,100 100,0 100,0 0),(40 40,60 40,60 60,40 60,40 40))", "C1");
    w.addCommunity(rectWkt(100, 0, 200, 100), "C2");
    SECTION("without a street")
    {
        const auto r = w.run("partition");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        const auto gap = w.gaps("community_gap");
        REQUIRE(gap.size() == 1);
        CHECK(contains(gap[0].fields.at("detail"), "hole of 400.0 m2"));
        CHECK(w.gaps("street_not_covered").empty());
        CHECK(w.summary()["street_area_covered_pct"].is_null());
    }
    SECTION("with a street the hole is still a gap between communities, not open street")
    {
        w.setStreet(rectWkt(0, 0, 200, 100));
        const auto r = w.run("partition");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        REQUIRE(w.gaps("community_gap").size() == 1);
        CHECK(w.gaps("street_not_covered").empty());
        CHECK(w.summary()["street_area_covered_pct"].get<double>() == Approx(98.0));
    }
    SECTION("no gaps at all when communities tile the street")
    {
        w.communities.features[0].wkt = rectWkt(0, 0, 100, 100);
        w.setStreet(rectWkt(0, 0, 200, 100));
        const auto r = w.run("partition");
        REQUIRE(r.exit_code == 0);
        CHECK(w.gaps("community_gap").empty());
        CHECK(w.gaps("street_not_covered").empty());
        CHECK(w.summary()["street_area_covered_pct"].get<double>() == Approx(100.0));
    }
}

TEST_CASE("check lists problems and accepts what partition accepts", "[check]")
{
    World w;
    w.addCommunity(rectWkt(0, 0, 100, 100), "C1");
    w.addCommunity(rectWkt(100, 0, 200, 100), "C2");
    SECTION("clean inputs")
    {
        const auto r = w.run("check");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "no problems found"));
        CHECK(contains(r.out, "partition would accept"));
        CHECK(contains(r.out, "4 buildings, 2 communities"));
        // check never writes outputs.
        CHECK_FALSE(fs::exists(w.dir.file("out")));
    }
    SECTION("warnings: partition would still run")
    {
        w.addCommunity(rectWkt(150, 50, 250, 150), "C3"); // overlap
        w.buildings.features.push_back({rectWkt(10, 10, 30, 30), {{"bid", "DUP"}, {"hh", "100"}}});
        w.buildings.features.push_back({"", {{"bid", "NULLGEOM"}, {"hh", "1"}}});
        w.buildings.features.push_back(
            {rectWkt(500, 500, 520, 520), {{"bid", "FAR"}, {"hh", "7"}}});
        w.buildings.features.push_back(
            {rectWkt(60, 60, 80, 80), {{"bid", "TEXT"}, {"hh", "many"}}});
        w.buildings.features.push_back(
            {"POLYGON((10 60,30 80,30 60,10 80,10 60))", {{"bid", "BOW"}, {"hh", "5"}}});
        w.setStreet(rectWkt(0, 0, 200, 120));
        const auto r = w.run("check");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        for (const char* problem : {"communities_overlap", "duplicate_geometry", "feature_skipped",
                                    "building_outside_communities", "value_ignored",
                                    "geometry_repaired", "street_not_covered"})
        {
            INFO(problem);
            CHECK(contains(r.out, problem));
        }
        CHECK(contains(r.out, "DUP"));
        CHECK(contains(r.out, "NULLGEOM"));
        CHECK(contains(r.out, "'many'"));
        CHECK(contains(r.out, "partition would accept"));
        // The same inputs run through partition.
        CHECK(w.run("partition").exit_code == 0);
    }
    SECTION("errors: every layer problem is listed, exit 1 like partition")
    {
        w.communities.crs = ""; // no .prj
        w.setStreet(rectWkt(0, 0, 200, 100));
        auto a = w.args("check");
        fs::remove(w.dir.file("street.shx"));
        const auto r = runGridplan(a);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(contains(r.out, "crs_missing"));
        CHECK(contains(r.out, "input_error"));
        CHECK(contains(r.out, w.dir.file("street.shp")));
        CHECK(contains(r.out, w.dir.file("communities.shp")));
        CHECK(contains(r.out, "partition would refuse"));
        a[0] = "partition";
        a.insert(a.end(), {"--out", w.dir.file("out")});
        CHECK(runGridplan(a).exit_code == 1);
    }
    SECTION("CRS assumed and CRS differing between layers are notes")
    {
        w.communities.crs = "";
        w.setStreet("POLYGON((117 0.0001,117.002 0.0001,117.002 0.001,117 0.001,117 0.0001))");
        w.street.crs = "EPSG:4326";
        const auto r = w.run("check", {"--assume-crs", "EPSG:32650"});
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "crs_assumed"));
        CHECK(contains(r.out, "crs_differs"));
    }
    SECTION("a missing field is an error naming it")
    {
        const auto r = w.run("check", {"--floors-field", "storeys"});
        CHECK(r.exit_code == 1);
        CHECK(contains(r.out, "'storeys'"));
    }
    SECTION("contradictory options are usage errors")
    {
        const auto r = w.run("check", {"--target", "9999"});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "check --help"));
    }
}
