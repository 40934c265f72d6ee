// End-to-end: `gridplan batch` as a cluster runs it (shards, collect, resumption) and the
// manifest problems that must stop a batch before anything runs (issue 18: one folder spelled
// three ways, a GBK manifest, an unknown column), with the real executable on files written here.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

using namespace gp::test;
namespace fs = std::filesystem;

namespace
{

// A street of `communities` 400 x 600 m communities side by side, each with an 8 x 8 lattice of
// 20 x 20 m buildings of 25 households (1600 households: 4 grids of 400).
void writeStreet(const std::string& dir, int communities)
{
    fs::create_directories(dir);
    FixtureLayer buildings, boundaries;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    boundaries.fields = {{"cid", 'S'}};
    const double x0 = 500000, y0 = 3300000;
    for (int k = 0; k < communities; ++k)
    {
        const std::string cid = "C" + std::to_string(k + 1);
        boundaries.features.push_back(
            {rectWkt(x0 + k * 400, y0, x0 + k * 400 + 400, y0 + 600), {{"cid", cid}}});
        for (int r = 0; r < 8; ++r)
            for (int c = 0; c < 8; ++c)
            {
                const double bx = x0 + k * 400 + 15 + c * 50, by = y0 + 15 + r * 50;
                buildings.features.push_back(
                    {rectWkt(bx, by, bx + 20, by + 20),
                     {{"bid", cid + "-" + std::to_string(r) + "-" + std::to_string(c)},
                      {"hh", "25"}}});
            }
    }
    writeLayer(dir + "/buildings.shp", buildings);
    writeLayer(dir + "/communities.shp", boundaries);
}

const char* kStreetArgs =
    "--buildings-id-field bid --households-field hh --communities-id-field cid";

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

nlohmann::json readJson(const std::string& path)
{
    return nlohmann::json::parse(slurp(path));
}

std::map<std::string, nlohmann::json> streetsOf(const nlohmann::json& summary)
{
    std::map<std::string, nlohmann::json> by_name;
    for (const auto& s : summary["streets"])
        by_name[s["name"].get<std::string>()] = s;
    return by_name;
}

} // namespace

TEST_CASE("batch shards balance buildings, collect, unchanged streets and --only-failed",
          "[e2e][batch]")
{
    TempDir dir("batch-shards");
    // Streets of 4, 3, 2 and 1 communities (256, 192, 128, 64 buildings) and one whose buildings
    // file does not exist yet. Greedy by buildings over 2 shards: {a, d, broken} and {b, c}.
    std::string manifest = "name,out,buildings,communities,args\n";
    const std::vector<std::pair<std::string, int>> streets = {
        {"a", 4}, {"b", 3}, {"c", 2}, {"d", 1}};
    for (const auto& [name, n] : streets)
    {
        writeStreet(dir.file("in/" + name), n);
        manifest += name + ",out/" + name + ",in/" + name + "/buildings.shp,in/" + name +
                    "/communities.shp," + kStreetArgs + "\n";
    }
    manifest += std::string("broken,out/broken,in/fixed/buildings.shp,in/a/communities.shp,") +
                kStreetArgs + "\n";
    writeText(dir.file("m.csv"), manifest);

    const auto shard0 = runGridplan({"batch", dir.file("m.csv"), "--shard", "0/2", "-q"});
    CHECK(shard0.exit_code == 1); // its broken street
    CHECK(shard0.err.find("street broken failed") != std::string::npos);
    CHECK(shard0.err.find("logs/broken.log") != std::string::npos);
    std::set<std::string> ran;
    for (const auto& e : fs::directory_iterator(dir.file("results")))
        ran.insert(e.path().stem().string());
    CHECK(ran == std::set<std::string>{"a", "d", "broken"});
    CHECK_FALSE(fs::exists(dir.file("summary.json"))); // a shard writes no summary
    const auto collect_early = runGridplan({"batch", dir.file("m.csv"), "--collect", "-q"});
    CHECK(collect_early.exit_code == 1);
    CHECK(streetsOf(readJson(dir.file("summary.json")))["b"]["status"] == "not run");

    const auto shard1 = runGridplan({"batch", dir.file("m.csv"), "--shard", "1/2", "-q"});
    INFO(shard1.err);
    CHECK(shard1.exit_code == 0);
    const auto collect = runGridplan({"batch", dir.file("m.csv"), "--collect", "-q"});
    CHECK(collect.exit_code == 1);
    auto by_name = streetsOf(readJson(dir.file("summary.json")));
    for (const auto& [name, n] : streets)
    {
        INFO(name);
        CHECK(by_name[name]["status"] == "ok");
        CHECK(by_name[name]["households"] == 1600 * n);
        CHECK(by_name[name]["grids"] == 4 * n);
    }
    CHECK(by_name["broken"]["status"] == "failed");
    CHECK(by_name["broken"]["error"].get<std::string>().find("in/fixed/buildings.shp") !=
          std::string::npos);
    CHECK(slurp(by_name["broken"]["log"].get<std::string>()).find("in/fixed/buildings.shp") !=
          std::string::npos);
    const std::string fingerprint = readJson(dir.file("out/a/report.json"))["batch"]["fingerprint"];
    CHECK(fingerprint.size() == 16);

    // The whole batch again: the four finished streets are not run again (same fingerprint).
    const auto a_grids = slurp(dir.file("out/a/grids.geojson"));
    const auto a_time = fs::last_write_time(dir.file("out/a/grids.geojson"));
    const auto again = runGridplan({"batch", dir.file("m.csv"), "-q"});
    CHECK(again.exit_code == 1);
    by_name = streetsOf(readJson(dir.file("summary.json")));
    for (const auto& [name, n] : streets)
        CHECK(by_name[name]["skipped"] == true);
    CHECK(fs::last_write_time(dir.file("out/a/grids.geojson")) == a_time);

    // A changed input (d's buildings written again) or option is a new run of that street only.
    fs::remove_all(dir.file("in/d"));
    writeStreet(dir.file("in/d"), 1);
    writeStreet(dir.file("in/fixed"), 2); // the broken street's input now exists
    const auto only_failed = runGridplan({"batch", dir.file("m.csv"), "--only-failed", "-q"});
    INFO(only_failed.err);
    CHECK(only_failed.exit_code == 0);
    by_name = streetsOf(readJson(dir.file("summary.json")));
    CHECK(by_name["broken"]["status"] == "ok");
    CHECK(by_name["broken"]["households"] == 3200);
    CHECK(by_name["broken"]["skipped"] == false);
    CHECK(by_name["d"]["skipped"] == true); // --only-failed runs only what had failed
    CHECK(readJson(dir.file("summary.json"))["totals"]["ok"] == 5);
    const auto changed = runGridplan({"batch", dir.file("m.csv"), "-q"});
    CHECK(changed.exit_code == 0);
    by_name = streetsOf(readJson(dir.file("summary.json")));
    CHECK(by_name["d"]["skipped"] == false);
    CHECK(by_name["a"]["skipped"] == true);
    CHECK(by_name["broken"]["skipped"] == true);
    CHECK(slurp(dir.file("out/a/grids.geojson")) == a_grids);
    // --force runs everything, with the same bytes.
    CHECK(runGridplan({"batch", dir.file("m.csv"), "--force", "-q"}).exit_code == 0);
    CHECK(streetsOf(readJson(dir.file("summary.json")))["a"]["skipped"] == false);
    CHECK(slurp(dir.file("out/a/grids.geojson")) == a_grids);
    CHECK(readJson(dir.file("out/a/report.json"))["batch"]["fingerprint"] == fingerprint);
}

