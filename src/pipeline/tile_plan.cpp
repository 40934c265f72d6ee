#include "pipeline/tile_plan.hpp"

#include "core/index.hpp"

#include "core/parallel.hpp"
#include "dedicate/special.hpp"
#include "geom/geos.hpp"
#include "spatial/line_index.hpp"
#include "tile/tile.hpp"

#include <algorithm>
#include <memory>
#include <set>

namespace gp::pipeline
{

namespace
{

MultiLineString allLines(const std::vector<Barrier>& from)
{
    MultiLineString out;
    for (const auto& b : from)
        out.insert(out.end(), b.lines.begin(), b.lines.end());
    return out;
}

// What the tiling of every community reads from the plan: the lines by kind (each community gets
// those near it), its buildings, and its grids without and with land of their own.
struct TileSources
{
    explicit TileSources(const Plan& plan)
        : barrier_lines(allLines(plan.barriers)), street_lines(allLines(plan.streets)),
          lane_lines(allLines(plan.lanes)), barriers(barrier_lines), streets(street_lines),
          lanes(lane_lines), in_community(plan.communities.size()),
          grids_of(plan.communities.size()), specials_of(plan.communities.size())
    {
        for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
            if (at(plan.buildings, b).community >= 0)
                at(in_community, at(plan.buildings, b).community).push_back(b);
        // Special-area grids already have their land; the other grids tile what is left.
        for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
            (at(plan.grids, g).special >= 0
                 ? specials_of
                 : grids_of)[static_cast<std::size_t>(at(plan.grids, g).community)]
                .push_back(g);
    }
    MultiLineString barrier_lines, street_lines, lane_lines; // the indexes below point into them
    spatial::LineIndex barriers, streets, lanes; // issue 13: streets cut blocks, lanes shared ones
    std::vector<std::vector<int>> in_community;  // buildings per community
    std::vector<std::vector<int>> grids_of;      // grids to tile per community
    std::vector<std::vector<int>> specials_of;   // special-area grids per community
};

// Tiles community c: its land after special areas, the lines near it, its buildings with the
// community-local number of their grid.
tile::TileResult tileOne(geom::GeosContext& ctx, const Plan& plan, const TileSources& src,
                         int inner_threads, std::size_t c)
{
    std::vector<int> local(plan.grids.size(), -1);
    for (std::size_t k = 0; k < src.grids_of[c].size(); ++k)
        at(local, src.grids_of[c][k]) = static_cast<int>(k);
    const MultiPolygon land =
        dedicate::landAfterSpecials(ctx, plan, static_cast<int>(c), src.specials_of[c]);
    const Box box = envelopeOf(plan.communities[c].area);
    const MultiLineString near_barriers = src.barriers.near(box);
    const MultiLineString near_streets = src.streets.near(box);
    const MultiLineString near_lanes = src.lanes.near(box);
    tile::TileInput input;
    input.community = &land;
    input.grid_count = static_cast<int>(src.grids_of[c].size());
    input.barriers = &near_barriers;
    input.streets = &near_streets;
    input.lanes = &near_lanes;
    input.threads = inner_threads;
    for (int b : src.in_community[c])
    {
        const auto& building = at(plan.buildings, b);
        if (building.special >= 0)
            continue;
        input.footprints.push_back(&building.footprint);
        input.anchors.push_back(building.anchor);
        input.grid_of.push_back(building.grid >= 0 ? at(local, building.grid) : -1);
    }
    return tile::tileCommunity(ctx, input);
}

// Grid g's number within its community as tileGrids gives it (its non-special grids in order).
int localGrid(const Plan& plan, int g)
{
    const int community = at(plan.grids, g).community;
    return static_cast<int>(std::count_if(plan.grids.begin(), plan.grids.begin() + g,
                                          [&](const Grid& o)
                                          { return o.community == community && o.special < 0; }));
}

// The grids a hand-over changed get their kept-pieces note recounted from their new polygon (the
// first tiling's other notes, "detached pieces merged" among them, still hold).
void recountKeptPieces(const Plan& plan, const std::vector<improve::PieceMove>& moves,
                       std::vector<std::pair<int, std::string>>& notes)
{
    std::set<int> changed;
    for (const auto& move : moves)
        changed.insert({move.from, move.to});
    for (int g : changed)
    {
        const auto& grid = at(plan.grids, g);
        const int local = localGrid(plan, g);
        const auto old = std::find_if(notes.begin(), notes.end(),
                                      [&](const auto& note) {
                                          return note.first == grid.community &&
                                                 tile::isKeptPiecesNote(note.second, local);
                                      });
        const int kept = static_cast<int>(grid.area.size()) - 1;
        if (old != notes.end() && kept > 0)
            old->second = tile::keptPiecesNote(local, kept);
        else if (old != notes.end())
            notes.erase(old);
        else if (kept > 0)
            notes.emplace_back(grid.community, tile::keptPiecesNote(local, kept));
    }
}

} // namespace

TilePlanOptions tilePlanOptions(const PartitionConfig& config)
{
    TilePlanOptions options;
    options.threads = config.threads;
    options.detached.min_households = config.min_households;
    options.detached.max_households = config.max_households;
    options.detached.dedicated = config.dedicated;
    return options;
}

void tileGrids(Plan& plan, std::vector<std::pair<int, std::string>>& notes, int threads,
               ProgressReporter* progress)
{
    const TileSources src(plan);
    std::vector<std::size_t> todo;
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
        if (!src.grids_of[c].empty())
            todo.push_back(c);

    // Communities are tiled in parallel (one GEOS context per worker thread), applied in order.
    ProgressTask task(progress, "tile", todo.size());
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(
        static_cast<std::size_t>(resolveThreads(threads)));
    std::vector<tile::TileResult> results(plan.communities.size());
    // Fewer communities than cores (one big community): the spare cores split the work inside.
    const int inner_threads = std::max(
        1, resolveThreads(threads) / static_cast<int>(std::max<std::size_t>(1, todo.size())));
    parallelFor(todo.size(), threads,
                [&](std::size_t i, int worker)
                {
                    const std::size_t c = todo[i];
                    auto& ctx = at(contexts, worker);
                    if (!ctx)
                        ctx = std::make_unique<geom::GeosContext>();
                    results[c] = tileOne(*ctx, plan, src, inner_threads, c);
                    const auto& community = plan.communities[c];
                    task.stepInOrder(i, community.id +
                                            (community.name.empty() ? "" : " " + community.name));
                });
    for (std::size_t c : todo)
    {
        auto& result = results[c];
        for (std::size_t k = 0; k < src.grids_of[c].size(); ++k)
            at(plan.grids, src.grids_of[c][k]).area = std::move(result.grids[k]);
        for (auto& note : result.notes)
            notes.emplace_back(static_cast<int>(c), std::move(note));
    }
    task.finish();
}

improve::DetachedRepair tileAndMend(Plan& plan, const TilePlanOptions& options,
                                    std::vector<std::pair<int, std::string>>& notes,
                                    ProgressReporter* progress)
{
    tileGrids(plan, notes, options.threads, progress);
    // The repair hands each moved piece's land over with its buildings: no second tiling.
    auto detached = improve::reassignDetachedPieces(plan, options.detached);
    recountKeptPieces(plan, detached.moves, notes);
    return detached;
}

} // namespace gp::pipeline
