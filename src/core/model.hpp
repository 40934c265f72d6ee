// The plain data model that flows through the pipeline stages (see docs in README "Design").
// Stages take and return these structs; only io/ knows GDAL and only geom/ knows GEOS.
// Objects refer to each other by index into the Plan's vectors (-1 = none).
#pragma once

#include "core/geometry.hpp"
#include "core/statuses.hpp"

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
    Register,  // joined from the households register (--households-table)
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
    std::optional<std::string> dedicated_flag; // --dedicated-flag-field
    std::optional<std::string> workers;        // --workers-field
};

struct Building
{
    std::string id;   // source id field value, else the feature id (FID)
    std::string name; // optional, for reports
    MultiPolygon footprint;
    Point anchor; // a point guaranteed inside the footprint (points-only inputs: the point)
    double area_m2 = 0.0;
    BuildingInputs inputs;
    std::string use_value; // raw value of the use field
    BuildingUse use = BuildingUse::Residential;
    double floors = 0.0;       // 0 = unknown
    std::string floors_source; // "field", "height", "default:<type>"
    int households = 0;
    HouseholdsSource households_source = HouseholdsSource::None;
    int community = -1;
    int compound = -1;
    int grid = -1;
    int street_block = -1; // its street block (Plan::street_blocks), in runs with streets
    int cluster = -1;      // its inferred cluster (Plan::clusters), without streets or compounds
    int special = -1;      // special area (Plan::specials) whose dedicated grid holds it
    int region = -1;       // barrier region (Plan::regions) holding its anchor (issue 13)
};

struct Community
{
    std::string id;
    std::string name;
    MultiPolygon area;
    int area_grid = -1;          // index into Plan::areas
    std::string code;            // "<street>-<area>-<community>"
    std::string code_value = {}; // --community-code-field value, for the national code schemes
};

// An area grid (片区): adjacent communities of similar character, balanced in households.
struct AreaGrid
{
    std::string code;             // "<street>-<area>"
    std::vector<int> communities; // ascending
    int households = 0;
    double commercial_share = 0.0; // non-residential floor area / all floor area
    MultiPolygon area;             // union of its communities
};

struct Compound
{
    std::string id;
    std::string name;
    MultiPolygon area;
    int community = -1;
};

// How one compound fared in the partition (Plan::compound_outcomes, parallel to compounds).
struct CompoundOutcome
{
    CompoundStatus status = CompoundStatus::Empty;
    int households = 0;                   // households of its buildings in grids
    std::vector<int> grids;               // grid indices holding its buildings, ascending
    std::vector<std::string> merged_with; // other compound ids sharing its grid
    int loose_buildings = 0;              // residential buildings in no compound sharing its grid
};

// A face of a community outline cut by lines (graph/blocks.hpp), in one of two roles, each kept
// in its own Plan vector (a run has one or the other, never both):
// - a street block (Plan::street_blocks, Building::street_block): with streets (--streets,
//   --roads; issue 13), a face of barriers + streets + compound outlines; the graph stage keeps
//   one that fits in one grid whole;
// - an inferred cluster (Plan::clusters, Building::cluster): without streets and without a
//   compound layer, a face of the barriers, a building group (楼组) that stands in for a compound.
// Output names ("inferred_blocks", the blocks layer) stay as they are; they show whichever the
// run has (Plan::blockFaces). Not to be confused with BarrierRegion (faces of the barriers
// alone, always computed).
struct Block
{
    std::string id; // "<community id>-B<n>"
    int community = -1;
    MultiPolygon area;
    int households = 0;
    int buildings = 0; // residential buildings in it
};

// Land of a community enclosed by barrier lines (the faces of the outline and the barriers), and
// whether it can form grids within the bounds on its own: if it can, no grid need cross its
// barriers (a crossing is avoidable); if not, one must (forced). Issue 13.
struct BarrierRegion
{
    int community = -1;
    int households = 0;           // residential households in grids-to-be whose anchor lies in it
    bool self_sufficient = false; // some count k of grids holds them: k*min <= households <= k*max
};

// A polygon of a --special layer: land that forms dedicated grids by itself.
struct SpecialArea
{
    std::string id;
    std::string name;
    std::string kind_value; // raw value of the kind field (or --special-kind)
    std::string kind;       // dedicated_type it maps to: office, market, campus, park, ...
    std::string source;     // file it came from
    MultiPolygon area;
};

