#include "review/checks.hpp"

#include "core/index.hpp"
#include "review/land.hpp"
#include "review/problems.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <cmath>
#include <cstdio>

namespace gp::review
{

namespace
{

namespace bgi = boost::geometry::index;

std::string squareMetres(double a)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f m2", a);
    return text;
}

Finding gridFinding(const Grid& grid, Reason reason, bool violation)
{
    Finding f;
    f.violation = violation;
    f.reason = reason;
    f.grid = grid.code;
    f.community = grid.community;
    f.households = grid.households;
    f.where = grid.area;
    return f;
}

void checkOverlaps(Plan& plan)
{
    bgi::rtree<std::pair<Box, int>, bgi::quadratic<16>> index;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        if (!at(plan.grids, g).area.empty())
            index.insert({boxOf(at(plan.grids, g).area), g});
    for (int a = 0; a < static_cast<int>(plan.grids.size()); ++a)
    {
        const auto& ga = at(plan.grids, a);
        if (ga.area.empty())
            continue;
        for (auto it = index.qbegin(bgi::intersects(boxOf(ga.area))); it != index.qend(); ++it)
        {
            const int b = it->second;
            if (b <= a)
                continue;
            const auto& gb = at(plan.grids, b);
            const auto shared = significantParts(intersectionOf(ga.area, gb.area));
            if (shared.empty())
                continue;
            Finding f = gridFinding(ga, Reason::GridsOverlap, true);
            f.area_m2 = bg::area(shared);
            f.detail =
                "grids " + ga.code + " and " + gb.code + " overlap by " + squareMetres(f.area_m2);
            f.where = shared;
            record(plan, std::move(f));
        }
    }
}

// The grids whose polygons touch `piece` (within the sliver width), by code.
std::vector<int> gridsAround(const Plan& plan, const Polygon& piece)
{
    Box box = boxOf(MultiPolygon{piece});
    bg::expand(box,
               Point(box.min_corner().x() - kSliverWidthM, box.min_corner().y() - kSliverWidthM));
    bg::expand(box,
               Point(box.max_corner().x() + kSliverWidthM, box.max_corner().y() + kSliverWidthM));
    std::vector<int> around;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        if (const auto& grid = at(plan.grids, g); !grid.area.empty() &&
                                                  bg::intersects(boxOf(grid.area), box) &&
                                                  bg::distance(grid.area, piece) <= kSliverWidthM)
            around.push_back(g);
    return around;
}

void checkGaps(Plan& plan)
{
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        std::vector<const MultiPolygon*> drawn;
        for (const auto& g : plan.grids)
            if (g.community == c)
                drawn.push_back(&g.area);
        if (drawn.empty())
            continue; // a community without grids: its buildings are reported, not its land
        const auto open =
            significantParts(differenceOf(at(plan.communities, c).area, unionOf(drawn)));
        for (const auto& piece : open)
        {
            const auto around = gridsAround(plan, piece);
            Finding f;
            f.reason = Reason::GridGap;
            f.community = c;
            f.area_m2 = bg::area(piece);
            std::string names;
            for (int g : around)
                names += (names.empty() ? "" : ", ") + at(plan.grids, g).code;
            f.grid = around.empty() ? std::string() : at(plan.grids, around.front()).code;
            f.detail = squareMetres(f.area_m2) + " of community " + at(plan.communities, c).id +
                       " lie in no grid" + (names.empty() ? "" : " (between " + names + ")");
            f.where = MultiPolygon{piece};
            record(plan, std::move(f));
        }
    }
}

void checkNesting(Plan& plan, const Grid& grid, bool violation)
{
    const auto outside =
        significantParts(differenceOf(grid.area, at(plan.communities, grid.community).area));
    if (outside.empty())
        return;
    Finding f = gridFinding(grid, Reason::GridCrossesCommunity, violation);
    f.area_m2 = bg::area(outside);
    f.detail = "grid " + grid.code + " reaches " + squareMetres(f.area_m2) +
               " beyond the outline of its community " + at(plan.communities, grid.community).id;
    f.where = outside;
    record(plan, std::move(f));
}

void checkContiguity(Plan& plan, const Grid& grid, bool violation)
{
    const auto parts = significantParts(grid.area);
    if (parts.size() < 2)
        return;
    Finding f = gridFinding(grid, Reason::GridNotContiguous, violation);
    std::string sizes;
    for (const auto& p : parts)
        sizes += (sizes.empty() ? "" : ", ") + squareMetres(bg::area(p));
    f.detail = "grid " + grid.code + " is in " + std::to_string(parts.size()) + " pieces (" +
               sizes + ")" + (violation ? "" : ", as in the plan it was edited from");
    record(plan, std::move(f));
}

void checkBounds(Plan& plan, const Grid& grid, const CheckOptions& o, bool violation)
{
    if (grid.kind != GridKind::Residential)
        return;
    const bool under = grid.households < o.min_households;
    if (!under && grid.households <= o.max_households)
        return;
    Finding f = gridFinding(grid, under ? Reason::GridUnderMin : Reason::GridOverMax, violation);
    f.detail = "grid " + grid.code + " holds " + std::to_string(grid.households) + " households, " +
               (under ? "under the minimum " : "over the maximum ") +
               std::to_string(under ? o.min_households : o.max_households) +
               (violation ? "" : ", as in the plan it was edited from");
    record(plan, std::move(f));
}

} // namespace

void checkOverlapsAndGaps(Plan& plan)
{
    checkOverlaps(plan);
    checkGaps(plan);
}

void checkGrids(Plan& plan, const CheckOptions& options, const std::vector<bool>& untouched)
{
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        const Grid& grid = plan.grids[g]; // record() grows plan.issues only
        const bool violation = !untouched[g];
        checkNesting(plan, grid, violation);
        checkContiguity(plan, grid, violation);
        checkBounds(plan, grid, options, violation);
        if (grid.kind == GridKind::Residential && grid.metrics.polsby_popper < kLowCompactness)
        {
            Finding f = gridFinding(grid, Reason::GridLowCompactness, false);
            char pp[32];
            std::snprintf(pp, sizeof pp, "%.3f", grid.metrics.polsby_popper);
            f.detail = "grid " + grid.code + " has a Polsby-Popper compactness of " + pp +
                       ", below " + std::to_string(kLowCompactness).substr(0, 4);
            record(plan, std::move(f));
        }
    }
}

} // namespace gp::review
