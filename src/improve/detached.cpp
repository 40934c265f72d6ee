#include "improve/detached.hpp"
#include "core/index.hpp"

#include "classify/floor_area.hpp"
#include "geom/geos.hpp"

#include <algorithm>
#include <set>

namespace gp::improve
{

namespace
{

using geom::checked;
using geom::GeomPtr;

// Shared borders shorter than this (m) are corner touches, not neighbours.
constexpr double kMinBorderM = 0.5;
// Parts of a handed-over polygon smaller than this (m²) are overlay dust, not land.
constexpr double kMinPartM2 = 1e-9;

bool within(int households, const DetachedOptions& options)
{
    return households >= options.min_households && households <= options.max_households;
}

// Length of the border two polygons share (their outlines' common part).
double sharedBorder(geom::GeosContext& ctx, const GEOSGeometry* a_outline, const MultiPolygon& b)
{
    const auto h = ctx.handle();
    const GeomPtr bg = geom::toGeos(ctx, b);
    const GeomPtr b_outline = checked(ctx, GEOSBoundary_r(h, bg.get()), "boundary");
    const GeomPtr common =
        checked(ctx, GEOSIntersection_r(h, a_outline, b_outline.get()), "shared border");
    double length = 0;
    GEOSLength_r(h, common.get(), &length);
    return length;
}

// The piece of `area` holding `p` (covered by), else the nearest piece.
std::size_t pieceOf(const MultiPolygon& area, const Point& p)
{
    std::size_t best = 0;
    double best_d = -1;
    for (std::size_t k = 0; k < area.size(); ++k)
    {
        if (bg::covered_by(p, area[k]))
            return k;
        const double d = bg::distance(p, area[k]);
        if (best_d < 0 || d < best_d)
        {
            best = k;
            best_d = d;
        }
    }
    return best;
}

void removeSorted(std::vector<int>& v, int x)
{
    const auto it = std::lower_bound(v.begin(), v.end(), x);
    if (it != v.end() && *it == x)
        v.erase(it);
}

void insertSorted(std::vector<int>& v, int x)
{
    v.insert(std::lower_bound(v.begin(), v.end(), x), x);
}

// A grid's buildings by piece of its polygon; the piece with most households is its body.
struct Pieces
{
    std::vector<std::vector<int>> held;
    std::vector<int> households;
    std::size_t body = 0;
};

Pieces piecesOf(const Plan& plan, const Grid& grid)
{
    Pieces p;
    p.held.resize(grid.area.size());
    p.households.assign(grid.area.size(), 0);
    for (int b : grid.buildings)
    {
        const auto k = pieceOf(grid.area, at(plan.buildings, b).anchor);
        p.held[k].push_back(b);
        p.households[k] += at(plan.buildings, b).households;
    }
    for (std::size_t k = 1; k < p.held.size(); ++k)
        if (p.households[k] > p.households[p.body] ||
            (p.households[k] == p.households[p.body] &&
             bg::area(grid.area[k]) > bg::area(grid.area[p.body])))
            p.body = k;
    return p;
}

// Whether a building of piece k shares a unit the plan keeps whole with a building of another
// piece of the grid (moving the piece alone would split it): a compound, or with streets a street
// block that fits one grid (issue 13: such a block is never split for a repair).
bool splitsWholeUnit(const Plan& plan, const Pieces& pieces, std::size_t k, int max_households)
{
    const bool streets = std::any_of(plan.streets.begin(), plan.streets.end(),
                                     [](const Barrier& s) { return !s.lines.empty(); });
    std::set<int> compounds, blocks;
    for (int b : pieces.held[k])
    {
        const auto& building = at(plan.buildings, b);
        if (building.compound >= 0)
            compounds.insert(building.compound);
        if (streets && building.street_block >= 0 &&
            at(plan.street_blocks, building.street_block).households <= max_households)
            blocks.insert(building.street_block);
    }
    for (std::size_t j = 0; j < pieces.held.size(); ++j)
        if (j != k)
            for (int o : pieces.held[j])
            {
                const auto& other = at(plan.buildings, o);
                if (compounds.count(other.compound) || blocks.count(other.street_block))
                    return true;
            }
    return false;
}

// Whether every barrier region (Plan::regions) of the buildings in `piece` already holds a
// building of grid `to`: a repair must not add a barrier crossing to the grid taking the piece.
bool sameRegions(const Plan& plan, const std::vector<int>& piece, int to)
{
    std::set<int> regions;
    for (int b : at(plan.grids, to).buildings)
        regions.insert(at(plan.buildings, b).region);
    return std::all_of(piece.begin(), piece.end(),
                       [&](int b)
                       {
                           const int r = at(plan.buildings, b).region;
                           return r < 0 || regions.count(r);
                       });
}

// The grid of the community (other than g) sharing the longest border with the piece that can
// take its households with both grids within the bounds and no new barrier crossing, or -1.
int bestNeighbour(geom::GeosContext& ctx, const Plan& plan, const std::vector<int>& grids, int g,
                  const Polygon& piece, const std::vector<int>& held, int households,
                  const DetachedOptions& options)
{
    const auto& grid = at(plan.grids, g);
    if (!within(grid.households - households, options))
        return -1;
    const GeomPtr piece_geos = geom::toGeos(ctx, MultiPolygon{piece});
    const GeomPtr outline =
        checked(ctx, GEOSBoundary_r(ctx.handle(), piece_geos.get()), "boundary");
    const Box box = envelopeOf(MultiPolygon{piece});
    int best = -1;
    double best_border = kMinBorderM;
    for (int o : grids)
    {
        const auto& other = at(plan.grids, o);
        if (o == g || other.area.empty() || !within(other.households + households, options) ||
            !bg::intersects(box, envelopeOf(other.area)) || !sameRegions(plan, held, o))
            continue;
        const double border = sharedBorder(ctx, outline.get(), other.area);
        if (border > best_border)
        {
            best = o;
            best_border = border;
        }
    }
    return best;
}

// Hands the buildings of one piece of grid g to grid `to`, with the households and the figures
// of folded-in buildings.
void movePiece(Plan& plan, int g, int to, const std::vector<int>& buildings,
               const DetachedOptions& options)
{
    auto& grid = at(plan.grids, g);
    auto& target = at(plan.grids, to);
    for (int b : buildings)
    {
        auto& building = at(plan.buildings, b);
        building.grid = to;
        removeSorted(grid.buildings, b);
        insertSorted(target.buildings, b);
        grid.households -= building.households;
        target.households += building.households;
        if (building.use != BuildingUse::Residential) // folded in: its figures move too
        {
            const double fa = classify::floorArea(building, options.dedicated);
            --grid.folded_buildings;
            grid.folded_floor_area_m2 -= fa;
            ++target.folded_buildings;
            target.folded_floor_area_m2 += fa;
        }
    }
}

// The minor pieces of grid g, each handed to a neighbour when it may be.
void mendGrid(geom::GeosContext& ctx, Plan& plan, int g, const std::vector<int>& grids,
              const DetachedOptions& options, DetachedRepair& repair)
{
    const Pieces pieces = piecesOf(plan, at(plan.grids, g));
    for (std::size_t k = 0; k < pieces.held.size(); ++k)
    {
        if (k == pieces.body || pieces.held[k].empty())
            continue;
        if (splitsWholeUnit(plan, pieces, k, options.max_households))
        {
            ++repair.pieces_kept; // a compound or street block stays whole where it is
            ++repair.pieces_kept_whole;
            continue;
        }
        const auto& area = at(plan.grids, g).area;
        const int to = bestNeighbour(ctx, plan, grids, g, area[k], pieces.held[k],
                                     pieces.households[k], options);
        if (to < 0)
        {
            ++repair.pieces_kept;
            continue;
        }
        movePiece(plan, g, to, pieces.held[k], options);
        repair.moves.push_back({g, to, area[k]});
        ++repair.pieces_moved;
        repair.buildings_moved += static_cast<int>(pieces.held[k].size());
        repair.households_moved += pieces.households[k];
    }
}

// `area` op `piece`, made valid, without empty or dust parts.
MultiPolygon overlay(geom::GeosContext& ctx, const MultiPolygon& area, const GEOSGeometry* piece,
                     GEOSGeometry* (*op)(GEOSContextHandle_t, const GEOSGeometry*,
                                         const GEOSGeometry*),
                     const char* name)
{
    const auto h = ctx.handle();
    const GeomPtr a = geom::toGeos(ctx, area);
    GeomPtr out = checked(ctx, op(h, a.get(), piece), name);
    if (GEOSisValid_r(h, out.get()) != 1)
        out = checked(ctx, GEOSMakeValid_r(h, out.get()), "makeValid");
    MultiPolygon parts = geom::toMultiPolygon(ctx, out.get());
    std::erase_if(parts, [](const Polygon& p) { return bg::area(p) < kMinPartM2; });
    return parts;
}

// Each moved piece's land leaves its grid and joins the grid that took its buildings, in the
// order the moves were decided (all were decided on the tiled polygons, as before issue 14).
void handOverLand(geom::GeosContext& ctx, Plan& plan, const std::vector<PieceMove>& moves)
{
    for (const auto& move : moves)
    {
        const GeomPtr piece = geom::toGeos(ctx, move.piece);
        auto& from = at(plan.grids, move.from);
        auto& to = at(plan.grids, move.to);
        from.area = overlay(ctx, from.area, piece.get(), GEOSDifference_r, "difference");
        to.area = overlay(ctx, to.area, piece.get(), GEOSUnion_r, "union");
    }
}

} // namespace

DetachedRepair reassignDetachedPieces(Plan& plan, const DetachedOptions& options)
{
    DetachedRepair repair;
    geom::GeosContext ctx;
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = at(plan.grids, g);
        if (grid.kind == GridKind::Residential && grid.community >= 0)
            at(grids_of, grid.community).push_back(g);
    }
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = at(plan.grids, g);
        if (grid.kind == GridKind::Residential && grid.area.size() >= 2 &&
            within(grid.households, options))
            mendGrid(ctx, plan, g, at(grids_of, grid.community), options, repair);
    }
    handOverLand(ctx, plan, repair.moves);
    return repair;
}

} // namespace gp::improve