struct Barrier
{
    std::string source; // file name the line came from
    MultiLineString lines;
    // How hard the lines are to cross (issue 13: a forced crossing goes across the weakest):
    // 1 a barrier road below the main class, 2 a main road (classify/road_classes), 3 rail,
    // water and every --barriers line.
    int strength = 3;
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
    int splits_compound = 0; // compounds (or inferred blocks) split across grids with a part here
    // Barrier regions (Plan::regions) its buildings span beyond the first, split by whether the
    // bounds forced the crossing (a region that cannot form grids on its own) or not (issue 13).
    int crossings_forced = 0;
    int crossings_avoidable = 0;
};

struct Grid
{
    std::string code;
    GridKind kind = GridKind::Residential;
    std::string dedicated_type; // office, market, commercial, industrial, campus, park, public
                                // (dedicated only)
    std::string name;           // dedicated grids from a special area: its name
    int special = -1;           // index into Plan::specials when the grid is a special area's land
    double floor_area_m2 = 0.0; // dedicated: the cluster's floor area
    int folded_buildings = 0;   // residential: non-residential buildings folded in
    double folded_floor_area_m2 = 0.0;
    int community = -1; // always a community index (never -1) once the grid exists (plan_check)
    std::vector<int> buildings; // sorted building indices
    int households = 0;
    MultiPolygon area;
    GridMetrics metrics;
};

