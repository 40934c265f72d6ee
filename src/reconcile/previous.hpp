// Reads a previous run's output folder (grids, buildings, communities, gaps, report.json) back
// into the working CRS, so a re-run can keep what did not change (see reconcile.hpp).
#pragma once

#include "core/geometry.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gp::reconcile
{

struct PreviousBuilding
{
    std::string code; // empty: in no grid
    std::string community;
    int households = 0;
    MultiPolygon footprint; // empty for point buildings
    std::optional<Point> point;
};

struct PreviousGrid
{
    std::string code;
    std::string kind; // residential / dedicated
    std::string community;
    int households = 0;
    MultiPolygon area;
    std::string dedicated_type;
    double floor_area_m2 = 0;
    int folded_buildings = 0;
    double folded_floor_area_m2 = 0;
    int cut_edges = 0;
    int barrier_crossings = 0;
    double area_m2 = 0; // as written (the polygon read back differs in the last digits)
    double polsby_popper = 0;
    std::vector<std::string> buildings; // ids, sorted
};

struct PreviousCommunity
{
    std::string code;
    MultiPolygon area;
};

// One row of the previous gaps.geojson (properties only).
struct PreviousIssue
{
    std::string reason, cause, detail, community, grid;
    int households = 0;
    std::vector<std::string> buildings;
};

struct PreviousRun
{
    std::string dir;
    std::map<std::string, PreviousBuilding> buildings;    // by building id
    std::map<std::string, PreviousGrid> grids;            // by code
    std::map<std::string, PreviousCommunity> communities; // by community id
    std::vector<PreviousIssue> issues;                    // gaps.geojson, in file order
    std::set<std::string> retired;                        // codes retired by earlier runs
    int min_households = 0, max_households = 0;           // report.json options (0: unknown)
};

// Throws InputError naming the folder and file when something needed is missing or unreadable.
PreviousRun loadPrevious(const std::string& dir, const std::string& working_crs_wkt);

} // namespace gp::reconcile
