#include "core/plan_check.hpp"
#include "core/index.hpp"

#include "core/reasons.hpp"

#include <algorithm>

namespace gp
{

namespace
{

struct Problems
{
    std::vector<std::string> lines;
    std::size_t limit;
    bool full() const { return lines.size() >= limit; }
    void add(std::string line)
    {
        if (!full())
            lines.push_back(std::move(line));
    }
};

bool inRange(int i, std::size_t n)
{
    return i >= -1 && i < static_cast<int>(n);
}

void checkBuildingIndices(const Plan& plan, Problems& p)
{
    for (std::size_t i = 0; i < plan.buildings.size() && !p.full(); ++i)
    {
        const auto& b = plan.buildings[i];
        const std::string who = "building " + std::to_string(i) + " (" + b.id + ")";
        if (!inRange(b.community, plan.communities.size()))
            p.add(who + ": community " + std::to_string(b.community) + " out of range");
        if (!inRange(b.compound, plan.compounds.size()))
            p.add(who + ": compound " + std::to_string(b.compound) + " out of range");
        if (!inRange(b.grid, plan.grids.size()))
            p.add(who + ": grid " + std::to_string(b.grid) + " out of range");
        if (!inRange(b.special, plan.specials.size()))
            p.add(who + ": special " + std::to_string(b.special) + " out of range");
        if (!inRange(b.street_block, plan.street_blocks.size()))
            p.add(who + ": street block " + std::to_string(b.street_block) + " out of range");
        if (!inRange(b.cluster, plan.clusters.size()))
            p.add(who + ": cluster " + std::to_string(b.cluster) + " out of range");
    }
}

void checkGrids(const Plan& plan, Problems& p)
{
    std::vector<int> listed(plan.buildings.size(), 0);         // how many grids list each building
    std::vector<char> listed_by_own(plan.buildings.size(), 0); // by the grid it names
    for (std::size_t g = 0; g < plan.grids.size() && !p.full(); ++g)
    {
        const auto& grid = plan.grids[g];
        const std::string who =
            "grid " + std::to_string(g) + (grid.code.empty() ? "" : " (" + grid.code + ")");
        if (grid.community < 0 || grid.community >= static_cast<int>(plan.communities.size()))
            p.add(who + ": community " + std::to_string(grid.community) + " out of range");
        if (!std::is_sorted(grid.buildings.begin(), grid.buildings.end()) ||
            std::adjacent_find(grid.buildings.begin(), grid.buildings.end()) !=
                grid.buildings.end())
            p.add(who + ": building list not sorted or with repeats");
        long long households = 0;
        for (int b : grid.buildings)
        {
            if (b < 0 || b >= static_cast<int>(plan.buildings.size()))
            {
                p.add(who + ": building index " + std::to_string(b) + " out of range");
                continue;
            }
            ++at(listed, b);
            households += at(plan.buildings, b).households;
            if (at(plan.buildings, b).grid != static_cast<int>(g))
                p.add(who + " lists building " + std::to_string(b) + ", whose grid is " +
                      std::to_string(at(plan.buildings, b).grid));
            else
                at(listed_by_own, b) = 1;
        }
        if (households != grid.households)
            p.add(who + ": households " + std::to_string(grid.households) +
                  ", its buildings hold " + std::to_string(households));
    }
    for (std::size_t b = 0; b < plan.buildings.size() && !p.full(); ++b)
    {
        const int g = plan.buildings[b].grid;
        const std::string who = "building " + std::to_string(b) + " (" + plan.buildings[b].id + ")";
        if (g >= 0 && g < static_cast<int>(plan.grids.size()) && !listed_by_own[b])
            p.add(who + ": grid " + std::to_string(g) + " does not list it");
        if (listed[b] > 1)
            p.add(who + ": listed by " + std::to_string(listed[b]) + " grids");
    }
}

void checkIssues(const Plan& plan, Problems& p)
{
    for (std::size_t i = 0; i < plan.issues.size() && !p.full(); ++i)
        if (!reasonFromString(plan.issues[i].reason))
            p.add("issue " + std::to_string(i) + ": unknown reason '" + plan.issues[i].reason +
                  "'");
}

} // namespace

std::vector<std::string> checkPlan(const Plan& plan, std::size_t limit)
{
    Problems p{{}, limit};
    checkBuildingIndices(plan, p);
    checkGrids(plan, p);
    checkIssues(plan, p);
    return p.lines;
}

void assignBuilding(Plan& plan, int b, int g)
{
    auto& building = at(plan.buildings, b);
    if (building.grid == g)
        return;
    if (building.grid >= 0)
    {
        auto& from = at(plan.grids, building.grid);
        const auto it = std::lower_bound(from.buildings.begin(), from.buildings.end(), b);
        if (it != from.buildings.end() && *it == b)
            from.buildings.erase(it);
        from.households -= building.households;
    }
    building.grid = g;
    if (g >= 0)
    {
        auto& to = at(plan.grids, g);
        to.buildings.insert(std::lower_bound(to.buildings.begin(), to.buildings.end(), b), b);
        to.households += building.households;
    }
}

void foldBuilding(Plan& plan, int b, int g, double floor_area_m2)
{
    const int from = at(plan.buildings, b).grid;
    if (from == g)
        return;
    if (from >= 0)
    {
        auto& grid = at(plan.grids, from);
        --grid.folded_buildings;
        grid.folded_floor_area_m2 -= floor_area_m2;
    }
    assignBuilding(plan, b, g);
    if (g >= 0)
    {
        auto& grid = at(plan.grids, g);
        ++grid.folded_buildings;
        grid.folded_floor_area_m2 += floor_area_m2;
    }
}

} // namespace gp
