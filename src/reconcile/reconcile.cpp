#include "reconcile/reconcile.hpp"

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
double tolerance(const MultiPolygon& mp) { return 1.0 + 0.02 * bg::perimeter(mp); }

MultiPolygon geosOp(const MultiPolygon& a, const MultiPolygon& b,
                    GEOSGeometry* (*op)(GEOSContextHandle_t, const GEOSGeometry*, const GEOSGeometry*),
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
    return bg::distance(a, c) <= 0.05 &&
           std::abs(bg::area(b.footprint) - bg::area(p.footprint)) <= 0.02 * bg::perimeter(b.footprint) + 0.1;
}

partition::ViolationCause causeFrom(const std::string& text)
{
    partition::ViolationCause cause = partition::ViolationCause::NotFound;
    partition::causeFromString(text, cause);
    return cause;
}

// "S-01-02-007" -> 7 for prefix "S-01-02-"; -1 when the code is not of that form.
int sequenceAfter(const std::string& code, const std::string& prefix)
{
    if (code.size() <= prefix.size() || code.compare(0, prefix.size(), prefix) != 0)
        return -1;
    const std::string rest = code.substr(prefix.size());
    if (!std::all_of(rest.begin(), rest.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return -1;
    return std::stoi(rest);
}

std::string numbered(const std::string& prefix, int n, int width)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, n);
    return prefix + buf;
}

} // namespace

