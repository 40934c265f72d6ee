// The ground audit (audit/ground) on a hand-made plan: compound outcomes (whole / merged / split /
// empty), split-compound counts per grid, and one barrier issue per grid linked across a barrier.
#include "audit/ground.hpp"
#include "core/plan_check.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

// Compounds K0..K3; grids G0 (K0 whole), G1 and G2 (K1 split between them, K2 merged into G2 with
// a loose building); K3 has no building in a grid.
Plan plan()
{
    Plan p;
    p.communities.push_back({"C", "", {}, -1, ""});
    for (int k = 0; k < 4; ++k)
        p.compounds.push_back({"K" + std::to_string(k), "", {}, 0});
    const std::vector<std::pair<int, int>> buildings = {// compound, grid
                                                        {0, 0}, {0, 0},  {1, 1}, {1, 2},
                                                        {2, 2}, {-1, 2}, {3, -1}};
    p.grids.resize(3);
    for (auto& g : p.grids)
        g.community = 0;
    p.grids[0].code = "S-001";
    p.grids[1].code = "S-002";
    p.grids[2].code = "S-003";
    for (std::size_t i = 0; i < buildings.size(); ++i)
    {
        Building b;
        b.id = "b" + std::to_string(i);
        b.community = 0;
        b.compound = buildings[i].first;
        b.households = 100;
        p.buildings.push_back(b);
        if (buildings[i].second >= 0)
            assignBuilding(p, static_cast<int>(i), buildings[i].second);
    }
    return p;
}

} // namespace

TEST_CASE("compound outcomes and split counts", "[audit][ground]")
{
    Plan p = plan();
    REQUIRE(checkPlan(p).empty());
    audit::reportGround(p);
    REQUIRE(p.compound_outcomes.size() == 4);
    CHECK(p.compound_outcomes[0].status == CompoundStatus::Whole);
    CHECK(p.compound_outcomes[0].households == 200);
    CHECK(p.compound_outcomes[1].status == CompoundStatus::Split);
    CHECK(p.compound_outcomes[1].grids == std::vector<int>{1, 2});
    CHECK(p.compound_outcomes[2].status == CompoundStatus::Merged);
    CHECK(p.compound_outcomes[2].merged_with == std::vector<std::string>{"K1"});
    CHECK(p.compound_outcomes[2].loose_buildings == 1);
    CHECK(p.compound_outcomes[3].status == CompoundStatus::Empty);
    // K1 is split: G1 and G2 each hold a piece of it.
    CHECK(p.grids[0].metrics.splits_compound == 0);
    CHECK(p.grids[1].metrics.splits_compound == 1);
    CHECK(p.grids[2].metrics.splits_compound == 1);
    CHECK(p.issues.empty());
}

TEST_CASE("a grid linked across a barrier gets one issue in both languages", "[audit][ground]")
{
    Plan p = plan();
    p.grids[2].metrics.barrier_crossings = 2;
    audit::reportGround(p);
    REQUIRE(p.issues.size() == 1);
    const auto& issue = p.issues[0];
    CHECK(issue.reason == "grid_crosses_barrier");
    CHECK(issue.grid == "S-003");
    CHECK(issue.community == "C");
    CHECK(issue.households == 300);
    CHECK(issue.detail.find("2 neighbour link(s)") != std::string::npos);
    CHECK(issue.detail_zh.find("2 条相邻连接") != std::string::npos);
    CHECK(checkPlan(p).empty());
}
