// End-to-end: re-running against a previous run (--previous) on before/after fixture pairs, with
// the real gridplan executable: nothing changed, a new estate, communities merged and split.
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

namespace
{

nlohmann::json readJson(const std::string& path)
{
    return nlohmann::json::parse(slurp(path));
}

// building id -> grid code
std::map<std::string, std::string> gridOf(const std::string& out)
{
    std::map<std::string, std::string> m;
    for (const auto& f : readLayer(out + "/buildings.geojson"))
        m[f.fields.at("building_id")] = f.fields.count("grid_code") ? f.fields.at("grid_code") : "";
    return m;
}

// grid code -> the grid's GeoJSON feature text (properties and geometry)
std::map<std::string, std::string> gridFeatures(const std::string& out)
{
    std::map<std::string, std::string> m;
    const auto grids = readJson(out + "/grids.geojson");
    for (const auto& f : grids["features"])
        m[f["properties"]["grid_code"].get<std::string>()] = f.dump();
    return m;
}

std::string communityOfBuilding(const std::string& id)
{
    return id.substr(0, id.find('-'));
}
int rowOfBuilding(const std::string& id)
{
    return std::stoi(id.substr(id.find('-') + 1));
}

} // namespace

TEST_CASE("re-run with nothing changed gives identical outputs and zero moves", "[e2e][rerun]")
{
    TempDir dir("rerun-same");
    const std::string in = dir.file("in");
    writeStreet(in, {});
    const auto first = runGridplan(args(in, dir.file("run1")));
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const auto second = runGridplan(withPrevious(args(in, dir.file("run2")), dir.file("run1")));
    INFO(second.err);
    REQUIRE(second.exit_code == 0);

    for (const char* f : {"grids.geojson", "buildings.geojson", "gaps.geojson",
                          "communities.geojson", "areas.geojson"})
    {
        INFO(f);
        CHECK(slurp(dir.file(std::string("run1/") + f)) ==
              slurp(dir.file(std::string("run2/") + f)));
    }
    const auto report = readJson(dir.file("run2/report.json"));
    const auto& totals = report["changes"]["totals"];
    CHECK(totals["households_moved"] == 0);
    CHECK(totals["grids_changed"] == 0);
    CHECK(totals["grids_kept"] == 12);
    CHECK(totals["communities_unchanged"] == 3);
    CHECK(report["changes"]["buildings"].empty());
    for (const auto& g : report["changes"]["grids"])
        CHECK(g["status"] == "kept");
    // changes.geojson: one row per grid, all kept.
    const auto changes = readLayer(dir.file("run2/changes.geojson"));
    CHECK(changes.size() == 12);
    // A run without --previous writes no changes layer.
    CHECK_FALSE(std::filesystem::exists(dir.file("run1/changes.geojson")));
    // Deterministic: the same re-run again gives the same bytes, report included.
    REQUIRE(runGridplan(withPrevious(args(in, dir.file("run3")), dir.file("run1"))).exit_code == 0);
    CHECK(slurp(dir.file("run2/report.json")) == slurp(dir.file("run3/report.json")));
    CHECK(slurp(dir.file("run2/changes.geojson")) == slurp(dir.file("run3/changes.geojson")));
}

