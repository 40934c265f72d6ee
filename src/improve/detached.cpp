#include "improve/detached.hpp"

#include "classify/floor_area.hpp"
#include "geom/geos.hpp"

#include <algorithm>

namespace gp::improve
{

namespace
{

using geom::checked;
using geom::GeomPtr;

// Shared borders shorter than this (m) are corner touches, not neighbours.
constexpr double kMinBorderM = 0.5;

bool within(int households, const PartitionConfig& config)
{
    return households >= config.min_households && households <= config.max_households;
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

} // namespace

DetachedRepair reassignDetachedPieces(Plan& plan, const PartitionConfig& config)
{
    DetachedRepair repair;
    repair.communities_changed.assign(plan.communities.size(), 0);
    geom::GeosContext ctx;
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = plan.grids[static_cast<std::size_t>(g)];
        if (grid.kind == GridKind::Residential && grid.community >= 0)
            grids_of[static_cast<std::size_t>(grid.community)].push_back(g);
    }

    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        auto& grid = plan.grids[static_cast<std::size_t>(g)];
        if (grid.kind != GridKind::Residential || grid.area.size() < 2 ||
            !within(grid.households, config))
            continue;
        // The grid's buildings by piece; the piece with most households is the grid's body.
        std::vector<std::vector<int>> held(grid.area.size());
        std::vector<int> households(grid.area.size(), 0);
        for (int b : grid.buildings)
        {
            const auto k = pieceOf(grid.area, plan.buildings[static_cast<std::size_t>(b)].anchor);
            held[k].push_back(b);
            households[k] += plan.buildings[static_cast<std::size_t>(b)].households;
        }
        std::size_t body = 0;
        for (std::size_t k = 1; k < held.size(); ++k)
            if (households[k] > households[body] ||
                (households[k] == households[body] &&
                 bg::area(grid.area[k]) > bg::area(grid.area[body])))
                body = k;

        for (std::size_t k = 0; k < held.size(); ++k)
        {
            if (k == body || held[k].empty())
                continue;
            // A compound with buildings outside this piece stays whole where it is.
            bool splits_compound = false;
            for (int b : held[k])
            {
                const int compound = plan.buildings[static_cast<std::size_t>(b)].compound;
                if (compound < 0)
                    continue;
                for (std::size_t j = 0; j < held.size() && !splits_compound; ++j)
                    if (j != k)
                        for (int o : held[j])
                            splits_compound =
                                splits_compound ||
                                plan.buildings[static_cast<std::size_t>(o)].compound == compound;
            }
            const GeomPtr piece = geom::toGeos(ctx, MultiPolygon{grid.area[k]});
            const GeomPtr outline =
                checked(ctx, GEOSBoundary_r(ctx.handle(), piece.get()), "boundary");
            int best = -1;
            double best_border = kMinBorderM;
            for (int o : grids_of[static_cast<std::size_t>(grid.community)])
            {
                const auto& other = plan.grids[static_cast<std::size_t>(o)];
                if (splits_compound || o == g || other.area.empty() ||
                    !within(other.households + households[k], config) ||
                    !within(grid.households - households[k], config) ||
                    !bg::intersects(envelopeOf(MultiPolygon{grid.area[k]}), envelopeOf(other.area)))
                    continue;
                const double border = sharedBorder(ctx, outline.get(), other.area);
                if (border > best_border)
                {
                    best = o;
                    best_border = border;
                }
            }
            if (best < 0)
            {
                ++repair.pieces_kept;
                continue;
            }
            auto& target = plan.grids[static_cast<std::size_t>(best)];
            for (int b : held[k])
            {
                auto& building = plan.buildings[static_cast<std::size_t>(b)];
                building.grid = best;
                removeSorted(grid.buildings, b);
                insertSorted(target.buildings, b);
                grid.households -= building.households;
                target.households += building.households;
                if (building.use != BuildingUse::Residential) // folded in: its figures move too
                {
                    const double fa = classify::floorArea(building, config.dedicated);
                    --grid.folded_buildings;
                    grid.folded_floor_area_m2 -= fa;
                    ++target.folded_buildings;
                    target.folded_floor_area_m2 += fa;
                }
            }
            ++repair.pieces_moved;
            repair.buildings_moved += static_cast<int>(held[k].size());
            repair.households_moved += households[k];
            repair.communities_changed[static_cast<std::size_t>(grid.community)] = 1;
        }
    }
    return repair;
}

} // namespace gp::improve
