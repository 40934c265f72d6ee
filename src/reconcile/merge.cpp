// The merge half of a re-run (see reconcile.hpp): the grids made on the free part join the
// kept ones, with their violations and issues; kept grids keep the figures and issue texts the
// previous run wrote, so an unchanged input gives unchanged files.
#include "reconcile/reconcile.hpp"

#include "core/index.hpp"
#include "partition/partition.hpp"

#include <climits>
#include <functional>

namespace gp::reconcile
{

namespace
{

partition::ViolationCause causeFrom(const std::string& text)
{
    partition::ViolationCause cause = partition::ViolationCause::NotFound;
    partition::causeFromString(text, cause);
    return cause;
}

} // namespace

// Moves the grids of the free plan to the end of plan; returns each one's index in plan.
std::vector<int> Reconciler::appendFreeGrids(Plan& plan, Plan& free) const
{
    std::vector<int> index_in_plan;
    for (auto& g : free.grids)
    {
        const int index = static_cast<int>(plan.grids.size());
        index_in_plan.push_back(index);
        for (int b : g.buildings)
            at(plan.buildings, b).grid = index;
        plan.grids.push_back(std::move(g));
    }
    return index_in_plan;
}

// Kept grids outside the bounds (unchanged communities only) keep their previous cause.
void Reconciler::keptViolations(std::vector<audit::GridViolation>& violations) const
{
    for (const auto& [g, code] : m_kept_code)
        for (const auto& issue : m_prev.issues)
            if (issue.grid == code &&
                (issue.reason == "grid_under_min" || issue.reason == "grid_over_max"))
                violations.push_back({g, causeFrom(issue.cause), {}, {}, {}});
}

// Issues the free plan added (dedicate), after the previous unfolded-building issues of the
// unchanged communities. free.issues starts with the `copied` issues plan had when it was made.
void Reconciler::carryIssues(Plan& plan, Plan& free, std::size_t copied) const
{
    std::set<std::string> unchanged_ids;
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
        if (m_unchanged[c])
            unchanged_ids.insert(plan.communities[c].id);
    std::map<std::string, int> index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        index_of.emplace(at(plan.buildings, i).id, i);
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
                const auto& b = at(plan.buildings, index_of.at(p.buildings[0]));
                if (!b.footprint.empty())
                    issue.area = b.footprint;
            }
            plan.issues.push_back(std::move(issue));
        }
    for (std::size_t i = copied; i < free.issues.size(); ++i)
        plan.issues.push_back(std::move(free.issues[i]));
}

namespace
{

// Whether a previous run's issue is a tiling note the tile stage wrote about `community_id`.
// Since issue 19 such a note names its community, and is matched by it exactly. Its text is
// still "<community id>: <note>": checked only to tell it from a special-area sliver note, which
// has the same reason and community but a text of its own ("special area ...").
bool isTileNoteOf(const PreviousIssue& p, const std::string& community_id)
{
    if (p.reason != "tiling_note")
        return false;
    const std::string prefix = community_id + ": ";
    const bool text_names_it = p.detail.compare(0, prefix.size(), prefix) == 0;
    if (!p.community.empty())
        return p.community == community_id && text_names_it;
    // Fallback for a previous run written before issue 19, whose tiling notes have no community:
    // the text prefix alone (ambiguous when one id is another's prefix followed by ": ").
    return text_names_it;
}

} // namespace

// The tiling notes of the run, in community order: this run's notes for a changed community;
// for an unchanged one, the notes the previous run wrote about it (gaps.geojson "community").
std::vector<TileNote> Reconciler::notesOfRun(const Plan& plan, std::vector<TileNote>&& notes) const
{
    std::vector<TileNote> result;
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        if (at(m_unchanged, c))
        {
            for (const auto& p : m_prev.issues)
                if (isTileNoteOf(p, at(plan.communities, c).id))
                    result.push_back({c, p.detail});
            continue;
        }
        for (auto& n : notes)
            if (n.community == c)
                result.push_back(std::move(n));
    }
    return result;
}

