#include "reconcile/reconcile.hpp"
#include "reconcile/edited_locks.hpp"

#include "core/index.hpp"
#include "core/plan_check.hpp"
#include "organize/codes.hpp"

#include "core/error.hpp"
#include "dedicate/dedicate.hpp"
#include "geom/geos.hpp"
#include "partition/partition.hpp"
#include "reconcile/locks.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <functional>

namespace gp::reconcile
{

namespace
{

// Coordinates come back from the previous run's GeoJSON rounded to 1e-7 degrees (about a
// centimetre), so "the same geometry" allows that much per metre of outline.
double tolerance(const MultiPolygon& mp)
{
    return 1.0 + 0.02 * bg::perimeter(mp);
}

MultiPolygon geosOp(const MultiPolygon& a, const MultiPolygon& b,
                    GEOSGeometry* (*op)(GEOSContextHandle_t, const GEOSGeometry*,
                                        const GEOSGeometry*),
                    const char* name)
{
    geom::GeosContext ctx;
    auto ga = geom::toGeos(ctx, a);
    auto gb = geom::toGeos(ctx, b);
    auto r = geom::checked(ctx, op(ctx.handle(), ga.get(), gb.get()), name);
    return geom::toMultiPolygon(ctx, r.get());
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b)
{
    return geosOp(a, b, GEOSIntersection_r, "intersection");
}
MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b)
{
    return geosOp(a, b, GEOSDifference_r, "difference");
}
MultiPolygon unite(const MultiPolygon& a, const MultiPolygon& b)
{
    if (a.empty())
        return b;
    return geosOp(a, b, GEOSUnion_r, "union");
}

// The land left by kept grids, without the slivers thinner than 10 cm that the kept grids'
// polygons (read back from GeoJSON, rounded to ~1 cm) leave along their borders: tiled into new
// grids, such slivers came out as rings that self-intersect once written (issue 18). A
// morphological opening (erode, then dilate with mitred corners, clipped to the land) keeps
// every part wider than that unchanged.
MultiPolygon withoutSlivers(const MultiPolygon& land)
{
    constexpr double kHalfWidth = 0.05; // metres
    geom::GeosContext ctx;
    auto g = geom::toGeos(ctx, land);
    auto buffer = [&](const GEOSGeometry* in, double d)
    {
        return geom::checked(ctx,
                             GEOSBufferWithStyle_r(ctx.handle(), in, d, 8, GEOSBUF_CAP_FLAT,
                                                   GEOSBUF_JOIN_MITRE, 10.0),
                             "buffer");
    };
    auto eroded = buffer(g.get(), -kHalfWidth);
    auto opened = buffer(eroded.get(), kHalfWidth);
    auto clipped =
        geom::checked(ctx, GEOSIntersection_r(ctx.handle(), opened.get(), g.get()), "intersection");
    return geom::toMultiPolygon(ctx, clipped.get());
}

bool sameArea(const MultiPolygon& now, const MultiPolygon& before)
{
    if (now.empty() || before.empty())
        return now.empty() == before.empty();
    const double tol = tolerance(now);
    if (std::abs(bg::area(now) - bg::area(before)) > tol)
        return false;
    return bg::area(difference(now, before)) + bg::area(difference(before, now)) <= tol;
}

// Same footprint (or point) and households as in the previous run.
bool sameBuilding(const Building& b, const PreviousBuilding& p)
{
    if (b.households != p.households)
        return false;
    if (b.footprint.empty() || p.footprint.empty())
    {
        if (!b.footprint.empty() || !p.footprint.empty() || !p.point)
            return false;
        return bg::distance(b.anchor, *p.point) <= 0.05;
    }
    Point a(0, 0), c(0, 0);
    bg::centroid(b.footprint, a);
    bg::centroid(p.footprint, c);
    return bg::distance(a, c) <= 0.05 && std::abs(bg::area(b.footprint) - bg::area(p.footprint)) <=
                                             0.02 * bg::perimeter(b.footprint) + 0.1;
}

// A bound change is a change: a community holding a previous residential grid outside the new
// bounds is partitioned afresh (its grids are candidates no more; codes still pass to successors).
// Keeping its other grids would leave a remainder shaped by the old bounds, which often cannot be
// split within the new ones (the bundled data at --max 450 after a 500 run: two grids over max
// where a fresh run fits all). Communities whose grids all fit keep them. Unknown previous bounds
// (a report without options) keep the old behaviour: every grid that fits is kept.
void remakeCommunitiesOutsideBounds(std::vector<std::vector<const PreviousGrid*>>& candidates,
                                    const PreviousRun& prev, const PartitionConfig& config)
{
    if (prev.min_households <= 0 && prev.max_households <= 0)
        return;
    for (auto& grids : candidates)
    {
        const bool outside = std::any_of(grids.begin(), grids.end(),
                                         [&](const PreviousGrid* g)
                                         {
                                             return g->kind != "dedicated" &&
                                                    (g->households < config.min_households ||
                                                     g->households > config.max_households);
                                         });
        if (outside)
            grids.clear();
    }
}

} // namespace

