// End-to-end: re-running against a previous run (--previous) on before/after fixture pairs, with
// the real gridplan executable: nothing changed, a new estate, communities merged and split.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace gp::test;

namespace
{

constexpr double kX0 = 500000, kY0 = 3300000;

// A street of three 400 x 600 m communities C1, C2, C3 side by side; in each an 8 x 8 lattice
// of 20 x 20 m buildings of 25 households (1600 households, 4 grids of 400) in its southern
// 400 m. Building ids are "<community>-<row>-<col>", rows from the south.
struct Street
{
    bool estate_in_c2 = false;   // 32 more buildings (800 households) in C2's empty north
    bool merge_c1_c2 = false;    // C1 and C2 become one community C12
    bool split_c3 = false;       // C3 becomes C3S (south of y=300) and C3N
    bool dense_c1 = false;       // C1's two southern rows hold 50 households per building
};

void addLattice(FixtureLayer& layer, const std::string& community, double x, int row0, int rows,
                int dense_rows = 0)
{
    for (int r = row0; r < row0 + rows; ++r)
        for (int c = 0; c < 8; ++c)
        {
            const double bx = kX0 + x + 15 + c * 50, by = kY0 + 15 + r * 50;
            layer.features.push_back({rectWkt(bx, by, bx + 20, by + 20),
                                      {{"bid", community + "-" + std::to_string(r) + "-" + std::to_string(c)},
                                       {"hh", r < dense_rows ? "50" : "25"}}});
        }
}

void writeStreet(const std::string& dir, const Street& s)
{
    std::filesystem::create_directories(dir);
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    addLattice(buildings, "C1", 0, 0, 8, s.dense_c1 ? 2 : 0);
    addLattice(buildings, "C2", 400, 0, 8);
    addLattice(buildings, "C3", 800, 0, 8);
    if (s.estate_in_c2)
        addLattice(buildings, "E2", 400, 8, 4);
    writeLayer(dir + "/buildings.shp", buildings);

    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}, {"name", 'S'}};
    auto add = [&](const std::string& id, double x0, double y0, double x1, double y1) {
        communities.features.push_back({rectWkt(kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1), {{"cid", id}, {"name", id + "社区"}}});
    };
    if (s.merge_c1_c2)
        add("C12", 0, 0, 800, 600);
    else
    {
        add("C1", 0, 0, 400, 600);
        add("C2", 400, 0, 800, 600);
    }
    if (s.split_c3)
    {
        add("C3S", 800, 0, 1200, 300);
        add("C3N", 800, 300, 1200, 600);
    }
    else
        add("C3", 800, 0, 1200, 600);
    writeLayer(dir + "/communities.shp", communities);
}

std::vector<std::string> args(const std::string& in, const std::string& out)
{
    return {"partition", "--buildings", in + "/buildings.shp", "--buildings-id-field", "bid",
            "--households-field", "hh", "--communities", in + "/communities.shp",
            "--communities-id-field", "cid", "--out", out, "-q"};
}

std::vector<std::string> withPrevious(std::vector<std::string> a, const std::string& previous)
{
    a.push_back("--previous");
    a.push_back(previous);
    return a;
}

nlohmann::json readJson(const std::string& path) { return nlohmann::json::parse(slurp(path)); }

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

