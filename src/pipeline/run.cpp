#include "pipeline/run.hpp"

#include "audit/coverage.hpp"
#include "audit/metrics.hpp"
#include "audit/violations.hpp"
#include "classify/households.hpp"
#include "dedicate/dedicate.hpp"
#include "classify/use_mapping.hpp"
#include "geom/geos.hpp"
#include "graph/adjacency.hpp"
#include "graph/blocks.hpp"
#include "improve/improve.hpp"
#include "io/load.hpp"
#include "organize/codes.hpp"
#include "partition/partition.hpp"
#include "place/place.hpp"
#include "tile/line_index.hpp"
#include "tile/tile.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

namespace gp::pipeline
{

namespace
{

void say(const StageLog& log, const std::string& line)
{
    if (log)
        log(line);
}

// Stage lines with the wall and CPU time since the previous line appended ("... [1.234 s,
// cpu 1.201 s]"), for scripts/bench.sh; CPU time because a shared machine stretches wall time.
// Only the log (stderr) carries timings, so outputs stay byte-identical.
StageLog withStageTimes(const StageLog& log)
{
    if (!log)
        return {};
    struct Mark
    {
        std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
        std::clock_t cpu = std::clock();
    };
    auto last = std::make_shared<Mark>();
    return [log, last](const std::string& line) {
        const Mark now;
        char seconds[64];
        std::snprintf(seconds, sizeof seconds, " [%.3f s, cpu %.3f s]",
                      std::chrono::duration<double>(now.wall - last->wall).count(),
                      static_cast<double>(now.cpu - last->cpu) / CLOCKS_PER_SEC);
        *last = now;
        log(line + seconds);
    };
}

// Appends one Grid per part of each community's partition (part_of per graph, parts per graph)
// and sets Building::grid; first_grid receives each graph's first grid index.
void buildGrids(Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                const std::vector<std::vector<int>>& part_of, const std::vector<int>& parts,
                std::vector<int>& first_grid)
{
    first_grid.assign(graphs.size(), -1);
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        const auto& cg = graphs[k];
        if (cg.graph.units.empty())
            continue;
        const int first = static_cast<int>(plan.grids.size());
        first_grid[k] = first;
        plan.grids.resize(plan.grids.size() + static_cast<std::size_t>(parts[k]));
        for (int p = 0; p < parts[k]; ++p)
            plan.grids[static_cast<std::size_t>(first + p)].community = cg.community;
        for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
        {
            const int g = first + part_of[k][u];
            auto& grid = plan.grids[static_cast<std::size_t>(g)];
            for (int b : cg.unit_buildings[u])
            {
                grid.buildings.push_back(b);
                grid.households += plan.buildings[static_cast<std::size_t>(b)].households;
                plan.buildings[static_cast<std::size_t>(b)].grid = g;
            }
        }
        for (int p = 0; p < parts[k]; ++p)
            std::sort(plan.grids[static_cast<std::size_t>(first + p)].buildings.begin(),
                      plan.grids[static_cast<std::size_t>(first + p)].buildings.end());
    }
}

// Turns each community's partition into Grids; returns the violations keyed by grid index.
// before_improve (if not null) receives each graph's partition as it was before improve.
std::vector<audit::GridViolation> makeGrids(Plan& plan,
                                            const std::vector<graph::CommunityGraph>& graphs,
                                            const PartitionConfig& config, RunStats& stats,
                                            std::vector<std::vector<int>>* before_improve,
                                            double* improve_seconds = nullptr)
{
    const partition::Bounds bounds{config.min_households, config.max_households,
                                   config.target_households};
    std::vector<partition::PartitionResult> results(graphs.size());
    std::vector<std::vector<int>> part_of(graphs.size());
    std::vector<int> parts(graphs.size(), 0);
    if (before_improve)
        before_improve->assign(graphs.size(), {});
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        const auto& cg = graphs[k];
        if (cg.graph.units.empty())
            continue;
        auto& result = results[k];
        result = partition::partitionGraph(cg.graph, bounds, config.seed);
        if (before_improve)
            (*before_improve)[k] = result.part_of;
        const std::clock_t improve_start = std::clock(); // CPU time: wall time is noisy on shared machines
        const auto improved = improve::improvePartition(cg.graph, bounds, result);
        if (improve_seconds)
            *improve_seconds += static_cast<double>(std::clock() - improve_start) / CLOCKS_PER_SEC;
        stats.compactness_before += improved.objective_before;
        stats.compactness_after += improved.objective_after;
        stats.improve_moves += improved.moves;
        part_of[k] = result.part_of;
        parts[k] = result.parts;
    }
    std::vector<int> first_grid;
    buildGrids(plan, graphs, part_of, parts, first_grid);
    std::vector<audit::GridViolation> violations;
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (first_grid[k] < 0)
            continue;
        for (const auto& v : results[k].violations)
            violations.push_back({first_grid[k] + v.part, v.cause, v.detail});
        audit::edgeMetrics(plan, graphs[k], part_of[k], first_grid[k]);
    }
    return violations;
}