TEST_CASE("a new estate of 800 households changes only its community's grids", "[e2e][rerun]")
{
    TempDir dir("rerun-estate");
    writeStreet(dir.file("before"), {});
    Street after;
    after.estate_in_c2 = true;
    writeStreet(dir.file("after"), after);
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto run =
        runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto before = gridOf(dir.file("run1")), now = gridOf(dir.file("run2"));
    const auto grids_before = gridFeatures(dir.file("run1")),
               grids_now = gridFeatures(dir.file("run2"));
    std::set<std::string> c2_codes_before;
    for (const auto& [id, code] : before)
    {
        INFO(id);
        REQUIRE(now.count(id));
        if (communityOfBuilding(id) != "C2")
        {
            // Same code, same membership, same polygon and figures.
            CHECK(now.at(id) == code);
            REQUIRE(grids_now.count(code));
            CHECK(grids_now.at(code) == grids_before.at(code));
        }
        else
            c2_codes_before.insert(code);
    }
    // Every estate building is in a grid of C2 now, and every grid is within the bounds.
    int estate = 0;
    for (const auto& [id, code] : now)
        if (communityOfBuilding(id) == "E2")
        {
            ++estate;
            CHECK(code.rfind("S-01-02-", 0) == 0);
        }
    CHECK(estate == 32);
    const auto report = readJson(dir.file("run2/report.json"));
    CHECK(report["summary"]["grids"] == 14); // 1600 + 2400 + 1600 households
    CHECK(report["summary"]["grids_within_bounds"] == 14);
    const auto& changes = report["changes"];
    CHECK(changes["totals"]["households_new"] == 800);
    CHECK(changes["totals"]["communities_unchanged"] == 2);
    int changed_rows = 0;
    for (const auto& g : changes["grids"])
    {
        if (g["status"] == "kept")
            continue;
        ++changed_rows;
        CHECK(g["community"] == "C2");
    }
    CHECK(changed_rows > 0);
    // Moved households are old C2 households only, and no more than C2 had.
    int moved = 0;
    for (const auto& b : changes["buildings"])
    {
        if (b["status"] != "moved")
            continue;
        CHECK(communityOfBuilding(b["building_id"].get<std::string>()) == "C2");
        moved += b["households"].get<int>();
    }
    CHECK(changes["totals"]["households_moved"] == moved);
    // Only grids whose land the estate stands on (those of C2's northern row, nearest to the empty
    // north) can break; the households moved are at most theirs.
    std::set<std::string> north;
    for (const auto& [id, code] : before)
        if (communityOfBuilding(id) == "C2" && rowOfBuilding(id) == 7)
            north.insert(code);
    CHECK(moved <= static_cast<int>(north.size()) * 400);
    // No retired code is issued again: every new code is unknown to the previous run.
    for (const auto& g : changes["grids"])
        if (g["status"] == "new")
            CHECK_FALSE(grids_before.count(g["new_code"].get<std::string>()));
}

TEST_CASE("communities merged and split: untouched grids keep their codes, moves are bounded",
          "[e2e][rerun]")
{
    TempDir dir("rerun-merge");
    writeStreet(dir.file("before"), {});
    Street after;
    after.merge_c1_c2 = true;
    after.split_c3 = true;
    writeStreet(dir.file("after"), after);
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto run =
        runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto before = gridOf(dir.file("run1")), now = gridOf(dir.file("run2"));
    // C1 and C2 grids lie wholly inside C12: every code and membership survives.
    for (const auto& [id, code] : before)
        if (communityOfBuilding(id) != "C3")
        {
            INFO(id);
            CHECK(now.at(id) == code);
        }
    // The only grids that must change are the C3 grids with buildings on both sides of the new
    // boundary (y = 300 m lies between rows 5 and 6); the households moved can be no more than
    // theirs.
    std::map<std::string, std::set<bool>> sides; // old C3 grid -> which sides of y=300 it holds
    std::map<std::string, int> households;
    for (const auto& [id, code] : before)
        if (communityOfBuilding(id) == "C3")
        {
            sides[code].insert(rowOfBuilding(id) >= 6);
            households[code] += 25;
        }
    int bound = 0;
    for (const auto& [code, s] : sides)
        if (s.size() == 2)
            bound += households[code];
    const auto report = readJson(dir.file("run2/report.json"));
    const int moved = report["changes"]["totals"]["households_moved"].get<int>();
    INFO("moved " << moved << ", bound " << bound);
    CHECK(moved <= bound);
    // Grids on one side of the new boundary keep code and membership.
    for (const auto& [id, code] : before)
        if (communityOfBuilding(id) == "C3" && sides[code].size() == 1)
        {
            INFO(id);
            CHECK(now.at(id) == code);
        }
    // Moved buildings all come from split C3 grids.
    for (const auto& b : report["changes"]["buildings"])
    {
        CHECK(b["status"] == "moved");
        CHECK(sides[b["old_code"].get<std::string>()].size() == 2);
    }
    // Every building is in a grid inside its new community, all grids within bounds.
    CHECK(report["summary"]["grids"] == 12);
    CHECK(report["summary"]["grids_within_bounds"] == 12);
    for (const auto& f : readLayer(dir.file("run2/buildings.geojson")))
        CHECK(f.fields.count("grid_code"));
    // Retired codes are recorded and never reissued.
    std::set<std::string> retired;
    for (const auto& c : report["codes"]["retired"])
        retired.insert(c.get<std::string>());
    for (const auto& g : report["grids"])
        CHECK_FALSE(retired.count(g["grid_code"].get<std::string>()));
    for (const auto& g : report["changes"]["grids"])
        if (g["status"] == "retired")
            CHECK(retired.count(g["old_code"].get<std::string>()));
}