std::string communityOfBuilding(const std::string& id) { return id.substr(0, id.find('-')); }
int rowOfBuilding(const std::string& id) { return std::stoi(id.substr(id.find('-') + 1)); }

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

    for (const char* f : {"grids.geojson", "buildings.geojson", "gaps.geojson", "communities.geojson", "areas.geojson"})
    {
        INFO(f);
        CHECK(slurp(dir.file(std::string("run1/") + f)) == slurp(dir.file(std::string("run2/") + f)));
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
    const auto run = runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto before = gridOf(dir.file("run1")), now = gridOf(dir.file("run2"));
    const auto grids_before = gridFeatures(dir.file("run1")), grids_now = gridFeatures(dir.file("run2"));
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

TEST_CASE("communities merged and split: untouched grids keep their codes, moves are bounded", "[e2e][rerun]")
{
    TempDir dir("rerun-merge");
    writeStreet(dir.file("before"), {});
    Street after;
    after.merge_c1_c2 = true;
    after.split_c3 = true;
    writeStreet(dir.file("after"), after);
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto run = runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
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
    // boundary (y = 300 m lies between rows 5 and 6); the households moved can be no more than theirs.
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

TEST_CASE("a re-run (--previous) without a buildings id field is refused with a clear message", "[e2e][rerun]")
{
    TempDir dir("rerun-noid");
    writeStreet(dir.file("in"), {});
    REQUIRE(runGridplan(args(dir.file("in"), dir.file("run1"))).exit_code == 0);
    auto a = withPrevious(args(dir.file("in"), dir.file("run2")), dir.file("run1"));
    a.erase(a.begin() + 3, a.begin() + 5); // drop --buildings-id-field bid
    const auto run = runGridplan(a);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--buildings-id-field") != std::string::npos);
    const auto missing = runGridplan(withPrevious(args(dir.file("in"), dir.file("run3")), dir.file("nowhere")));
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("nowhere") != std::string::npos);
}

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
          << "east,out/east,east/buildings.shp,,,\"--buildings-id-field bid --households-field hh --communities east/communities.shp --communities-id-field cid\"\n"
          << "west,out/west,west/buildings.shp,\"cid IN ('C1', 'C2')\",,\"--buildings-id-field bid --households-field hh --communities west/communities.shp --communities-id-field cid\"\n"
          << "broken,out/broken,missing/buildings.shp,,,\"--buildings-id-field bid --communities east/communities.shp\"\n";
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
    CHECK(by_name["broken"]["error"].get<std::string>().find("missing/buildings.shp") != std::string::npos);
    CHECK(summary["totals"]["failed"] == 1);
    CHECK(std::filesystem::exists(dir.file("out/east/grids.geojson")));
    CHECK(std::filesystem::exists(dir.file("out/west/grids.geojson")));
    CHECK_FALSE(std::filesystem::exists(dir.file("out/broken/grids.geojson")));
    const std::string csv = slurp(dir.file("summary.csv"));
    CHECK(csv.rfind("name,status,exit_code,households,grids,grids_within_bounds_pct,gaps,moved_households,seconds,out,error\n", 0) == 0);
    CHECK(csv.find("\nbroken,failed,1,") != std::string::npos);

    // A second batch whose street re-runs against east's first output: zero moves.
    {
        std::ofstream m(dir.file("again.csv"));
        m << "name,out,previous,args\n"
          << "east_again,out/east_again,out/east,\"--buildings east/buildings.shp --buildings-id-field bid --households-field hh --communities east/communities.shp --communities-id-field cid\"\n";
    }
    const auto again = runGridplan({"batch", dir.file("again.csv"), "--summary", dir.file("again"), "-q"});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    const auto summary2 = nlohmann::json::parse(slurp(dir.file("again/summary.json")));
    CHECK(summary2["streets"][0]["status"] == "ok");
    CHECK(summary2["streets"][0]["moved_households"] == 0);
    CHECK(slurp(dir.file("out/east/grids.geojson")) == slurp(dir.file("out/east_again/grids.geojson")));

    // A malformed manifest is a usage error.
    {
        std::ofstream m(dir.file("bad.csv"));
        m << "street,folder\nx,y\n";
    }
    const auto bad = runGridplan({"batch", dir.file("bad.csv")});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("'name'") != std::string::npos);
}

TEST_CASE("a locked grid survives verbatim and the rest is partitioned around it", "[e2e][rerun][lock]")
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
        nlohmann::json lock = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
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
        const std::string locked = before.at("C2-7-0"); // a northern C2 grid: the estate is on its land
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
        lock.features.push_back({rectWkt(kX0 + 800, kY0, kX0 + 1100, kY0 + 50), {{"grid_code", "S-01-03-950"}}});
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

TEST_CASE("per-community stages in parallel give the same bytes as a serial run", "[e2e][parallel]")
{
    TempDir dir("parallel");
    Street street;
    street.estate_in_c2 = true;
    street.split_c3 = true;
    writeStreet(dir.file("in"), street);
    auto serial = args(dir.file("in"), dir.file("j1"));
    serial.insert(serial.end(), {"-j", "1"});
    auto parallel = args(dir.file("in"), dir.file("j2"));
    parallel.insert(parallel.end(), {"-j", "2"});
    auto many = args(dir.file("in"), dir.file("j8"));
    many.insert(many.end(), {"-j", "8"});
    REQUIRE(runGridplan(serial).exit_code == 0);
    REQUIRE(runGridplan(parallel).exit_code == 0);
    REQUIRE(runGridplan(many).exit_code == 0);
    for (const char* f : {"grids.geojson", "buildings.geojson", "gaps.geojson", "communities.geojson", "report.json"})
    {
        INFO(f);
        const auto one = slurp(dir.file(std::string("j1/") + f));
        CHECK_FALSE(one.empty());
        CHECK(one == slurp(dir.file(std::string("j2/") + f)));
        CHECK(one == slurp(dir.file(std::string("j8/") + f)));
    }
}

TEST_CASE("grids pushed over the bounds are re-made; their codes go to their successors", "[e2e][rerun]")
{
    TempDir dir("rerun-dense");
    writeStreet(dir.file("before"), {});
    Street after;
    after.dense_c1 = true; // C1 grows by 400 households in its two southern rows
    writeStreet(dir.file("after"), after);
    REQUIRE(runGridplan(args(dir.file("before"), dir.file("run1"))).exit_code == 0);
    const auto run = runGridplan(withPrevious(args(dir.file("after"), dir.file("run2")), dir.file("run1")));
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
        status_of[g["new_code"].is_null() ? g["old_code"].get<std::string>() : g["new_code"].get<std::string>()] =
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
