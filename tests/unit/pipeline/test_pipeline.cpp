// The pipeline driver: stage order, stage lines, and the Plan invariants (core/plan_check.hpp)
// after every stage, on the bundled shapes/ and on an unchanged re-run of them.
#include "core/plan_check.hpp"
#include "core/reasons.hpp"
#include "pipeline/run.hpp"
#include "support/fixtures.hpp"
#include "write/outputs.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace gp;

namespace
{

PartitionConfig bundledConfig(const std::string& out)
{
    const std::string s = test::sourceDir() + "/shapes/";
    PartitionConfig config;
    config.buildings = {s + "buildings.shp", "", "", "bld_id", ""};
    config.communities = {s + "communities.shp", "", "", "comm_id", ""};
    config.street = LayerSource{s + "street.shp", "", "", "", ""};
    config.compounds = LayerSource{s + "compounds.shp", "", "", "cmp_id", ""};
    config.barriers = {LayerSource{s + "barriers.shp", "", "", "", ""}};
    config.use_field = "use";
    config.floors_field = "floors";
    config.height_field = "height";
    config.street_code = "PT-PORTO";
    config.out_dir = out;
    return config;
}

// Runs the pipeline, checking the plan after every stage; returns the stage names seen.
std::vector<std::string> runChecked(const PartitionConfig& config,
                                    std::vector<std::string>* lines = nullptr)
{
    std::vector<std::string> stages;
    pipeline::StageLog log;
    if (lines)
        log = [lines](const std::string& line) { lines->push_back(line); };
    const Plan plan = pipeline::runPartition(config, log, nullptr, nullptr,
                                             [&](const std::string& stage, const Plan& p)
                                             {
                                                 INFO("after stage " << stage);
                                                 const auto problems = checkPlan(p);
                                                 CHECK(problems == std::vector<std::string>{});
                                                 stages.push_back(stage);
                                             });
    CHECK(checkPlan(plan).empty());
    write::writeOutputs(plan, config);
    return stages;
}

} // namespace

TEST_CASE("every stage leaves a sound plan, first run and unchanged re-run", "[pipeline]")
{
    test::TempDir dir("pipeline-check");
    std::vector<std::string> lines;
    const auto first = runChecked(bundledConfig(dir.file("run1")), &lines);
    // The order runPartition states (README "How it works").
    CHECK(first == std::vector<std::string>{"load", "classify", "place", "special", "blocks",
                                            "graph", "partition", "dedicate", "tile", "areas",
                                            "codes", "audit", "streets"});
    // One line per stage that has something to say, each with its times; no special areas and a
    // compound layer: no special or blocks line; barriers: a streets line.
    REQUIRE(lines.size() == 11);
    CHECK(lines[0].rfind("load: 3505 buildings", 0) == 0);
    for (const auto& line : lines)
        CHECK(line.find(" s, cpu ") != std::string::npos);

    auto rerun = bundledConfig(dir.file("run2"));
    rerun.previous_dir = dir.file("run1");
    const auto second = runChecked(rerun);
    CHECK(second == std::vector<std::string>{"load", "classify", "place", "special", "blocks",
                                             "reconcile", "graph", "partition", "dedicate", "tile",
                                             "merge", "areas", "codes", "audit", "streets"});
    CHECK(test::slurp(dir.file("run1/grids.geojson")) ==
          test::slurp(dir.file("run2/grids.geojson")));
}

TEST_CASE("checkPlan finds broken membership and totals; assignBuilding keeps them", "[pipeline]")
{
    Plan plan;
    plan.communities.resize(1);
    plan.buildings.resize(3);
    for (int i = 0; i < 3; ++i)
    {
        plan.buildings[static_cast<std::size_t>(i)].id = "b" + std::to_string(i);
        plan.buildings[static_cast<std::size_t>(i)].households = 10 * (i + 1);
        plan.buildings[static_cast<std::size_t>(i)].community = 0;
    }
    plan.grids.resize(2);
    plan.grids[0].community = 0;
    plan.grids[1].community = 0;
    assignBuilding(plan, 2, 0);
    assignBuilding(plan, 0, 0);
    assignBuilding(plan, 1, 1);
    CHECK(checkPlan(plan).empty());
    CHECK(plan.grids[0].buildings == std::vector<int>{0, 2});
    CHECK(plan.grids[0].households == 40);
    assignBuilding(plan, 2, 1); // a move: both grids change
    CHECK(plan.grids[0].households == 10);
    CHECK(plan.grids[1].buildings == std::vector<int>{1, 2});
    CHECK(plan.grids[1].households == 50);
    CHECK(checkPlan(plan).empty());

    SECTION("a building its grid does not list")
    {
        plan.buildings[0].grid = 1;
        CHECK(checkPlan(plan).size() >= 2); // grid 0 lists it, grid 1 does not
    }
    SECTION("totals that do not add up")
    {
        plan.grids[1].households += 1;
        REQUIRE(checkPlan(plan).size() == 1);
        CHECK(checkPlan(plan)[0].find("households 51") != std::string::npos);
    }
    SECTION("indices out of range")
    {
        plan.buildings[1].community = 5;
        plan.grids[0].community = -1;
        CHECK(checkPlan(plan).size() == 2);
    }
}

TEST_CASE("issue reasons: one table, round trip, unknown reasons caught", "[pipeline][reasons]")
{
    for (const auto& r : reasonTable())
    {
        INFO(r.code);
        CHECK(reasonFromString(r.code) == r.reason);
        CHECK(std::string(toString(r.reason)) == r.code);
        CHECK(std::string(r.label_zh).size() > 0);
    }
    CHECK_FALSE(reasonFromString("grid_over_maximum"));
    Plan plan;
    Issue issue;
    issue.reason = "grid_over_maximum";
    plan.issues.push_back(issue);
    REQUIRE(checkPlan(plan).size() == 1);
    CHECK(checkPlan(plan)[0].find("unknown reason 'grid_over_maximum'") != std::string::npos);
}
