#include "audit/violations.hpp"
#include "core/index.hpp"

#include <algorithm>
#include <map>

namespace gp::audit
{

namespace
{

// Communities whose outlines come within a metre of each other.
std::vector<int> neighbours(const Plan& plan, int community)
{
    std::vector<int> out;
    const auto& area = at(plan.communities, community).area;
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        if (c != community && bg::distance(area, at(plan.communities, c).area) < 1.0)
            out.push_back(c);
    return out;
}

std::string label(const Community& c)
{
    return c.id + (c.name.empty() ? "" : " (" + c.name + ")");
}

// What the planner could do about a grid out of bounds, in English and in Chinese.
struct Suggestion
{
    std::string en, zh;
};

// The grid's building with the most households: (id, households).
std::pair<std::string, int> heaviestBuilding(const Plan& plan, const Grid& grid)
{
    std::string biggest;
    int most = -1;
    for (int b : grid.buildings)
        if (at(plan.buildings, b).households > most)
        {
            most = at(plan.buildings, b).households;
            biggest = at(plan.buildings, b).id;
        }
    return {biggest, most};
}

Suggestion suggestion(const Plan& plan, const Grid& grid, partition::ViolationCause cause,
                      int min_households, int max_households, const std::string& advice_en,
                      const std::string& advice_zh)
{
    using partition::ViolationCause;
    switch (cause)
    {
    case ViolationCause::CommunityTooSmall:
    {
        const auto near = neighbours(plan, grid.community);
        if (near.empty())
            return {
                "the community is too small for one grid; merge it with a neighbouring community",
                "社区户数不足一个网格；请与相邻社区合并"};
        int smallest = near.front();
        std::map<int, int> households;
        for (const auto& g : plan.grids)
            households[g.community] += g.households;
        for (int c : near)
            if (households[c] < households[smallest])
                smallest = c;
        const std::string other = label(at(plan.communities, smallest));
        return {"merge with neighbouring community " + other, "与相邻社区 " + other + " 合并"};
    }
    case ViolationCause::UnitOverMax:
    {
        const auto [biggest, most] = heaviestBuilding(plan, grid);
        if (most > max_households)
            return {"split building " + biggest + " (" + std::to_string(most) +
                        " households) by stairwell groups (楼组) into several grids",
                    "将楼栋 " + biggest + "（" + std::to_string(most) +
                        " 户）按楼组拆分到多个网格"};
        return {"split the compound along its internal roads or building rows",
                "沿小区内部道路或楼排拆分该小区"};
    }
    case ViolationCause::IsolatedCluster:
        return {"the cluster is cut off by barriers or the community outline; join it to the grid "
                "across the barrier",
                "该楼群被分隔线或社区边界隔开；请并入分隔线另一侧的网格"};
    case ViolationCause::NoCountFits:
    case ViolationCause::ProvenInfeasible:
    case ViolationCause::NotFound:
    {
        // The partitioner's bounds advice (if any), then the unit whose split frees the plan most.
        // A building too small to matter means the indivisible unit is a compound.
        const auto [biggest, most] = heaviestBuilding(plan, grid);
        const bool building = most >= max_households - min_households;
        const std::string split =
            building ? "split building " + biggest + " (" + std::to_string(most) + " households)"
                     : "split the compound along its internal roads or building rows";
        const std::string split_zh =
            building ? "拆分楼栋 " + biggest + "（" + std::to_string(most) + " 户）"
                     : "沿小区内部道路或楼排拆分该小区";
        if (cause == ViolationCause::NotFound && advice_en.empty())
            return {"the search stopped before finding a plan; " + split,
                    "搜索未找到方案；" + split_zh};
        if (advice_en.empty())
            return {split + ", or widen the bounds", split_zh + "，或放宽户数范围"};
        return {advice_en + ", or " + split, advice_zh + "，或" + split_zh};
    }
    }
    return {};
}

} // namespace

void reportViolations(Plan& plan, const std::vector<GridViolation>& violations,
                      const PartitionConfig& config)
{
    std::map<int, const GridViolation*> by_grid;
    for (const auto& v : violations)
        by_grid.emplace(v.grid, &v);
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = at(plan.grids, g);
        if (grid.kind != GridKind::Residential)
            continue; // dedicated grids are sized by their land use, not by households
        const bool under = grid.households < config.min_households;
        const bool over = grid.households > config.max_households;
        if (!under && !over)
            continue;
        auto it = by_grid.find(g);
        const auto cause =
            it != by_grid.end() ? it->second->cause : partition::ViolationCause::NotFound;
        Issue issue;
        issue.reason = under ? "grid_under_min" : "grid_over_max";
        issue.cause = partition::toString(cause);
        const auto& community = at(plan.communities, grid.community);
        const bool known = it != by_grid.end();
        const Suggestion advice =
            suggestion(plan, grid, cause, config.min_households, config.max_households,
                       known ? it->second->advice : std::string(),
                       known ? it->second->advice_zh : std::string());
        issue.detail =
            "grid " + grid.code + " in " + label(community) + " holds " +
            std::to_string(grid.households) + " households, " +
            (under ? "below the minimum " + std::to_string(config.min_households)
                   : "above the maximum " + std::to_string(config.max_households)) +
            (it != by_grid.end() && !it->second->detail.empty() ? ": " + it->second->detail : "") +
            "; suggestion: " + advice.en;
        issue.detail_zh = "社区 " + label(community) + " 的网格 " + grid.code + " 有 " +
                          std::to_string(grid.households) + " 户，" +
                          (under ? "低于下限 " + std::to_string(config.min_households)
                                 : "高于上限 " + std::to_string(config.max_households)) +
                          "；建议：" + advice.zh;
        issue.households = grid.households;
        issue.community = community.id;
        issue.grid = grid.code;
        for (int b : grid.buildings)
            issue.buildings.push_back(at(plan.buildings, b).id);
        issue.area = grid.area;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace gp::audit
