#include "review/grids.hpp"

#include "classify/floor_area.hpp"
#include "core/index.hpp"
#include "core/plan_check.hpp"
#include "pipeline/tile_plan.hpp"
#include "review/land.hpp"
#include "review/problems.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <map>

namespace gp::review
{

namespace
{

namespace bgi = boost::geometry::index;

// Buildings without households that the edited (or original) buildings layer leaves in no grid:
// gridplan leaves unfolded non-residential buildings out, and so does the review.
std::vector<bool> leftOut(const Plan& plan, const EditedPlan& edited,
                          const reconcile::PreviousRun* original)
{
    std::vector<bool> out(plan.buildings.size(), false);
    for (std::size_t i = 0; i < plan.buildings.size(); ++i)
    {
        const auto& b = plan.buildings[i];
        if (b.households > 0)
            continue;
        if (edited.has_buildings)
        {
            auto it = edited.code_of.find(b.id);
            out[i] = it != edited.code_of.end() && it->second.empty();
        }
        else if (original)
        {
            auto it = original->buildings.find(b.id);
            out[i] = it != original->buildings.end() && it->second.code.empty();
        }
    }
    return out;
}

std::string listOf(const std::vector<std::string>& codes)
{
    std::string s;
    for (const auto& c : codes)
        s += (s.empty() ? "" : ", ") + (c.empty() ? std::string("(no code)") : c);
    return s;
}

void inNoGrid(Plan& plan, int b, const std::string& how)
{
    const auto& building = at(plan.buildings, b);
    Finding f;
    f.reason = Reason::BuildingInNoGrid;
    f.building = building.id;
    f.detail = "building " + building.id + " (" + std::to_string(building.households) +
               " households) " + how;
    f.community = building.community;
    f.households = building.households;
    if (!building.footprint.empty())
        f.where = building.footprint;
    record(plan, std::move(f));
}

// Each building goes to the drawn grid whose polygon holds its anchor; in two, to the first.
void followPolygons(Plan& plan, const EditedPlan& edited, const std::vector<bool>& left_out)
{
    bgi::rtree<std::pair<Box, int>, bgi::quadratic<16>> index;
    for (int g = 0; g < static_cast<int>(edited.grids.size()); ++g)
    {
        Grid grid;
        grid.code = at(edited.grids, g).code;
        grid.area = at(edited.grids, g).area;
        plan.grids.push_back(std::move(grid));
        if (!at(edited.grids, g).area.empty())
            index.insert({boxOf(at(edited.grids, g).area), g});
    }
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
    {
        const auto& building = at(plan.buildings, b);
        if (building.community < 0 || at(left_out, b))
            continue;
        std::vector<int> holding;
        for (auto it = index.qbegin(bgi::intersects(building.anchor)); it != index.qend(); ++it)
            if (bg::within(building.anchor, at(plan.grids, it->second).area))
                holding.push_back(it->second);
        std::sort(holding.begin(), holding.end());
        if (holding.empty())
        {
            if (building.households > 0)
                inNoGrid(plan, b, "lies in no drawn grid polygon");
            continue;
        }
        if (holding.size() > 1)
        {
            std::vector<std::string> codes;
            for (int g : holding)
                codes.push_back(at(plan.grids, g).code);
            Finding f;
            f.reason = Reason::BuildingInTwoGrids;
            f.grid = codes.front();
            f.building = building.id;
            f.detail = "building " + building.id + " lies in " + std::to_string(holding.size()) +
                       " grid polygons: " + listOf(codes);
            f.community = building.community;
            f.households = building.households;
            if (!building.footprint.empty())
                f.where = building.footprint;
            record(plan, std::move(f));
        }
        assignBuilding(plan, b, holding.front());
    }
}

// Each building goes to the grid named by its grid_code; grids are then tiled.
void followCodes(Plan& plan, const EditedPlan& edited, const std::vector<bool>& left_out)
{
    std::map<std::string, int> grid_of;
    for (const auto& [id, code] : edited.code_of)
        if (!code.empty() && grid_of.emplace(code, static_cast<int>(grid_of.size())).second)
        {
            Grid grid;
            grid.code = code;
            plan.grids.push_back(std::move(grid));
        }
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
    {
        const auto& building = at(plan.buildings, b);
        if (building.community < 0 || at(left_out, b))
            continue;
        auto it = edited.code_of.find(building.id);
        if (it == edited.code_of.end() || it->second.empty())
        {
            if (building.households > 0)
                inNoGrid(plan, b,
                         it == edited.code_of.end() ? "is not in the edited buildings layer"
                                                    : "has no grid_code");
            continue;
        }
        assignBuilding(plan, b, grid_of.at(it->second));
    }
}

// The community of a grid: that of most of its buildings, else the one holding its polygon's
// centre; -1 when neither.
int communityOf(const Plan& plan, const Grid& grid)
{
    std::map<int, int> count;
    for (int b : grid.buildings)
        ++count[at(plan.buildings, b).community];
    int best = -1, most = 0;
    for (const auto& [c, n] : count)
        if (c >= 0 && n > most)
            best = c, most = n;
    if (best >= 0 || grid.area.empty())
        return best;
    Point centre(0, 0);
    bg::centroid(grid.area, centre);
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        if (bg::within(centre, at(plan.communities, c).area))
            return c;
    return -1;
}

// Kind and dedicated fields: a grid of a special area's buildings is that area's grid; one the
// original plan had as dedicated stays dedicated; one without households is dedicated.
void setKind(Plan& plan, Grid& grid, const reconcile::PreviousRun* original,
             const PartitionConfig& config)
{
    for (int b : grid.buildings)
        if (const auto& building = at(plan.buildings, b); building.special >= 0)
        {
            const auto& special = at(plan.specials, building.special);
            grid.kind = GridKind::Dedicated;
            grid.special = building.special;
            grid.dedicated_type = special.kind;
            grid.name = special.name;
        }
    const reconcile::PreviousGrid* before = nullptr;
    if (original)
        if (auto it = original->grids.find(grid.code); it != original->grids.end())
            before = &it->second;
    if (grid.special < 0 && ((before && before->kind == "dedicated") || grid.households == 0))
    {
        grid.kind = GridKind::Dedicated;
        grid.dedicated_type =
            before && !before->dedicated_type.empty() ? before->dedicated_type : "public";
    }
    for (int b : grid.buildings)
    {
        const auto& building = at(plan.buildings, b);
        const double floor = classify::floorArea(building, config.dedicated);
        if (grid.kind == GridKind::Dedicated)
            grid.floor_area_m2 += floor;
        else if (building.use != BuildingUse::Residential)
        {
            ++grid.folded_buildings;
            grid.folded_floor_area_m2 += floor;
        }
    }
}

} // namespace

void makeGrids(Plan& plan, const EditedPlan& edited, const reconcile::PreviousRun* original,
               const PartitionConfig& config)
{
    // The input stages made the special areas' grids: the edited plan redraws them too.
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
        assignBuilding(plan, b, -1);
    plan.grids.clear();
    const auto left_out = leftOut(plan, edited, original);
    if (!edited.grids.empty() || !edited.has_buildings)
        followPolygons(plan, edited, left_out);
    else
        followCodes(plan, edited, left_out);

    // A grid in no community (drawn outside every one) is reported and dropped.
    std::vector<Grid> kept;
    std::vector<int> index_now(plan.grids.size(), -1);
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        auto& grid = at(plan.grids, g);
        grid.community = communityOf(plan, grid);
        if (grid.community >= 0)
        {
            at(index_now, g) = static_cast<int>(kept.size());
            kept.push_back(std::move(grid));
            continue;
        }
        Finding f;
        f.reason = Reason::GridCrossesCommunity;
        f.grid = grid.code;
        f.area_m2 = bg::area(grid.area);
        f.detail = "grid " + (grid.code.empty() ? std::string("(no code)") : grid.code) +
                   " lies in no community";
        f.where = grid.area;
        record(plan, std::move(f));
    }
    plan.grids = std::move(kept);
    for (auto& b : plan.buildings)
        if (b.grid >= 0)
            b.grid = at(index_now, b.grid);
    for (auto& grid : plan.grids)
        setKind(plan, grid, original, config);
    if (edited.grids.empty() && edited.has_buildings)
    {
        std::vector<std::pair<int, std::string>> notes;
        pipeline::tileGrids(plan, notes, config.threads);
    }
}

} // namespace gp::review