void tileGrids(Plan& plan, std::vector<std::string>& notes)
{
    geom::GeosContext ctx;
    MultiLineString barriers;
    for (const auto& b : plan.barriers)
        barriers.insert(barriers.end(), b.lines.begin(), b.lines.end());
    const tile::LineIndex barrier_index(barriers); // each community gets the lines near it
    std::vector<std::vector<int>> in_community(plan.communities.size());
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
        if (plan.buildings[static_cast<std::size_t>(b)].community >= 0)
            in_community[static_cast<std::size_t>(plan.buildings[static_cast<std::size_t>(b)].community)].push_back(b);
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grids_of[static_cast<std::size_t>(plan.grids[static_cast<std::size_t>(g)].community)].push_back(g);

    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        if (grids_of[c].empty())
            continue;
        std::vector<int> local(plan.grids.size(), -1);
        for (std::size_t k = 0; k < grids_of[c].size(); ++k)
            local[static_cast<std::size_t>(grids_of[c][k])] = static_cast<int>(k);
        tile::TileInput input;
        input.community = &plan.communities[c].area;
        input.grid_count = static_cast<int>(grids_of[c].size());
        const MultiLineString near_barriers = barrier_index.near(envelopeOf(plan.communities[c].area));
        input.barriers = &near_barriers;
        for (int b : in_community[c])
        {
            const auto& building = plan.buildings[static_cast<std::size_t>(b)];
            input.footprints.push_back(&building.footprint);
            input.anchors.push_back(building.anchor);
            input.grid_of.push_back(building.grid >= 0 ? local[static_cast<std::size_t>(building.grid)] : -1);
        }
        auto result = tile::tileCommunity(ctx, input);
        for (std::size_t k = 0; k < grids_of[c].size(); ++k)
            plan.grids[static_cast<std::size_t>(grids_of[c][k])].area = std::move(result.grids[k]);
        for (auto& note : result.notes)
            notes.push_back(plan.communities[c].id + ": " + note);
    }
}

// Mean Polsby-Popper of the grids the pre-improve partition would have given: the same plan
// re-gridded from those part labels, with the same dedicate step, and tiled again.
double meanPolsbyPopperBefore(const Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                              const std::vector<std::vector<int>>& before,
                              const PartitionConfig& config)
{
    Plan copy = plan;
    copy.grids.clear();
    for (auto& b : copy.buildings)
        b.grid = -1;
    std::vector<int> parts(graphs.size(), 0);
    for (std::size_t k = 0; k < graphs.size(); ++k)
        for (int p : before[k])
            parts[k] = std::max(parts[k], p + 1);
    std::vector<int> first_grid;
    buildGrids(copy, graphs, before, parts, first_grid);
    dedicate::dedicateAndFold(copy, config);
    std::vector<std::string> notes;
    tileGrids(copy, notes);
    audit::shapeMetrics(copy);
    double pp = 0;
    for (const auto& g : copy.grids)
        pp += g.metrics.polsby_popper;
    return copy.grids.empty() ? 0.0 : pp / static_cast<double>(copy.grids.size());
}

