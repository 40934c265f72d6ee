// Replays the fuzz seeds and every input the fuzzer once failed on through the same harness as
// the libFuzzer target (fuzz_input.cpp), so the fixed crashes stay fixed in the normal and the
// ASan/UBSan suite. Each regression NAME has NAME.expected beside it: the outcome on the first
// line (accepted / refused / input_error / config_error), then text the message must contain.
#include "fuzz/fuzz_input.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

namespace
{

namespace fs = std::filesystem;

std::vector<fs::path> inputsIn(const std::string& folder)
{
    std::vector<fs::path> files;
    const fs::path dir = fs::path(gp::test::sourceDir()) / "tests" / "fuzz" / folder;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() != ".expected" &&
            entry.path().filename() != "README.md")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Runs the harness; any exception but InputError/ConfigError (which runInput maps) is a failure.
gp::fuzz::Result replay(const fs::path& file)
{
    INFO("replaying " << file.string());
    gp::fuzz::Result result;
    try
    {
        result = gp::fuzz::runInput(gp::test::slurp(file.string()));
    }
    catch (const std::exception& e)
    {
        FAIL("undocumented exception: " << e.what());
    }
    return result;
}

struct Expected
{
    std::string outcome;
    std::vector<std::string> parts; // each must occur in the message
};

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

const std::string kShp = "/vsimem/gridplan-fuzz/input.shp";
const std::string kGeojson = "/vsimem/gridplan-fuzz/input.geojson";

// What each seed must give: real data is accepted, each bad-input kind gets its message.
const std::map<std::string, Expected> kSeedOutcomes = {
    {"shp_buildings.bin", {"accepted", {"4 buildings, 2 communities", "480 households"}}},
    {"geojson_buildings_wgs84.bin", {"accepted", {"EPSG:32629", "480 households"}}},
    {"shp_buildings_wgs84.bin", {"accepted", {"EPSG:32629", "480 households"}}},
    {"shp_buildings_no_fields.bin", {"accepted", {"4 buildings, 2 communities"}}},
    {"geojson_buildings.bin", {"accepted", {"4 buildings, 2 communities", "480 households"}}},
    {"csv_buildings.bin", {"accepted", {"4 buildings, 2 communities", "480 households"}}},
    {"fgb_buildings.bin", {"accepted", {"4 buildings, 2 communities", "480 households"}}},
    {"shp_communities.bin", {"accepted", {"4 buildings, 2 communities"}}},
    {"fgb_communities.bin", {"accepted", {"4 buildings, 2 communities"}}},
    {"geojson_compounds.bin", {"accepted", {"2 compounds"}}},
    {"shp_barriers.bin", {"accepted", {"4 buildings"}}},
    {"geojson_barriers.bin", {"accepted", {"4 buildings"}}},
    {"shp_missing_shx.bin", {"refused", {kShp}}},
    {"shp_missing_dbf.bin", {"refused", {kShp, "no field named"}}},
    {"shp_missing_prj.bin", {"refused", {"crs_missing", kShp, "--assume-crs"}}},
    {"shp_missing_prj_assumed.bin", {"accepted", {"crs_assumed", "480 households"}}},
    {"shp_truncated_shp.bin", {"refused", {kShp}}},
    {"shp_truncated_dbf.bin", {"refused", {kShp}}},
    {"shp_garbage.bin", {"refused", {kShp}}},
    {"geojson_empty_buildings.bin", {"refused", {"layer_empty", kGeojson}}},
    {"geojson_empty_communities.bin", {"refused", {"layer_empty", kGeojson}}},
    {"geojson_null_geometry.bin", {"accepted", {"feature_skipped", "NULLGEOM", kGeojson}}},
    {"geojson_bow_tie.bin", {"accepted", {"geometry_repaired", "BOWTIE"}}},
    {"geojson_far_coordinates.bin", {"accepted", {"feature_skipped", "FAR", "valid area"}}},
    {"geojson_lines_as_communities.bin", {"refused", {"no usable polygon", kGeojson}}},
    {"geojson_points.bin", {"accepted", {"2 buildings", "200 households"}}},
    {"geojson_multipolygon_z.bin", {"accepted", {"1 buildings", "120 households"}}},
    {"geojson_bad_values.bin", {"accepted", {"value_ignored", "'abc'", "'-5'"}}},
    {"shp_gbk_cpg.bin", {"accepted", {"1 buildings", "150 households"}}},
    {"shp_gbk_no_cpg.bin", {"accepted", {"1 buildings"}}},
    // Issue 18 shapes.
    {"geojson_geometry_collection.bin",
     {"accepted", {"overlapping_footprints", "2 overlapping parts merged"}}},
    {"geojson_shared_footprint.bin",
     {"accepted", {"share one footprint", "T-1, T-2, T-3", "360 households"}}},
    {"geojson_building_part.bin", {"accepted", {"building W-part lies inside building W"}}},
    {"geojson_duplicate_ids.bin",
     {"accepted", {"duplicate_id", "id 'D1' is used by 2 buildings", "empty_id"}}},
    {"geojson_duplicate_community_ids.bin", {"refused", {"id 'C1' at FIDs 0, 1"}}},
    {"geojson_odd_path.bin", {"accepted", {"4 buildings, 2 communities", "480 households"}}},
    {"shp_long_path.bin", {"refused", {"bytes long", "shorter path"}}},
};

void checkExpected(const gp::fuzz::Result& result, const Expected& expected)
{
    INFO("message: " << result.message);
    CHECK(gp::fuzz::toString(result.outcome) == expected.outcome);
    for (const auto& part : expected.parts)
    {
        INFO("expected part: " << part);
        CHECK(contains(result.message, part));
    }
}

Expected readExpected(const fs::path& file)
{
    std::istringstream in(gp::test::slurp(file.string()));
    Expected e;
    std::getline(in, e.outcome);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            e.parts.push_back(line);
    return e;
}

} // namespace

TEST_CASE("fuzz seeds end in their documented outcome", "[fuzz]")
{
    const auto seeds = inputsIn("seeds");
    REQUIRE(seeds.size() == kSeedOutcomes.size());
    for (const auto& seed : seeds)
    {
        const auto name = seed.filename().string();
        INFO("seed " << name);
        REQUIRE(kSeedOutcomes.count(name) == 1);
        checkExpected(replay(seed), kSeedOutcomes.at(name));
    }
}

TEST_CASE("inputs the fuzzer once failed on end in their expected outcome", "[fuzz]")
{
    for (const auto& input : inputsIn("regressions"))
    {
        const auto name = input.filename().string();
        INFO("regression " << name);
        auto expected_file = input;
        expected_file += ".expected";
        // A new crash copied by scripts/fuzz.sh needs its fix and its expectation.
        REQUIRE(fs::exists(expected_file));
        checkExpected(replay(input), readExpected(expected_file));
    }
}

TEST_CASE("fuzz harness: empty, header-only and cut-off inputs are handled", "[fuzz]")
{
    for (const auto& bytes : {std::string(), std::string(1, '\0'), std::string("\x01", 1),
                              std::string("\x60\xff\xff\x01", 4), std::string("\x07{", 2)})
    {
        INFO("input of " << bytes.size() << " bytes");
        const auto result = gp::fuzz::runInput(bytes);
        // Nothing usable was written for the fuzzed layer: check refuses, naming it.
        CHECK(result.outcome == gp::fuzz::Outcome::Refused);
        CHECK(contains(
            result.message,
            gp::fuzz::fuzzedPath(bytes.empty() ? 0 : static_cast<std::uint8_t>(bytes[0]))));
    }
}
