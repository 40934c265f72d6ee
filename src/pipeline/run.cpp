#include "pipeline/run.hpp"

#include "audit/metrics.hpp"
#include "audit/violations.hpp"
#include "classify/households.hpp"
#include "classify/use_mapping.hpp"
#include "geom/geos.hpp"
#include "graph/adjacency.hpp"
#include "improve/improve.hpp"
#include "io/load.hpp"
#include "organize/codes.hpp"
#include "partition/partition.hpp"
#include "place/place.hpp"
#include "tile/tile.hpp"

#include <algorithm>

namespace gp::pipeline
{

namespace
{

void say(const StageLog& log, const std::string& line)
{
    if (log)
        log(line);
}

// Turns each community's partition into Grids; returns the violations keyed by grid index.
std::vector<audit::GridViolation> makeGrids(Plan& plan, const std::vector<graph::CommunityGraph>& graphs,
                                            const PartitionConfig& config, RunStats& stats)
{
    const partition::Bounds bounds{config.min_households, config.max_households,
                                   config.target_households};
    std::vector<audit::GridViolation> violations;
    for (const auto& cg : graphs)
    {
        if (cg.graph.units.empty())
            continue;
        auto result = partition::partitionGraph(cg.graph, bounds, config.seed);
        const auto improved = improve::improvePartition(cg.graph, bounds, result);
        stats.compactness_before += improved.objective_before;
        stats.compactness_after += improved.objective_after;
        stats.improve_moves += improved.moves;

        const int first = static_cast<int>(plan.grids.size());
        plan.grids.resize(plan.grids.size() + static_cast<std::size_t>(result.parts));
        for (int p = 0; p < result.parts; ++p)
            plan.grids[static_cast<std::size_t>(first + p)].community = cg.community;
        for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
        {
            const int g = first + result.part_of[u];
            auto& grid = plan.grids[static_cast<std::size_t>(g)];
            for (int b : cg.unit_buildings[u])
            {
                grid.buildings.push_back(b);
                grid.households += plan.buildings[static_cast<std::size_t>(b)].households;
                plan.buildings[static_cast<std::size_t>(b)].grid = g;
            }
        }
        for (int p = 0; p < result.parts; ++p)
            std::sort(plan.grids[static_cast<std::size_t>(first + p)].buildings.begin(),
                      plan.grids[static_cast<std::size_t>(first + p)].buildings.end());
        for (const auto& v : result.violations)
            violations.push_back({first + v.part, v.cause, v.detail});
        audit::edgeMetrics(plan, cg, result.part_of, first);
    }
    return violations;
}

void tileGrids(Plan& plan, std::vector<std::string>& notes)
{
    geom::GeosContext ctx;
    MultiLineString barriers;
    for (const auto& b : plan.barriers)
        barriers.insert(barriers.end(), b.lines.begin(), b.lines.end());
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
        input.barriers = &barriers;
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

} // namespace

Plan runPartition(const PartitionConfig& config, const StageLog& log, RunStats* stats_out)
{
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

    const auto graphs = graph::buildCommunityGraphs(plan, config.max_households);
    auto violations = makeGrids(plan, graphs, config, stats);
    say(log, "partition: " + std::to_string(plan.grids.size()) + " grids, " +
                 std::to_string(stats.improve_moves) + " improving moves");

    std::vector<std::string> tile_notes;
    tileGrids(plan, tile_notes);
    say(log, "tile: grid polygons for " + std::to_string(plan.grids.size()) + " grids");

    organize::assignCodes(plan, config.street_code);
    audit::shapeMetrics(plan);
    audit::reportViolations(plan, violations, config);
    for (const auto& note : tile_notes)
    {
        Issue issue;
        issue.reason = "tiling_note";
        issue.detail = note;
        plan.issues.push_back(std::move(issue));
    }

    double pp = 0;
    for (const auto& g : plan.grids)
        pp += g.metrics.polsby_popper;
    stats.mean_polsby_popper = plan.grids.empty() ? 0.0 : pp / static_cast<double>(plan.grids.size());
    if (stats_out)
        *stats_out = stats;
    return plan;
}

} // namespace gp::pipeline
