// Inferred blocks: the barrier lines cut a community into faces and every residential building
// lands in the face holding its anchor; the graph stage treats them like compounds.
#include "graph/blocks.hpp"
#include "graph/community_graph.hpp"

#include <catch2/catch.hpp>

namespace
{

gp::MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    gp::MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    return mp;
}

gp::Building building(const std::string& id, double x, double y, int hh)
{
    gp::Building b;
    b.id = id;
    b.footprint = rect(x, y, x + 10, y + 10);
    b.anchor = gp::Point(x + 5, y + 5);
    b.households = hh;
    b.community = 0;
    return b;
}

gp::Plan riverPlan()
{
    gp::Plan plan;
    gp::Community community;
    community.id = "C1";
    community.area = rect(0, 0, 200, 100);
    plan.communities.push_back(community);
    gp::Barrier river;
    river.lines.push_back({{100, -10}, {100, 110}});
    // A dangling line inside the east half: it cuts no face off.
    river.lines.push_back({{150, 50}, {150, 110}});
    plan.barriers.push_back(river);
    plan.buildings.push_back(building("w1", 20, 20, 100));
    plan.buildings.push_back(building("w2", 60, 60, 120));
    plan.buildings.push_back(building("e1", 120, 60, 90));
    plan.buildings.push_back(building("e2", 170, 60, 80));
    return plan;
}

} // namespace

TEST_CASE("barriers cut a community into blocks holding its buildings", "[graph][blocks]")
{
    auto plan = riverPlan();
    gp::graph::inferBlocks(plan);
    REQUIRE(plan.clusters.size() == 2);
    const int west = plan.buildings[0].cluster;
    const int east = plan.buildings[2].cluster;
    REQUIRE(west >= 0);
    REQUIRE(east >= 0);
    CHECK(west != east);
    CHECK(plan.buildings[1].cluster == west);
    CHECK(plan.buildings[3].cluster == east);
    CHECK(plan.clusters[static_cast<std::size_t>(west)].households == 220);
    CHECK(plan.clusters[static_cast<std::size_t>(east)].households == 170);
    CHECK(plan.clusters[static_cast<std::size_t>(east)].buildings == 2);
    double total = 0;
    for (const auto& b : plan.clusters)
    {
        CHECK(b.community == 0);
        for (const auto& poly : b.area) // every corner in the community; areas sum to it below
            for (const auto& p : poly.outer())
                CHECK(gp::bg::covered_by(p, plan.communities[0].area));
        total += gp::bg::area(b.area);
    }
    CHECK(total == Approx(200.0 * 100.0));
    CHECK(plan.clusters[0].id == "C1-B1");

    // Edges between buildings of different blocks cross the river; within a block the dangling
    // line still marks the link it crosses.
    const auto graphs = gp::graph::buildCommunityGraphs(plan, 500);
    REQUIRE(graphs.size() == 1);
    const auto& units = graphs[0].unit_buildings;
    auto firstOf = [&](int unit) -> const gp::Building&
    { return plan.buildings[static_cast<std::size_t>(units[static_cast<std::size_t>(unit)][0])]; };
    for (const auto& e : graphs[0].graph.edges)
    {
        const auto& a = firstOf(e.a);
        const auto& b = firstOf(e.b);
        if (a.cluster != b.cluster)
            CHECK(e.kind == gp::partition::EdgeKind::CrossesBarrier);
        else if (a.id[0] == 'w')
            CHECK(e.kind == gp::partition::EdgeKind::Open);
    }
}

TEST_CASE("no blocks are inferred when a compound layer is given", "[graph][blocks]")
{
    auto plan = riverPlan();
    gp::Compound compound;
    compound.id = "K";
    compound.area = rect(0, 0, 90, 90);
    compound.community = 0;
    plan.compounds.push_back(compound);
    plan.buildings[0].compound = 0;
    gp::graph::inferBlocks(plan);
    CHECK(plan.clusters.empty());
    CHECK(plan.street_blocks.empty());
    for (const auto& b : plan.buildings)
        CHECK((b.cluster == -1 && b.street_block == -1));
}