Reconciler::Reconciler(Plan& plan, const PartitionConfig& config) : m_config(config)
{
    const bool has_previous = !config.previous_dir.empty();
    if (has_previous && config.buildings.id_field.empty())
        throw ConfigError("--previous needs --buildings-id-field: buildings are matched to the "
                          "previous run by their id (e.g. --buildings-id-field bld_id)");
    std::map<std::string, int> index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        if (!index_of.emplace(plan.buildings[static_cast<std::size_t>(i)].id, i).second)
            throw InputError("buildings source '" + config.buildings.path + "': building id '" +
                             plan.buildings[static_cast<std::size_t>(i)].id + "' (field " +
                             config.buildings.id_field + ") occurs more than once; --previous "
                             "matches buildings by id, so ids must be unique");
    if (has_previous)
        m_prev = loadPrevious(config.previous_dir, plan.working_crs_wkt);
    const bool same_bounds = has_previous && m_prev.min_households == config.min_households &&
                             m_prev.max_households == config.max_households;

    const std::size_t nc = plan.communities.size();
    m_unchanged.assign(nc, false);
    m_free_area.resize(nc);
    m_out_of_free.assign(plan.buildings.size(), false);

    // Buildings now vs before: unchanged ones keep their identity, the rest may join a kept grid.
    std::vector<bool> building_same(plan.buildings.size(), false);
    std::vector<std::vector<int>> members_now(nc);
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
    {
        const auto& b = plan.buildings[static_cast<std::size_t>(i)];
        auto it = m_prev.buildings.find(b.id);
        building_same[static_cast<std::size_t>(i)] = it != m_prev.buildings.end() && sameBuilding(b, it->second);
        if (b.community >= 0)
            members_now[static_cast<std::size_t>(b.community)].push_back(i);
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
            const auto& b = plan.buildings[static_cast<std::size_t>(members_now[c][k])];
            same = building_same[static_cast<std::size_t>(members_now[c][k])] &&
                   m_prev.buildings.at(b.id).community == comm.id;
        }
        m_unchanged[c] = same;
    }

    // Locked grids first, exactly as given; their communities are re-done around them.
    std::vector<MultiPolygon> locked_land(nc);
    std::set<std::string> locked_codes;
    if (!config.lock_path.empty())
        for (auto& lock : loadLocks(config.lock_path, plan, has_previous ? &m_prev : nullptr, config.assume_crs))
        {
            const auto c = static_cast<std::size_t>(lock.community);
            Grid grid;
            grid.code = lock.code;
            grid.community = lock.community;
            grid.buildings = lock.buildings;
            grid.area = lock.area;
            for (int b : grid.buildings)
            {
                auto& building = plan.buildings[static_cast<std::size_t>(b)];
                building.grid = static_cast<int>(plan.grids.size());
                grid.households += building.households;
                m_out_of_free[static_cast<std::size_t>(b)] = true;
                if (building.use != BuildingUse::Residential)
                {
                    ++grid.folded_buildings;
                    grid.folded_floor_area_m2 += dedicate::floorArea(building, config.dedicated);
                }
            }
            if (auto pg = m_prev.grids.find(lock.code); pg != m_prev.grids.end())
            {
                grid.metrics.cut_edges = pg->second.cut_edges;
                grid.metrics.barrier_crossings = pg->second.barrier_crossings;
            }
            locked_land[c] = unite(locked_land[c], lock.area);
            m_unchanged[c] = false;
            locked_codes.insert(lock.code);
            m_locked.insert(static_cast<int>(plan.grids.size()));
            m_kept_code[static_cast<int>(plan.grids.size())] = lock.code;
            plan.grids.push_back(std::move(grid));
        }

    // Each previous grid belongs to the community now holding most of its buildings.
    std::vector<std::vector<const PreviousGrid*>> candidates(nc);
    for (const auto& [code, g] : m_prev.grids)
    {
        std::map<int, int> count;
        for (const auto& id : g.buildings)
        {
            auto it = index_of.find(id);
            if (it != index_of.end() && plan.buildings[static_cast<std::size_t>(it->second)].community >= 0)
                ++count[plan.buildings[static_cast<std::size_t>(it->second)].community];
        }
        int best = -1, most = 0;
        for (const auto& [c, n] : count)
            if (n > most)
                best = c, most = n;
        if (best >= 0 && !locked_codes.count(code))
            candidates[static_cast<std::size_t>(best)].push_back(&g);
    }

    auto keep = [&](const PreviousGrid& g, std::vector<int> buildings, MultiPolygon area, int community,
                    bool same_land) {
        Grid grid;
        grid.code = g.code;
        grid.kind = g.kind == "dedicated" ? GridKind::Dedicated : GridKind::Residential;
        grid.dedicated_type = g.dedicated_type;
        grid.floor_area_m2 = g.floor_area_m2;
        grid.community = community;
        std::sort(buildings.begin(), buildings.end());
        grid.buildings = std::move(buildings);
        grid.area = std::move(area);
        grid.metrics.cut_edges = g.cut_edges;
        grid.metrics.barrier_crossings = g.barrier_crossings;
        std::vector<std::string> ids;
        for (int b : grid.buildings)
            ids.push_back(plan.buildings[static_cast<std::size_t>(b)].id);
        std::sort(ids.begin(), ids.end());
        const bool verbatim = same_land && ids == g.buildings;
        for (int b : grid.buildings)
        {
            auto& building = plan.buildings[static_cast<std::size_t>(b)];
            building.grid = static_cast<int>(plan.grids.size());
            grid.households += building.households;
            m_out_of_free[static_cast<std::size_t>(b)] = true;
            if (!verbatim && grid.kind == GridKind::Residential && building.use != BuildingUse::Residential)
            {
                ++grid.folded_buildings;
                grid.folded_floor_area_m2 += dedicate::floorArea(building, config.dedicated);
            }
        }
        if (verbatim)
        {
            grid.folded_buildings = g.folded_buildings;
            grid.folded_floor_area_m2 = g.folded_floor_area_m2;
            m_verbatim.insert(static_cast<int>(plan.grids.size()));
        }
        m_kept_code[static_cast<int>(plan.grids.size())] = g.code;
        plan.grids.push_back(std::move(grid));
    };

    for (std::size_t c = 0; c < nc; ++c)
    {
        const auto& comm = plan.communities[c];
        if (m_unchanged[c])
        {
            // Everything as it was, including the buildings that were in no grid.
            for (const PreviousGrid* g : candidates[c])
            {
                std::vector<int> buildings;
                for (const auto& id : g->buildings)
                    buildings.push_back(index_of.at(id));
                keep(*g, std::move(buildings), g->area, static_cast<int>(c), true);
            }
            for (int b : members_now[c])
                m_out_of_free[static_cast<std::size_t>(b)] = true;
            continue;
        }
        auto pc = m_prev.communities.find(comm.id);
        const bool same_outline = pc != m_prev.communities.end() && sameArea(comm.area, pc->second.area);
        std::set<int> old_members; // buildings that were in some candidate grid of this community
        for (const PreviousGrid* g : candidates[c])
            for (const auto& id : g->buildings)
                if (auto it = index_of.find(id); it != index_of.end())
                    old_members.insert(it->second);
        MultiPolygon kept_land = locked_land[c];
        for (const PreviousGrid* g : candidates[c])
        {
            std::vector<int> buildings;
            bool lost_building = false;
            for (const auto& id : g->buildings)
            {
                auto it = index_of.find(id);
                if (it == index_of.end())
                    continue; // demolished: the grid shrinks
                if (plan.buildings[static_cast<std::size_t>(it->second)].community != static_cast<int>(c) ||
                    m_out_of_free[static_cast<std::size_t>(it->second)])
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
            if (!locked_land[c].empty() && bg::area(intersection(area, locked_land[c])) > 0.02 * bg::area(area))
                continue; // a locked grid took part of its land
            if (g->kind == "dedicated")
            {
                if (buildings.size() != g->buildings.size())
                    continue;
            }
            else
            {
                // New or changed buildings on its land join it.
                for (int b : members_now[c])
                    if (!old_members.count(b) && !m_out_of_free[static_cast<std::size_t>(b)] && !building_same[static_cast<std::size_t>(b)] &&
                        bg::within(plan.buildings[static_cast<std::size_t>(b)].anchor, area))
                        buildings.push_back(b);
                int households = 0;
                for (int b : buildings)
                    households += plan.buildings[static_cast<std::size_t>(b)].households;
                if (households < config.min_households || households > config.max_households)
                    continue;
            }
            kept_land = unite(kept_land, area);
            keep(*g, std::move(buildings), std::move(area), static_cast<int>(c), same_outline);
        }
        m_free_area[c] = kept_land.empty() ? comm.area : difference(comm.area, kept_land);
        // Unchanged buildings that were in no grid and sit on kept land stay out of every grid.
        if (!kept_land.empty())
            for (int b : members_now[c])
                if (!m_out_of_free[static_cast<std::size_t>(b)] && bg::within(plan.buildings[static_cast<std::size_t>(b)].anchor, kept_land))
                    m_out_of_free[static_cast<std::size_t>(b)] = true;
    }
    m_kept_count = static_cast<int>(plan.grids.size());
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

void Reconciler::absorb(Plan& plan, Plan&& free, std::vector<audit::GridViolation>& violations,
                        std::vector<std::string>& tile_notes) const
{
    // free.issues starts with a copy of plan.issues (nothing is added to plan in between).
    const std::size_t copied = plan.issues.size();
    const int offset = static_cast<int>(plan.grids.size());
    for (auto& g : free.grids)
    {
        for (int b : g.buildings)
            plan.buildings[static_cast<std::size_t>(b)].grid = static_cast<int>(plan.grids.size());
        plan.grids.push_back(std::move(g));
    }
    for (auto& v : violations)
        v.grid += offset;
    // Kept grids outside the bounds (unchanged communities only) keep their previous cause.
    for (int g = 0; g < m_kept_count; ++g)
    {
        const auto& code = m_kept_code.at(g);
        for (const auto& issue : m_prev.issues)
            if (issue.grid == code && (issue.reason == "grid_under_min" || issue.reason == "grid_over_max"))
                violations.push_back({g, causeFrom(issue.cause), {}, {}, {}});
    }

    // Issues the free plan added (dedicate), after the previous ones of unchanged communities.
    std::set<std::string> unchanged_ids;
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
        if (m_unchanged[c])
            unchanged_ids.insert(plan.communities[c].id);
    std::map<std::string, int> index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        index_of.emplace(plan.buildings[static_cast<std::size_t>(i)].id, i);
    for (const auto& p : m_prev.issues)
        if (p.reason == "dedicated_candidate_unfolded" && unchanged_ids.count(p.community))
        {
            Issue issue;
            issue.reason = p.reason;
            issue.cause = p.cause;
            issue.detail = p.detail;
            issue.community = p.community;
            issue.households = p.households;
            issue.buildings = p.buildings;
            if (p.buildings.size() == 1 && index_of.count(p.buildings[0]))
            {
                const auto& b = plan.buildings[static_cast<std::size_t>(index_of.at(p.buildings[0]))];
                if (!b.footprint.empty())
                    issue.area = b.footprint;
            }
            plan.issues.push_back(std::move(issue));
        }
    for (std::size_t i = copied; i < free.issues.size(); ++i)
        plan.issues.push_back(std::move(free.issues[i]));

    std::vector<std::string> notes;
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        const std::string prefix = plan.communities[c].id + ": ";
        if (m_unchanged[c])
        {
            for (const auto& p : m_prev.issues)
                if (p.reason == "tiling_note" && p.detail.compare(0, prefix.size(), prefix) == 0)
                    notes.push_back(p.detail);
            continue;
        }
        for (const auto& n : tile_notes)
            if (n.compare(0, prefix.size(), prefix) == 0)
                notes.push_back(n);
    }
    tile_notes = std::move(notes);
}

