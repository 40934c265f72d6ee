// Stable codes and the change report of a re-run (see reconcile.hpp): on organize's code plan,
// before any code is written, kept and locked grids take their codes back, successors inherit old
// codes and other new grids take the next free number; once written, every grid and building
// that changed gets a row in Plan::changes.
#include "reconcile/reconcile.hpp"

#include "core/error.hpp"
#include "core/index.hpp"
#include "organize/codes.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace gp::reconcile
{

namespace
{

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

// The buildings of the plan by id, with the grid code each is in now.
struct Reconciler::BuildingsNow
{
    explicit BuildingsNow(const Plan& p) : plan(p)
    {
        for (const auto& b : plan.buildings)
            by_id[b.id] = &b;
    }
    std::string codeOf(const Building& b) const
    {
        return b.grid >= 0 ? at(plan.grids, b.grid).code : std::string();
    }
    // Where a previous grid's buildings are now: the codes holding them, and the households that
    // are not in a grid of the same code.
    void fate(const PreviousGrid& pg, std::vector<std::string>& to, int& moved) const
    {
        std::set<std::string> codes;
        moved = 0;
        for (const auto& id : pg.buildings)
        {
            auto it = by_id.find(id);
            if (it == by_id.end())
                continue;
            const std::string c = codeOf(*it->second);
            if (!c.empty())
                codes.insert(c);
            if (c != pg.code)
                moved += it->second->households;
        }
        to.assign(codes.begin(), codes.end());
    }

    const Plan& plan;
    std::map<std::string, const Building*> by_id;
};

namespace
{

// Every code ever issued or retired in this lineage; none is given to a different grid.
std::set<std::string> takenCodes(const PreviousRun& prev)
{
    std::set<std::string> taken = prev.retired;
    for (const auto& [code, g] : prev.grids)
        taken.insert(code);
    for (const auto& [id, c] : prev.communities)
        taken.insert(c.code);
    return taken;
}

// Previous grid code of each building id (buildings that were in a grid).
std::map<std::string, std::string> previousCodes(const PreviousRun& prev)
{
    std::map<std::string, std::string> old_code_of;
    for (const auto& [id, pb] : prev.buildings)
        if (!pb.code.empty())
            old_code_of[id] = pb.code;
    return old_code_of;
}

// Communities: the previous code by id. A new community keeps its fresh code unless a community
// of the previous run holds (or held) it; then it takes the next number after every code known.
// National code schemes: a community's code is its official one, never renumbered.
void reserveCommunityCodes(const Plan& plan, const PreviousRun& prev, const CodeScheme& scheme,
                           std::vector<std::string>& code, std::set<std::string>& taken)
{
    std::set<std::string> known_communities;
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        auto it = prev.communities.find(at(plan.communities, c).id);
        if (it == prev.communities.end())
            continue;
        if (!it->second.code.empty())
            at(code, c) = it->second.code;
        known_communities.insert(at(code, c));
    }
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        if (prev.communities.count(at(plan.communities, c).id) || scheme.scheme != "gridplan")
            continue;
        std::string& mine = at(code, c);
        if (taken.count(mine) || known_communities.count(mine))
        {
            const std::string prefix = mine.substr(0, mine.rfind('-') + 1);
            int next = 0;
            for (const auto& t : taken)
                next = std::max(next, sequenceAfter(t, prefix));
            for (const auto& other : code) // fresh codes of the communities still to come too
                next = std::max(next, sequenceAfter(other, prefix));
            mine = numbered(prefix, next + 1, 2);
        }
        known_communities.insert(mine);
        taken.insert(mine);
    }
}

// The code each new grid (`fresh`, in reading order) inherits: the old grid it shares most
// households with, when that grid is not kept, lies in the community its code names and is of the
// same kind; each old code has one successor at most. Empty: no successor.
std::vector<std::string> inheritedCodes(const Plan& plan, const std::vector<int>& fresh,
                                        const std::vector<std::string>& community_code,
                                        const std::map<std::string, std::string>& old_code_of,
                                        const std::set<std::string>& kept_codes,
                                        const std::map<std::string, PreviousGrid>& previous,
                                        const CodeScheme& scheme)
{
    struct Share
    {
        int households;
        std::string old_code;
        int rank; // position of the new grid in reading order
    };
    std::vector<Share> shares;
    for (std::size_t r = 0; r < fresh.size(); ++r)
    {
        const auto& grid = at(plan.grids, fresh[r]);
        std::map<std::string, int> shared;
        for (int b : grid.buildings)
            if (auto it = old_code_of.find(at(plan.buildings, b).id); it != old_code_of.end())
                shared[it->second] += at(plan.buildings, b).households;
        const std::string prefix =
            organize::gridCodePrefix(scheme, at(community_code, grid.community), false);
        for (const auto& [code, hh] : shared)
        {
            auto pg = previous.find(code);
            if (hh > 0 && !kept_codes.count(code) && pg != previous.end() &&
                code.compare(0, prefix.size(), prefix) == 0 &&
                (pg->second.kind == "dedicated") == (grid.kind == GridKind::Dedicated))
                shares.push_back({hh, code, static_cast<int>(r)});
        }
    }
    std::sort(shares.begin(), shares.end(),
              [](const Share& a, const Share& b)
              {
                  if (a.households != b.households)
                      return a.households > b.households;
                  if (a.old_code != b.old_code)
                      return a.old_code < b.old_code;
                  return a.rank < b.rank;
              });
    std::vector<std::string> code_of(fresh.size());
    std::set<std::string> inherited;
    for (const auto& s : shares)
        if (at(code_of, s.rank).empty() && !inherited.count(s.old_code))
        {
            at(code_of, s.rank) = s.old_code;
            inherited.insert(s.old_code);
        }
    return code_of;
}

// The next number of the grid's community after every code in `taken` (never reused). A national
// scheme's fixed width can run out: InputError naming the community.
std::string nextFreeCode(const Plan& plan, const Grid& grid, const std::string& community_code,
                         const std::set<std::string>& taken, const CodeScheme& scheme)
{
    const bool dedicated = grid.kind == GridKind::Dedicated;
    const std::string prefix = organize::gridCodePrefix(scheme, community_code, dedicated);
    int next = 0;
    for (const auto& code : taken)
        next = std::max(next, sequenceAfter(code, prefix));
    const int width = organize::gridSequenceWidth(scheme, dedicated);
    if (next + 1 >= (width == 2 ? 100 : 1000) && scheme.scheme != "gridplan")
        throw InputError("community " + at(plan.communities, grid.community).id + ": no " +
                         std::to_string(width) + "-digit grid number left under --code-scheme " +
                         scheme.scheme + " (numbers are never reused across re-runs)");
    return numbered(prefix, next + 1, width);
}

// Kept and locked grids take their codes back; a new grid inherits the code of the old grid it
// shares most households with (one successor per old code), else takes the next free number.
void reserveGridCodes(const Plan& plan, const PreviousRun& prev,
                      const std::map<int, std::string>& kept_code, const CodeScheme& scheme,
                      organize::CodePlan& codes, std::set<std::string>& taken)
{
    std::set<std::string> kept_codes;
    for (const auto& [g, code] : kept_code)
    {
        kept_codes.insert(code);
        taken.insert(code); // locked codes may be new
    }
    // New grids ranked by their fresh codes: communities in fresh-code order, then reading order
    // (residential before dedicated) - the order ties between equal shares are broken in.
    std::vector<int> fresh;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        if (!kept_code.count(g))
            fresh.push_back(g);
    std::sort(fresh.begin(), fresh.end(),
              [&](int a, int b) { return at(codes.grid_codes, a) < at(codes.grid_codes, b); });
    std::vector<std::string> code_of = inheritedCodes(
        plan, fresh, codes.community_codes, previousCodes(prev), kept_codes, prev.grids, scheme);
    for (std::size_t r = 0; r < fresh.size(); ++r)
    {
        const auto& grid = at(plan.grids, fresh[r]);
        if (code_of[r].empty())
            code_of[r] =
                nextFreeCode(plan, grid, at(codes.community_codes, grid.community), taken, scheme);
        taken.insert(code_of[r]);
    }
    for (std::size_t r = 0; r < fresh.size(); ++r)
        at(codes.grid_codes, fresh[r]) = code_of[r];
    for (const auto& [g, code] : kept_code)
        at(codes.grid_codes, g) = code;
}

} // namespace

