#include "pipeline/run.hpp"

#include "core/index.hpp"

#include "audit/coverage.hpp"
#include "audit/ground.hpp"
#include "audit/metrics.hpp"
#include "audit/streets.hpp"
#include "audit/violations.hpp"
#include "classify/classify.hpp"
#include "classify/footprints.hpp"
#include "classify/register_join.hpp"
#include "dedicate/dedicate.hpp"
#include "dedicate/special.hpp"
#include "graph/blocks.hpp"
#include "graph/community_graph.hpp"
#include "io/load.hpp"
#include "organize/areas.hpp"
#include "organize/codes.hpp"
#include "partition/graph_io.hpp"
#include "pipeline/make_grids.hpp"
#include "pipeline/tile_plan.hpp"
#include "place/place.hpp"
#include "reconcile/reconcile.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace gp::pipeline
{

namespace
{

std::string loadStage(Plan& plan, const PartitionConfig& config, ProgressReporter* progress)
{
    plan = io::loadInputs(config, progress);
    return "load: " + std::to_string(plan.buildings.size()) + " buildings, " +
           std::to_string(plan.communities.size()) + " communities, working CRS " +
           plan.working_crs + " (" + plan.working_crs_reason + ")";
}

std::string classifyStage(Plan& plan, const PartitionConfig& config)
{
    classify::classifyPlan(plan, config);
    std::string line = "classify: households estimated or read for every building";
    if (config.households_table)
    {
        classify::finishRegisterJoin(plan, config.households_table->building_field);
        const auto& join = *plan.register_join;
        line += "; register: " + std::to_string(join.buildings_matched) + " buildings given " +
                std::to_string(join.households_joined) + " households from " +
                std::to_string(join.keys_matched) + " keys, " +
                std::to_string(join.keys_unmatched) + " keys match no building, " +
                std::to_string(join.buildings_without_row) + " residential buildings have no row";
    }
    // Parts inside their building and records sharing one footprint (README "Overlapping
    // footprints").
    const auto footprints = classify::resolveOverlappingFootprints(plan.buildings, plan.issues);
    if (footprints.merged + footprints.sliced > 0)
        line += "; " + std::to_string(footprints.merged) + " overlapping footprints merged, " +
                std::to_string(footprints.sliced) + " records given a slice of a shared footprint";
    return line;
}

std::string placeStage(Plan& plan, int threads)
{
    const auto placed = place::placeBuildings(plan, threads);
    return "place: " + std::to_string(placed.placed) + " placed, " +
           std::to_string(placed.outside) + " outside every community, " +
           std::to_string(placed.straddling) + " straddling";
}

std::string specialStage(Plan& plan, const PartitionConfig& config)
{
    const auto special = dedicate::carveSpecialAreas(plan, {config.dedicated, config.use_mapping});
    if (plan.specials.empty())
        return {};
    return "special: " + std::to_string(special.grids) + " dedicated grids from " +
           std::to_string(plan.specials.size()) + " special areas (" +
           std::to_string(special.buildings) + " buildings, " + std::to_string(special.households) +
           " households)";
}

std::string blocksStage(Plan& plan, const PartitionConfig& config)
{
    graph::inferBlocks(plan);
    graph::inferBarrierRegions(plan, config.min_households, config.max_households);
    if (plan.blockFaces().empty())
        return {};
    return "blocks: " + std::to_string(plan.blockFaces().size()) +
           (graph::hasStreets(plan) ? " street blocks (streets, barriers, compound outlines)"
                                    : " blocks inferred from barriers (no compound layer)");
}

// What partitioning the free part of a plan leaves for the stages after it.
struct FreePart
{
    std::vector<graph::CommunityGraph> graphs;
    std::vector<audit::GridViolation> violations; // keyed by grid index
    std::vector<reconcile::TileNote> tile_notes;  // "<community id>: <note>", community order
    std::vector<std::vector<int>> before_improve; // per graph, when measured
};

std::string graphStage(const Plan& work, const PartitionConfig& config, FreePart& free)
{
    free.graphs = graph::buildCommunityGraphs(work, config.max_households, config.threads);
    std::size_t units = 0;
    for (const auto& cg : free.graphs)
        units += cg.graph.units.size();
    if (!config.export_graph.empty()) // debug: the graphs for other partitioners (bench_peers.sh)
        for (std::size_t k = 0; k < free.graphs.size(); ++k)
            partition::writeMetisGraph(free.graphs[k].graph,
                                       config.export_graph + "-" + std::to_string(k) + ".graph",
                                       config.export_graph + "-" + std::to_string(k) + ".xy");
    return "graph: " + std::to_string(free.graphs.size()) + " community graphs, " +
           std::to_string(units) + " units";
}

std::string partitionStage(Plan& work, const PartitionConfig& config, bool measure, RunStats& stats,
                           ProgressReporter* progress, FreePart& free)
{
    double improve_seconds = 0;
    free.violations =
        makeGrids(work, free.graphs, config, stats, measure ? &free.before_improve : nullptr,
                  progress, &improve_seconds);
    char improve_time[64];
    std::snprintf(improve_time, sizeof improve_time,
                  " (improve %.3f s of it, summed over communities)", improve_seconds);
    return "partition: " + std::to_string(work.grids.size()) + " grids, " +
           std::to_string(stats.improve_moves) + " improving moves" + improve_time;
}

std::string dedicateStage(Plan& work, const PartitionConfig& config)
{
    const auto dedicated = dedicate::dedicateAndFold(work, config.dedicated);
    std::string line = "dedicate: " + std::to_string(dedicated.dedicated_grids) +
                       " dedicated grids (" + std::to_string(dedicated.dedicated_buildings) +
                       " buildings), " + std::to_string(dedicated.folded_buildings) +
                       " buildings folded in, " + std::to_string(dedicated.unfolded_buildings) +
                       " left for review";
    // With streets, a folded shop goes to the grid holding its street block.
    if (const int refolded = graph::foldIntoBlockGrids(work, config.dedicated); refolded > 0)
        line += "; " + std::to_string(refolded) +
                " folded buildings moved to the grid holding their street block";
    return line;
}

// Tiles, mends detached pieces, measures the graph edges each grid cuts; the tiling notes come
// back prefixed with their community's id, in community order.
std::string tileStage(Plan& work, const PartitionConfig& config, ProgressReporter* progress,
                      FreePart& free)
{
    std::vector<std::pair<int, std::string>> notes_by_community;
    const auto detached = tileAndMend(work, tilePlanOptions(config), notes_by_community, progress);
    for (const auto& cg : free.graphs)
        audit::edgeMetrics(work, cg);
    std::stable_sort(notes_by_community.begin(), notes_by_community.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [c, note] : notes_by_community)
        free.tile_notes.push_back({c, at(work.communities, c).id + ": " + note});
    return "tile: grid polygons for " + std::to_string(work.grids.size()) + " grids; " +
           std::to_string(detached.pieces_moved) + " detached pieces handed to a neighbour (" +
           std::to_string(detached.households_moved) + " households), " +
           std::to_string(detached.pieces_kept) + " kept (" +
           std::to_string(detached.pieces_kept_whole) +
           " to keep a compound or street block whole)";
}

std::string areasStage(Plan& plan, const PartitionConfig& config)
{
    organize::groupAreas(plan, areaOptions(config));
    return "areas: " + std::to_string(plan.areas.size()) + " area grids";
}

std::string codesStage(Plan& plan, const PartitionConfig& config,
                       const std::optional<reconcile::Reconciler>& reconciler)
{
    // Each code written once: a re-run reserves its kept and inherited codes before the write.
    auto codes = organize::planCodes(plan, config.street_code, config.codes);
    if (reconciler)
        reconciler->reserveCodes(plan, codes);
    organize::writeCodes(plan, codes);
    if (reconciler)
        reconciler->reportChanges(plan);
    return "organize: codes for " + std::to_string(plan.grids.size()) + " grids";
}

std::string auditStage(Plan& plan, const PartitionConfig& config, const FreePart& free,
                       const std::optional<reconcile::Reconciler>& reconciler)
{
    audit::shapeMetrics(plan);
    audit::reportViolations(plan, free.violations, config);
    audit::reportGround(plan);
    audit::classifyCrossings(plan, config.min_households, config.max_households);
    audit::explainMultipart(plan);
    for (const auto& note : free.tile_notes)
    {
        Issue issue;
        issue.reason = "tiling_note";
        issue.detail = note.text;
        // A re-run matches the previous run's notes to their community by this field.
        issue.community = at(plan.communities, note.community).id;
        plan.issues.push_back(std::move(issue));
    }
    const auto coverage = audit::auditCoverage(plan);
    if (reconciler)
        reconciler->restoreIssues(plan);
    return "audit: " + std::to_string(coverage.street_not_covered) + " street parts not covered, " +
           std::to_string(coverage.community_gaps) + " gaps between communities, " +
           std::to_string(coverage.communities_overlap) + " overlapping community pairs";
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
    dedicate::dedicateAndFold(copy, config.dedicated);
    std::vector<std::pair<int, std::string>> notes;
    tileAndMend(copy, tilePlanOptions(config), notes);
    audit::shapeMetrics(copy);
    return meanResidentialPolsbyPopper(copy);
}

// The figures the CLI's closing line and the report give about the finished plan.
// The street figures of issue 13 (report.json "streets"), when streets or barriers were given.
std::string streetsStage(Plan& plan, const PartitionConfig& config)
{
    if (!graph::hasStreets(plan) && plan.barriers.empty())
        return {};
    const auto& m = plan.street_measures.emplace(
        audit::measureStreets(plan, config.min_households, config.max_households));
    char line[320];
    std::snprintf(
        line, sizeof line,
        "streets: %.1f%% of interior grid boundary within %.0f m of a street, lane or barrier; "
        "%zu of %d fitting blocks split; crossings %d forced, %d avoidable; "
        "%d/%d grids within bounds, %d without land, %d multipart; mean PP %.3f",
        m.interior_boundary_m > 0 ? 100.0 * m.on_streets_m / m.interior_boundary_m : 0.0,
        m.street_distance_m, m.fitting_split.size(), m.blocks_fitting, m.crossings_forced,
        m.crossings_avoidable, m.grids_within_bounds, m.grids, m.grids_without_land,
        m.multipart_grids, m.mean_polsby_popper);
    return line;
}

void finalStats(const Plan& plan, const PartitionConfig& config, RunStats& stats)
{
    stats.mean_polsby_popper = meanResidentialPolsbyPopper(plan);
    for (const auto& g : plan.grids)
        if (g.kind == GridKind::Residential)
        {
            ++stats.residential_grids;
            stats.grids_within_bounds +=
                g.households >= config.min_households && g.households <= config.max_households;
        }
}

} // namespace

// THE ORDER OF THE PIPELINE (README "How it works" and run.hpp follow this function). A re-run
// (--previous / --lock) goes beside it: reconcile splits the plan into kept grids and a free
// part, graph -> partition -> dedicate -> tile run unchanged on the free part, reconcile merges.
Plan runPartition(const PartitionConfig& config, const StageLog& stage_log, RunStats* stats_out,
                  ProgressReporter* progress, const StageCheck& after_stage)
{
    const StageLog log = withStageTimes(stage_log);
    auto done = [&](const char* stage, const std::string& line, const Plan& plan)
    {
        say(log, line);
        if (after_stage)
            after_stage(stage, plan);
    };
    validate(config);
    RunStats stats;
    Plan plan;
    done("load", loadStage(plan, config, progress), plan);
    done("classify", classifyStage(plan, config), plan);
    done("place", placeStage(plan, config.threads), plan);
    done("special", specialStage(plan, config), plan);
    done("blocks", blocksStage(plan, config), plan);

    // Re-run against a previous run: keep what still holds, partition only the rest (`work`).
    std::optional<reconcile::Reconciler> reconciler;
    Plan free_plan;
    if (!config.previous_dir.empty() || !config.lock_path.empty())
    {
        reconciler.emplace(plan, config);
        free_plan = reconciler->freePlan(plan);
        done("reconcile",
             "reconcile: " + std::to_string(plan.grids.size()) + " grids kept or locked", plan);
    }
    Plan& work = reconciler ? free_plan : plan;
    const bool measure = config.measure_improvement && !reconciler;

    FreePart free;
    done("graph", graphStage(work, config, free), work);
    done("partition", partitionStage(work, config, measure, stats, progress, free), work);
    done("dedicate", dedicateStage(work, config), work);
    done("tile", tileStage(work, config, progress, free), work);
    if (reconciler)
    {
        reconciler->absorb(plan, std::move(free_plan), free.violations, free.tile_notes);
        done("merge", "", plan);
    }

    done("areas", areasStage(plan, config), plan);
    done("codes", codesStage(plan, config, reconciler), plan);
    done("audit", auditStage(plan, config, free, reconciler), plan);

    done("streets", streetsStage(plan, config), plan);

    finalStats(plan, config, stats);
    if (measure)
    {
        stats.mean_polsby_popper_before_improve =
            meanPolsbyPopperBefore(plan, free.graphs, free.before_improve, config);
        plan.mean_polsby_popper_before_improve = stats.mean_polsby_popper_before_improve;
        say(log, "improve: mean Polsby-Popper " +
                     std::to_string(stats.mean_polsby_popper_before_improve) + " before, " +
                     std::to_string(stats.mean_polsby_popper) + " after");
    }
    if (stats_out)
        *stats_out = stats;
    return plan;
}

Plan prepareInputs(const PartitionConfig& config, const StageLog& stage_log,
                   ProgressReporter* progress)
{
    const StageLog log = withStageTimes(stage_log);
    validate(config);
    Plan plan;
    say(log, loadStage(plan, config, progress));
    say(log, classifyStage(plan, config));
    say(log, placeStage(plan, config.threads));
    say(log, specialStage(plan, config));
    say(log, blocksStage(plan, config));
    return plan;
}

organize::AreaOptions areaOptions(const PartitionConfig& config)
{
    return {config.area_target_households, config.area_count, config.seed, config.dedicated};
}

} // namespace gp::pipeline
