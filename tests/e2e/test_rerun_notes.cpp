// End-to-end: an unchanged community of a re-run gets back exactly the tiling notes the previous
// run wrote about it, matched by gaps.geojson "community" - also when one community id is
// another's prefix ("C1", "C10") or holds ": " ("C1: x"), which the note text alone cannot tell.
#include "e2e/street_fixture.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace gp::test;
using namespace gp::test::street;

namespace
{

const std::vector<std::string> kCommunities = {"C1", "C1: x", "C10"};

// Three 400 x 600 m communities side by side with the ids above, each with an 8 x 8 lattice.
void writeCommunities(const std::string& dir)
{
    std::filesystem::create_directories(dir);
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    for (std::size_t k = 0; k < kCommunities.size(); ++k)
    {
        const double x = 400.0 * static_cast<double>(k);
        addLattice(buildings, "B" + std::to_string(k), x, 0, 8);
        communities.features.push_back(
            {rectWkt(kX0 + x, kY0, kX0 + x + 400, kY0 + 600), {{"cid", kCommunities[k]}}});
    }
    writeLayer(dir + "/buildings.shp", buildings);
    writeLayer(dir + "/communities.shp", communities);
}

// community -> the details of its tiling notes in out/gaps.geojson, in file order.
std::map<std::string, std::vector<std::string>> tilingNotes(const std::string& out)
{
    std::map<std::string, std::vector<std::string>> notes;
    for (auto& f : gapsWith(out, "tiling_note"))
        notes[f.fields["community"]].push_back(f.fields["detail"]);
    return notes;
}

// Appends tiling notes (community, detail) to a run's gaps.geojson.
void addNotes(const std::string& out, const std::vector<std::pair<std::string, std::string>>& notes)
{
    auto gaps = nlohmann::json::parse(slurp(out + "/gaps.geojson"));
    for (const auto& [community, detail] : notes)
        gaps["features"].push_back({{"type", "Feature"},
                                    {"properties",
                                     {{"reason", "tiling_note"},
                                      {"cause", ""},
                                      {"detail", detail},
                                      {"households", 0},
                                      {"community", community},
                                      {"grid_code", ""},
                                      {"building_ids", nlohmann::json::array()}}},
                                    {"geometry", nullptr}});
    std::ofstream(out + "/gaps.geojson", std::ios::binary) << gaps.dump();
}

} // namespace

TEST_CASE("an unchanged community gets back exactly its own tiling notes, by community",
          "[e2e][rerun]")
{
    TempDir dir("rerun-notes");
    const std::string in = dir.file("in"), run1 = dir.file("run1"), run2 = dir.file("run2");
    writeCommunities(in);
    const auto first = runGridplan(args(in, run1));
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    // The notes this run wrote name their community, and their text starts with its id.
    auto expected = tilingNotes(run1);
    CHECK_FALSE(expected.count(""));
    for (const auto& [community, details] : expected)
        for (const auto& d : details)
            CHECK(d.rfind(community + ": ", 0) == 0);

    addNotes(run1, {{"C1", "C1: note of C1"},
                    {"C1: x", "C1: x: note of C1: x"},
                    {"C10", "C10: note of C10"},
                    // A special-area sliver note: same reason and community, not a tile note.
                    {"C1", "special area P from parks: a 40 m² sliver was left to C1"},
                    // Written before notes named their community: matched by its text.
                    {"", "C10: a note from an older run"}});
    expected["C1"].push_back("C1: note of C1");
    expected["C1: x"].push_back("C1: x: note of C1: x");
    expected["C10"].push_back("C10: note of C10");
    expected["C10"].push_back("C10: a note from an older run");

    const auto second = runGridplan(withPrevious(args(in, run2), run1));
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    const auto report = nlohmann::json::parse(slurp(run2 + "/report.json"));
    REQUIRE(report["changes"]["totals"]["communities_unchanged"] == 3);
    const auto notes = tilingNotes(run2);
    CHECK(notes == expected);
}
