// End-to-end: national grid codes (--code-scheme street15 / cjt349) from options and a
// communities field, checked digit by digit, and kept across a re-run (--previous).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace gp::test;

namespace
{

constexpr double kX0 = 500000, kY0 = 3300000;

// Communities C1 (code field 011) and C2 (012), 400 x 600 m side by side, each with an 8 x 8
// lattice of 25-household buildings in its south (4 grids of 400); `estate` adds 32 more in C2's
// north.
void writeStreet(const std::string& dir, bool estate)
{
    std::filesystem::create_directories(dir);
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    auto lattice = [&](const std::string& prefix, double x, int row0, int rows)
    {
        for (int r = row0; r < row0 + rows; ++r)
            for (int c = 0; c < 8; ++c)
            {
                const double bx = kX0 + x + 15 + c * 50, by = kY0 + 15 + r * 50;
                buildings.features.push_back(
                    {rectWkt(bx, by, bx + 20, by + 20),
                     {{"bid", prefix + "-" + std::to_string(r) + "-" + std::to_string(c)},
                      {"hh", "25"}}});
            }
    };
    lattice("C1", 0, 0, 8);
    lattice("C2", 400, 0, 8);
    if (estate)
        lattice("E2", 400, 8, 4);
    writeLayer(dir + "/buildings.shp", buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}, {"code", 'S'}};
    communities.features.push_back(
        {rectWkt(kX0, kY0, kX0 + 400, kY0 + 600), {{"cid", "C1"}, {"code", "011"}}});
    communities.features.push_back(
        {rectWkt(kX0 + 400, kY0, kX0 + 800, kY0 + 600), {{"cid", "C2"}, {"code", "012"}}});
    writeLayer(dir + "/communities.shp", communities);
}

std::vector<std::string> args(const std::string& in, const std::string& out,
                              const std::string& scheme)
{
    return {"partition",
            "--buildings",
            in + "/buildings.shp",
            "--buildings-id-field",
            "bid",
            "--households-field",
            "hh",
            "--communities",
            in + "/communities.shp",
            "--communities-id-field",
            "cid",
            "--code-scheme",
            scheme,
            "--admin-code",
            "440106",
            "--street-number",
            "009",
            "--community-code-field",
            "code",
            "--service-code",
            "3",
            "--out",
            out,
            "-q"};
}

// grid code -> community
std::map<std::string, std::string> grids(const std::string& out)
{
    std::map<std::string, std::string> m;
    for (const auto& g : readLayer(out + "/grids.geojson"))
        m[g.fields.at("grid_code")] = g.fields.at("community");
    return m;
}

} // namespace

TEST_CASE("street15 and cjt349 codes end to end, digit by digit", "[e2e][codes]")
{
    TempDir dir("codes");
    writeStreet(dir.file("in"), false);
    auto run = runGridplan(args(dir.file("in"), dir.file("s15"), "street15"));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto s15 = grids(dir.file("s15"));
    REQUIRE(s15.size() == 8);
    std::map<std::string, std::set<std::string>> sequences;
    for (const auto& [code, community] : s15)
    {
        INFO(code);
        REQUIRE(code.size() == 15);
        CHECK(code.find_first_not_of("0123456789") == std::string::npos);
        CHECK(code.substr(0, 6) == "440106");
        CHECK(code.substr(6, 3) == "009");
        CHECK(code.substr(9, 3) == (community == "C1" ? "011" : "012"));
        sequences[community].insert(code.substr(12, 3));
    }
    const std::set<std::string> four = {"001", "002", "003", "004"};
    CHECK(sequences["C1"] == four);
    CHECK(sequences["C2"] == four);
    // Community codes in communities.geojson: the 12-digit prefix.
    for (const auto& c : readLayer(dir.file("s15/communities.geojson")))
        CHECK(c.fields.at("community_code") ==
              (c.fields.at("community") == "C1" ? "440106009011" : "440106009012"));

    run = runGridplan(args(dir.file("in"), dir.file("cjt"), "cjt349"));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    for (const auto& [code, community] : grids(dir.file("cjt")))
    {
        INFO(code);
        REQUIRE(code.size() == 1 + 6 + 3 + 3 + 2);
        CHECK(code.substr(0, 1) == "3");
        CHECK(code.substr(1, 6) == "440106");
        CHECK(code.substr(7, 3) == "009");
        CHECK(code.substr(10, 3) == (community == "C1" ? "011" : "012"));
        CHECK(std::stoi(code.substr(13, 2)) >= 1);
        CHECK(std::stoi(code.substr(13, 2)) <= 4);
    }
    // Without --admin-code the scheme cannot be used.
    auto bad = args(dir.file("in"), dir.file("bad"), "street15");
    bad[std::find(bad.begin(), bad.end(), "--admin-code") - bad.begin() + 1] = "4401";
    run = runGridplan(bad);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--admin-code") != std::string::npos);
}

TEST_CASE("street15 codes are kept across a re-run; new grids get fresh numbers",
          "[e2e][codes][rerun]")
{
    TempDir dir("codes-rerun");
    writeStreet(dir.file("before"), false);
    writeStreet(dir.file("after"), true);
    auto run = runGridplan(args(dir.file("before"), dir.file("run1"), "street15"));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto again = args(dir.file("before"), dir.file("run2"), "street15");
    again.insert(again.end(), {"--previous", dir.file("run1")});
    run = runGridplan(again);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(slurp(dir.file("run1/grids.geojson")) == slurp(dir.file("run2/grids.geojson")));

    auto grown = args(dir.file("after"), dir.file("run3"), "street15");
    grown.insert(grown.end(), {"--previous", dir.file("run1")});
    run = runGridplan(grown);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto before = grids(dir.file("run1")), after = grids(dir.file("run3"));
    std::set<std::string> c1_before, c1_after, c2_after;
    for (const auto& [code, community] : before)
        if (community == "C1")
            c1_before.insert(code);
    for (const auto& [code, community] : after)
        (community == "C1" ? c1_after : c2_after).insert(code);
    CHECK(c1_after == c1_before);  // untouched community: every code kept
    REQUIRE(c2_after.size() == 6); // 2400 households
    for (const auto& code : c2_after)
    {
        INFO(code);
        CHECK(code.size() == 15);
        CHECK(code.substr(0, 12) == "440106009012");
    }
    // The four codes of before are still there; the two new grids are numbered 005 and 006.
    CHECK(c2_after == std::set<std::string>{"440106009012001", "440106009012002", "440106009012003",
                                            "440106009012004", "440106009012005",
                                            "440106009012006"});
}
