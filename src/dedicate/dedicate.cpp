#include "dedicate/dedicate.hpp"

#include "classify/households.hpp"
#include "core/plan_check.hpp"
#include "spatial/segment_index.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

namespace gp::dedicate
{

namespace bgi = bg::index;

namespace
{

using Indexed = std::pair<Point, int>;

int findRoot(std::vector<int>& parent, int i)
{
    while (at(parent, i) != i)
    {
        at(parent, i) = at(parent, at(parent, i));
        i = at(parent, i);
    }
    return i;
}

bool isFlagged(const std::optional<std::string>& value)
{
    if (!value)
        return false;
    const std::string v = classify::normalizeUseValue(*value);
    return !v.empty() && v != "0" && v != "no" && v != "false" && v != "n" && v != "否";
}

// Candidates for a dedicated grid: the uses the practice names (offices, business, markets,
// industry, campuses) plus public buildings; "other" (sheds, garages) is only ever folded.
bool canBeDedicated(BuildingUse use)
{
    return use != BuildingUse::Residential && use != BuildingUse::Other;
}

// Non-residential buildings placed in a community and not in a grid yet, ascending.
std::vector<int> candidatesOf(const Plan& plan)
{
    std::vector<int> candidates;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = at(plan.buildings, i);
        if (b.community >= 0 && b.grid < 0 && b.use != BuildingUse::Residential)
            candidates.push_back(i);
    }
    return candidates;
}

// Clusters of the candidates that can be dedicated: footprints within the cluster distance in
// one community, never across a barrier (union-find). Root -> candidate positions, ordered.
std::map<int, std::vector<int>> clusterCandidates(const Plan& plan,
                                                  const std::vector<int>& candidates,
                                                  const spatial::SegmentIndex& barriers,
                                                  double distance)
{
    const auto building = [&](int k) -> const Building&
    { return at(plan.buildings, at(candidates, k)); };
    std::vector<int> parent(candidates.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<std::pair<Box, int>> boxes;
    for (int k = 0; k < static_cast<int>(candidates.size()); ++k)
    {
        const auto& b = building(k);
        if (!canBeDedicated(b.use))
            continue;
        Box box = b.footprint.empty() ? Box(b.anchor, b.anchor) : envelopeOf(b.footprint);
        boxes.emplace_back(box, k);
    }
    bgi::rtree<std::pair<Box, int>, bgi::quadratic<16>> tree(boxes.begin(), boxes.end());
    for (const auto& [box, k] : boxes)
    {
        const auto& a = building(k);
        Box grown(Point(box.min_corner().x() - distance, box.min_corner().y() - distance),
                  Point(box.max_corner().x() + distance, box.max_corner().y() + distance));
        std::vector<std::pair<Box, int>> near;
        tree.query(bgi::intersects(grown), std::back_inserter(near));
        for (const auto& [other_box, j] : near)
        {
            if (j <= k)
                continue;
            const auto& b = building(j);
            if (b.community != a.community || barriers.crosses(a.anchor, b.anchor))
                continue;
            const double d = (a.footprint.empty() || b.footprint.empty())
                                 ? bg::distance(a.anchor, b.anchor)
                                 : bg::distance(a.footprint, b.footprint);
            if (d <= distance)
                at(parent, findRoot(parent, k)) = findRoot(parent, j);
        }
    }
    std::map<int, std::vector<int>> clusters;
    for (int k = 0; k < static_cast<int>(candidates.size()); ++k)
        if (canBeDedicated(building(k).use))
            clusters[findRoot(parent, k)].push_back(k);
    return clusters;
}

// A cluster of buildings (indices) as a dedicated grid when it passes a threshold: flagged, the
// floor area, the building count or the workers. nullopt when it passes none.
std::optional<Grid> dedicatedGrid(const Plan& plan, const std::vector<int>& members,
                                  const DedicatedConfig& options)
{
    double floor_area = 0;
    long workers = 0;
    bool flagged = false;
    std::map<std::string, double> area_by_type;
    for (int bi : members)
    {
        const auto& b = at(plan.buildings, bi);
        const double fa = floorArea(b, options);
        floor_area += fa;
        area_by_type[dedicatedType(b.use)] += fa;
        flagged = flagged || isFlagged(b.inputs.dedicated_flag);
        if (b.inputs.workers)
            if (auto w = classify::parseMeasure(*b.inputs.workers))
                workers += static_cast<long>(*w);
    }
    const bool passes = flagged || floor_area >= options.min_floor_area_m2 ||
                        static_cast<int>(members.size()) >= options.min_buildings ||
                        (!options.workers_field.empty() && workers >= options.min_workers);
    if (!passes)
        return std::nullopt;
    Grid grid;
    grid.kind = GridKind::Dedicated;
    grid.community = at(plan.buildings, members.front()).community;
    grid.floor_area_m2 = floor_area;
    // The type holding most floor area (ties: alphabetical, for determinism).
    grid.dedicated_type =
        std::max_element(area_by_type.begin(), area_by_type.end(),
                         [](const auto& x, const auto& y) { return x.second < y.second; })
            ->first;
    return grid;
}

// The residential grid of the nearest residential building within the fold distance, in the
// same community and across no barrier; -1 when there is none. `any_near`: whether any
// residential building was found at all (the issue's cause).
int foldTarget(const Plan& plan, const bgi::rtree<Indexed, bgi::quadratic<16>>& homes,
               const spatial::SegmentIndex& barriers, const Building& b, double fold_distance,
               bool& any_near)
{
    std::vector<Indexed> near;
    homes.query(bgi::nearest(b.anchor, 24), std::back_inserter(near));
    any_near = !near.empty();
    std::sort(near.begin(), near.end(),
              [&](const Indexed& x, const Indexed& y)
              {
                  const double dx = bg::distance(b.anchor, x.first),
                               dy = bg::distance(b.anchor, y.first);
                  return dx != dy ? dx < dy : x.second < y.second;
              });
    for (const auto& [pt, hi] : near)
    {
        const auto& home = at(plan.buildings, hi);
        if (bg::distance(b.anchor, pt) > fold_distance)
            break;
        if (home.community == b.community && !barriers.crosses(b.anchor, pt))
            return home.grid;
    }
    return -1;
}

Issue unfoldedIssue(const Plan& plan, const Building& b, bool any_near, double fold_distance)
{
    Issue issue;
    issue.reason = "dedicated_candidate_unfolded";
    issue.cause = any_near ? "too_far_or_across_barrier" : "no_residential_grid";
    const std::string metres = std::to_string(static_cast<int>(fold_distance));
    issue.detail = std::string(toString(b.use)) + " building " + b.id +
                   " is below the dedicated-grid thresholds and no residential grid of its "
                   "community lies within " +
                   metres + " m across no barrier; assign it by hand";
    issue.detail_zh = "楼栋 " + b.id + "（" + toString(b.use) + "）未达到专属网格标准，且本社区 " +
                      metres + " 米内（不跨分隔线）没有住宅网格可并入；请人工指定";
    issue.community = at(plan.communities, b.community).id;
    issue.buildings.push_back(b.id);
    if (!b.footprint.empty())
        issue.area = b.footprint;
    return issue;
}

} // namespace

const char* dedicatedType(BuildingUse use)
{
    switch (use)
    {
    case BuildingUse::Office:
        return "office";
    case BuildingUse::Market:
        return "market";
    case BuildingUse::Commercial:
        return "commercial";
    case BuildingUse::Industrial:
        return "industrial";
    case BuildingUse::Education:
        return "campus";
    case BuildingUse::Public:
        return "public";
    default:
        return "other";
    }
}

DedicateStats dedicateAndFold(Plan& plan, const DedicatedConfig& options)
{
    DedicateStats stats;
    spatial::SegmentIndex barriers;
    for (const auto& b : plan.barriers)
        barriers.add(b.lines);
    const std::vector<int> candidates = candidatesOf(plan);

    // Clusters that pass a threshold become dedicated grids.
    std::vector<bool> dedicated(candidates.size(), false);
    for (const auto& [root, members] :
         clusterCandidates(plan, candidates, barriers, options.cluster_distance_m))
    {
        std::vector<int> buildings;
        for (int k : members)
            buildings.push_back(at(candidates, k));
        auto grid = dedicatedGrid(plan, buildings, options);
        if (!grid)
            continue;
        const int g = static_cast<int>(plan.grids.size());
        plan.grids.push_back(std::move(*grid));
        for (int k : members)
        {
            assignBuilding(plan, at(candidates, k), g);
            at(dedicated, k) = true;
        }
        stats.dedicated_buildings += static_cast<int>(members.size());
        ++stats.dedicated_grids;
    }

    // Fold the rest into the residential grid of the nearest reachable residential building.
    std::vector<Indexed> homes;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = at(plan.buildings, i);
        if (b.grid >= 0 && at(plan.grids, b.grid).kind == GridKind::Residential)
            homes.emplace_back(b.anchor, i);
    }
    const bgi::rtree<Indexed, bgi::quadratic<16>> home_tree(homes.begin(), homes.end());
    for (int k = 0; k < static_cast<int>(candidates.size()); ++k)
    {
        if (at(dedicated, k))
            continue;
        const int bi = at(candidates, k);
        const auto& b = at(plan.buildings, bi);
        bool any_near = false;
        const int target =
            foldTarget(plan, home_tree, barriers, b, options.fold_distance_m, any_near);
        if (target < 0)
        {
            ++stats.unfolded_buildings;
            plan.issues.push_back(unfoldedIssue(plan, b, any_near, options.fold_distance_m));
            continue;
        }
        foldBuilding(plan, bi, target, floorArea(b, options));
        ++stats.folded_buildings;
    }
    return stats;
}

} // namespace gp::dedicate