// The current plan matched to the previous run, while the constructor works.
struct Reconciler::Matching
{
    std::map<std::string, int> index_of;       // building id -> index
    std::vector<bool> building_same;           // per building: as in the previous run
    std::vector<std::vector<int>> members_now; // per community: its buildings
    std::vector<MultiPolygon> locked_land;     // per community
    std::set<std::string> locked_codes;
    std::vector<std::vector<const PreviousGrid*>> candidates; // per community: grids it may keep
};

Reconciler::Reconciler(Plan& plan, const PartitionConfig& config) : m_config(config)
{
    const bool has_previous = !config.previous_dir.empty();
    if (has_previous && config.buildings.id_field.empty())
        throw ConfigError("--previous needs --buildings-id-field: buildings are matched to the "
                          "previous run by their id (e.g. --buildings-id-field bld_id)");
    Matching m;
    auto& index_of = m.index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        if (!index_of.emplace(at(plan.buildings, i).id, i).second)
            throw InputError("buildings source '" + config.buildings.path + "': building id '" +
                             at(plan.buildings, i).id + "' (field " + config.buildings.id_field +
                             ") occurs more than once; --previous "
                             "matches buildings by id, so ids must be unique");
    if (has_previous)
        m_prev = loadPrevious(config.previous_dir, plan.working_crs_wkt);
    const bool same_bounds = has_previous && m_prev.min_households == config.min_households &&
                             m_prev.max_households == config.max_households;

    const std::size_t nc = plan.communities.size();
    m_unchanged.assign(nc, false);
    m_free_area.resize(nc);
    m_out_of_free.assign(plan.buildings.size(), false);

    matchCommunities(plan, m, same_bounds);
    m.locked_land.resize(nc);
    if (!config.lock_path.empty() || config.lock_edited)
        lockGrids(plan, m);
    collectCandidates(plan, m);
    if (has_previous && !same_bounds)
        remakeCommunitiesOutsideBounds(m.candidates, m_prev, config);
    for (std::size_t c = 0; c < nc; ++c)
        if (m_unchanged[c])
            keepUnchangedCommunity(plan, m, c);
        else
            keepInChangedCommunity(plan, m, c);
}

// Which communities are unchanged: same outline, same bounds, the same buildings (footprint,
// households) as in the previous run.
void Reconciler::matchCommunities(const Plan& plan, Matching& m, bool same_bounds)
{
    const std::size_t nc = plan.communities.size();
    // Buildings now vs before: unchanged ones keep their identity, the rest may join a kept grid.
    auto& building_same = m.building_same;
    building_same.assign(plan.buildings.size(), false);
    auto& members_now = m.members_now;
    members_now.assign(nc, {});
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = at(plan.buildings, i);
        auto it = m_prev.buildings.find(b.id);
        at(building_same, i) = it != m_prev.buildings.end() && sameBuilding(b, it->second);
        if (b.community >= 0)
            at(members_now, b.community).push_back(i);
    }
    std::map<std::string, std::vector<std::string>> members_before; // community id -> building ids
    for (const auto& [id, pb] : m_prev.buildings)
        if (!pb.community.empty())
            members_before[pb.community].push_back(id);

    for (std::size_t c = 0; c < nc; ++c)
    {
        const auto& comm = plan.communities[c];
        auto pc = m_prev.communities.find(comm.id);
        if (!same_bounds || pc == m_prev.communities.end() || !sameArea(comm.area, pc->second.area))
            continue;
        const auto& before = members_before[comm.id];
        bool same = before.size() == members_now[c].size();
        for (std::size_t k = 0; same && k < members_now[c].size(); ++k)
        {
            const auto& b = at(plan.buildings, members_now[c][k]);
            same = at(building_same, members_now[c][k]) &&
                   m_prev.buildings.at(b.id).community == comm.id;
        }
        m_unchanged[c] = same;
    }
}