void Reconciler::absorb(Plan& plan, Plan&& free, std::vector<audit::GridViolation>& violations,
                        std::vector<TileNote>& tile_notes) const
{
    // free.issues starts with a copy of plan.issues (nothing is added to plan in between).
    const std::size_t copied = plan.issues.size();
    const std::vector<int> index_in_plan = appendFreeGrids(plan, free);
    for (auto& v : violations)
        v.grid = at(index_in_plan, v.grid);
    keptViolations(violations);
    carryIssues(plan, free, copied);
    tile_notes = notesOfRun(plan, std::move(tile_notes));
}

void Reconciler::restoreIssues(Plan& plan) const
{
    // Kept grids keep the figures written before: their polygons came back through GeoJSON
    // rounding, which moves area and compactness in the last written digit.
    for (int g : m_verbatim)
    {
        auto& grid = at(plan.grids, g);
        const auto& pg = m_prev.grids.at(grid.code);
        grid.metrics.area_m2 = pg.area_m2;
        grid.metrics.polsby_popper = pg.polsby_popper;
    }
    std::map<std::pair<std::string, std::string>, int> previous_rank; // (reason, grid) -> position
    for (int i = 0; i < static_cast<int>(m_prev.issues.size()); ++i)
        previous_rank.emplace(
            std::make_pair(at(m_prev.issues, i).reason, at(m_prev.issues, i).grid), i);
    std::set<std::string> verbatim_codes;
    for (int g : m_verbatim)
        verbatim_codes.insert(at(plan.grids, g).code);
    auto isBoundIssue = [](const Issue& i)
    { return i.reason == "grid_under_min" || i.reason == "grid_over_max"; };
    for (auto& issue : plan.issues)
    {
        if (!isBoundIssue(issue) || !verbatim_codes.count(issue.grid))
            continue;
        auto it = previous_rank.find({issue.reason, issue.grid});
        if (it != previous_rank.end())
            issue.detail = at(m_prev.issues, it->second).detail;
    }
    // A locked grid outside the bounds is the planner's choice: reported, not a violation.
    std::set<std::string> locked_codes;
    for (int g : m_locked)
        locked_codes.insert(at(plan.grids, g).code);
    for (auto& issue : plan.issues)
        if (isBoundIssue(issue) && locked_codes.count(issue.grid))
        {
            const bool under = issue.reason == "grid_under_min";
            issue.reason = "locked_grid_out_of_bounds";
            issue.cause = under ? "under_min" : "over_max";
            issue.detail =
                "locked grid " + issue.grid + " holds " + std::to_string(issue.households) +
                " households, " +
                (under ? "below the minimum " + std::to_string(m_config.min_households)
                       : "above the maximum " + std::to_string(m_config.max_households)) +
                "; kept as the planner fixed it (--lock)";
            issue.detail_zh = "锁定网格 " + issue.grid + " 有 " + std::to_string(issue.households) +
                              " 户，" +
                              (under ? "低于下限 " + std::to_string(m_config.min_households)
                                     : "高于上限 " + std::to_string(m_config.max_households)) +
                              "；按规划人员锁定保留（--lock）";
        }
    // Grid issues in the order of the previous run; new ones after, in their own order.
    for (auto block : {std::function<bool(const Issue&)>(isBoundIssue),
                       std::function<bool(const Issue&)>(
                           [](const Issue& i) { return i.reason == "grid_crosses_barrier"; })})
    {
        std::vector<std::size_t> slots;
        for (std::size_t i = 0; i < plan.issues.size(); ++i)
            if (block(plan.issues[i]))
                slots.push_back(i);
        std::vector<Issue> items;
        for (auto i : slots)
            items.push_back(std::move(plan.issues[i]));
        auto rank = [&](const Issue& i)
        {
            auto it = previous_rank.find({i.reason, i.grid});
            return it != previous_rank.end() ? it->second : INT_MAX;
        };
        std::stable_sort(items.begin(), items.end(),
                         [&](const Issue& a, const Issue& b) { return rank(a) < rank(b); });
        for (std::size_t k = 0; k < slots.size(); ++k)
            plan.issues[slots[k]] = std::move(items[k]);
    }
}

} // namespace gp::reconcile
