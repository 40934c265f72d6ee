// The exact model's combinatorial search (partition/exact_cover.hpp) against exhaustive checks.
#include "partition/adjacency.hpp"
#include "partition/causes.hpp"
#include "partition/exact.hpp"
#include "partition/exact_cover.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>
#include <vector>

using gp::partition::Adjacency;
using gp::partition::Bounds;
using gp::partition::ExactStatus;
using gp::partition::LocalGraph;
using gp::partition::solveByCover;
using gp::partition::UnitGraph;
using gp::partition::ViolationCause;

namespace
{

LocalGraph localOf(const UnitGraph& g)
{
    LocalGraph local;
    for (const auto& u : g.units)
    {
        local.weight.push_back(static_cast<int>(u.weight));
        local.total += u.weight;
    }
    for (const auto& e : g.edges)
        local.links.emplace_back(std::min(e.a, e.b), std::max(e.a, e.b));
    return local;
}

bool connected(const LocalGraph& g, std::uint32_t set)
{
    if (set == 0)
        return false;
    std::uint32_t reached = set & (~set + 1);
    for (bool grew = true; grew;)
    {
        grew = false;
        for (const auto& [a, b] : g.links)
        {
            const bool ina = reached >> a & 1, inb = reached >> b & 1;
            if (ina != inb && (set >> a & 1) && (set >> b & 1))
            {
                reached |= 1u << a | 1u << b;
                grew = true;
            }
        }
    }
    return reached == set;
}

long long weightOf(const LocalGraph& g, std::uint32_t set)
{
    long long w = 0;
    for (std::size_t u = 0; u < g.weight.size(); ++u)
        w += (set >> u & 1) ? g.weight[u] : 0;
    return w;
}

// Whether the units split into exactly two connected sets within the bounds: every subset
// holding unit 0, checked with its complement.
bool twoWaySplitExists(const LocalGraph& g, const Bounds& b)
{
    const std::uint32_t all = (1u << g.weight.size()) - 1;
    for (std::uint32_t s = 1; s < all; s += 2)
    {
        const long long ws = weightOf(g, s), wr = g.total - ws;
        if (ws >= b.min && ws <= b.max && wr >= b.min && wr <= b.max && connected(g, s) &&
            connected(g, all & ~s))
            return true;
    }
    return false;
}

void checkPlan(const UnitGraph& ug, const gp::partition::ExactResult& r, const Bounds& b)
{
    REQUIRE(r.part_of.size() == ug.units.size());
    for (long long w : gp::test::partWeights(ug, r.part_of, r.parts))
    {
        CHECK(w >= b.min);
        CHECK(w <= b.max);
    }
    CHECK(gp::test::partsContiguous(ug, r.part_of, r.parts));
}

} // namespace

TEST_CASE("exact cover: tight two-grid pieces of 999 households, against every two-way split",
          "[partition][exact]")
{
    // 17 units (a 3x6 grid less its last unit; the 100k city's stubborn piece had 17 units and
    // 999 households) with bounds 400-500: only two grids fit (three need 1,200), only splits of
    // 499 / 500 work, and whether one exists depends on the weights.
    const Bounds bounds{400, 500, 450};
    int feasible = 0, infeasible = 0;
    for (std::uint64_t seed = 1; seed <= 16; ++seed)
    {
        UnitGraph ug = gp::test::gridGraph(3, 6, gp::test::hashedWeights(seed, 30, 90, 6));
        ug.units.pop_back(); // unit 17 and its links go
        std::erase_if(ug.edges, [](const auto& e) { return e.a == 17 || e.b == 17; });
        long long total = 0;
        for (std::size_t u = 0; u + 1 < ug.units.size(); ++u)
            total += ug.units[u].weight;
        ug.units.back().weight = 999 - total; // the last unit makes the total 999
        if (ug.units.back().weight <= 0 || ug.units.back().weight > 500)
            continue;
        const LocalGraph g = localOf(ug);
        INFO("seed " << seed);
        const auto r = solveByCover(g, bounds);
        const bool expected = twoWaySplitExists(g, bounds);
        if (expected)
        {
            REQUIRE(r.status == ExactStatus::Optimal);
            CHECK(r.parts == 2);
            checkPlan(ug, r, bounds);
            ++feasible;
        }
        else
        {
            CHECK(r.status == ExactStatus::Infeasible);
            ++infeasible;
        }
        // solveExact takes the same answer (without minimising cut links).
        std::vector<int> units(ug.units.size());
        std::iota(units.begin(), units.end(), 0);
        CHECK(gp::partition::solveExact(ug, Adjacency(ug), units, bounds).status == r.status);
    }
    CHECK(feasible + infeasible >= 8);
    CHECK(feasible > 0); // both answers are exercised
    CHECK(infeasible > 0);
}