void reserveCodes(const Plan& plan, const PreviousRun& prev,
                  const std::map<int, std::string>& kept_code, const CodeScheme& scheme,
                  organize::CodePlan& codes)
{
    std::set<std::string> taken = takenCodes(prev);
    reserveCommunityCodes(plan, prev, scheme, codes.community_codes, taken);
    reserveGridCodes(plan, prev, kept_code, scheme, codes, taken);
}

void Reconciler::reserveCodes(const Plan& plan, organize::CodePlan& codes) const
{
    reconcile::reserveCodes(plan, m_prev, m_kept_code, m_config.codes, codes);
}

void Reconciler::reportChanges(Plan& plan) const
{
    std::set<std::string> community_codes;
    for (const auto& comm : plan.communities)
        community_codes.insert(comm.code);
    ChangeReport report;
    report.previous_dir = m_prev.dir;
    for (bool u : m_unchanged)
        (u ? report.communities_unchanged : report.communities_changed) += 1;
    const BuildingsNow now(plan);
    gridChanges(plan, now, previousCodes(m_prev), community_codes, report);
    buildingChanges(plan, now, report);
    plan.changes = std::move(report);
}

// The change rows of every grid now (kept, locked, new, merged, split, resized) and of every
// previous grid gone (retired), in code order; the retired codes; the totals.
void Reconciler::gridChanges(const Plan& plan, const BuildingsNow& now,
                             const std::map<std::string, std::string>& old_code_of,
                             const std::set<std::string>& community_codes,
                             ChangeReport& report) const
{
    std::map<std::string, int> grid_by_code;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grid_by_code[at(plan.grids, g).code] = g;
    auto fate = [&](const PreviousGrid& pg, std::vector<std::string>& to, int& moved)
    { now.fate(pg, to, moved); };
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = at(plan.grids, g);
        GridChange row;
        row.new_code = grid.code;
        row.community = at(plan.communities, grid.community).id;
        row.households_new = grid.households;
        row.area = grid.area;
        std::set<std::string> from;
        for (int b : grid.buildings)
            if (auto it = old_code_of.find(at(plan.buildings, b).id); it != old_code_of.end())
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
            row.status = GridChangeStatus::Locked;
        else if (isKept(g))
            row.status = m_verbatim.count(g) ? GridChangeStatus::Kept : GridChangeStatus::Resized;
        else if (row.old_code.empty())
            row.status = GridChangeStatus::New;
        else if (from.size() >= 2)
            row.status = GridChangeStatus::Merged;
        else if (row.new_codes.size() >= 2)
            row.status = GridChangeStatus::Split;
        else
            row.status = GridChangeStatus::Resized;
        report.grids.push_back(std::move(row));
    }
    std::set<std::string> retired = m_prev.retired;
    for (const auto& [code, pg] : m_prev.grids)
    {
        if (grid_by_code.count(code))
            continue;
        GridChange row;
        row.status = GridChangeStatus::Retired;
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
    std::sort(report.grids.begin(), report.grids.end(),
              [](const GridChange& a, const GridChange& b)
              {
                  const auto& ka = a.new_code.empty() ? a.old_code : a.new_code;
                  const auto& kb = b.new_code.empty() ? b.old_code : b.new_code;
                  return ka != kb ? ka < kb
                                  : std::string_view(toString(a.status)) < toString(b.status);
              });
    for (const auto& row : report.grids)
        if (row.status == GridChangeStatus::Kept)
            ++report.grids_kept;
        else if (row.status != GridChangeStatus::Locked)
            ++report.grids_changed;
    for (int g : m_locked)
        report.locked_codes.push_back(at(plan.grids, g).code);
    std::sort(report.locked_codes.begin(), report.locked_codes.end());
}