void Reconciler::finishCodes(Plan& plan) const
{
    // Every code ever issued or retired in this lineage; none is given to a different grid.
    std::set<std::string> taken = m_prev.retired;
    for (const auto& [code, g] : m_prev.grids)
        taken.insert(code);
    for (const auto& [id, c] : m_prev.communities)
        taken.insert(c.code);

    // Communities: the previous code by id; a new community gets the next free number.
    std::set<std::string> community_codes;
    for (auto& comm : plan.communities)
    {
        auto it = m_prev.communities.find(comm.id);
        if (it != m_prev.communities.end() && !it->second.code.empty())
            comm.code = it->second.code;
        community_codes.insert(comm.code);
    }
    // A new community keeps its fresh code unless a community of the previous run holds (or
    // held) it; then it takes the next number after every code known.
    std::set<std::string> known_communities;
    for (const auto& comm : plan.communities)
        if (m_prev.communities.count(comm.id))
            known_communities.insert(comm.code);
    for (auto& comm : plan.communities)
    {
        // National code schemes: a community's code is its official one, never renumbered.
        if (m_prev.communities.count(comm.id) || m_config.codes.scheme != "gridplan")
            continue;
        if (!taken.count(comm.code) && !known_communities.count(comm.code))
        {
            known_communities.insert(comm.code);
            taken.insert(comm.code);
            continue;
        }
        const auto dash = comm.code.rfind('-');
        const std::string prefix = comm.code.substr(0, dash + 1);
        int next = 0;
        for (const auto& code : taken)
            next = std::max(next, sequenceAfter(code, prefix));
        for (const auto& c : plan.communities)
            next = std::max(next, sequenceAfter(c.code, prefix));
        comm.code = numbered(prefix, next + 1, 2);
        community_codes.insert(comm.code);
        known_communities.insert(comm.code);
        taken.insert(comm.code);
    }
    community_codes.clear();
    for (const auto& comm : plan.communities)
        community_codes.insert(comm.code);

    // Previous grid of each building, and households per (new grid, previous grid).
    std::map<std::string, std::string> old_code_of;
    for (const auto& [id, pb] : m_prev.buildings)
        if (!pb.code.empty())
            old_code_of[id] = pb.code;
    std::set<std::string> kept_codes;
    for (const auto& [g, code] : m_kept_code)
    {
        kept_codes.insert(code);
        taken.insert(code); // locked codes may be new
    }

    // New grids in reading order (their fresh codes from organize::assignCodes).
    std::vector<int> fresh;
    for (int g = m_kept_count; g < static_cast<int>(plan.grids.size()); ++g)
        fresh.push_back(g);
    std::sort(fresh.begin(), fresh.end(), [&](int a, int b) {
        return plan.grids[static_cast<std::size_t>(a)].code < plan.grids[static_cast<std::size_t>(b)].code;
    });
    struct Share
    {
        int households;
        std::string old_code;
        int rank; // position of the new grid in reading order
    };
    std::vector<Share> shares;
    for (std::size_t r = 0; r < fresh.size(); ++r)
    {
        const auto& grid = plan.grids[static_cast<std::size_t>(fresh[r])];
        std::map<std::string, int> shared;
        for (int b : grid.buildings)
            if (auto it = old_code_of.find(plan.buildings[static_cast<std::size_t>(b)].id); it != old_code_of.end())
                shared[it->second] += plan.buildings[static_cast<std::size_t>(b)].households;
        const std::string prefix =
            organize::gridCodePrefix(m_config.codes, plan.communities[static_cast<std::size_t>(grid.community)].code, false);
        for (const auto& [code, hh] : shared)
        {
            auto pg = m_prev.grids.find(code);
            // A successor stays in the community its code names, and of the same kind.
            if (hh > 0 && !kept_codes.count(code) && pg != m_prev.grids.end() &&
                code.compare(0, prefix.size(), prefix) == 0 &&
                (pg->second.kind == "dedicated") == (grid.kind == GridKind::Dedicated))
                shares.push_back({hh, code, static_cast<int>(r)});
        }
    }
    std::sort(shares.begin(), shares.end(), [](const Share& a, const Share& b) {
        if (a.households != b.households)
            return a.households > b.households;
        if (a.old_code != b.old_code)
            return a.old_code < b.old_code;
        return a.rank < b.rank;
    });
    std::vector<std::string> code_of(fresh.size());
    std::set<std::string> inherited;
    for (const auto& s : shares)
        if (code_of[static_cast<std::size_t>(s.rank)].empty() && !inherited.count(s.old_code))
        {
            code_of[static_cast<std::size_t>(s.rank)] = s.old_code;
            inherited.insert(s.old_code);
        }
    for (std::size_t r = 0; r < fresh.size(); ++r)
    {
        auto& grid = plan.grids[static_cast<std::size_t>(fresh[r])];
        if (code_of[r].empty())
        {
            const bool dedicated = grid.kind == GridKind::Dedicated;
            const std::string prefix = organize::gridCodePrefix(
                m_config.codes, plan.communities[static_cast<std::size_t>(grid.community)].code, dedicated);
            int next = 0;
            for (const auto& code : taken)
                next = std::max(next, sequenceAfter(code, prefix));
            const int width = organize::gridSequenceWidth(m_config.codes, dedicated);
            if (next + 1 >= (width == 2 ? 100 : 1000) && m_config.codes.scheme != "gridplan")
                throw InputError("community " + plan.communities[static_cast<std::size_t>(grid.community)].id +
                                 ": no " + std::to_string(width) + "-digit grid number left under --code-scheme " +
                                 m_config.codes.scheme + " (numbers are never reused across re-runs)");
            code_of[r] = numbered(prefix, next + 1, width);
        }
        taken.insert(code_of[r]);
    }
    for (std::size_t r = 0; r < fresh.size(); ++r)
        plan.grids[static_cast<std::size_t>(fresh[r])].code = code_of[r];
    for (const auto& [g, code] : m_kept_code)
        plan.grids[static_cast<std::size_t>(g)].code = code;

    // What changed.
    ChangeReport report;
    report.previous_dir = m_prev.dir;
    for (bool u : m_unchanged)
        (u ? report.communities_unchanged : report.communities_changed) += 1;
    std::map<std::string, int> grid_by_code;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grid_by_code[plan.grids[static_cast<std::size_t>(g)].code] = g;
    std::map<std::string, const Building*> now;
    for (const auto& b : plan.buildings)
        now[b.id] = &b;
    auto codeNow = [&](const Building& b) {
        return b.grid >= 0 ? plan.grids[static_cast<std::size_t>(b.grid)].code : std::string();
    };
    // Where each previous grid's buildings are now.
    auto fate = [&](const PreviousGrid& pg, std::vector<std::string>& to, int& moved) {
        std::set<std::string> codes;
        moved = 0;
        for (const auto& id : pg.buildings)
        {
            auto it = now.find(id);
            if (it == now.end())
                continue;
            const std::string c = codeNow(*it->second);
            if (!c.empty())
                codes.insert(c);
            if (c != pg.code)
                moved += it->second->households;
        }
        to.assign(codes.begin(), codes.end());
    };
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = plan.grids[static_cast<std::size_t>(g)];
        GridChange row;
        row.new_code = grid.code;
        row.community = plan.communities[static_cast<std::size_t>(grid.community)].id;
        row.households_new = grid.households;
        row.area = grid.area;
        std::set<std::string> from;
        for (int b : grid.buildings)
            if (auto it = old_code_of.find(plan.buildings[static_cast<std::size_t>(b)].id); it != old_code_of.end())
                from.insert(it->second);
        row.old_codes.assign(from.begin(), from.end());
        auto pg = m_prev.grids.find(grid.code);
        if (pg != m_prev.grids.end())
        {
            row.old_code = grid.code;
            row.households_old = pg->second.households;
            fate(pg->second, row.new_codes, row.moved_households);
        }
        if (m_locked.count(g))
            row.status = "locked";
        else if (g < m_kept_count)
            row.status = m_verbatim.count(g) ? "kept" : "resized";
        else if (row.old_code.empty())
            row.status = "new";
        else if (from.size() >= 2)
            row.status = "merged";
        else if (row.new_codes.size() >= 2)
            row.status = "split";
        else
            row.status = "resized";
        report.grids.push_back(std::move(row));
    }
    std::set<std::string> retired = m_prev.retired;
    for (const auto& [code, pg] : m_prev.grids)
    {
        if (grid_by_code.count(code))
            continue;
        GridChange row;
        row.status = "retired";
        row.old_code = code;
        row.community = pg.community;
        row.households_old = pg.households;
        row.area = pg.area;
        fate(pg, row.new_codes, row.moved_households);
        report.grids.push_back(std::move(row));
        retired.insert(code);
    }
    for (const auto& [id, c] : m_prev.communities)
        if (!community_codes.count(c.code))
            retired.insert(c.code);
    report.retired_codes.assign(retired.begin(), retired.end());
    std::sort(report.grids.begin(), report.grids.end(), [](const GridChange& a, const GridChange& b) {
        const auto& ka = a.new_code.empty() ? a.old_code : a.new_code;
        const auto& kb = b.new_code.empty() ? b.old_code : b.new_code;
        return ka != kb ? ka < kb : a.status < b.status;
    });
    for (const auto& row : report.grids)
        if (row.status == "kept")
            ++report.grids_kept;
        else if (row.status != "locked")
            ++report.grids_changed;
    for (int g : m_locked)
        report.locked_codes.push_back(plan.grids[static_cast<std::size_t>(g)].code);
    std::sort(report.locked_codes.begin(), report.locked_codes.end());

    for (const auto& [id, b] : now)
    {
        auto pb = m_prev.buildings.find(id);
        BuildingChange row;
        row.building_id = id;
        row.new_code = codeNow(*b);
        row.community = b->community >= 0 ? plan.communities[static_cast<std::size_t>(b->community)].id : "";
        row.households = b->households;
        if (pb == m_prev.buildings.end())
        {
            row.status = "new";
            report.households_new += b->households;
        }
        else
        {
            row.old_code = pb->second.code;
            if (row.old_code == row.new_code)
                continue;
            row.status = "moved";
            report.households_moved += b->households;
        }
        if (!b->footprint.empty())
            row.area = b->footprint;
        else
            row.point = b->anchor;
        report.buildings.push_back(std::move(row));
    }
    for (const auto& [id, pb] : m_prev.buildings)
        if (!now.count(id))
        {
            BuildingChange row;
            row.building_id = id;
            row.old_code = pb.code;
            row.status = "removed";
            row.community = pb.community;
            row.households = pb.households;
            if (!pb.footprint.empty())
                row.area = pb.footprint;
            else if (pb.point)
                row.point = pb.point;
            report.households_removed += pb.households;
            report.buildings.push_back(std::move(row));
        }
    std::sort(report.buildings.begin(), report.buildings.end(),
              [](const BuildingChange& a, const BuildingChange& b) { return a.building_id < b.building_id; });
    plan.changes = std::move(report);
}

