// Stable codes of a re-run (reconcile::reserveCodes) on organize's code plan: which code each
// community and grid is given before anything is written.
#include "organize/codes.hpp"
#include "reconcile/reconcile.hpp"

#include <catch2/catch.hpp>

using namespace gp;

namespace
{

// A plan being built for a test: communities, buildings (id, households) and grids over them.
struct Fixture
{
    Plan plan;
    reconcile::PreviousRun prev;
    std::map<int, std::string> kept_code;

    int community(const std::string& id)
    {
        Community c;
        c.id = id;
        plan.communities.push_back(c);
        return static_cast<int>(plan.communities.size()) - 1;
    }
    int building(const std::string& id, int households)
    {
        Building b;
        b.id = id;
        b.households = households;
        plan.buildings.push_back(b);
        return static_cast<int>(plan.buildings.size()) - 1;
    }
    int grid(int community, std::vector<int> buildings, GridKind kind = GridKind::Residential)
    {
        Grid g;
        g.community = community;
        g.kind = kind;
        g.buildings = std::move(buildings);
        plan.grids.push_back(g);
        return static_cast<int>(plan.grids.size()) - 1;
    }
    void previousGrid(const std::string& code, const std::string& community,
                      const std::vector<std::string>& buildings,
                      const std::string& kind = "residential")
    {
        reconcile::PreviousGrid g;
        g.code = code;
        g.kind = kind;
        g.community = community;
        g.buildings = buildings;
        prev.grids[code] = g;
        for (const auto& id : buildings)
            prev.buildings[id] = {code, community, 0, {}, {}};
    }
    // organize's fresh codes, as planCodes gives them: given here, in grid index order.
    organize::CodePlan fresh(std::vector<std::string> community_codes,
                             std::vector<std::string> grid_codes)
    {
        organize::CodePlan codes;
        codes.community_codes = std::move(community_codes);
        codes.grid_codes = std::move(grid_codes);
        return codes;
    }
    organize::CodePlan reserve(organize::CodePlan codes)
    {
        reconcile::reserveCodes(plan, prev, kept_code, CodeScheme{}, codes);
        return codes;
    }
};

} // namespace

TEST_CASE("kept and locked grids keep their codes and are never given a fresh one",
          "[reconcile][codes]")
{
    Fixture f;
    const int c1 = f.community("C1");
    f.prev.communities["C1"] = {"S-01-01", {}};
    f.previousGrid("S-01-01-001", "C1", {"a"});
    f.previousGrid("S-01-01-002", "C1", {"b"});
    const int a = f.building("a", 30), b = f.building("b", 30), n = f.building("n", 30);
    const int kept = f.grid(c1, {b});
    const int locked = f.grid(c1, {});
    const int successor = f.grid(c1, {a});
    const int brand_new = f.grid(c1, {n});
    f.kept_code[kept] = "S-01-01-002";
    f.kept_code[locked] = "S-01-01-007"; // a locked code the previous run never issued
    // Fresh codes that would hand the kept grid's code to another grid, and the kept one 001.
    auto codes = f.reserve(
        f.fresh({"S-01-01"}, {"S-01-01-001", "S-01-01-003", "S-01-01-002", "S-01-01-004"}));
    CHECK(codes.grid_codes.at(kept) == "S-01-01-002");
    CHECK(codes.grid_codes.at(locked) == "S-01-01-007");
    CHECK(codes.grid_codes.at(successor) == "S-01-01-001"); // holds the old 001's household
    CHECK(codes.grid_codes.at(brand_new) == "S-01-01-008"); // after every code taken, 007 too
    // Nothing is written to the plan: organize::writeCodes does that, once.
    for (const auto& g : f.plan.grids)
        CHECK(g.code.empty());
}

TEST_CASE("a new community whose fresh code a previous community holds takes the next number",
          "[reconcile][codes]")
{
    Fixture f;
    const int c1 = f.community("C1"), c3 = f.community("C3"), c4 = f.community("C4");
    f.prev.communities["C1"] = {"S-01-01", {}};
    f.prev.communities["C2"] = {"S-01-02", {}}; // gone now: its code is never reused
    const int g3 = f.grid(c3, {f.building("x", 10)});
    f.grid(c1, {});
    f.grid(c4, {});
    // Reading order moved: new C3 comes first now (fresh 01), C1 second, new C4 has fresh 04.
    auto codes = f.reserve(
        f.fresh({"S-01-02", "S-01-01", "S-01-04"}, {"S-01-01-001", "S-01-02-001", "S-01-04-001"}));
    CHECK(codes.community_codes.at(c1) == "S-01-01"); // its previous code, by id
    CHECK(codes.community_codes.at(c3) == "S-01-05"); // S-01-01 was C1's: after 01, 02 and 04
    CHECK(codes.community_codes.at(c4) == "S-01-04"); // free: kept
    // Its grid is numbered under the community's reserved code, not the fresh one.
    CHECK(codes.grid_codes.at(g3) == "S-01-05-001");
}

TEST_CASE("a new grid inherits the old code it shares most households with", "[reconcile][codes]")
{
    Fixture f;
    const int c1 = f.community("C1");
    f.prev.communities["C1"] = {"S-01-01", {}};
    f.previousGrid("S-01-01-001", "C1", {"a1", "a2"});
    f.previousGrid("S-01-01-002", "C1", {"b1"});
    const int a1 = f.building("a1", 100), a2 = f.building("a2", 50), b1 = f.building("b1", 200);
    const int big = f.grid(c1, {a1, b1}); // 100 from 001, 200 from 002
    const int small = f.grid(c1, {a2});   // 50 from 001
    auto codes = f.reserve(f.fresh({"S-01-01"}, {"S-01-01-001", "S-01-01-002"}));
    CHECK(codes.grid_codes.at(big) == "S-01-01-002");
    CHECK(codes.grid_codes.at(small) == "S-01-01-001");

    // One successor per old code: the larger share wins it, the other grid a new number.
    Fixture g;
    const int d1 = g.community("C1");
    g.prev.communities["C1"] = {"S-01-01", {}};
    g.previousGrid("S-01-01-001", "C1", {"p", "q"});
    const int first = g.grid(d1, {g.building("p", 40)});
    const int second = g.grid(d1, {g.building("q", 60)});
    auto split = g.reserve(g.fresh({"S-01-01"}, {"S-01-01-001", "S-01-01-002"}));
    CHECK(split.grid_codes.at(second) == "S-01-01-001");
    CHECK(split.grid_codes.at(first) == "S-01-01-002");
}

TEST_CASE("the next free code skips retired codes", "[reconcile][codes]")
{
    Fixture f;
    const int c1 = f.community("C1");
    f.prev.communities["C1"] = {"S-01-01", {}};
    f.previousGrid("S-01-01-001", "C1", {"a"});
    f.previousGrid("S-01-01-D01", "C1", {"d"}, "dedicated");
    f.prev.retired = {"S-01-01-005", "S-01-01-D02"};
    const int kept = f.grid(c1, {f.building("a", 30)});
    f.kept_code[kept] = "S-01-01-001";
    const int residential = f.grid(c1, {f.building("n", 30)});
    const int dedicated = f.grid(c1, {f.building("m", 0)}, GridKind::Dedicated);
    auto codes = f.reserve(f.fresh({"S-01-01"}, {"S-01-01-001", "S-01-01-002", "S-01-01-D01"}));
    CHECK(codes.grid_codes.at(residential) == "S-01-01-006");
    CHECK(codes.grid_codes.at(dedicated) == "S-01-01-D03"); // D01 is not its: no shared households
}
