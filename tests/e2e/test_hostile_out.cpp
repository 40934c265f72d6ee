// Issue 18, data loss: an --out that would replace an input or another program's files is refused
// before any computing, an unwritable --out is found first, and killed runs' staging folders go.
#include "e2e/hostile_scenario.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace
{

namespace fs = std::filesystem;
using gp::test::has;
using gp::test::HostileScenario;
using gp::test::slurp;

} // namespace

TEST_CASE("an --out at the inputs' folder never replaces an input", "[hostile][out]")
{
    HostileScenario s;
    s.write();
    const std::string buildings_before = slurp(s.buildings_path),
                      communities_before = slurp(s.communities_path);
    // The folder itself, another spelling of it, and a symbolic link to it.
    fs::create_directory_symlink(s.dir.path(), s.dir.file("link"));
    for (const std::string& out :
         {s.dir.path().string(), s.dir.path().string() + "/./", s.dir.file("link")})
    {
        INFO(out);
        const auto r = s.run({"--out", out});
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "holds inputs of this run"));
        CHECK(has(r.err, "buildings.geojson"));
        CHECK(has(r.err, "communities.geojson"));
        CHECK(slurp(s.buildings_path) == buildings_before);
        CHECK(slurp(s.communities_path) == communities_before);
        CHECK(!fs::exists(s.dir.file("grids.geojson")));
    }
    // The inputs still work: a run into a folder of its own succeeds.
    const auto ok = s.run();
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
}

TEST_CASE("an --out holding files gridplan did not write is refused; its own outputs are replaced",
          "[hostile][out]")
{
    HostileScenario s;
    s.write();
    fs::create_directories(s.out);
    std::ofstream(s.out + "/notes.txt") << "my notes";
    std::ofstream(s.out + "/grids.geojson") << "someone else's grids";
    auto r = s.run();
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "holds files gridplan did not write"));
    CHECK(has(r.err, "grids.geojson, notes.txt"));
    CHECK(slurp(s.out + "/notes.txt") == "my notes");
    CHECK(slurp(s.out + "/grids.geojson") == "someone else's grids");

    fs::remove_all(s.out);
    r = s.run();
    REQUIRE(r.exit_code == 0);
    const std::string manifest = slurp(s.out + "/.gridplan-outputs");
    CHECK(has(manifest, "\ngrids.geojson\n"));
    CHECK(has(manifest, "\nreport.json\n"));
    // A second run into the same folder replaces its own outputs.
    r = s.run();
    INFO(r.err);
    CHECK(r.exit_code == 0);
    // Switching to a GeoPackage removes the GeoJSON layers of the last run (they would read as
    // current).
    r = s.run({"--format", "gpkg"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(s.out + "/gridplan.gpkg"));
    CHECK(!fs::exists(s.out + "/grids.geojson"));
    CHECK(fs::exists(s.out + "/report.json"));
    // A gridplan output used as an input of the next run is not replaced by it.
    const std::string report_before = slurp(s.out + "/report.json");
    r = s.run({"--lock", s.out + "/report.json"});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "holds inputs of this run (report.json)"));
    CHECK(slurp(s.out + "/report.json") == report_before);
}

TEST_CASE("an unwritable --out is refused before any computing", "[hostile][out]")
{
    HostileScenario s;
    s.write();
    std::ofstream(s.dir.file("a_file")) << "x";
    auto a = s.args({"--out", s.dir.file("a_file") + "/sub"});
    a.erase(std::find(a.begin(), a.end(), "-q"));
    a.push_back("-v");
    const auto r = gp::test::runGridplan(a);
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "cannot create output folder"));
    CHECK(has(r.err, "is not a folder"));
    CHECK(has(r.err, s.dir.file("a_file") + "/sub"));
    CHECK(!has(r.err, "load:")); // no stage ran
    CHECK(slurp(s.dir.file("a_file")) == "x");
    // --out naming a file
    const auto f = s.run({"--out", s.dir.file("a_file")});
    CHECK(f.exit_code == 2);
    CHECK(has(f.err, "is a file, not a folder"));
}

TEST_CASE("staging folders of killed runs are removed by the next run", "[hostile][out]")
{
    HostileScenario s;
    s.write();
    REQUIRE(s.run().exit_code == 0);
    // 999999999 is above any Linux pid_max: that run is gone. This test process is alive.
    const std::string dead = s.out + "/.gridplan-staging-999999999";
    const std::string alive = s.out + "/.gridplan-staging-" + std::to_string(::getpid());
    fs::create_directories(dead);
    fs::create_directories(alive);
    std::ofstream(dead + "/grids.geojson") << "half";
    const auto r = s.run();
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(!fs::exists(dead));
    CHECK(fs::exists(alive));
    fs::remove_all(alive);
}

TEST_CASE("an output folder of a gridplan from before the manifest is still taken as gridplan's",
          "[hostile][out]")
{
    HostileScenario s;
    s.write();
    fs::create_directories(s.out);
    std::ofstream(s.out + "/report.json")
        << "{\n  \"tool\": \"gridplan\",\n  \"version\": \"0.9\"\n}\n";
    std::ofstream(s.out + "/grids.geojson") << "old grids";
    std::ofstream(s.out + "/grids.qml") << "<qgis/>";
    auto r = s.run();
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(slurp(s.out + "/grids.geojson") != "old grids");
    // Without gridplan's report.json the same names are someone else's files.
    fs::remove_all(s.out);
    fs::create_directories(s.out);
    std::ofstream(s.out + "/grids.geojson") << "old grids";
    r = s.run();
    CHECK(r.exit_code == 2);
    CHECK(slurp(s.out + "/grids.geojson") == "old grids");
}
