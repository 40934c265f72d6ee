#include "pipeline/run.hpp"

#include "audit/coverage.hpp"
#include "core/parallel.hpp"
#include "audit/metrics.hpp"
#include "audit/streets.hpp"
#include "audit/violations.hpp"
#include "classify/footprints.hpp"
#include "classify/households.hpp"
#include "classify/register_join.hpp"
#include "dedicate/dedicate.hpp"
#include "dedicate/special.hpp"
#include "classify/use_mapping.hpp"
#include "geom/geos.hpp"
#include "graph/adjacency.hpp"
#include "graph/blocks.hpp"
#include "improve/detached.hpp"
#include "improve/groups.hpp"
#include "improve/improve.hpp"
#include "io/load.hpp"
#include "organize/areas.hpp"
#include "organize/codes.hpp"
#include "partition/exact_check.hpp"
#include "partition/graph_io.hpp"
#include "partition/partition.hpp"
#include "place/place.hpp"
#include "reconcile/reconcile.hpp"
#include "tile/line_index.hpp"
#include "tile/tile.hpp"
#include "pipeline/street_blocks.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>

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

// The partitioner's options from the run's: the exact model's size and time limits.
partition::PartitionOptions partitionOptions(const PartitionConfig& config)
{
    partition::PartitionOptions options;
    options.exact.max_units = config.exact_max_units;
    options.exact.seconds = config.exact_seconds;
    options.exact_repair = config.exact_max_units > 0;
    return options;
}

// --exact: each small piece's heuristic plan against the exact model's, in community order.
void checkAgainstExact(Plan& plan, const graph::CommunityGraph& cg, const std::vector<int>& part_of,
                       const partition::Bounds& bounds, const PartitionConfig& config)
{
    partition::ExactOptions exact;
    exact.seconds = config.exact_seconds;
    for (const auto& gap : partition::compareWithExact(cg.graph, part_of, bounds, config.exact_check_units, exact))
        plan.exact_checks.push_back({plan.communities[static_cast<std::size_t>(cg.community)].id, gap.units,
                                     gap.parts, gap.heuristic_cut, gap.exact_cut, gap.lower_bound,
                                     partition::toString(gap.status)});
}

// Turns each community's partition into Grids; returns the violations keyed by grid index.
// before_improve (if not null) receives each graph's partition as it was before improve.
std::vector<audit::GridViolation> makeGrids(Plan& plan,
                                            std::vector<graph::CommunityGraph>& graphs,
                                            const PartitionConfig& config, RunStats& stats,
                                            std::vector<std::vector<int>>* before_improve,
                                            ProgressReporter* progress,
                                            double* improve_seconds = nullptr)
{
    const partition::Bounds bounds{config.min_households, config.max_households,
                                   config.target_households};
    std::vector<partition::PartitionResult> results(graphs.size());
    std::vector<std::vector<int>> part_of(graphs.size());
    std::vector<int> parts(graphs.size(), 0);
    if (before_improve)
        before_improve->assign(graphs.size(), {});
    // Communities are independent: partitioned and improved in parallel, summed in order.
    std::vector<improve::ImproveStats> improved(graphs.size());
    std::vector<double> improve_secs(graphs.size(), 0.0); // wall time per community
    const partition::PartitionOptions options = partitionOptions(config);
    ProgressTask task(progress, "partition", graphs.size());
    std::vector<std::set<int>> opened(graphs.size());
    parallelFor(graphs.size(), config.threads, [&](std::size_t k, int) {
        const auto& community = plan.communities[static_cast<std::size_t>(graphs[k].community)];
        if (graphs[k].graph.units.empty())
        {
            task.stepInOrder(k, community.id);
            return;
        }
        auto& result = results[k];
        result = partitionWithStreetBlocks(plan, graphs[k], bounds, config, options, opened[k]);
        const auto& cg = graphs[k];
        if (before_improve)
            (*before_improve)[k] = result.part_of;
        const auto improve_start = std::chrono::steady_clock::now();
        // A large community is improved in groups of parts on every core (improve/groups.hpp).
        improved[k] = improve::improveByGroups(cg.graph, bounds, result, {}, {48, 2, config.threads});
        improve_secs[k] = std::chrono::duration<double>(std::chrono::steady_clock::now() - improve_start).count();
        part_of[k] = result.part_of;
        parts[k] = result.parts;
        task.stepInOrder(k, community.id + (community.name.empty() ? "" : " " + community.name));
    });
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (graphs[k].graph.units.empty())
            continue;
        stats.compactness_before += improved[k].objective_before;
        stats.compactness_after += improved[k].objective_after;
        stats.improve_moves += improved[k].moves;
        if (improve_seconds)
            *improve_seconds += improve_secs[k];
    }
    task.finish();
    noteOpenedBlocks(plan, opened);
    if (config.exact_check_units > 0)
        for (std::size_t k = 0; k < graphs.size(); ++k)
            if (!graphs[k].graph.units.empty())
                checkAgainstExact(plan, graphs[k], part_of[k], bounds, config);
    std::vector<int> first_grid;
    buildGrids(plan, graphs, part_of, parts, first_grid);
    std::vector<audit::GridViolation> violations;
    for (std::size_t k = 0; k < graphs.size(); ++k)
    {
        if (first_grid[k] < 0)
            continue;
        for (const auto& v : results[k].violations)
            violations.push_back({first_grid[k] + v.part, v.cause, v.detail, v.advice, v.advice_zh});
    }
    return violations;
}