// One problem a planner has to look at: a grid outside the bounds, an unplaced building, ...
struct Issue
{
    std::string reason;    // fixed vocabulary, see README "Reasons"
    std::string cause;     // why, for bound violations (e.g. "community_too_small")
    std::string detail;    // human-readable, names the objects involved
    std::string detail_zh; // the same in Chinese for `--lang zh` reports; empty: detail is shown
    int households = 0;
    std::string community;              // community id, when there is one
    std::string grid;                   // grid code, when there is one
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

// A re-run against a previous run (reconcile/): what became of every grid code and of every
// building whose grid changed. Filled only when --previous or --lock is given.
struct GridChange
{
    GridChangeStatus status = GridChangeStatus::New;
    std::string old_code;               // the code before (empty: a new grid)
    std::string new_code;               // the code now (empty: retired)
    std::vector<std::string> old_codes; // previous grids its households came from
    std::vector<std::string> new_codes; // grids its previous households went to
    std::string community;
    int households_old = 0;
    int households_new = 0;
    int moved_households = 0;         // of its previous households, those now in another grid
    std::optional<MultiPolygon> area; // the grid now (the old polygon for a retired grid)
};

struct BuildingChange
{
    std::string building_id;
    std::string old_code; // empty: new building, or in no grid before
    std::string new_code; // empty: removed, or in no grid now
    BuildingChangeStatus status = BuildingChangeStatus::Moved;
    std::string community;
    int households = 0;
    std::optional<MultiPolygon> area;
    std::optional<Point> point;
};

struct ChangeReport
{
    std::string previous_dir;
    std::vector<GridChange> grids;         // sorted by code
    std::vector<BuildingChange> buildings; // sorted by building id
    int communities_unchanged = 0;
    int communities_changed = 0;
    int grids_kept = 0;
    int grids_changed = 0;    // every grid row whose status is not kept / locked
    int households_moved = 0; // households of buildings present before and now whose grid changed
    int households_new = 0;   // households of buildings not in the previous run
    int households_removed = 0;
    std::vector<std::string> retired_codes; // every code retired so far (carried run to run)
    std::vector<std::string> locked_codes;
};

// The households register join, in numbers (report.json "households_register").
struct RegisterJoin
{
    std::string path;
    std::int64_t rows_read = 0;
    std::int64_t rows_ignored = 0; // empty key or a count that is not a whole number >= 0
    std::int64_t keys = 0;         // distinct keys after normalisation
    std::int64_t keys_matched = 0;
    std::int64_t keys_unmatched = 0; // keys no building carries
    std::int64_t rows_unmatched = 0;
    std::int64_t households_unmatched = 0;
    std::int64_t keys_on_several_buildings = 0; // households split evenly between them
    std::int64_t buildings_with_key = 0;
    std::int64_t buildings_matched = 0;
    std::int64_t buildings_without_row =
        0; // residential buildings whose key has no row (or no key)
    std::int64_t households_joined = 0;
    // (building index, its key) of buildings with no row; reported after classify.
    std::vector<std::pair<int, std::string>> unmatched_buildings;
};

// A street block that fits in one grid (households <= max) yet is split between grids (issue 13).
struct SplitBlock
{
    std::string block;     // Block::id
    std::string community; // community id
    int households = 0;
    std::vector<std::string> grids; // grid codes holding its buildings, ascending
    std::string reason;
};

// The street figures of issue 13, for report.json and the closing note.
struct StreetMeasures
{
    double interior_boundary_m = 0.0; // length of boundary shared by two grids
    double on_streets_m = 0.0; // ... of it within street_distance_m of a street or barrier line
    double street_distance_m = 12.0;
    int blocks = 0;         // street blocks holding households
    int blocks_fitting = 0; // ... of them with households <= max
    std::vector<SplitBlock> fitting_split;
    int crossings_forced = 0;
    int crossings_avoidable = 0;
    int grids = 0; // residential grids
    int grids_within_bounds = 0;
    int grids_without_land = 0;
    int multipart_grids = 0;
    double mean_polsby_popper = 0.0;
};

// --exact: one piece of a community solved for the fewest cut links (partition/exact_check.hpp).
struct ExactCheck
{
    std::string community; // community id
    int units = 0, parts = 0, heuristic_cut = 0, exact_cut = -1, lower_bound = 0;
    std::string status; // optimal, feasible (stopped early), unknown
};

// --exact: pairs of neighbouring grids of a community re-solved as two (partition/exact_check.hpp).
struct ExactPairCheck
{
    std::string community; // community id
    int pairs = 0, solved = 0, heuristic_cut = 0, exact_cut = 0;
    int largest_solved = 0, smallest_unsolved = 0; // units of a pair
};

// gridplan review (issue 15, src/review/): the verdict on a hand-edited plan. Its problems are
// also Plan::issues (gaps.geojson); this keeps which are violations and what the planner edited.
struct ReviewProblem
{
    bool violation = false; // else a warning
    std::string reason;     // core/reasons vocabulary
    std::string grid;       // grid code (as drawn), when there is one
    std::string building;   // building id, when there is one
    double area_m2 = 0.0;   // overlaps, gaps, land outside the community
    std::string detail;
};

struct ReviewSummary
{
    std::string plan_grids, plan_buildings; // the edited sources (empty: not given)
    std::string edited_from;                // --previous: the plan it was edited from
    std::vector<ReviewProblem> problems;    // violations and warnings, in the order found
    std::vector<std::string> edited_grids;  // codes now of grids new or changed against it
    std::vector<std::string> renumbered;    // "drawn code -> code now" for codes not kept
    int violations = 0, warnings = 0;
};

struct Plan
{
    std::string working_crs; // e.g. "EPSG:32629"
    std::string working_crs_wkt;
    std::string working_crs_reason; // why that CRS (e.g. the input's was off true scale)
    std::vector<SourceInfo> sources;
    std::vector<Building> buildings;
    std::vector<Community> communities;
    std::vector<Compound> compounds;
    std::vector<Barrier> barriers;
    std::vector<Barrier> streets; // --streets and the street class of --roads (issue 13)
    std::vector<Barrier> lanes;   // the lane class of --roads: divide large blocks first
    std::vector<SpecialArea> specials;
    std::optional<MultiPolygon> street;
    std::vector<Grid> grids;
    std::vector<AreaGrid> areas;
    std::vector<Issue> issues;
    std::vector<CompoundOutcome> compound_outcomes; // filled after partitioning
    std::vector<Block> street_blocks;               // with streets (see Block)
    std::vector<Block> clusters;                    // without streets nor compounds (see Block)
    std::vector<BarrierRegion> regions;            // barrier-enclosed land per community (issue 13)
    std::optional<StreetMeasures> street_measures; // with streets or barriers (issue 13)
    // Mean Polsby-Popper of the grids tiled from the partition before improve (when measured).
    std::optional<double> mean_polsby_popper_before_improve;
    std::optional<ChangeReport> changes;           // re-run against a previous run (reconcile/)
    std::optional<RegisterJoin> register_join;     // --households-table
    std::vector<ExactCheck> exact_checks;          // --exact
    std::vector<ExactPairCheck> exact_pair_checks; // --exact, per community
    std::optional<ReviewSummary> review;           // gridplan review

    // The faces the blocks layer shows: the street blocks, else the inferred clusters.
    const std::vector<Block>& blockFaces() const
    {
        return street_blocks.empty() ? clusters : street_blocks;
    }
};

const char* toString(BuildingUse use);
const char* toString(HouseholdsSource source);
const char* toString(GridKind kind);

} // namespace gp