TEST_CASE("a re-run (--previous) without a buildings id field is refused with a clear message",
          "[e2e][rerun]")
{
    TempDir dir("rerun-noid");
    writeStreet(dir.file("in"), {});
    REQUIRE(runGridplan(args(dir.file("in"), dir.file("run1"))).exit_code == 0);
    auto a = withPrevious(args(dir.file("in"), dir.file("run2")), dir.file("run1"));
    a.erase(a.begin() + 3, a.begin() + 5); // drop --buildings-id-field bid
    const auto run = runGridplan(a);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--buildings-id-field") != std::string::npos);
    const auto missing =
        runGridplan(withPrevious(args(dir.file("in"), dir.file("run3")), dir.file("nowhere")));
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("nowhere") != std::string::npos);
}

TEST_CASE("a locked grid survives verbatim and the rest is partitioned around it",
          "[e2e][rerun][lock]")
{
    TempDir dir("rerun-lock");
    writeStreet(dir.file("before"), {});
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto grids1 = readJson(dir.file("run1/grids.geojson"));
    const auto before = gridOf(dir.file("run1"));

    SECTION("a polygon drawn by the planner, with a code of its own")
    {
        // The planner's polygon: the land of the grid holding C1-0-0, under a new code.
        const std::string old_code = before.at("C1-0-0");
        nlohmann::json lock = {{"type", "FeatureCollection"},
                               {"features", nlohmann::json::array()}};
        for (const auto& f : grids1["features"])
            if (f["properties"]["grid_code"] == old_code)
                lock["features"].push_back({{"type", "Feature"},
                                            {"properties", {{"grid_code", "S-01-01-901"}}},
                                            {"geometry", f["geometry"]}});
        REQUIRE(lock["features"].size() == 1);
        {
            std::ofstream out(dir.file("lock.geojson"));
            out << lock.dump();
        }
        auto a = args(dir.file("before"), dir.file("run2"));
        a.insert(a.end(), {"--lock", dir.file("lock.geojson")});
        const auto run = runGridplan(a);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto grids2 = readJson(dir.file("run2/grids.geojson"));
        bool found = false;
        for (const auto& f : grids2["features"])
            if (f["properties"]["grid_code"] == "S-01-01-901")
            {
                found = true;
                CHECK(f["geometry"] == lock["features"][0]["geometry"]); // the polygon as given
            }
        CHECK(found);
        const auto now = gridOf(dir.file("run2"));
        for (const auto& [id, code] : before)
        {
            INFO(id);
            CHECK((code == old_code) == (now.at(id) == "S-01-01-901"));
            CHECK_FALSE(now.at(id).empty());
        }
        const auto report = readJson(dir.file("run2/report.json"));
        CHECK(report["codes"]["locked"] == nlohmann::json::array({"S-01-01-901"}));
        CHECK(report["summary"]["grids"] == 12);
    }

    SECTION("codes of the previous run, with a new estate on the locked grid's land")
    {
        const std::string locked =
            before.at("C2-7-0"); // a northern C2 grid: the estate is on its land
        {
            std::ofstream out(dir.file("lock.txt"));
            out << locked << "\n";
        }
        Street after;
        after.estate_in_c2 = true;
        writeStreet(dir.file("after"), after);
        auto a = withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1"));
        a.insert(a.end(), {"--lock", dir.file("lock.txt")});
        const auto run = runGridplan(a);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto now = gridOf(dir.file("run2"));
        for (const auto& [id, code] : now)
        {
            INFO(id);
            if (before.count(id) && before.at(id) == locked)
                CHECK(code == locked);
            else
                CHECK(code != locked);
        }
        std::string polygon_before, polygon_now;
        for (const auto& f : grids1["features"])
            if (f["properties"]["grid_code"] == locked)
                polygon_before = f["geometry"].dump();
        const auto grids2 = readJson(dir.file("run2/grids.geojson"));
        for (const auto& f : grids2["features"])
            if (f["properties"]["grid_code"] == locked)
                polygon_now = f["geometry"].dump();
        CHECK_FALSE(polygon_before.empty());
        CHECK(polygon_now == polygon_before);
        const auto report = readJson(dir.file("run2/report.json"));
        bool status_locked = false;
        for (const auto& g : report["changes"]["grids"])
            if (g["new_code"] == locked)
                status_locked = g["status"] == "locked";
        CHECK(status_locked);
        CHECK(report["changes"]["totals"]["households_new"] == 800);
    }

    SECTION("a locked grid outside the bounds is reported, not refused")
    {
        FixtureLayer lock;
        lock.fields = {{"grid_code", 'S'}};
        // Row 0 of C3, six buildings: 150 households.
        lock.features.push_back(
            {rectWkt(kX0 + 800, kY0, kX0 + 1100, kY0 + 50), {{"grid_code", "S-01-03-950"}}});
        writeLayer(dir.file("small_lock.shp"), lock);
        auto a = args(dir.file("before"), dir.file("run2"));
        a.insert(a.end(), {"--lock", dir.file("small_lock.shp")});
        const auto run = runGridplan(a);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        bool reported = false;
        for (const auto& g : readLayer(dir.file("run2/gaps.geojson")))
            if (g.fields.at("reason") == "locked_grid_out_of_bounds")
            {
                reported = true;
                CHECK(g.fields.at("grid_code") == "S-01-03-950");
                CHECK(g.fields.at("households") == "150");
            }
        CHECK(reported);
        int in_lock = 0;
        for (const auto& [id, code] : gridOf(dir.file("run2")))
            in_lock += code == "S-01-03-950";
        CHECK(in_lock == 6);
    }

    SECTION("a code list without --previous is a usage error")
    {
        {
            std::ofstream out(dir.file("lock.txt"));
            out << "S-01-01-001\n";
        }
        auto a = args(dir.file("before"), dir.file("run2"));
        a.insert(a.end(), {"--lock", dir.file("lock.txt")});
        const auto run = runGridplan(a);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("--previous") != std::string::npos);
    }
}