// Tiles the grids of every community (or those flagged in `only`); notes are (community, text).
void tileGrids(Plan& plan, std::vector<std::pair<int, std::string>>& notes, int threads,
               const std::vector<char>* only = nullptr, ProgressReporter* progress = nullptr)
{
    MultiLineString barriers;
    for (const auto& b : plan.barriers)
        barriers.insert(barriers.end(), b.lines.begin(), b.lines.end());
    const tile::LineIndex barrier_index(barriers); // each community gets the lines near it
    MultiLineString streets, lanes; // issue 13
    for (const auto& s : plan.streets)
        streets.insert(streets.end(), s.lines.begin(), s.lines.end());
    for (const auto& s : plan.lanes)
        lanes.insert(lanes.end(), s.lines.begin(), s.lines.end());
    const tile::LineIndex street_index(streets), lane_index(lanes);
    std::vector<std::vector<int>> in_community(plan.communities.size());
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
        if (plan.buildings[static_cast<std::size_t>(b)].community >= 0)
            in_community[static_cast<std::size_t>(plan.buildings[static_cast<std::size_t>(b)].community)].push_back(b);
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grids_of[static_cast<std::size_t>(plan.grids[static_cast<std::size_t>(g)].community)].push_back(g);

    // Communities are tiled in parallel (one GEOS context per worker thread), applied in order.
    std::vector<std::size_t> todo;
    std::vector<std::vector<int>> specials_of(plan.communities.size());
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        // Special-area grids already have their land; the other grids tile what is left.
        for (int g : grids_of[c])
            if (plan.grids[static_cast<std::size_t>(g)].special >= 0)
                specials_of[c].push_back(g);
        std::erase_if(grids_of[c], [&](int g) { return plan.grids[static_cast<std::size_t>(g)].special >= 0; });
        if (!grids_of[c].empty() && (!only || (*only)[c]))
            todo.push_back(c);
    }
    ProgressTask task(progress, "tile", todo.size());
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(static_cast<std::size_t>(resolveThreads(threads)));
    std::vector<tile::TileResult> results(plan.communities.size());
    parallelFor(todo.size(), threads, [&](std::size_t i, int worker) {
        const std::size_t c = todo[i];
        auto& ctx = contexts[static_cast<std::size_t>(worker)];
        if (!ctx)
            ctx = std::make_unique<geom::GeosContext>();
        std::vector<int> local(plan.grids.size(), -1);
        for (std::size_t k = 0; k < grids_of[c].size(); ++k)
            local[static_cast<std::size_t>(grids_of[c][k])] = static_cast<int>(k);
        const MultiPolygon land = dedicate::landAfterSpecials(*ctx, plan, static_cast<int>(c), specials_of[c]);
        tile::TileInput input;
        input.community = &land;
        input.grid_count = static_cast<int>(grids_of[c].size());
        const MultiLineString near_barriers = barrier_index.near(envelopeOf(plan.communities[c].area));
        input.barriers = &near_barriers;
        const MultiLineString near_streets = street_index.near(envelopeOf(plan.communities[c].area));
        input.streets = &near_streets;
        const MultiLineString near_lanes = lane_index.near(envelopeOf(plan.communities[c].area));
        input.lanes = &near_lanes;
        for (int b : in_community[c])
        {
            const auto& building = plan.buildings[static_cast<std::size_t>(b)];
            if (building.special >= 0)
                continue;
            input.footprints.push_back(&building.footprint);
            input.anchors.push_back(building.anchor);
            input.grid_of.push_back(building.grid >= 0 ? local[static_cast<std::size_t>(building.grid)] : -1);
        }
        results[c] = tile::tileCommunity(*ctx, input);
        task.stepInOrder(i, plan.communities[c].id + (plan.communities[c].name.empty() ? "" : " " + plan.communities[c].name));
    });
    for (std::size_t c : todo)
    {
        auto& result = results[c];
        for (std::size_t k = 0; k < grids_of[c].size(); ++k)
            plan.grids[static_cast<std::size_t>(grids_of[c][k])].area = std::move(result.grids[k]);
        for (auto& note : result.notes)
            notes.emplace_back(static_cast<int>(c), std::move(note));
    }
    task.finish();
}

