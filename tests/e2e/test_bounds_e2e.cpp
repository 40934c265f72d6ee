// End-to-end: the causes of grids outside the bounds are facts (issue 14), and --exact reports
// the gap between the heuristic's plan and the exact model's on real files.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace gp::test;

namespace
{

// One community holding a row of 20x20 m buildings 30 m apart with the given households.
void writeRow(const TempDir& dir, const std::vector<int>& households)
{
    const double x0 = 500000, y0 = 3300000;
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}, {"use", 'S'}};
    for (std::size_t i = 0; i < households.size(); ++i)
        buildings.features.push_back(
            {rectWkt(x0 + 10 + 30.0 * i, y0 + 10, x0 + 30 + 30.0 * i, y0 + 30),
             {{"bid", "b" + std::to_string(i)},
              {"hh", std::to_string(households[i])},
              {"use", "住宅"}}});
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back(
        {rectWkt(x0, y0, x0 + 20 + 30.0 * households.size(), y0 + 40), {{"cid", "C1"}}});
    writeLayer(dir.file("communities.shp"), communities);
}

std::vector<std::string> args(const TempDir& dir)
{
    return {"partition",
            "--buildings",
            dir.file("buildings.shp"),
            "--buildings-id-field",
            "bid",
            "--households-field",
            "hh",
            "--use-field",
            "use",
            "--communities",
            dir.file("communities.shp"),
            "--communities-id-field",
            "cid",
            "--out",
            dir.file("out"),
            "-q"};
}

nlohmann::json report(const TempDir& dir)
{
    return nlohmann::json::parse(slurp(dir.file("out/report.json")));
}

} // namespace

TEST_CASE("a row of 280 / 100 / 280 households is proven infeasible, with the bounds that work",
          "[e2e][bounds]")
{
    TempDir dir("proven");
    writeRow(dir, {280, 100, 280});
    const auto run = runGridplan(args(dir));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto r = report(dir);
    REQUIRE_FALSE(r["violations"].empty());
    for (const auto& v : r["violations"])
    {
        CHECK(v["cause"] == "proven_infeasible");
        CHECK(v["detail"].get<std::string>().find("lower the minimum to 275") != std::string::npos);
    }
    CHECK(r["bounds"]["by_cause"]["proven_infeasible"] == r["violations"].size());
    CHECK(r["bounds"]["not_found"] == 0);
}

TEST_CASE("two buildings of 280 households: no count of grids fits", "[e2e][bounds]")
{
    TempDir dir("nocount");
    writeRow(dir, {280, 280});
    const auto run = runGridplan(args(dir));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto r = report(dir);
    REQUIRE_FALSE(r["violations"].empty());
    for (const auto& v : r["violations"])
        CHECK(v["cause"] == "no_count_fits");
    CHECK(r["bounds"]["by_cause"]["no_count_fits"] == r["violations"].size());
}

TEST_CASE("a row with a single plan within tight bounds gets it", "[e2e][bounds]")
{
    // 12 buildings of 100 in a row: four grids of 300 is the only plan (bounds 300-320).
    TempDir dir("repair");
    writeRow(dir, std::vector<int>(12, 100));
    auto a = args(dir);
    a.insert(a.end(), {"--min", "300", "--max", "320", "--target", "310"});
    const auto run = runGridplan(a);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto r = report(dir);
    CHECK(r["violations"].empty());
    CHECK(r["summary"]["grids_within_bounds"] == 4);
}

TEST_CASE("the exact check (--exact) reports the heuristic's cut links against the optimum",
          "[e2e][bounds]")
{
    TempDir dir("exact");
    writeRow(dir, {150, 150, 150, 150, 150, 150, 150, 150});
    auto a = args(dir);
    a.insert(a.end(), {"--exact", "50"});
    const auto run = runGridplan(a);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto r = report(dir);
    REQUIRE(r.contains("exact_check"));
    const auto& x = r["exact_check"];
    REQUIRE(x["pieces"] == 1);
    const auto& piece = x["pieces_detail"][0];
    CHECK(piece["units"] == 8);
    CHECK(piece["status"] == "optimal");
    CHECK(piece["exact_cut_links"].get<int>() <= piece["heuristic_cut_links"].get<int>());
    CHECK(piece["lower_bound"] == piece["exact_cut_links"]);
    CHECK(x["proven_optimal"] == 1);
    // The pairs of neighbouring grids, each re-solved as two.
    const auto& pairs = x["grid_pairs"];
    CHECK(pairs["pairs"].get<int>() >= 1);
    CHECK(pairs["proven_optimal"].get<int>() <= pairs["pairs"].get<int>());
    CHECK(pairs["exact_cut_links"].get<int>() <= pairs["heuristic_cut_links"].get<int>());
}