void Reconciler::restoreIssues(Plan& plan) const
{
    // Kept grids keep the figures written before: their polygons came back through GeoJSON
    // rounding, which moves area and compactness in the last written digit.
    for (int g : m_verbatim)
    {
        auto& grid = plan.grids[static_cast<std::size_t>(g)];
        const auto& pg = m_prev.grids.at(grid.code);
        grid.metrics.area_m2 = pg.area_m2;
        grid.metrics.polsby_popper = pg.polsby_popper;
    }
    std::map<std::pair<std::string, std::string>, int> previous_rank; // (reason, grid) -> position
    for (int i = 0; i < static_cast<int>(m_prev.issues.size()); ++i)
        previous_rank.emplace(std::make_pair(m_prev.issues[static_cast<std::size_t>(i)].reason,
                                             m_prev.issues[static_cast<std::size_t>(i)].grid), i);
    std::set<std::string> verbatim_codes;
    for (int g : m_verbatim)
        verbatim_codes.insert(plan.grids[static_cast<std::size_t>(g)].code);
    auto isBoundIssue = [](const Issue& i) { return i.reason == "grid_under_min" || i.reason == "grid_over_max"; };
    for (auto& issue : plan.issues)
    {
        if (!isBoundIssue(issue) || !verbatim_codes.count(issue.grid))
            continue;
        auto it = previous_rank.find({issue.reason, issue.grid});
        if (it != previous_rank.end())
            issue.detail = m_prev.issues[static_cast<std::size_t>(it->second)].detail;
    }
    // A locked grid outside the bounds is the planner's choice: reported, not a violation.
    std::set<std::string> locked_codes;
    for (int g : m_locked)
        locked_codes.insert(plan.grids[static_cast<std::size_t>(g)].code);
    for (auto& issue : plan.issues)
        if (isBoundIssue(issue) && locked_codes.count(issue.grid))
        {
            const bool under = issue.reason == "grid_under_min";
            issue.reason = "locked_grid_out_of_bounds";
            issue.cause = under ? "under_min" : "over_max";
            issue.detail = "locked grid " + issue.grid + " holds " + std::to_string(issue.households) +
                           " households, " + (under ? "below the minimum " + std::to_string(m_config.min_households)
                                                    : "above the maximum " + std::to_string(m_config.max_households)) +
                           "; kept as the planner fixed it (--lock)";
            issue.detail_zh = "锁定网格 " + issue.grid + " 有 " + std::to_string(issue.households) + " 户，" +
                              (under ? "低于下限 " + std::to_string(m_config.min_households)
                                     : "高于上限 " + std::to_string(m_config.max_households)) +
                              "；按规划人员锁定保留（--lock）";
        }
    // Grid issues in the order of the previous run; new ones after, in their own order.
    for (auto block : {std::function<bool(const Issue&)>(isBoundIssue),
                       std::function<bool(const Issue&)>([](const Issue& i) { return i.reason == "grid_crosses_barrier"; })})
    {
        std::vector<std::size_t> slots;
        for (std::size_t i = 0; i < plan.issues.size(); ++i)
            if (block(plan.issues[i]))
                slots.push_back(i);
        std::vector<Issue> items;
        for (auto i : slots)
            items.push_back(std::move(plan.issues[i]));
        auto rank = [&](const Issue& i) {
            auto it = previous_rank.find({i.reason, i.grid});
            return it != previous_rank.end() ? it->second : INT_MAX;
        };
        std::stable_sort(items.begin(), items.end(), [&](const Issue& a, const Issue& b) { return rank(a) < rank(b); });
        for (std::size_t k = 0; k < slots.size(); ++k)
            plan.issues[slots[k]] = std::move(items[k]);
    }
}

} // namespace gp::reconcile
