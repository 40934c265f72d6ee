// gp::review in-process on the bundled shapes/: the reviewed plan keeps the Plan invariants
// (core/plan_check.hpp: membership both ways, households summed, every reason known), and the
// review section's counts agree with its problems.
#include "core/plan_check.hpp"
#include "pipeline/run.hpp"
#include "review/review.hpp"
#include "support/fixtures.hpp"
#include "write/outputs.hpp"

#include <catch2/catch.hpp>

using namespace gp;

TEST_CASE("a reviewed plan is sound, by polygons and by buildings", "[review]")
{
    const std::string s = test::sourceDir() + "/shapes/";
    test::TempDir dir("review-unit");
    PartitionConfig config;
    config.buildings = {s + "buildings.shp", "", "", "bld_id", ""};
    config.communities = {s + "communities.shp", "", "", "comm_id", ""};
    config.compounds = LayerSource{s + "compounds.shp", "", "", "cmp_id", ""};
    config.barriers = {LayerSource{s + "barriers.shp", "", "", "", ""}};
    config.use_field = "use";
    config.floors_field = "floors";
    config.height_field = "height";
    config.street_code = "PT-PORTO";
    config.out_dir = dir.file("run");
    const Plan made = pipeline::runPartition(config);
    write::writeOutputs(made, config);

    for (const bool by_polygons : {true, false})
    {
        INFO((by_polygons ? "--plan-grids" : "--plan-buildings"));
        review::ReviewOptions options;
        LayerSource plan;
        plan.path = dir.file(by_polygons ? "run/grids.geojson" : "run/buildings.geojson");
        (by_polygons ? options.plan_grids : options.plan_buildings) = plan;
        options.edited_from = dir.file("run");
        const Plan reviewed = review::reviewPlan(config, options);
        CHECK(checkPlan(reviewed) == std::vector<std::string>{});
        REQUIRE(reviewed.review);
        const auto& r = *reviewed.review;
        CHECK(r.violations == 0);
        int violations = 0, warnings = 0;
        for (const auto& p : r.problems)
            ++(p.violation ? violations : warnings);
        CHECK(violations == r.violations);
        CHECK(warnings == r.warnings);
        CHECK(reviewed.grids.size() == made.grids.size());
        for (std::size_t b = 0; b < made.buildings.size(); ++b)
        {
            const int g = made.buildings[b].grid, now = reviewed.buildings[b].grid;
            REQUIRE((g < 0) == (now < 0));
            if (g >= 0)
                CHECK(made.grids[static_cast<std::size_t>(g)].code ==
                      reviewed.grids[static_cast<std::size_t>(now)].code);
        }
    }
}
