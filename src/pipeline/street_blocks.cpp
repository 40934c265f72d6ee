#include "pipeline/street_blocks.hpp"
#include "core/index.hpp"

#include "graph/blocks.hpp"
#include "improve/improve.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace gp::pipeline
{

namespace
{

// Blocks tried one at a time per round, and rounds (blocks opened) at most: opening is searched
// only when whole blocks leave parts out of bounds, and each try partitions the community again.
constexpr std::size_t kCandidatesPerRound = 6;
constexpr int kMaxRounds = 4;

// How far a partition is from the bounds: parts out of bounds, then households beyond them.
std::pair<std::size_t, long long> shortfall(const partition::PartitionResult& result,
                                            const partition::UnitGraph& graph,
                                            const partition::Bounds& bounds)
{
    std::vector<long long> weight(static_cast<std::size_t>(result.parts), 0);
    for (std::size_t u = 0; u < graph.units.size(); ++u)
        at(weight, result.part_of[u]) += graph.units[u].weight;
    long long beyond = 0;
    for (long long w : weight)
        beyond += w < bounds.min ? bounds.min - w : w > bounds.max ? w - bounds.max : 0;
    return {result.violations.size(), beyond};
}

// A community's graph and its partition with some blocks opened.
struct Attempt
{
    graph::CommunityGraph cg;
    partition::PartitionResult result;
    graph::OpenedBlocks opened;
    std::pair<std::size_t, long long> score;
    double inertia = 0.0; // of the plan once improved, over buildings (see buildingInertia)
};

// Sum over parts of the household-weighted squared distance of their buildings' anchors to the
// part's centre (moment of inertia, as improve::compactness but over buildings, so that graphs
// with different blocks opened compare): lower is more compact.
double buildingInertia(const Plan& plan, const graph::CommunityGraph& cg,
                       const std::vector<int>& part_of, int parts)
{
    std::vector<double> m(static_cast<std::size_t>(parts), 0.0), sx(m), sy(m), sxx(m);
    for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
        for (int b : cg.unit_buildings[u])
        {
            const auto& building = at(plan.buildings, b);
            const auto p = static_cast<std::size_t>(part_of[u]);
            const double w = std::max(1, building.households);
            const double x = building.anchor.x(), y = building.anchor.y();
            m[p] += w;
            sx[p] += w * x;
            sy[p] += w * y;
            sxx[p] += w * (x * x + y * y);
        }
    double total = 0.0;
    for (std::size_t p = 0; p < m.size(); ++p)
        if (m[p] > 0)
            total += sxx[p] - (sx[p] * sx[p] + sy[p] * sy[p]) / m[p];
    return total;
}

// The street blocks worth opening: those of the units in a part out of bounds or linked to one,
// not opened to buildings yet, smallest first (opening a small block divides fewer households),
// at most kCandidatesPerRound.
std::vector<int> candidateBlocks(const Plan& plan, const Attempt& attempt)
{
    std::set<int> bad_parts;
    for (const auto& v : attempt.result.violations)
        bad_parts.insert(v.part);
    const auto& part_of = attempt.result.part_of;
    std::vector<char> near(attempt.cg.graph.units.size(), 0);
    for (std::size_t u = 0; u < near.size(); ++u)
        near[u] = bad_parts.count(part_of[u]) ? 1 : 0;
    for (const auto& e : attempt.cg.graph.edges)
        if (bad_parts.count(at(part_of, e.a)) || bad_parts.count(at(part_of, e.b)))
            at(near, e.a) = at(near, e.b) = 1;
    std::set<int> blocks;
    for (std::size_t u = 0; u < near.size(); ++u)
        if (near[u] && attempt.cg.unit_buildings[u].size() > 1) // a unit of one building is open
            for (int b : attempt.cg.unit_buildings[u])
                if (const int k = at(plan.buildings, b).street_block;
                    k >= 0 && !attempt.opened.to_buildings.count(k))
                    blocks.insert(k);
    std::vector<int> out(blocks.begin(), blocks.end());
    std::stable_sort(
        out.begin(), out.end(),
        [&](int a, int b)
        { return at(plan.street_blocks, a).households < at(plan.street_blocks, b).households; });
    if (out.size() > kCandidatesPerRound)
        out.resize(kCandidatesPerRound);
    return out;
}

void partitionAttempt(const Plan& plan, Attempt& a, const partition::Bounds& bounds,
                      const PartitionConfig& config, const partition::PartitionOptions& options)
{
    a.result = partition::partitionGraph(a.cg.graph, bounds, config.seed, options);
    a.score = shortfall(a.result, a.cg.graph, bounds);
    if (a.score.first == 0) // plans that meet the bounds are compared by their shape, improved
    {
        auto improved = a.result;
        improve::improvePartition(a.cg.graph, bounds, improved);
        a.inertia = buildingInertia(plan, a.cg, improved.part_of, improved.parts);
    }
}

// One round: each candidate block opened on its own, to its lane-bounded parts and to buildings;
// of the tries that meet the bounds the most compact wins, else the one nearest to them.
std::optional<Attempt> openOneMore(const Plan& plan, const graph::CommunityGraphBuilder& builder,
                                   const Attempt& current, const partition::Bounds& bounds,
                                   const PartitionConfig& config,
                                   const partition::PartitionOptions& options)
{
    std::optional<Attempt> best;
    for (int k : candidateBlocks(plan, current))
        for (const bool to_parts : {true, false})
        {
            graph::OpenedBlocks opened = current.opened;
            if (to_parts && opened.to_parts.count(k))
                continue; // already divided along its lanes
            (to_parts ? opened.to_parts : opened.to_buildings).insert(k);
            if (!to_parts)
                opened.to_parts.erase(k);
            Attempt a{builder.build(opened), {}, std::move(opened), {}};
            if (to_parts && a.cg.graph.units.size() == current.cg.graph.units.size())
                continue; // no lane divides it: opened to buildings next
            partitionAttempt(plan, a, bounds, config, options);
            if (!best || std::tie(a.score, a.inertia) < std::tie(best->score, best->inertia))
                best = std::move(a);
        }
    return best;
}

// When no single block brings the parts nearer the bounds: every candidate block opened to its
// buildings at once (the parts out of bounds and the units next to them).
std::optional<Attempt> openAllCandidates(const Plan& plan,
                                         const graph::CommunityGraphBuilder& builder,
                                         const Attempt& current, const partition::Bounds& bounds,
                                         const PartitionConfig& config,
                                         const partition::PartitionOptions& options)
{
    graph::OpenedBlocks opened = current.opened;
    for (int k : candidateBlocks(plan, current))
    {
        opened.to_parts.erase(k);
        opened.to_buildings.insert(k);
    }
    if (opened.to_buildings.size() == current.opened.to_buildings.size())
        return std::nullopt;
    Attempt a{builder.build(opened), {}, std::move(opened), {}};
    partitionAttempt(plan, a, bounds, config, options);
    return a;
}

} // namespace

partition::PartitionResult partitionWithStreetBlocks(const Plan& plan, graph::CommunityGraph& cg,
                                                     const partition::Bounds& bounds,
                                                     const PartitionConfig& config,
                                                     const partition::PartitionOptions& options,
                                                     OpenedStreetBlocks& opened)
{
    auto result = partition::partitionGraph(cg.graph, bounds, config.seed, options);
    if (result.violations.empty() || (!graph::hasStreets(plan) && !cg.crossings_limited))
        return result;
    opened.whole_proven_infeasible = std::any_of(
        result.violations.begin(), result.violations.end(),
        [](const auto& v) { return v.cause == partition::ViolationCause::ProvenInfeasible; });
    const int round_limit = graph::hasStreets(plan) ? kMaxRounds : 0;
    const graph::CommunityGraphBuilder builder(plan, cg.community, config.max_households);
    Attempt current{std::move(cg), std::move(result), {}, {}};
    current.score = shortfall(current.result, current.cg.graph, bounds);
    if (current.cg.crossings_limited) // first: regions that must join may cross any barrier
    {
        graph::OpenedBlocks every_class;
        every_class.every_crossing_class = true;
        Attempt a{builder.build(every_class), {}, every_class, {}};
        partitionAttempt(plan, a, bounds, config, options);
        if (a.score < current.score)
            current = std::move(a);
    }
    for (int round = 0; round < round_limit && current.score.first > 0; ++round)
    {
        auto next = openOneMore(plan, builder, current, bounds, config, options);
        if (!next || !(next->score < current.score))
            next = openAllCandidates(plan, builder, current, bounds, config, options);
        if (!next || !(next->score < current.score))
            break;
        current = std::move(*next);
    }
    cg = std::move(current.cg);
    opened.blocks = std::move(current.opened);
    return std::move(current.result);
}

void noteOpenedBlocks(Plan& plan, const std::vector<OpenedStreetBlocks>& opened)
{
    for (const auto& community : opened)
        for (int k : community.blocks.all())
        {
            const auto& block = at(plan.street_blocks, k);
            Issue issue;
            issue.reason = "street_block_opened";
            issue.detail =
                "street block " + block.id + ": opened " +
                (community.blocks.to_parts.count(k) ? "along its lanes" : "to single buildings") +
                " because " +
                (community.whole_proven_infeasible
                     ? "the exact model proved that no plan of its community keeps every street "
                       "block whole within the bounds"
                     : "no plan of its community keeping every street block whole within the "
                       "bounds was found") +
                "; of the blocks whose opening was tried, this one brought the grids within "
                "the bounds (or nearest to them)";
            issue.households = block.households;
            issue.community = at(plan.communities, block.community).id;
            issue.area = block.area;
            plan.issues.push_back(std::move(issue));
        }
}

} // namespace gp::pipeline