// How each compound fared (whole / merged / split / empty), how many split compounds (or
// inferred blocks without a compound layer) each grid holds a piece of, and one issue per grid
// whose buildings are linked across a barrier.
void reportGround(Plan& plan)
{
    plan.compound_outcomes.assign(plan.compounds.size(), CompoundOutcome{});
    for (const auto& b : plan.buildings)
        if (b.compound >= 0 && b.grid >= 0)
        {
            auto& c = plan.compound_outcomes[static_cast<std::size_t>(b.compound)];
            c.households += b.households;
            c.grids.push_back(b.grid);
        }
    for (auto& c : plan.compound_outcomes)
    {
        std::sort(c.grids.begin(), c.grids.end());
        c.grids.erase(std::unique(c.grids.begin(), c.grids.end()), c.grids.end());
    }
    for (int i = 0; i < static_cast<int>(plan.compounds.size()); ++i)
    {
        auto& c = plan.compound_outcomes[static_cast<std::size_t>(i)];
        if (c.grids.empty())
        {
            c.status = "empty";
            continue;
        }
        if (c.grids.size() > 1)
        {
            c.status = "split";
            continue;
        }
        std::vector<int> others;
        for (int b : plan.grids[static_cast<std::size_t>(c.grids.front())].buildings)
        {
            const auto& building = plan.buildings[static_cast<std::size_t>(b)];
            const int other = building.compound;
            if (!graph::isGridMember(building)) // folded shops etc. do not count as a merge
                continue;
            if (other < 0)
                ++c.loose_buildings;
            else if (other != i)
                others.push_back(other);
        }
        std::sort(others.begin(), others.end());
        others.erase(std::unique(others.begin(), others.end()), others.end());
        for (int o : others)
            c.merged_with.push_back(plan.compounds[static_cast<std::size_t>(o)].id);
        c.status = others.empty() && c.loose_buildings == 0 ? "whole" : "merged";
    }

    // Split clusters: compounds, or the inferred blocks when there is no compound layer.
    std::vector<std::vector<int>> grids_of(plan.compounds.empty() ? plan.blocks.size()
                                                                  : plan.compounds.size());
    for (const auto& b : plan.buildings)
    {
        const int key = graph::clusterOf(plan, b);
        if (key >= 0 && b.grid >= 0)
            grids_of[static_cast<std::size_t>(key)].push_back(b.grid);
    }
    for (auto& gs : grids_of)
    {
        std::sort(gs.begin(), gs.end());
        gs.erase(std::unique(gs.begin(), gs.end()), gs.end());
        if (gs.size() > 1)
            for (int g : gs)
                ++plan.grids[static_cast<std::size_t>(g)].metrics.splits_compound;
    }

    for (const auto& g : plan.grids)
    {
        if (g.metrics.barrier_crossings <= 0 || g.community < 0)
            continue;
        Issue issue;
        issue.reason = "grid_crosses_barrier";
        issue.detail = "grid " + g.code + ": " + std::to_string(g.metrics.barrier_crossings) +
                       " neighbour link(s) between its buildings cross a barrier line; the "
                       "partitioner cuts such links first, so the household bounds (or "
                       "contiguity) could not be met without keeping them - check whether the "
                       "barrier should split this grid";
        issue.households = g.households;
        issue.community = plan.communities[static_cast<std::size_t>(g.community)].id;
        issue.grid = g.code;
        issue.area = g.area;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace

Plan runPartition(const PartitionConfig& config, const StageLog& stage_log, RunStats* stats_out)
{
    const StageLog log = withStageTimes(stage_log);
    validate(config);
    RunStats stats;

    Plan plan = io::loadInputs(config);
    say(log, "load: " + std::to_string(plan.buildings.size()) + " buildings, " +
                 std::to_string(plan.communities.size()) + " communities, working CRS " +
                 plan.working_crs);

    {
        const auto uses = classify::UseMapping::fromConfig(config);
        std::vector<classify::RawHouseholdFields> raw;
        raw.reserve(plan.buildings.size());
        for (const auto& b : plan.buildings)
            raw.push_back({b.inputs.households, b.inputs.floors, b.inputs.height});
        for (const auto& note : classify::classifyBuildings(plan.buildings, raw, uses, config.estimate))
        {
            Issue issue;
            issue.reason = "value_ignored";
            issue.detail = "building " + plan.buildings[note.building].id + ": " + classify::describe(note.note);
            issue.buildings.push_back(plan.buildings[note.building].id);
            plan.issues.push_back(std::move(issue));
        }
    }
    say(log, "classify: households estimated or read for every building");

    const auto placed = place::placeBuildings(plan);
    say(log, "place: " + std::to_string(placed.placed) + " placed, " + std::to_string(placed.outside) +
                 " outside every community, " + std::to_string(placed.straddling) + " straddling");

    graph::inferBlocks(plan);
    if (!plan.blocks.empty())
        say(log, "blocks: " + std::to_string(plan.blocks.size()) +
                     " blocks inferred from barriers (no compound layer)");
    const auto graphs = graph::buildCommunityGraphs(plan, config.max_households);
    {
        std::size_t units = 0;
        for (const auto& cg : graphs)
            units += cg.graph.units.size();
        say(log, "graph: " + std::to_string(graphs.size()) + " community graphs, " + std::to_string(units) + " units");
    }
    std::vector<std::vector<int>> before_improve;
    double improve_seconds = 0;
    auto violations = makeGrids(plan, graphs, config, stats,
                                config.measure_improvement ? &before_improve : nullptr, &improve_seconds);
    char improve_time[48];
    std::snprintf(improve_time, sizeof improve_time, " (improve cpu %.3f s of it)", improve_seconds);
    say(log, "partition: " + std::to_string(plan.grids.size()) + " grids, " +
                 std::to_string(stats.improve_moves) + " improving moves" + improve_time);

    const auto dedicated = dedicate::dedicateAndFold(plan, config);
    say(log, "dedicate: " + std::to_string(dedicated.dedicated_grids) + " dedicated grids (" +
                 std::to_string(dedicated.dedicated_buildings) + " buildings), " +
                 std::to_string(dedicated.folded_buildings) + " buildings folded in, " +
                 std::to_string(dedicated.unfolded_buildings) + " left for review");

    std::vector<std::string> tile_notes;
    tileGrids(plan, tile_notes);
    say(log, "tile: grid polygons for " + std::to_string(plan.grids.size()) + " grids");

    organize::assignCodes(plan, config.street_code);
    say(log, "organize: codes for " + std::to_string(plan.grids.size()) + " grids");
    audit::shapeMetrics(plan);
    audit::reportViolations(plan, violations, config);
    reportGround(plan);
    for (const auto& note : tile_notes)
    {
        Issue issue;
        issue.reason = "tiling_note";
        issue.detail = note;
        plan.issues.push_back(std::move(issue));
    }
    const auto coverage = audit::auditCoverage(plan);
    say(log, "audit: " + std::to_string(coverage.street_not_covered) + " street parts not covered, " +
                 std::to_string(coverage.community_gaps) + " gaps between communities, " +
                 std::to_string(coverage.communities_overlap) + " overlapping community pairs");

    double pp = 0;
    for (const auto& g : plan.grids)
        pp += g.metrics.polsby_popper;
    stats.mean_polsby_popper = plan.grids.empty() ? 0.0 : pp / static_cast<double>(plan.grids.size());
    if (config.measure_improvement)
    {
        stats.mean_polsby_popper_before_improve =
            meanPolsbyPopperBefore(plan, graphs, before_improve, config);
        plan.mean_polsby_popper_before_improve = stats.mean_polsby_popper_before_improve;
        say(log, "improve: mean Polsby-Popper " +
                     std::to_string(stats.mean_polsby_popper_before_improve) + " before, " +
                     std::to_string(stats.mean_polsby_popper) + " after");
    }
    if (stats_out)
        *stats_out = stats;
    return plan;
}

} // namespace gp::pipeline
