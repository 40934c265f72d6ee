// Stable codes and the change report of a re-run (see reconcile.hpp): kept and locked grids take
// their codes back, successors inherit old codes, other new grids take the next free number, and
// every grid and building that changed gets a row in Plan::changes.
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

// Every code ever issued or retired in this lineage; none is given to a different grid.
std::set<std::string> Reconciler::takenCodes() const
{
    std::set<std::string> taken = m_prev.retired;
    for (const auto& [code, g] : m_prev.grids)
        taken.insert(code);
    for (const auto& [id, c] : m_prev.communities)
        taken.insert(c.code);
    return taken;
}

// Communities: the previous code by id; a new community gets the next free number. Returns the
// community codes now in use.
std::set<std::string> Reconciler::restoreCommunityCodes(Plan& plan,
                                                        std::set<std::string>& taken) const
{
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
    return community_codes;
}

// Previous grid code of each building id (buildings that were in a grid).
std::map<std::string, std::string> Reconciler::previousCodes() const
{
    std::map<std::string, std::string> old_code_of;
    for (const auto& [id, pb] : m_prev.buildings)
        if (!pb.code.empty())
            old_code_of[id] = pb.code;
    return old_code_of;
}

namespace
{

// The code each new grid (`fresh`, in reading order) inherits: the old grid it shares most
// households with, when that grid is not kept, lies in the community its code names and is of the
// same kind; each old code has one successor at most. Empty: no successor.
std::vector<std::string> inheritedCodes(const Plan& plan, const std::vector<int>& fresh,
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
            organize::gridCodePrefix(scheme, at(plan.communities, grid.community).code, false);
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
std::string nextFreeCode(const Plan& plan, const Grid& grid, const std::set<std::string>& taken,
                         const CodeScheme& scheme)
{
    const bool dedicated = grid.kind == GridKind::Dedicated;
    const auto& community = at(plan.communities, grid.community);
    const std::string prefix = organize::gridCodePrefix(scheme, community.code, dedicated);
    int next = 0;
    for (const auto& code : taken)
        next = std::max(next, sequenceAfter(code, prefix));
    const int width = organize::gridSequenceWidth(scheme, dedicated);
    if (next + 1 >= (width == 2 ? 100 : 1000) && scheme.scheme != "gridplan")
        throw InputError("community " + community.id + ": no " + std::to_string(width) +
                         "-digit grid number left under --code-scheme " + scheme.scheme +
                         " (numbers are never reused across re-runs)");
    return numbered(prefix, next + 1, width);
}

} // namespace

// Kept and locked grids take their codes back; a new grid inherits the code of the old grid it
// shares most households with (one successor per old code), else takes the next free number.
void Reconciler::assignGridCodes(Plan& plan, std::set<std::string>& taken,
                                 const std::map<std::string, std::string>& old_code_of) const
{
    std::set<std::string> kept_codes;
    for (const auto& [g, code] : m_kept_code)
    {
        kept_codes.insert(code);
        taken.insert(code); // locked codes may be new
    }
    // New grids in reading order (their fresh codes from organize::assignCodes).
    std::vector<int> fresh;
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        if (!isKept(g))
            fresh.push_back(g);
    std::sort(fresh.begin(), fresh.end(),
              [&](int a, int b) { return at(plan.grids, a).code < at(plan.grids, b).code; });
    std::vector<std::string> code_of =
        inheritedCodes(plan, fresh, old_code_of, kept_codes, m_prev.grids, m_config.codes);
    for (std::size_t r = 0; r < fresh.size(); ++r)
    {
        if (code_of[r].empty())
            code_of[r] = nextFreeCode(plan, at(plan.grids, fresh[r]), taken, m_config.codes);
        taken.insert(code_of[r]);
    }
    for (std::size_t r = 0; r < fresh.size(); ++r)
        at(plan.grids, fresh[r]).code = code_of[r];
    for (const auto& [g, code] : m_kept_code)
        at(plan.grids, g).code = code;
}

void Reconciler::finishCodes(Plan& plan) const
{
    std::set<std::string> taken = takenCodes();
    const auto community_codes = restoreCommunityCodes(plan, taken);
    const auto old_code_of = previousCodes();
    assignGridCodes(plan, taken, old_code_of);

    ChangeReport report;
    report.previous_dir = m_prev.dir;
    for (bool u : m_unchanged)
        (u ? report.communities_unchanged : report.communities_changed) += 1;
    const BuildingsNow now(plan);
    gridChanges(plan, now, old_code_of, community_codes, report);
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
