// The fixed vocabularies of statuses: how a compound fared in the partition (report.json
// "compounds", compounds.geojson "status") and what became of a grid code or a building in a
// re-run (changes.geojson and report.json "changes"). As core/reasons does for issue reasons, one
// table per vocabulary gives each status its code as written and its labels in English and
// Chinese; the writers and the report read the code from it, and reading a status back accepts
// only a code in the table.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace gp
{

// How one compound fared (CompoundOutcome::status).
enum class CompoundStatus
{
    Whole,  // all its buildings in one grid, with no other compound or loose building
    Merged, // in one grid, shared with other compounds or loose buildings
    Split,  // across several grids
    Empty,  // no households in a grid
};

// What became of a grid code in a re-run (GridChange::status).
enum class GridChangeStatus
{
    Kept,    // the same buildings under the same code
    Resized, // the same code, buildings added or removed
    Split,   // its previous households went to several grids
    Merged,  // holds the households of several previous grids
    New,     // a code the previous run did not have
    Retired, // a previous code no grid carries any more
    Locked,  // held as it was by --lock
    Redrawn, // gridplan review: the same buildings, its land redrawn by hand
};

// What became of a building in a re-run (BuildingChange::status).
enum class BuildingChangeStatus
{
    Moved,   // in another grid than before
    New,     // not in the previous run
    Removed, // in the previous run, not in this one
};

template <typename Status>
struct StatusInfo
{
    Status status;
    const char* code;     // as written: "resized"
    const char* label_en; // "Same code, buildings changed"
    const char* label_zh; // "编号不变，建筑有增减"
};

// Every status of a vocabulary, in enum order (specialised for the three enums above).
template <typename Status>
const std::vector<StatusInfo<Status>>& statusTable();

template <>
const std::vector<StatusInfo<CompoundStatus>>& statusTable<CompoundStatus>();
template <>
const std::vector<StatusInfo<GridChangeStatus>>& statusTable<GridChangeStatus>();
template <>
const std::vector<StatusInfo<BuildingChangeStatus>>& statusTable<BuildingChangeStatus>();

const StatusInfo<CompoundStatus>& infoOf(CompoundStatus status);
const StatusInfo<GridChangeStatus>& infoOf(GridChangeStatus status);
const StatusInfo<BuildingChangeStatus>& infoOf(BuildingChangeStatus status);

const char* toString(CompoundStatus status);
const char* toString(GridChangeStatus status);
const char* toString(BuildingChangeStatus status);

// nullopt for a text that is no status of the vocabulary.
template <typename Status>
std::optional<Status> statusFromString(std::string_view code)
{
    for (const auto& info : statusTable<Status>())
        if (code == info.code)
            return info.status;
    return std::nullopt;
}

} // namespace gp