// Tiles every community; grids that came out in pieces then hand minor pieces to a neighbour
// and those communities are tiled again.
improve::DetachedRepair tileAndMend(Plan& plan, const PartitionConfig& config,
                                    std::vector<std::pair<int, std::string>>& notes,
                                    ProgressReporter* progress = nullptr)
{
    tileGrids(plan, notes, config.threads, nullptr, progress);
    auto detached = improve::reassignDetachedPieces(plan, config);
    if (detached.pieces_moved > 0)
    {
        std::erase_if(notes, [&](const auto& note) { return detached.communities_changed[static_cast<std::size_t>(note.first)] != 0; });
        tileGrids(plan, notes, config.threads, &detached.communities_changed);
    }
    return detached;
}

// Mean Polsby-Popper of the residential grids (as the report gives it).
double meanResidentialPolsbyPopper(const Plan& plan)
{
    double sum = 0;
    int n = 0;
    for (const auto& g : plan.grids)
        if (g.kind == GridKind::Residential)
        {
            sum += g.metrics.polsby_popper;
            ++n;
        }
    return n ? sum / n : 0.0;
}

// Mean Polsby-Popper of the grids the pre-improve partition would have given: the same plan
// re-gridded from those part labels, with the same dedicate step, and tiled again.
double meanPolsbyPopperBefore(const Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                              const std::vector<std::vector<int>>& before,
                              const PartitionConfig& config)
{
    Plan copy = plan;
    // Special-area grids come first and do not depend on the partition: keep them.
    const auto specials = std::count_if(plan.grids.begin(), plan.grids.end(),
                                        [](const Grid& g) { return g.special >= 0; });
    copy.grids.resize(static_cast<std::size_t>(specials));
    for (auto& b : copy.buildings)
        if (b.special < 0)
            b.grid = -1;
    std::vector<int> parts(graphs.size(), 0);
    for (std::size_t k = 0; k < graphs.size(); ++k)
        for (int p : before[k])
            parts[k] = std::max(parts[k], p + 1);
    std::vector<int> first_grid;
    buildGrids(copy, graphs, before, parts, first_grid);
    dedicate::dedicateAndFold(copy, config);
    std::vector<std::pair<int, std::string>> notes;
    tileAndMend(copy, config, notes);
    audit::shapeMetrics(copy);
    return meanResidentialPolsbyPopper(copy);
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
        issue.detail_zh = "网格 " + g.code + "：其楼栋间有 " + std::to_string(g.metrics.barrier_crossings) +
                          " 条相邻连接跨越道路或河流等分隔线；划分时已优先切断此类连接，但不保留它们就无法满足户数"
                          "范围（或连通性）——请核查该分隔线是否应将此网格分开";
        issue.households = g.households;
        issue.community = plan.communities[static_cast<std::size_t>(g.community)].id;
        issue.grid = g.code;
        issue.area = g.area;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace

Plan runPartition(const PartitionConfig& config, const StageLog& stage_log, RunStats* stats_out,
                  ProgressReporter* progress)
{
    const StageLog log = withStageTimes(stage_log);
    validate(config);
    RunStats stats;

    Plan plan = io::loadInputs(config, progress);
    say(log, "load: " + std::to_string(plan.buildings.size()) + " buildings, " +
                 std::to_string(plan.communities.size()) + " communities, working CRS " +
                 plan.working_crs + " (" + plan.working_crs_reason + ")");

    {
        const auto uses = classify::UseMapping::fromConfig(config);
        std::vector<classify::RawHouseholdFields> raw;
        raw.reserve(plan.buildings.size());
        for (const auto& b : plan.buildings)
            raw.push_back({b.inputs.households, b.inputs.floors, b.inputs.height});
        for (const auto& note : classify::classifyBuildings(plan.buildings, raw, uses, config.estimate))
        {
            Issue issue;
            issue.reason = note.reason;
            issue.detail = "building " + plan.buildings[note.building].id + ": " + classify::describe(note.note);
            issue.buildings.push_back(plan.buildings[note.building].id);
            plan.issues.push_back(std::move(issue));
        }
    }
    if (config.households_table)
    {
        classify::finishRegisterJoin(plan, config.households_table->building_field);
        const auto& join = *plan.register_join;
        say(log, "register: " + std::to_string(join.buildings_matched) + " buildings given " +
                     std::to_string(join.households_joined) + " households from " + std::to_string(join.keys_matched) +
                     " keys; " + std::to_string(join.keys_unmatched) + " keys match no building, " +
                     std::to_string(join.buildings_without_row) + " residential buildings have no row");
    }
    say(log, "classify: households estimated or read for every building");
    // Parts inside their building and records sharing one footprint (README "Overlapping footprints").
    const auto footprints = classify::resolveOverlappingFootprints(plan.buildings, plan.issues);
    if (footprints.merged + footprints.sliced > 0)
        say(log, "classify: " + std::to_string(footprints.merged) + " overlapping footprints merged, " +
                     std::to_string(footprints.sliced) + " records given a slice of a shared footprint");

    const auto placed = place::placeBuildings(plan, config.threads);
    say(log, "place: " + std::to_string(placed.placed) + " placed, " + std::to_string(placed.outside) +
                 " outside every community, " + std::to_string(placed.straddling) + " straddling");

    const auto special = dedicate::carveSpecialAreas(plan, config);
    if (!plan.specials.empty())
        say(log, "special: " + std::to_string(special.grids) + " dedicated grids from " +
                     std::to_string(plan.specials.size()) + " special areas (" +
                     std::to_string(special.buildings) + " buildings, " +
                     std::to_string(special.households) + " households)");

    graph::inferBlocks(plan);
    if (!plan.blocks.empty())
        say(log, "blocks: " + std::to_string(plan.blocks.size()) +
                     (graph::hasStreets(plan) ? " street blocks (streets, barriers, compound outlines)"
                                              : " blocks inferred from barriers (no compound layer)"));
    graph::inferBarrierRegions(plan, config.min_households, config.max_households);
    // Re-run against a previous run: keep what still holds, partition only the rest (`work`).
    std::optional<reconcile::Reconciler> reconciler;
    Plan free_plan;
    if (!config.previous_dir.empty() || !config.lock_path.empty())
    {
        reconciler.emplace(plan, config);
        free_plan = reconciler->freePlan(plan);
        say(log, "reconcile: " + std::to_string(plan.grids.size()) + " grids kept or locked");
    }
    Plan& work = reconciler ? free_plan : plan;
    const bool measure = config.measure_improvement && !reconciler;

    auto graphs = graph::buildCommunityGraphs(work, config.max_households, config.threads);
    {
        std::size_t units = 0;
        for (const auto& cg : graphs)
            units += cg.graph.units.size();
        say(log, "graph: " + std::to_string(graphs.size()) + " community graphs, " + std::to_string(units) + " units");
    }
    if (!config.export_graph.empty()) // debug: the graphs for other partitioners (bench_peers.sh)
        for (std::size_t k = 0; k < graphs.size(); ++k)
            partition::writeMetisGraph(graphs[k].graph, config.export_graph + "-" + std::to_string(k) + ".graph",
                                       config.export_graph + "-" + std::to_string(k) + ".xy");
    std::vector<std::vector<int>> before_improve;
    double improve_seconds = 0;
    auto violations = makeGrids(work, graphs, config, stats,
                                measure ? &before_improve : nullptr, progress, &improve_seconds);
    char improve_time[64];
    std::snprintf(improve_time, sizeof improve_time, " (improve %.3f s of it, summed over communities)", improve_seconds);
    say(log, "partition: " + std::to_string(work.grids.size()) + " grids, " +
                 std::to_string(stats.improve_moves) + " improving moves" + improve_time);

    const auto dedicated = dedicate::dedicateAndFold(work, config);
    say(log, "dedicate: " + std::to_string(dedicated.dedicated_grids) + " dedicated grids (" +
                 std::to_string(dedicated.dedicated_buildings) + " buildings), " +
                 std::to_string(dedicated.folded_buildings) + " buildings folded in, " +
                 std::to_string(dedicated.unfolded_buildings) + " left for review");

    if (const int refolded = graph::foldIntoBlockGrids(work, config.dedicated); refolded > 0)
        say(log, "streets: " + std::to_string(refolded) + " folded buildings moved to the grid holding their street block");
    std::vector<std::pair<int, std::string>> notes_by_community;
    const auto detached = tileAndMend(work, config, notes_by_community, progress);
    say(log, "tile: grid polygons for " + std::to_string(work.grids.size()) + " grids; " +
                 std::to_string(detached.pieces_moved) + " detached pieces handed to a neighbour (" +
                 std::to_string(detached.households_moved) + " households), " +
                 std::to_string(detached.pieces_kept) + " kept");
    for (const auto& cg : graphs)
        audit::edgeMetrics(work, cg);
    std::stable_sort(notes_by_community.begin(), notes_by_community.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> tile_notes;
    for (const auto& [c, note] : notes_by_community)
        tile_notes.push_back(work.communities[static_cast<std::size_t>(c)].id + ": " + note);
    if (reconciler)
        reconciler->absorb(plan, std::move(free_plan), violations, tile_notes);

    organize::groupAreas(plan, config);
    say(log, "areas: " + std::to_string(plan.areas.size()) + " area grids");
    organize::assignCodes(plan, config.street_code, config.codes);
    if (reconciler)
        reconciler->finishCodes(plan);
    say(log, "organize: codes for " + std::to_string(plan.grids.size()) + " grids");
    audit::shapeMetrics(plan);
    audit::reportViolations(plan, violations, config);
    reportGround(plan);
    audit::classifyCrossings(plan, config.min_households, config.max_households);
    audit::explainMultipart(plan);
    for (const auto& note : tile_notes)
    {
        Issue issue;
        issue.reason = "tiling_note";
        issue.detail = note;
        plan.issues.push_back(std::move(issue));
    }
    const auto coverage = audit::auditCoverage(plan);
    if (reconciler)
        reconciler->restoreIssues(plan);
    say(log, "audit: " + std::to_string(coverage.street_not_covered) + " street parts not covered, " +
                 std::to_string(coverage.community_gaps) + " gaps between communities, " +
                 std::to_string(coverage.communities_overlap) + " overlapping community pairs");

    stats.mean_polsby_popper = meanResidentialPolsbyPopper(plan);
    if (graph::hasStreets(plan) || !plan.barriers.empty())
    {
        const auto& m = plan.street_measures.emplace(
            audit::measureStreets(plan, config.min_households, config.max_households));
        char line[320];
        std::snprintf(line, sizeof line,
                      "streets: %.1f%% of interior grid boundary within %.0f m of a street, lane or barrier; "
                      "%zu of %d fitting blocks split; crossings %d forced, %d avoidable; "
                      "%d/%d grids within bounds, %d without land, %d multipart; mean PP %.3f",
                      m.interior_boundary_m > 0 ? 100.0 * m.on_streets_m / m.interior_boundary_m : 0.0,
                      m.street_distance_m, m.fitting_split.size(), m.blocks_fitting, m.crossings_forced,
                      m.crossings_avoidable, m.grids_within_bounds, m.grids, m.grids_without_land,
                      m.multipart_grids, m.mean_polsby_popper);
        say(log, line);
    }
    if (measure)
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