TEST_CASE("batch: a bad --shard and a folder --out are usage errors", "[e2e][batch]")
{
    TempDir dir("batch-usage");
    writeText(dir.file("m.csv"), "name,out\na,out/a\n");
    for (const std::string shard : {"2/2", "1", "x/3", "0/0", "1/2/3"})
    {
        INFO(shard);
        const auto run = runGridplan({"batch", dir.file("m.csv"), "--shard", shard});
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("--shard") != std::string::npos);
    }
    const auto folder = runGridplan({"batch", dir.file("m.csv"), "--out", dir.file("o")});
    CHECK(folder.exit_code == 2);
    CHECK(folder.err.find("PG:") != std::string::npos);
}

TEST_CASE("batch rows naming one folder in different spellings are refused before any run",
          "[e2e][batch][hostile]")
{
    TempDir dir("batch-same-folder");
    writeStreet(dir.file("in"), 1);
    const std::string cells =
        std::string(",in/buildings.shp,in/communities.shp,") + kStreetArgs + "\n";
    writeText(dir.file("m.csv"), "name,out,buildings,communities,args\n"
                                 "one,same" +
                                     cells + "two,./same/" + cells + "three," + dir.file("same") +
                                     cells);
    const auto run = runGridplan({"batch", dir.file("m.csv")});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("line 3: output folder './same/' is used by two streets (line 2") !=
          std::string::npos);
    CHECK(run.err.find("see gridplan batch --help") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("same")));
    CHECK_FALSE(fs::exists(dir.file("summary.json")));
    CHECK_FALSE(fs::exists(dir.file("logs")));

    // A symbolic link to the folder is the same folder too.
    fs::create_directories(dir.file("real"));
    fs::create_directory_symlink(dir.file("real"), dir.file("link"));
    writeText(dir.file("m2.csv"),
              "name,out,buildings,communities,args\none,real" + cells + "two,link" + cells);
    const auto linked = runGridplan({"batch", dir.file("m2.csv")});
    CHECK(linked.exit_code == 2);
    CHECK(linked.err.find("output folder 'link' is used by two streets") != std::string::npos);
}

