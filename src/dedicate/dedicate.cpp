#include "dedicate/dedicate.hpp"

#include "classify/households.hpp"
#include "spatial/segment_index.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <map>
#include <numeric>

namespace gp::dedicate
{

namespace bgi = bg::index;

namespace
{

using Indexed = std::pair<Point, int>;

int findRoot(std::vector<int>& parent, int i)
{
    while (parent[static_cast<std::size_t>(i)] != i)
    {
        parent[static_cast<std::size_t>(i)] =
            parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
        i = parent[static_cast<std::size_t>(i)];
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

DedicateStats dedicateAndFold(Plan& plan, const PartitionConfig& config)
{
    const auto& cfg = config.dedicated;
    DedicateStats stats;
    spatial::SegmentIndex barriers;
    for (const auto& b : plan.barriers)
        barriers.add(b.lines);

    // Non-residential buildings placed in a community and not in a grid yet.
    std::vector<int> candidates;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = plan.buildings[static_cast<std::size_t>(i)];
        if (b.community >= 0 && b.grid < 0 && b.use != BuildingUse::Residential)
            candidates.push_back(i);
    }

    // Cluster by proximity within a community, never across a barrier (union-find).
    std::vector<int> parent(candidates.size());
    std::iota(parent.begin(), parent.end(), 0);
    {
        std::vector<std::pair<Box, int>> boxes;
        for (std::size_t k = 0; k < candidates.size(); ++k)
        {
            const auto& b = plan.buildings[static_cast<std::size_t>(candidates[k])];
            if (!canBeDedicated(b.use))
                continue;
            Box box = b.footprint.empty() ? Box(b.anchor, b.anchor) : envelopeOf(b.footprint);
            boxes.emplace_back(box, static_cast<int>(k));
        }
        bgi::rtree<std::pair<Box, int>, bgi::quadratic<16>> tree(boxes.begin(), boxes.end());
        for (const auto& [box, k] : boxes)
        {
            const auto& a =
                plan.buildings[static_cast<std::size_t>(candidates[static_cast<std::size_t>(k)])];
            Box grown(Point(box.min_corner().x() - cfg.cluster_distance_m,
                            box.min_corner().y() - cfg.cluster_distance_m),
                      Point(box.max_corner().x() + cfg.cluster_distance_m,
                            box.max_corner().y() + cfg.cluster_distance_m));
            std::vector<std::pair<Box, int>> near;
            tree.query(bgi::intersects(grown), std::back_inserter(near));
            for (const auto& [other_box, j] : near)
            {
                if (j <= k)
                    continue;
                const auto& b = plan.buildings[static_cast<std::size_t>(
                    candidates[static_cast<std::size_t>(j)])];
                if (b.community != a.community || barriers.crosses(a.anchor, b.anchor))
                    continue;
                const double d = (a.footprint.empty() || b.footprint.empty())
                                     ? bg::distance(a.anchor, b.anchor)
                                     : bg::distance(a.footprint, b.footprint);
                if (d <= cfg.cluster_distance_m)
                    parent[static_cast<std::size_t>(findRoot(parent, k))] = findRoot(parent, j);
            }
        }
    }
    std::map<int, std::vector<int>> clusters; // root -> candidate positions, ordered
    for (std::size_t k = 0; k < candidates.size(); ++k)
        if (canBeDedicated(plan.buildings[static_cast<std::size_t>(candidates[k])].use))
            clusters[findRoot(parent, static_cast<int>(k))].push_back(static_cast<int>(k));

    std::vector<bool> dedicated(candidates.size(), false);
    for (const auto& [root, members] : clusters)
    {
        double floor_area = 0;
        long workers = 0;
        bool flagged = false;
        std::map<std::string, double> area_by_type;
        for (int k : members)
        {
            const auto& b =
                plan.buildings[static_cast<std::size_t>(candidates[static_cast<std::size_t>(k)])];
            const double fa = floorArea(b, cfg);
            floor_area += fa;
            area_by_type[dedicatedType(b.use)] += fa;
            flagged = flagged || isFlagged(b.inputs.dedicated_flag);
            if (b.inputs.workers)
                if (auto w = classify::parseMeasure(*b.inputs.workers))
                    workers += static_cast<long>(*w);
        }
        const bool passes = flagged || floor_area >= cfg.min_floor_area_m2 ||
                            static_cast<int>(members.size()) >= cfg.min_buildings ||
                            (!cfg.workers_field.empty() && workers >= cfg.min_workers);
        if (!passes)
            continue;
        Grid grid;
        grid.kind = GridKind::Dedicated;
        grid.community = plan.buildings[static_cast<std::size_t>(
                                            candidates[static_cast<std::size_t>(members.front())])]
                             .community;
        grid.floor_area_m2 = floor_area;
        // The type holding most floor area (ties: alphabetical, for determinism).
        grid.dedicated_type =
            std::max_element(area_by_type.begin(), area_by_type.end(),
                             [](const auto& x, const auto& y) { return x.second < y.second; })
                ->first;
        const int g = static_cast<int>(plan.grids.size());
        for (int k : members)
        {
            const int bi = candidates[static_cast<std::size_t>(k)];
            grid.buildings.push_back(bi);
            plan.buildings[static_cast<std::size_t>(bi)].grid = g;
            grid.households += plan.buildings[static_cast<std::size_t>(bi)].households;
            dedicated[static_cast<std::size_t>(k)] = true;
        }
        std::sort(grid.buildings.begin(), grid.buildings.end());
        stats.dedicated_buildings += static_cast<int>(members.size());
        ++stats.dedicated_grids;
        plan.grids.push_back(std::move(grid));
    }

    // Fold the rest into the residential grid of the nearest reachable residential building.
    std::vector<Indexed> homes;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = plan.buildings[static_cast<std::size_t>(i)];
        if (b.grid >= 0 &&
            plan.grids[static_cast<std::size_t>(b.grid)].kind == GridKind::Residential)
            homes.emplace_back(b.anchor, i);
    }
    bgi::rtree<Indexed, bgi::quadratic<16>> home_tree(homes.begin(), homes.end());
    for (std::size_t k = 0; k < candidates.size(); ++k)
    {
        if (dedicated[k])
            continue;
        auto& b = plan.buildings[static_cast<std::size_t>(candidates[k])];
        std::vector<Indexed> near;
        home_tree.query(bgi::nearest(b.anchor, 24), std::back_inserter(near));
        std::sort(near.begin(), near.end(),
                  [&](const Indexed& x, const Indexed& y)
                  {
                      const double dx = bg::distance(b.anchor, x.first),
                                   dy = bg::distance(b.anchor, y.first);
                      return dx != dy ? dx < dy : x.second < y.second;
                  });
        int target = -1;
        for (const auto& [pt, hi] : near)
        {
            const auto& home = plan.buildings[static_cast<std::size_t>(hi)];
            if (bg::distance(b.anchor, pt) > cfg.fold_distance_m)
                break;
            if (home.community == b.community && !barriers.crosses(b.anchor, pt))
            {
                target = home.grid;
                break;
            }
        }
        if (target < 0)
        {
            ++stats.unfolded_buildings;
            Issue issue;
            issue.reason = "dedicated_candidate_unfolded";
            issue.cause = near.empty() ? "no_residential_grid" : "too_far_or_across_barrier";
            issue.detail = std::string(toString(b.use)) + " building " + b.id +
                           " is below the dedicated-grid thresholds and no residential grid of its "
                           "community lies within " +
                           std::to_string(static_cast<int>(cfg.fold_distance_m)) +
                           " m across no barrier; assign it by hand";
            issue.detail_zh = "楼栋 " + b.id + "（" + toString(b.use) +
                              "）未达到专属网格标准，且本社区 " +
                              std::to_string(static_cast<int>(cfg.fold_distance_m)) +
                              " 米内（不跨分隔线）没有住宅网格可并入；请人工指定";
            issue.community = plan.communities[static_cast<std::size_t>(b.community)].id;
            issue.buildings.push_back(b.id);
            if (!b.footprint.empty())
                issue.area = b.footprint;
            plan.issues.push_back(std::move(issue));
            continue;
        }
        auto& grid = plan.grids[static_cast<std::size_t>(target)];
        b.grid = target;
        grid.buildings.insert(
            std::upper_bound(grid.buildings.begin(), grid.buildings.end(), candidates[k]),
            candidates[k]);
        grid.households += b.households; // 0 unless a households field says otherwise
        ++grid.folded_buildings;
        grid.folded_floor_area_m2 += floorArea(b, cfg);
        ++stats.folded_buildings;
    }
    return stats;
}

} // namespace gp::dedicate