// Locked grids first, exactly as given (--lock); their communities are re-done around them.
void Reconciler::lockGrids(Plan& plan, Matching& m)
{
    const bool has_previous = !m_config.previous_dir.empty();
    auto locks = m_config.lock_path.empty()
                     ? std::vector<LockedGrid>{}
                     : loadLocks(m_config.lock_path, plan, has_previous ? &m_prev : nullptr,
                                 m_config.assume_crs);
    if (m_config.lock_edited) // --lock-edited (reconcile/edited_locks)
        appendEditedLocks(locks, plan, m_prev);
    for (auto& lock : locks)
    {
        const auto c = static_cast<std::size_t>(lock.community);
        const int index = static_cast<int>(plan.grids.size());
        Grid grid;
        grid.code = lock.code;
        grid.community = lock.community;
        grid.area = lock.area;
        if (auto pg = m_prev.grids.find(lock.code); pg != m_prev.grids.end())
        {
            grid.metrics.cut_edges = pg->second.cut_edges;
            grid.metrics.barrier_crossings = pg->second.barrier_crossings;
        }
        plan.grids.push_back(std::move(grid));
        for (int b : lock.buildings)
        {
            at(m_out_of_free, b) = true;
            const auto& building = at(plan.buildings, b);
            if (building.use != BuildingUse::Residential)
                foldBuilding(plan, b, index, dedicate::floorArea(building, m_config.dedicated));
            else
                assignBuilding(plan, b, index);
        }
        m.locked_land[c] = unite(m.locked_land[c], lock.area);
        m_unchanged[c] = false;
        m.locked_codes.insert(lock.code);
        m_locked.insert(index);
        m_kept_code[index] = lock.code;
    }
}

// Each previous grid belongs to the community now holding most of its buildings.
void Reconciler::collectCandidates(const Plan& plan, Matching& m) const
{
    auto& candidates = m.candidates;
    candidates.assign(plan.communities.size(), {});
    for (const auto& [code, g] : m_prev.grids)
    {
        std::map<int, int> count;
        for (const auto& id : g.buildings)
        {
            auto it = m.index_of.find(id);
            if (it != m.index_of.end() && at(plan.buildings, it->second).community >= 0)
                ++count[at(plan.buildings, it->second).community];
        }
        int best = -1, most = 0;
        for (const auto& [c, n] : count)
            if (n > most)
                best = c, most = n;
        if (best >= 0 && !m.locked_codes.count(code))
            at(candidates, best).push_back(&g);
    }
}

// Appends a previous grid as kept, with `buildings` and `area` as they are now; same_land: its
// land did not change, so an unchanged member list keeps its figures verbatim.
void Reconciler::keepGrid(Plan& plan, const PreviousGrid& g, std::vector<int> buildings,
                          MultiPolygon area, int community, bool same_land)
{
    const int index = static_cast<int>(plan.grids.size());
    std::sort(buildings.begin(), buildings.end()); // folded floor area summed in building order
    std::vector<std::string> ids;
    for (int b : buildings)
        ids.push_back(at(plan.buildings, b).id);
    std::sort(ids.begin(), ids.end());
    const bool verbatim = same_land && ids == g.buildings;

    Grid grid;
    grid.code = g.code;
    grid.kind = g.kind == "dedicated" ? GridKind::Dedicated : GridKind::Residential;
    grid.dedicated_type = g.dedicated_type;
    grid.floor_area_m2 = g.floor_area_m2;
    grid.community = community;
    grid.area = std::move(area);
    grid.metrics.cut_edges = g.cut_edges;
    grid.metrics.barrier_crossings = g.barrier_crossings;
    if (verbatim)
    {
        grid.folded_buildings = g.folded_buildings;
        grid.folded_floor_area_m2 = g.folded_floor_area_m2;
        m_verbatim.insert(index);
    }
    plan.grids.push_back(std::move(grid));
    // A verbatim grid carries its previous folded totals; another kept residential grid counts
    // the non-residential buildings it holds now.
    const bool count_folded = !verbatim && at(plan.grids, index).kind == GridKind::Residential;
    for (int b : buildings)
    {
        at(m_out_of_free, b) = true;
        const auto& building = at(plan.buildings, b);
        if (count_folded && building.use != BuildingUse::Residential)
            foldBuilding(plan, b, index, dedicate::floorArea(building, m_config.dedicated));
        else
            assignBuilding(plan, b, index);
    }
    m_kept_code[index] = g.code;
}

