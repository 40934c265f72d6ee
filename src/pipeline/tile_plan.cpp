#include "pipeline/tile_plan.hpp"

#include "core/index.hpp"

#include "core/parallel.hpp"
#include "dedicate/special.hpp"
#include "geom/geos.hpp"
#include "spatial/line_index.hpp"
#include "tile/tile.hpp"

#include <algorithm>
#include <memory>

namespace gp::pipeline
{

void tileGrids(Plan& plan, std::vector<std::pair<int, std::string>>& notes, int threads,
               const std::vector<char>* only, ProgressReporter* progress)
{
    MultiLineString barriers;
    for (const auto& b : plan.barriers)
        barriers.insert(barriers.end(), b.lines.begin(), b.lines.end());
    const spatial::LineIndex barrier_index(barriers); // each community gets the lines near it
    MultiLineString streets, lanes; // issue 13: streets cut blocks, lanes only shared ones
    for (const auto& s : plan.streets)
        streets.insert(streets.end(), s.lines.begin(), s.lines.end());
    for (const auto& s : plan.lanes)
        lanes.insert(lanes.end(), s.lines.begin(), s.lines.end());
    const spatial::LineIndex street_index(streets), lane_index(lanes);
    std::vector<std::vector<int>> in_community(plan.communities.size());
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
        if (at(plan.buildings, b).community >= 0)
            in_community[static_cast<std::size_t>(at(plan.buildings, b).community)].push_back(b);
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grids_of[static_cast<std::size_t>(at(plan.grids, g).community)].push_back(g);

    // Communities are tiled in parallel (one GEOS context per worker thread), applied in order.
    std::vector<std::size_t> todo;
    std::vector<std::vector<int>> specials_of(plan.communities.size());
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        // Special-area grids already have their land; the other grids tile what is left.
        for (int g : grids_of[c])
            if (at(plan.grids, g).special >= 0)
                specials_of[c].push_back(g);
        std::erase_if(grids_of[c], [&](int g) { return at(plan.grids, g).special >= 0; });
        if (!grids_of[c].empty() && (!only || (*only)[c]))
            todo.push_back(c);
    }
    ProgressTask task(progress, "tile", todo.size());
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(
        static_cast<std::size_t>(resolveThreads(threads)));
    std::vector<tile::TileResult> results(plan.communities.size());
    parallelFor(
        todo.size(), threads,
        [&](std::size_t i, int worker)
        {
            const std::size_t c = todo[i];
            auto& ctx = at(contexts, worker);
            if (!ctx)
                ctx = std::make_unique<geom::GeosContext>();
            std::vector<int> local(plan.grids.size(), -1);
            for (std::size_t k = 0; k < grids_of[c].size(); ++k)
                local[static_cast<std::size_t>(grids_of[c][k])] = static_cast<int>(k);
            const MultiPolygon land =
                dedicate::landAfterSpecials(*ctx, plan, static_cast<int>(c), specials_of[c]);
            tile::TileInput input;
            input.community = &land;
            input.grid_count = static_cast<int>(grids_of[c].size());
            const MultiLineString near_barriers =
                barrier_index.near(envelopeOf(plan.communities[c].area));
            input.barriers = &near_barriers;
            const MultiLineString near_streets =
                street_index.near(envelopeOf(plan.communities[c].area));
            input.streets = &near_streets;
            const MultiLineString near_lanes =
                lane_index.near(envelopeOf(plan.communities[c].area));
            input.lanes = &near_lanes;
            for (int b : in_community[c])
            {
                const auto& building = at(plan.buildings, b);
                if (building.special >= 0)
                    continue;
                input.footprints.push_back(&building.footprint);
                input.anchors.push_back(building.anchor);
                input.grid_of.push_back(building.grid >= 0 ? at(local, building.grid) : -1);
            }
            results[c] = tile::tileCommunity(*ctx, input);
            task.stepInOrder(i, plan.communities[c].id + (plan.communities[c].name.empty()
                                                              ? ""
                                                              : " " + plan.communities[c].name));
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

improve::DetachedRepair tileAndMend(Plan& plan, const PartitionConfig& config,
                                    std::vector<std::pair<int, std::string>>& notes,
                                    ProgressReporter* progress)
{
    tileGrids(plan, notes, config.threads, nullptr, progress);
    auto detached = improve::reassignDetachedPieces(plan, config);
    if (detached.pieces_moved > 0)
    {
        std::erase_if(notes, [&](const auto& note)
                      { return at(detached.communities_changed, note.first) != 0; });
        tileGrids(plan, notes, config.threads, &detached.communities_changed);
    }
    return detached;
}

} // namespace gp::pipeline
