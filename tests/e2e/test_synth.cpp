// End-to-end on a synthetic city from gridplan-synth: the generator is deterministic, and the
// real gridplan partitions its output with every home in one grid, the invalid footprints
// reported, and the Chinese names intact.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>

using namespace gp::test;

namespace
{

// Runs gridplan-synth; returns its exit code and stdout.
std::pair<int, std::string> runSynth(const std::string& seed, const std::string& buildings,
                                     const std::string& out)
{
    const std::string log = out + ".log";
    const std::string cmd = std::string("'") + GRIDPLAN_SYNTH_EXE + "' --seed " + seed +
                            " --buildings " + buildings + " --out '" + out + "' > '" + log +
                            "' 2>&1 < /dev/null";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(log)};
}

// bld_id of every footprint in the Shapefile that OGR (GEOS) finds invalid.
std::set<std::string> invalidBuildingIds(const std::string& path)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    std::set<std::string> ids;
    for (auto& f : *ds->GetLayer(0))
        if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsValid())
            ids.insert(f->GetFieldAsString("bld_id"));
    return ids;
}

} // namespace

TEST_CASE("gridplan-synth writes the same files for the same seed and size", "[e2e][synth]")
{
    TempDir dir("synth-determinism");
    const auto a = runSynth("3", "3000", dir.file("a"));
    const auto b = runSynth("3", "3000", dir.file("b"));
    const auto c = runSynth("4", "3000", dir.file("c"));
    INFO(a.second);
    REQUIRE(a.first == 0);
    REQUIRE(b.first == 0);
    REQUIRE(c.first == 0);
    CHECK(a.second == b.second);
    for (const char* layer : {"street", "communities", "barriers", "compounds", "buildings"})
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        {
            const std::string name = std::string(layer) + ext;
            INFO(name);
            const auto bytes = slurp(dir.file("a/" + name));
            CHECK(!bytes.empty());
            CHECK(bytes == slurp(dir.file("b/" + name)));
        }
    CHECK(slurp(dir.file("a/buildings.shp")) !=
          slurp(dir.file("c/buildings.shp"))); // the seed matters
    CHECK(readLayer(dir.file("a/buildings.shp")).size() == 3000);
    CHECK(readLayer(dir.file("c/buildings.shp")).size() == 3000);
    CHECK(slurp(dir.file("a/buildings.cpg")) == "UTF-8");
    CHECK(slurp(dir.file("a/buildings.prj")).find("UTM_Zone_50N") != std::string::npos);
}