// An unchanged community: everything as it was, including the buildings that were in no grid.
void Reconciler::keepUnchangedCommunity(Plan& plan, const Matching& m, std::size_t c)
{
    for (const PreviousGrid* g : m.candidates[c])
    {
        std::vector<int> buildings;
        for (const auto& id : g->buildings)
            buildings.push_back(m.index_of.at(id));
        keepGrid(plan, *g, std::move(buildings), g->area, static_cast<int>(c), true);
    }
    for (int b : m.members_now[c])
        at(m_out_of_free, b) = true;
}

// A changed community: every previous grid that still holds its buildings (new ones on its land
// join it) and its land, and still meets the bounds, is kept; the rest of the land is free.
void Reconciler::keepInChangedCommunity(Plan& plan, const Matching& m, std::size_t c)
{
    const auto& comm = plan.communities[c];
    auto pc = m_prev.communities.find(comm.id);
    const bool same_outline =
        pc != m_prev.communities.end() && sameArea(comm.area, pc->second.area);
    std::set<int> old_members; // buildings that were in some candidate grid of this community
    for (const PreviousGrid* g : m.candidates[c])
        for (const auto& id : g->buildings)
            if (auto it = m.index_of.find(id); it != m.index_of.end())
                old_members.insert(it->second);
    MultiPolygon kept_land = m.locked_land[c];
    for (const PreviousGrid* g : m.candidates[c])
    {
        std::vector<int> buildings;
        bool lost_building = false;
        for (const auto& id : g->buildings)
        {
            auto it = m.index_of.find(id);
            if (it == m.index_of.end())
                continue; // demolished: the grid shrinks
            if (at(plan.buildings, it->second).community != static_cast<int>(c) ||
                at(m_out_of_free, it->second))
                lost_building = true; // now in another community, or in a locked grid
            else
                buildings.push_back(it->second);
        }
        MultiPolygon area = g->area;
        if (!same_outline)
        {
            area = intersection(g->area, comm.area);
            if (bg::area(area) < 0.98 * bg::area(g->area))
                continue; // lost its land to another community
        }
        if (lost_building || buildings.empty())
            continue;
        if (!m.locked_land[c].empty() &&
            bg::area(intersection(area, m.locked_land[c])) > 0.02 * bg::area(area))
            continue; // a locked grid took part of its land
        if (g->kind == "dedicated")
        {
            if (buildings.size() != g->buildings.size())
                continue;
        }
        else
        {
            // New or changed buildings on its land join it.
            for (int b : m.members_now[c])
                if (!old_members.count(b) && !at(m_out_of_free, b) && !at(m.building_same, b) &&
                    bg::within(at(plan.buildings, b).anchor, area))
                    buildings.push_back(b);
            int households = 0;
            for (int b : buildings)
                households += at(plan.buildings, b).households;
            if (households < m_config.min_households || households > m_config.max_households)
                continue;
        }
        kept_land = unite(kept_land, area);
        keepGrid(plan, *g, std::move(buildings), std::move(area), static_cast<int>(c),
                 same_outline);
    }
    m_free_area[c] =
        kept_land.empty() ? comm.area : withoutSlivers(difference(comm.area, kept_land));
    // Unchanged buildings that were in no grid and sit on kept land stay out of every grid.
    if (!kept_land.empty())
        for (int b : m.members_now[c])
            if (!at(m_out_of_free, b) && bg::within(at(plan.buildings, b).anchor, kept_land))
                at(m_out_of_free, b) = true;
}

Plan Reconciler::freePlan(const Plan& plan) const
{
    Plan free = plan;
    free.grids.clear();
    for (std::size_t i = 0; i < free.buildings.size(); ++i)
    {
        free.buildings[i].grid = -1;
        if (m_out_of_free[i])
            free.buildings[i].community = -1;
    }
    for (std::size_t c = 0; c < free.communities.size(); ++c)
        if (!m_unchanged[c])
            free.communities[c].area = m_free_area[c];
    return free;
}

} // namespace gp::reconcile
