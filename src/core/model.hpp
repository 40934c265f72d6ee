// The plain data model that flows through the pipeline stages (see docs in README "Design").
// Stages take and return these structs; only io/ knows GDAL and only geom/ knows GEOS.
// Objects refer to each other by index into the Plan's vectors (-1 = none).
#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gp
{

enum class BuildingUse
{
    Residential,
    Commercial,
    Market,
    Office,
    Industrial,
    Education,
    Public,
    Other,
};

enum class HouseholdsSource
{
    Field,     // read from the households field
    Estimated, // floors (or height) x footprint area
    None,      // non-residential, or nothing to estimate from
};

// Raw text of the building attributes named by --households-field / --floors-field /
// --height-field (nullopt: no such field given, or null in this feature). classify/ parses them.
struct BuildingInputs
{
    std::optional<std::string> households;
    std::optional<std::string> floors;
    std::optional<std::string> height;
};

struct Building
{
    std::string id;   // source id field value, else the feature id (FID)
    std::string name; // optional, for reports
    MultiPolygon footprint;
    Point anchor;     // a point guaranteed inside the footprint (points-only inputs: the point)
    double area_m2 = 0.0;
    BuildingInputs inputs;
    std::string use_value; // raw value of the use field
    BuildingUse use = BuildingUse::Residential;
    double floors = 0.0;   // 0 = unknown
    std::string floors_source; // "field", "height", "default:<type>"
    int households = 0;
    HouseholdsSource households_source = HouseholdsSource::None;
    int community = -1;
    int compound = -1;
    int grid = -1;
};

struct Community
{
    std::string id;
    std::string name;
    MultiPolygon area;
};

struct Compound
{
    std::string id;
    std::string name;
    MultiPolygon area;
    int community = -1;
};

struct Barrier
{
    std::string source; // file name the line came from
    MultiLineString lines;
};

enum class GridKind
{
    Residential,
    Dedicated,
};

struct GridMetrics
{
    double polsby_popper = 0.0;
    double area_m2 = 0.0;
    int cut_edges = 0;
    int barrier_crossings = 0;
};

struct Grid
{
    std::string code;
    GridKind kind = GridKind::Residential;
    int community = -1;
    std::vector<int> buildings; // sorted building indices
    int households = 0;
    MultiPolygon area;
    GridMetrics metrics;
};

// One problem a planner has to look at: a grid outside the bounds, an unplaced building, ...
struct Issue
{
    std::string reason; // fixed vocabulary, see README "Reasons"
    std::string cause;  // why, for bound violations (e.g. "community_too_small")
    std::string detail; // human-readable, names the objects involved
    int households = 0;
    std::string community; // community id, when there is one
    std::string grid;      // grid code, when there is one
    std::vector<std::string> buildings; // building ids involved
    std::optional<MultiPolygon> area;   // where it is, when it has a place
};

// An input layer as the user named it; kept for the report.
struct SourceInfo
{
    std::string role; // "buildings", "communities", ...
    std::string path;
    std::string layer;
    std::string where;
    std::string crs; // authority:code or a short name
    std::int64_t features_read = 0;
    std::int64_t features_skipped = 0;
};

struct Plan
{
    std::string working_crs; // e.g. "EPSG:32629"
    std::string working_crs_wkt;
    std::vector<SourceInfo> sources;
    std::vector<Building> buildings;
    std::vector<Community> communities;
    std::vector<Compound> compounds;
    std::vector<Barrier> barriers;
    std::optional<MultiPolygon> street;
    std::vector<Grid> grids;
    std::vector<Issue> issues;
};

const char* toString(BuildingUse use);
const char* toString(HouseholdsSource source);
const char* toString(GridKind kind);

} // namespace gp