TEST_CASE("gridplan partitions a synthetic city of 3,000 buildings end to end", "[e2e][synth]")
{
    TempDir dir("synth-city");
    const auto gen = runSynth("3", "3000", dir.file("city"));
    INFO(gen.second);
    REQUIRE(gen.first == 0);
    const auto summary = nlohmann::json::parse(gen.second);
    REQUIRE(summary.at("buildings") == 3000);
    REQUIRE(summary.at("invalid").get<int>() >= 1); // seed 3 makes bow-ties: they must show up
    REQUIRE(summary.at("communities").get<int>() >= 4);

    const auto city = [&](const std::string& layer) { return dir.file("city/" + layer + ".shp"); };
    const auto run = runGridplan({"partition",
                                  "--buildings",
                                  city("buildings"),
                                  "--buildings-id-field",
                                  "bld_id",
                                  "--use-field",
                                  "use",
                                  "--floors-field",
                                  "floors",
                                  "--height-field",
                                  "height",
                                  "--households-field",
                                  "households",
                                  "--communities",
                                  city("communities"),
                                  "--communities-id-field",
                                  "comm_id",
                                  "--street",
                                  city("street"),
                                  "--compounds",
                                  city("compounds"),
                                  "--compounds-id-field",
                                  "cmp_id",
                                  "--barriers",
                                  city("barriers"),
                                  "--out",
                                  dir.file("out"),
                                  "-v"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    // -v stage lines carry wall times; every stage reports.
    for (const char* stage : {"load:", "classify:", "place:", "graph:", "partition:", "dedicate:",
                              "tile:", "organize:", "audit:", "write:"})
    {
        INFO(stage);
        // The stage line (after the "[mm:ss] " prefix) carries its times; a progress bar of the
        // same name ("write: 0...10...") may come first.
        bool timed = false;
        for (auto at = run.err.find(std::string("] ") + stage); at != std::string::npos && !timed;
             at = run.err.find(std::string("] ") + stage, at + 1))
        {
            const auto eol = run.err.find('\n', at + 1);
            timed = run.err.substr(at, eol - at).find(" s]") != std::string::npos;
        }
        CHECK(timed);
    }

    // Every building is written once; every residential building with households is in a grid,
    // and the grids' building counts add up to the buildings that name a grid: one grid each.
    const auto buildings = readLayer(dir.file("out/buildings.geojson"));
    REQUIRE(buildings.size() == 3000);
    const auto grids = readLayer(dir.file("out/grids.geojson"));
    REQUIRE(!grids.empty());
    std::map<std::string, long long> grid_buildings;
    for (const auto& g : grids)
        grid_buildings[g.fields.at("grid_code")] = std::stoll(g.fields.at("buildings"));
    REQUIRE(grid_buildings.size() == grids.size()); // codes are unique
    std::set<std::string> ids;
    std::map<std::string, long long> counted;
    long long homes = 0, in_grid = 0;
    for (const auto& b : buildings)
    {
        ids.insert(b.fields.at("building_id"));
        const auto grid = b.fields.find("grid_code");
        if (grid != b.fields.end())
        {
            ++in_grid;
            REQUIRE(grid_buildings.count(grid->second) == 1);
            ++counted[grid->second];
        }
        if (b.fields.at("use") == "residential" && std::stoll(b.fields.at("households")) > 0)
        {
            ++homes;
            INFO("building " << b.fields.at("building_id"));
            CHECK(grid != b.fields.end());
        }
    }
    CHECK(ids.size() == 3000);
    CHECK(homes > 2000);
    long long sum = 0;
    for (const auto& [code, n] : grid_buildings)
    {
        INFO(code);
        CHECK(counted[code] == n);
        sum += n;
    }
    CHECK(sum == in_grid);

    // Quality: the household bounds hold for nearly all households on a city like this one.
    const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
    const auto& s = report.at("summary");
    CHECK(s.at("buildings") == 3000);
    CHECK(s.at("households_in_grids") == s.at("households"));
    CHECK(s.at("households_in_grids_within_bounds_pct").get<double>() >= 95.0);
    CHECK(s.at("mean_polsby_popper").get<double>() > 0.3);
    CHECK(s.at("street_area_covered_pct").get<double>() >= 99.9);

    // The bow-ties the generator wrote are each reported as repaired.
    const auto invalid = invalidBuildingIds(city("buildings"));
    CHECK(static_cast<int>(invalid.size()) == summary.at("invalid").get<int>());
    std::set<std::string> repaired;
    for (const auto& gap : readLayer(dir.file("out/gaps.geojson")))
        if (gap.fields.at("reason") == "geometry_repaired")
            for (const auto& id : nlohmann::json::parse(gap.fields.at("building_ids")))
                repaired.insert(id.get<std::string>());
    for (const auto& id : invalid)
    {
        INFO(id);
        CHECK(repaired.count(id) == 1);
    }

    // Chinese names survive: communities and compounds as written by the generator.
    std::map<std::string, std::string> community_names;
    for (const auto& c : readLayer(city("communities")))
        community_names[c.fields.at("comm_id")] = c.fields.at("name");
    const auto communities = readLayer(dir.file("out/communities.geojson"));
    REQUIRE(communities.size() == community_names.size());
    for (const auto& c : communities)
    {
        const auto& name = c.fields.at("name");
        CHECK(name == community_names.at(c.fields.at("community")));
        CHECK(name.find("社区") != std::string::npos);
    }
    std::map<std::string, std::string> compound_names;
    for (const auto& c : readLayer(city("compounds")))
        compound_names[c.fields.at("cmp_id")] = c.fields.at("name");
    for (const auto& c : readLayer(dir.file("out/compounds.geojson")))
        CHECK(c.fields.at("name") == compound_names.at(c.fields.at("compound_id")));
}
