#include "review/diff.hpp"

#include "core/index.hpp"
#include "review/land.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace gp::review
{

namespace
{

std::vector<std::string> memberIds(const Plan& plan, const Grid& grid)
{
    std::vector<std::string> ids;
    for (int b : grid.buildings)
        ids.push_back(at(plan.buildings, b).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool sameLand(const MultiPolygon& a, const MultiPolygon& b)
{
    return significantParts(differenceOf(a, b)).empty() &&
           significantParts(differenceOf(b, a)).empty();
}

// Building id -> grid code, now and before.
std::map<std::string, std::string> codesNow(const Plan& plan)
{
    std::map<std::string, std::string> m;
    for (const auto& b : plan.buildings)
        m[b.id] = b.grid >= 0 ? at(plan.grids, b.grid).code : std::string();
    return m;
}

void buildingChanges(const Plan& plan, const reconcile::PreviousRun& original, ChangeReport& report)
{
    const auto now = codesNow(plan);
    std::map<std::string, int> index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        index_of.emplace(at(plan.buildings, i).id, i);
    for (const auto& [id, code] : now)
    {
        const auto& b = at(plan.buildings, index_of.at(id));
        auto before = original.buildings.find(id);
        const std::string old_code = before == original.buildings.end() ? "" : before->second.code;
        if (old_code == code)
            continue;
        BuildingChange c;
        c.building_id = id;
        c.old_code = old_code;
        c.new_code = code;
        c.status = before == original.buildings.end() ? BuildingChangeStatus::New
                                                      : BuildingChangeStatus::Moved;
        c.community = b.community >= 0 ? at(plan.communities, b.community).id : "";
        c.households = b.households;
        if (!b.footprint.empty())
            c.area = b.footprint;
        else
            c.point = b.anchor;
        report.households_moved += c.status == BuildingChangeStatus::Moved ? b.households : 0;
        report.households_new += c.status == BuildingChangeStatus::New ? b.households : 0;
        report.buildings.push_back(std::move(c));
    }
}

} // namespace

std::vector<bool> untouchedGrids(const Plan& plan, const reconcile::PreviousRun* original)
{
    std::vector<bool> untouched(plan.grids.size(), false);
    if (!original)
        return untouched;
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        const auto& grid = plan.grids[g];
        auto it = original->grids.find(grid.code);
        untouched[g] = it != original->grids.end() &&
                       memberIds(plan, grid) == it->second.buildings &&
                       sameLand(grid.area, it->second.area);
    }
    return untouched;
}

void diffAgainst(Plan& plan, const reconcile::PreviousRun& original,
                 const std::vector<bool>& untouched)
{
    ChangeReport report;
    report.previous_dir = original.dir;
    const auto before_of = [&](const std::string& id)
    {
        auto it = original.buildings.find(id);
        return it == original.buildings.end() ? std::string() : it->second.code;
    };
    std::set<std::string> codes_now;
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        const auto& grid = plan.grids[g];
        codes_now.insert(grid.code);
        GridChange c;
        c.new_code = grid.code;
        c.community = at(plan.communities, grid.community).id;
        c.households_new = grid.households;
        c.area = grid.area;
        std::set<std::string> from;
        for (int b : grid.buildings)
            if (auto code = before_of(at(plan.buildings, b).id); !code.empty())
                from.insert(code);
        c.old_codes.assign(from.begin(), from.end());
        auto it = original.grids.find(grid.code);
        if (it == original.grids.end())
            c.status = GridChangeStatus::New;
        else
        {
            c.old_code = grid.code;
            c.households_old = it->second.households;
            c.status = untouched[g]                                    ? GridChangeStatus::Kept
                       : memberIds(plan, grid) == it->second.buildings ? GridChangeStatus::Redrawn
                                                                       : GridChangeStatus::Resized;
        }
        if (untouched[g])
            ++report.grids_kept;
        else
        {
            ++report.grids_changed;
            plan.review->edited_grids.push_back(grid.code);
        }
        report.grids.push_back(std::move(c));
    }
    for (const auto& [code, g] : original.grids)
        if (!codes_now.count(code))
        {
            GridChange c;
            c.status = GridChangeStatus::Retired;
            c.old_code = code;
            c.community = g.community;
            c.households_old = g.households;
            c.area = g.area;
            ++report.grids_changed;
            report.grids.push_back(std::move(c));
        }
    std::sort(report.grids.begin(), report.grids.end(),
              [](const GridChange& a, const GridChange& b)
              {
                  return (a.new_code.empty() ? a.old_code : a.new_code) <
                         (b.new_code.empty() ? b.old_code : b.new_code);
              });
    std::sort(plan.review->edited_grids.begin(), plan.review->edited_grids.end());
    buildingChanges(plan, original, report);
    plan.changes = std::move(report);
}

} // namespace gp::review
