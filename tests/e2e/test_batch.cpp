// End-to-end: `gridplan batch` runs several streets from a manifest as child processes.
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

TEST_CASE("batch runs several streets, isolates a broken one and writes a summary", "[e2e][batch]")
{
    TempDir dir("batch");
    writeStreet(dir.file("east"), {});
    Street west;
    west.estate_in_c2 = true;
    writeStreet(dir.file("west"), west);
    // Relative paths in the manifest are taken from the manifest's folder; one street names a
    // buildings file that does not exist, one a filter; option columns and an args column.
    {
        std::ofstream m(dir.file("streets.csv"));
        m << "name,out,buildings,communities-where,previous,args\n"
          << "east,out/east,east/buildings.shp,,,\"--buildings-id-field bid --households-field hh "
             "--communities east/communities.shp --communities-id-field cid\"\n"
          << "west,out/west,west/buildings.shp,\"cid IN ('C1', 'C2')\",,\"--buildings-id-field bid "
             "--households-field hh --communities west/communities.shp --communities-id-field "
             "cid\"\n"
          << "broken,out/broken,missing/buildings.shp,,,\"--buildings-id-field bid --communities "
             "east/communities.shp\"\n";
    }
    const auto run = runGridplan({"batch", dir.file("streets.csv"), "-j", "2", "-q"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("broken") != std::string::npos);
    const auto summary = nlohmann::json::parse(slurp(dir.file("summary.json")));
    REQUIRE(summary["streets"].size() == 3);
    std::map<std::string, nlohmann::json> by_name;
    for (const auto& s : summary["streets"])
        by_name[s["name"].get<std::string>()] = s;
    CHECK(by_name["east"]["status"] == "ok");
    CHECK(by_name["east"]["grids"] == 12);
    CHECK(by_name["east"]["households"] == 4800);
    CHECK(by_name["east"]["grids_within_bounds_pct"] == 100.0);
    CHECK(by_name["west"]["status"] == "ok");
    CHECK(by_name["west"]["grids"] == 10); // C1 (1600) + C2 with the estate (2400)
    CHECK(by_name["broken"]["status"] == "failed");
    CHECK(by_name["broken"]["exit_code"] == 1);
    CHECK(by_name["broken"]["error"].get<std::string>().find("missing/buildings.shp") !=
          std::string::npos);
    CHECK(summary["totals"]["failed"] == 1);
    CHECK(std::filesystem::exists(dir.file("out/east/grids.geojson")));
    CHECK(std::filesystem::exists(dir.file("out/west/grids.geojson")));
    CHECK_FALSE(std::filesystem::exists(dir.file("out/broken/grids.geojson")));
    const std::string csv = slurp(dir.file("summary.csv"));
    CHECK(csv.rfind("name,status,exit_code,households,grids,grids_within_bounds_pct,gaps,moved_"
                    "households,seconds,out,error\n",
                    0) == 0);
    CHECK(csv.find("\nbroken,failed,1,") != std::string::npos);

    // A second batch whose street re-runs against east's first output: zero moves.
    {
        std::ofstream m(dir.file("again.csv"));
        m << "name,out,previous,args\n"
          << "east_again,out/east_again,out/east,\"--buildings east/buildings.shp "
             "--buildings-id-field bid --households-field hh --communities east/communities.shp "
             "--communities-id-field cid\"\n";
    }
    const auto again =
        runGridplan({"batch", dir.file("again.csv"), "--summary", dir.file("again"), "-q"});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    const auto summary2 = nlohmann::json::parse(slurp(dir.file("again/summary.json")));
    CHECK(summary2["streets"][0]["status"] == "ok");
    CHECK(summary2["streets"][0]["moved_households"] == 0);
    CHECK(slurp(dir.file("out/east/grids.geojson")) ==
          slurp(dir.file("out/east_again/grids.geojson")));

    // A malformed manifest is a usage error.
    {
        std::ofstream m(dir.file("bad.csv"));
        m << "street,folder\nx,y\n";
    }
    const auto bad = runGridplan({"batch", dir.file("bad.csv")});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("'name'") != std::string::npos);
}
