// The reconcile stage: a re-run against a previous run's outputs (--previous DIR) that changes
// as little as possible. Communities whose buildings and boundary did not change keep their grids
// and codes exactly; in changed communities every old grid that still meets the bounds and still
// holds its buildings and land is kept; only the rest is partitioned again, on the land the kept
// grids leave. Codes are stable: a re-made grid takes the code of the old grid it clearly
// succeeds (largest shared households), otherwise the next free number in its community; a
// retired code is never issued again (report.json "codes.retired" carries them run to run).
// Each code is written once: organize::planCodes numbers everything fresh, reserveCodes puts the
// kept, inherited and next-free codes in its place, organize::writeCodes writes them, and only
// then reportChanges compares the written codes with the previous run's.
#pragma once

#include "audit/violations.hpp"
#include "core/config.hpp"
#include "core/model.hpp"
#include "organize/codes.hpp"
#include "reconcile/previous.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace gp::reconcile
{

// A tiling note of the run, with the community it is about (text "<community id>: <note>").
struct TileNote
{
    int community = -1; // index into Plan::communities
    std::string text;
};

class Reconciler
{
  public:
    // Loads the previous run (--previous, optional) and the locked grids (--lock, optional) and
    // appends the locked and kept grids to plan.grids (Building::grid set).
    // ConfigError when the buildings have no id field; InputError for an unreadable folder.
    Reconciler(Plan& plan, const PartitionConfig& config);

    // A copy of plan holding only what is left to partition: the buildings of no kept grid
    // (the others are moved out of every community) and, per changed community, the land the
    // kept grids leave. Its grids are empty.
    Plan freePlan(const Plan& plan) const;

    // Moves the grids made on `free` into plan (violations re-indexed), with their issues; the
    // tiling notes become those of the changed communities plus the previous notes of the
    // unchanged ones.
    void absorb(Plan& plan, Plan&& free, std::vector<audit::GridViolation>& violations,
                std::vector<TileNote>& tile_notes) const;

    // Between organize::planCodes and organize::writeCodes: see reconcile::reserveCodes below.
    void reserveCodes(const Plan& plan, organize::CodePlan& codes) const;

    // After organize::writeCodes: fills Plan::changes from the codes written.
    void reportChanges(Plan& plan) const;

    // After the audit: kept grids carry their previous area and compactness figures, their
    // violation issues their previous text, and grid issues come in the previous order, so an
    // unchanged input gives unchanged files.
    void restoreIssues(Plan& plan) const;

  private:
    struct Matching; // the plan matched to the previous run, while the constructor works
    void matchCommunities(const Plan& plan, Matching& m, bool same_bounds);
    void lockGrids(Plan& plan, Matching& m);
    void collectCandidates(const Plan& plan, Matching& m) const;
    void keepGrid(Plan& plan, const PreviousGrid& g, std::vector<int> buildings, MultiPolygon area,
                  int community, bool same_land);
    void keepUnchangedCommunity(Plan& plan, const Matching& m, std::size_t c);
    void keepInChangedCommunity(Plan& plan, const Matching& m, std::size_t c);

    bool isKept(int g) const { return m_kept_code.count(g) > 0; }
    std::vector<int> appendFreeGrids(Plan& plan, Plan& free) const;
    void keptViolations(std::vector<audit::GridViolation>& violations) const;
    void carryIssues(Plan& plan, Plan& free, std::size_t copied) const;
    std::vector<TileNote> notesOfRun(const Plan& plan, std::vector<TileNote>&& notes) const;

    struct BuildingsNow; // the plan's buildings by id, with their grid codes now
    void gridChanges(const Plan& plan, const BuildingsNow& now,
                     const std::map<std::string, std::string>& old_code_of,
                     const std::set<std::string>& community_codes, ChangeReport& report) const;
    void buildingChanges(const Plan& plan, const BuildingsNow& now, ChangeReport& report) const;

    const PartitionConfig& m_config;
    PreviousRun m_prev;
    std::vector<bool> m_unchanged;         // per community
    std::vector<MultiPolygon> m_free_area; // per community: land left for new grids
    std::vector<bool> m_out_of_free;       // per building: not partitioned again
    // Kept and locked grid index -> its previous code (or the code it is locked with). These
    // grids are the ones the constructor appends; every other grid of the plan is new.
    std::map<int, std::string> m_kept_code;
    std::set<int> m_verbatim; // kept grids whose membership did not change
    std::set<int> m_locked;   // grids locked by --lock
};

// The codes a re-run must keep, on organize's fresh `codes` (nothing is written to the plan):
// known communities take their previous code; a new community keeps its fresh code unless a
// previous community holds or held it, then the next free number (gridplan scheme only); kept
// and locked grids (`kept_code`: grid index -> code) take their code; every other grid inherits
// the code of the old grid it shares most households with (same community and kind, not kept,
// one successor per old code, ties to the earlier fresh code), else the next free number of its
// community after every code `prev` issued or retired.
void reserveCodes(const Plan& plan, const PreviousRun& prev,
                  const std::map<int, std::string>& kept_code, const CodeScheme& scheme,
                  organize::CodePlan& codes);

} // namespace gp::reconcile