// The change rows of the buildings that moved, are new or were removed, by building id.
void Reconciler::buildingChanges(const Plan& plan, const BuildingsNow& now,
                                 ChangeReport& report) const
{
    auto codeNow = [&](const Building& b) { return now.codeOf(b); };
    for (const auto& [id, b] : now.by_id)
    {
        auto pb = m_prev.buildings.find(id);
        BuildingChange row;
        row.building_id = id;
        row.new_code = codeNow(*b);
        row.community = b->community >= 0 ? at(plan.communities, b->community).id : "";
        row.households = b->households;
        if (pb == m_prev.buildings.end())
        {
            row.status = BuildingChangeStatus::New;
            report.households_new += b->households;
        }
        else
        {
            row.old_code = pb->second.code;
            if (row.old_code == row.new_code)
                continue;
            row.status = BuildingChangeStatus::Moved;
            report.households_moved += b->households;
        }
        if (!b->footprint.empty())
            row.area = b->footprint;
        else
            row.point = b->anchor;
        report.buildings.push_back(std::move(row));
    }
    for (const auto& [id, pb] : m_prev.buildings)
        if (!now.by_id.count(id))
        {
            BuildingChange row;
            row.building_id = id;
            row.old_code = pb.code;
            row.status = BuildingChangeStatus::Removed;
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
              [](const BuildingChange& a, const BuildingChange& b)
              { return a.building_id < b.building_id; });
}

} // namespace gp::reconcile