TEST_CASE("exact cover: fixed part counts, units over the maximum, and its budget",
          "[partition][exact]")
{
    const Bounds bounds{300, 500, 400};
    // 2x4 units of 100: 800 households make two grids of 400, never three nor one.
    const UnitGraph ug = gp::test::gridGraph(2, 4, [](int, int) { return 100; });
    const LocalGraph g = localOf(ug);
    const auto two = solveByCover(g, bounds, 2);
    REQUIRE(two.status == ExactStatus::Optimal);
    CHECK(two.parts == 2);
    checkPlan(ug, two, bounds);
    CHECK(solveByCover(g, bounds, 3).status == ExactStatus::Infeasible);
    CHECK(solveByCover(g, bounds, 1).status == ExactStatus::Infeasible);
    // Two pieces apart (no link between them) are covered one by one.
    LocalGraph apart = g;
    std::erase_if(apart.links, [](const auto& l) { return l.first % 4 == 1 && l.second % 4 == 2; });
    const auto split = solveByCover(apart, bounds);
    REQUIRE(split.status == ExactStatus::Optimal);
    CHECK(split.parts == 2);
    // A unit of 520 fits no grid.
    LocalGraph heavy = g;
    heavy.weight[5] = 520;
    CHECK(solveByCover(heavy, bounds).status == ExactStatus::Infeasible);
    // A budget too small stops the search as unknown, never as a proof.
    CHECK(solveByCover(g, bounds, 0, 2).status == ExactStatus::Unknown);
    // Past 64 units the search is not attempted.
    const LocalGraph big = localOf(gp::test::gridGraph(5, 13, [](int, int) { return 10; }));
    CHECK(solveByCover(big, bounds).status == ExactStatus::TooLarge);
}

TEST_CASE("not_found advice names only the limit that stopped the search", "[partition][exact]")
{
    using gp::partition::ExactResult;
    using gp::partition::explainPart;
    using gp::partition::PieceFacts;
    const Bounds bounds{300, 500, 400};
    gp::partition::ExactOptions options;
    options.max_units = 200;
    // Too large for the exact model: raise --exact-max-units to the piece's size.
    PieceFacts large{250, 1000, nullptr, std::nullopt};
    const auto too_large = explainPart(0, 520, bounds, large, options);
    CHECK(too_large.cause == ViolationCause::NotFound);
    CHECK(too_large.advice.find("--exact-max-units 250") != std::string::npos);
    // Stopped by the wall-clock limit: more seconds may help.
    ExactResult timed;
    timed.status = ExactStatus::Unknown;
    timed.hit_time_limit = true;
    const auto by_time =
        explainPart(0, 520, bounds, PieceFacts{40, 1000, &timed, std::nullopt}, options);
    CHECK(by_time.cause == ViolationCause::NotFound);
    CHECK(by_time.advice.find("--exact-seconds") != std::string::npos);
    // Stopped by the node budget: no option helps, so none is suggested.
    ExactResult budget;
    budget.status = ExactStatus::Unknown;
    const auto by_nodes =
        explainPart(0, 520, bounds, PieceFacts{40, 1000, &budget, std::nullopt}, options);
    CHECK(by_nodes.cause == ViolationCause::NotFound);
    CHECK(by_nodes.detail.find("node budget") != std::string::npos);
    CHECK(by_nodes.advice.empty());
}