TEST_CASE("a GBK-encoded batch manifest is refused, saying so", "[e2e][batch][hostile]")
{
    TempDir dir("batch-gbk");
    writeStreet(dir.file("in"), 1);
    // "东城,out/east,...,cid = '东城社区'" as Excel on Chinese Windows saves it (GBK bytes).
    const std::string dongcheng = "\xB6\xAB\xB3\xC7",
                      community = "\xB6\xAB\xB3\xC7\xC9\xE7\xC7\xF8";
    writeText(dir.file("m.csv"), "name,out,buildings,communities,communities-where,args\n" +
                                     dongcheng +
                                     ",out/east,in/buildings.shp,in/communities.shp,cid = '" +
                                     community + "'," + kStreetArgs + "\n");
    const auto run = runGridplan({"batch", dir.file("m.csv")});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("is not UTF-8 (line 2, byte 0xB6)") != std::string::npos);
    CHECK(run.err.find("GBK") != std::string::npos);
    CHECK(run.err.find("iconv -f GB18030 -t UTF-8") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("out")));
    CHECK_FALSE(fs::exists(dir.file("summary.csv")));
    // Not GBK either (a lone continuation byte at the end): not UTF-8, without the GBK advice.
    writeText(dir.file("m2.csv"), "name,out\nx,out/x\xFF");
    const auto other = runGridplan({"batch", dir.file("m2.csv")});
    CHECK(other.exit_code == 2);
    CHECK(other.err.find("is not UTF-8 (line 2, byte 0xFF); save it as CSV UTF-8") !=
          std::string::npos);
}

TEST_CASE("an unknown manifest column or args option is a usage error naming it",
          "[e2e][batch][hostile]")
{
    TempDir dir("batch-unknown-column");
    writeStreet(dir.file("in"), 1);
    writeText(dir.file("m.csv"), std::string("name,out,bulidings,communities,args\n"
                                             "east,out/east,in/buildings.shp,in/communities.shp,") +
                                     kStreetArgs + "\n");
    const auto run = runGridplan({"batch", dir.file("m.csv")});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("unknown column 'bulidings'") != std::string::npos);
    CHECK(run.err.find("Run with --help") == std::string::npos); // not the child's message
    CHECK_FALSE(fs::exists(dir.file("out")));
    CHECK_FALSE(fs::exists(dir.file("logs")));

    writeText(dir.file("m2.csv"),
              std::string("name,out,buildings,communities,args\n"
                          "east,out/east,in/buildings.shp,in/communities.shp,") +
                  kStreetArgs + " --housholds-field hh\n");
    const auto args = runGridplan({"batch", dir.file("m2.csv")});
    CHECK(args.exit_code == 2);
    CHECK(args.err.find("line 2: unknown partition option '--housholds-field' in args") !=
          std::string::npos);

    // The known option columns still work.
    writeText(
        dir.file("m3.csv"),
        std::string("name,out,buildings,communities,households-field,args\n"
                    "east,out/east,in/buildings.shp,in/communities.shp,hh,--buildings-id-field bid "
                    "--communities-id-field cid\n"));
    const auto good = runGridplan({"batch", dir.file("m3.csv"), "-q"});
    INFO(good.err);
    CHECK(good.exit_code == 0);
    CHECK(streetsOf(readJson(dir.file("summary.json")))["east"]["households"] == 1600);
}

TEST_CASE("a shard killed mid-street leaves that street failed with its log; --only-failed runs it",
          "[e2e][batch]")
{
    TempDir dir("batch-killed");
    // A street big enough to be still running when the shard is killed (about a second of CPU).
    const std::string cmd = std::string("'") + GRIDPLAN_SYNTH_EXE +
                            "' --seed 5 --buildings 20000 --out '" + dir.file("big") +
                            "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    writeText(dir.file("m.csv"),
              "name,out,buildings,communities,args\n"
              "big,out/big,big/buildings.shp,big/communities.shp,--buildings-id-field bld_id "
              "--communities-id-field comm_id --households-field households\n");
    // The shard in a process group of its own, killed (SIGKILL, as a time limit or a node failure
    // would) as soon as its street has started.
    std::vector<std::string> args = {GRIDPLAN_EXE, "batch", dir.file("m.csv"),
                                     "--shard",    "0/1",   "-q"};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, GRIDPLAN_EXE, nullptr, &attr, argv.data(), environ) == 0);
    posix_spawnattr_destroy(&attr);
    const auto record = dir.file("results/big.json");
    for (int i = 0; i < 6000 && !fs::exists(record); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    kill(-pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(fs::exists(record));

    const auto collect = runGridplan({"batch", dir.file("m.csv"), "--collect", "-q"});
    CHECK(collect.exit_code == 1);
    CHECK(collect.err.find("street big failed: started but did not finish") != std::string::npos);
    auto big = streetsOf(readJson(dir.file("summary.json")))["big"];
    CHECK(big["status"] == "failed");
    CHECK(big["log"].get<std::string>() == dir.file("logs/big.log"));
    CHECK(fs::exists(dir.file("logs/big.log")));
    CHECK_FALSE(fs::exists(dir.file("out/big/report.json"))); // nothing half-written

    const auto again = runGridplan({"batch", dir.file("m.csv"), "--only-failed", "-q"});
    INFO(again.err);
    CHECK(again.exit_code == 0);
    big = streetsOf(readJson(dir.file("summary.json")))["big"];
    CHECK(big["status"] == "ok");
    CHECK(big["grids"].get<int>() > 0);
}
