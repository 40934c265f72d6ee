#include "partition/adjacency.hpp"
#include "partition/exact.hpp"
#include "partition/exact_check.hpp"
#include "partition/exact_columns.hpp"
#include "partition/partition.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <vector>

using gp::partition::Adjacency;
using gp::partition::Bounds;
using gp::partition::ExactOptions;
using gp::partition::ExactStatus;
using gp::partition::solveExact;
using gp::partition::UnitGraph;
using gp::partition::ViolationCause;

namespace
{

std::vector<int> allUnits(const UnitGraph& g)
{
    std::vector<int> units(g.units.size());
    std::iota(units.begin(), units.end(), 0);
    return units;
}

int cutLinks(const UnitGraph& g, const std::vector<int>& part_of)
{
    int cut = 0;
    for (const auto& e : g.edges)
        cut += part_of[e.a] != part_of[e.b];
    return cut;
}

bool withinBounds(const UnitGraph& g, const std::vector<int>& part_of, int parts, const Bounds& b)
{
    for (long long w : gp::test::partWeights(g, part_of, parts))
        if (w < b.min || w > b.max)
            return false;
    return true;
}

// Every assignment of units to parts in canonical form (a unit opens at most the next part):
// the fewest cut links of a contiguous plan within the bounds, -1 when there is none.
int bruteForceOptimum(const UnitGraph& g, const Bounds& b)
{
    const int n = static_cast<int>(g.units.size());
    std::vector<int> part_of(n, 0);
    int best = -1;
    auto visit = [&](auto&& self, int u, int parts) -> void
    {
        if (u == n)
        {
            if (withinBounds(g, part_of, parts, b) && gp::test::partsContiguous(g, part_of, parts))
            {
                const int cut = cutLinks(g, part_of);
                best = best < 0 ? cut : std::min(best, cut);
            }
            return;
        }
        for (int p = 0; p <= parts && p < n; ++p)
        {
            part_of[u] = p;
            self(self, u + 1, std::max(parts, p + 1));
        }
    };
    part_of[0] = 0;
    visit(visit, 1, 1);
    return best;
}

} // namespace

TEST_CASE("exact: two units of 280 cannot make grids of 300-500", "[partition][exact]")
{
    const UnitGraph g = gp::test::pathGraph(2, 280);
    const Bounds bounds{300, 500, 400};
    const auto r = solveExact(g, Adjacency(g), allUnits(g), bounds);
    CHECK(r.status == ExactStatus::Infeasible);
    CHECK(r.part_of.empty());
    // Forcing either count gives the same answer from the solver itself.
    for (int parts : {1, 2})
    {
        ExactOptions options;
        options.parts = parts;
        CHECK(solveExact(g, Adjacency(g), allUnits(g), bounds, options).status ==
              ExactStatus::Infeasible);
    }
    const auto p = gp::partition::partitionGraph(g, bounds, 1);
    REQUIRE_FALSE(p.violations.empty());
    CHECK(p.violations.front().cause == ViolationCause::NoCountFits);
}

TEST_CASE("exact: a count fits but contiguity does not", "[partition][exact]")
{
    // 280 - 100 - 280 on a path: 660 households fit two grids of 330, but the only contiguous
    // splits are 380 / 280 and 280 / 380.
    const UnitGraph g = gp::test::gridGraph(1, 3, [](int, int c) { return c == 1 ? 100 : 280; });
    const Bounds bounds{300, 500, 400};
    CHECK(solveExact(g, Adjacency(g), allUnits(g), bounds).status == ExactStatus::Infeasible);
    const auto p = gp::partition::partitionGraph(g, bounds, 1);
    REQUIRE_FALSE(p.violations.empty());
    for (const auto& v : p.violations)
        CHECK(v.cause == ViolationCause::ProvenInfeasible);
    // The nearest bounds with a plan (steps of 10, 25, ...): a minimum of 275 lets 380 / 280 stand.
    CHECK(p.violations.front().advice.find("minimum to 275") != std::string::npos);
}

TEST_CASE("exact: a 4x4 grid into four parts of 400 cuts 8 links at best", "[partition][exact]")
{
    // Sixteen units of 100, parts of exactly 400: four 2x2 squares, 8 cut links (any other
    // tetromino tiling cuts more).
    const UnitGraph g = gp::test::gridGraph(4, 4, [](int, int) { return 100; });
    const Bounds bounds{400, 400, 400};
    ExactOptions options;
    options.minimise_cut = true;
    const auto r = solveExact(g, Adjacency(g), allUnits(g), bounds, options);
    REQUIRE(r.status == ExactStatus::Optimal);
    CHECK(r.parts == 4);
    CHECK(r.cut_edges == 8);
    CHECK(cutLinks(g, r.part_of) == 8);
    CHECK(withinBounds(g, r.part_of, r.parts, bounds));
    CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
}