TEST_CASE("grids pushed over the bounds are re-made; their codes go to their successors",
          "[e2e][rerun]")
{
    TempDir dir("rerun-dense");
    writeStreet(dir.file("before"), {});
    Street after;
    after.dense_c1 = true; // C1 grows by 400 households in its two southern rows
    writeStreet(dir.file("after"), after);
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto run =
        runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto before = gridOf(dir.file("run1")), now = gridOf(dir.file("run2"));
    // Grids holding a building of rows 0-1 break (now over 500); every other grid is kept.
    std::set<std::string> broken;
    for (const auto& [id, code] : before)
        if (communityOfBuilding(id) == "C1" && rowOfBuilding(id) < 2)
            broken.insert(code);
    int bound = 0;
    for (const auto& [id, code] : before)
    {
        INFO(id);
        if (broken.count(code))
            bound += communityOfBuilding(id) == "C1" && rowOfBuilding(id) < 2 ? 50 : 25;
        else
            CHECK(now.at(id) == code);
    }
    const auto report = readJson(dir.file("run2/report.json"));
    CHECK(report["summary"]["grids"] == 13); // 2000 households in C1: 5 grids
    CHECK(report["summary"]["grids_within_bounds"] == 13);
    const int moved = report["changes"]["totals"]["households_moved"].get<int>();
    INFO("moved " << moved << ", bound " << bound);
    CHECK(moved <= bound);
    // Each broken code is reused by a successor (none retired); the extra grid gets the next
    // free number in C1.
    std::map<std::string, std::string> status_of;
    for (const auto& g : report["changes"]["grids"])
        status_of[g["new_code"].is_null() ? g["old_code"].get<std::string>()
                                          : g["new_code"].get<std::string>()] =
            g["status"].get<std::string>();
    for (const auto& code : broken)
    {
        INFO(code);
        REQUIRE(status_of.count(code));
        CHECK(status_of[code] != "retired");
        CHECK(status_of[code] != "kept");
    }
    REQUIRE(status_of.count("S-01-01-005"));
    CHECK(status_of["S-01-01-005"] == "new");
    CHECK(report["codes"]["retired"].empty());
}