TEST_CASE("exact: agrees with brute force on small random graphs", "[partition][exact]")
{
    for (std::uint64_t seed = 1; seed <= 12; ++seed)
    {
        const bool diagonals = seed % 3 == 0;
        // 2x4 or 3x3 units: few enough for brute force (Bell(9) = 21,147 assignments).
        const int rows = seed % 2 ? 3 : 2, cols = seed % 2 ? 3 : 4;
        const UnitGraph g = gp::test::gridGraph(
            rows, cols, gp::test::hashedWeights(seed, 20, 160, cols), diagonals);
        const Bounds bounds{250, 400, 300};
        ExactOptions options;
        options.minimise_cut = true;
        const auto r = solveExact(g, Adjacency(g), allUnits(g), bounds, options);
        const int expected = bruteForceOptimum(g, bounds);
        INFO("seed " << seed);
        if (expected < 0)
        {
            CHECK(r.status == ExactStatus::Infeasible);
            continue;
        }
        REQUIRE(r.status == ExactStatus::Optimal);
        CHECK(r.cut_edges == expected);
        CHECK(withinBounds(g, r.part_of, r.parts, bounds));
        CHECK(gp::test::partsContiguous(g, r.part_of, r.parts));
    }
}

TEST_CASE("exact: the node budget stops a search as unknown, never as a proof",
          "[partition][exact]")
{
    const UnitGraph g = gp::test::gridGraph(6, 6, gp::test::hashedWeights(5, 40, 120, 6));
    const Bounds bounds{300, 500, 400};
    ExactOptions options;
    options.minimise_cut = true;
    options.node_limit = 1;
    const auto r = solveExact(g, Adjacency(g), allUnits(g), bounds, options);
    CHECK(r.status != ExactStatus::Infeasible);
    if (r.status == ExactStatus::Feasible)
        CHECK(r.bound <= r.cut_edges);
    options.max_units = 10;
    CHECK(solveExact(g, Adjacency(g), allUnits(g), bounds, options).status ==
          ExactStatus::TooLarge);
}

TEST_CASE("exact check: the heuristic's cut links against the optimum", "[partition][exact]")
{
    const UnitGraph g = gp::test::gridGraph(4, 4, [](int, int) { return 100; });
    const Bounds bounds{400, 400, 400};
    // Four rows: a feasible plan that cuts 12 links.
    std::vector<int> rows(16);
    for (int u = 0; u < 16; ++u)
        rows[u] = u / 4;
    const auto gaps = gp::partition::compareWithExact(g, rows, bounds, 100, {});
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].parts == 4);
    CHECK(gaps[0].heuristic_cut == 12);
    CHECK(gaps[0].exact_cut == 8);
    CHECK(gaps[0].lower_bound == 8);
    CHECK(gaps[0].status == ExactStatus::Optimal);
    CHECK(gp::partition::compareWithExact(g, rows, bounds, 15, {}).empty());
}

TEST_CASE("exact check by pairs: neighbouring parts re-solved as two", "[partition][exact]")
{
    // Four rows of a 4x4 grid, 100 households a unit, every part exactly 400: each pair of
    // neighbouring rows (2x4 units) is best split into two 2x2 squares, 2 links between them
    // instead of the rows' 4.
    const UnitGraph g = gp::test::gridGraph(4, 4, [](int, int) { return 100; });
    const Bounds bounds{400, 400, 400};
    std::vector<int> rows(16);
    for (int u = 0; u < 16; ++u)
        rows[u] = u / 4;
    const auto pairs = gp::partition::compareGridPairs(g, rows, bounds, 100, {});
    CHECK(pairs.pairs == 3);
    CHECK(pairs.solved == 3);
    CHECK(pairs.heuristic_cut == 12);
    CHECK(pairs.exact_cut == 6);
    CHECK(pairs.largest_solved == 8);
    CHECK(pairs.smallest_unsolved == 0);
    // Pairs above the size limit are not solved.
    const auto capped = gp::partition::compareGridPairs(g, rows, bounds, 6, {});
    CHECK(capped.pairs == 3);
    CHECK(capped.solved == 0);
    CHECK(capped.smallest_unsolved == 8);
}

TEST_CASE("exact: the node budget shrinks with the model's size", "[partition][exact]")
{
    ExactOptions options;
    options.node_limit = 5000;
    options.work_limit = 2'000'000;
    CHECK(gp::partition::nodeLimitFor(options, 100) == 5000);    // small models keep node_limit
    CHECK(gp::partition::nodeLimitFor(options, 29'593) == 67);   // 2M / 29,593 nonzeros
    CHECK(gp::partition::nodeLimitFor(options, 4'000'000) == 1); // never below one node
    CHECK(gp::partition::nodeLimitFor(options, 0) == 5000);

    // A work limit of one node stops GLPK exactly where a node limit of one does.
    const UnitGraph g = gp::test::gridGraph(6, 6, gp::test::hashedWeights(5, 40, 120, 6));
    const Bounds bounds{300, 500, 400};
    ExactOptions by_nodes;
    by_nodes.minimise_cut = true;
    by_nodes.node_limit = 1;
    ExactOptions by_work;
    by_work.minimise_cut = true;
    by_work.work_limit = 1;
    const auto a = solveExact(g, Adjacency(g), allUnits(g), bounds, by_nodes);
    const auto b = solveExact(g, Adjacency(g), allUnits(g), bounds, by_work);
    CHECK(b.status == a.status);
    CHECK(b.part_of == a.part_of);
    CHECK(b.status != ExactStatus::Infeasible);
    CHECK_FALSE(b.hit_time_limit);
    // With room to search, the same model is solved to optimality.
    ExactOptions roomy = by_work;
    roomy.work_limit = 1'000'000'000;
    roomy.node_limit = 100'000;
    const auto c = solveExact(g, Adjacency(g), allUnits(g), bounds, roomy);
    CHECK(c.status == ExactStatus::Optimal);
    CHECK(c.cut_edges <= (b.part_of.empty() ? c.cut_edges : b.cut_edges));
}
