// Everything a run needs to know, with the documented defaults. The CLI (or a config file) fills
// this in; the core never reads options from anywhere else.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gp
{

// One input as ogr2ogr would name it: a GDAL source, an optional layer and attribute filter.
struct LayerSource
{
    std::string path;
    std::string layer;      // empty: the only / first layer
    std::string where;      // OGR SQL attribute filter, empty: all features
    std::string id_field;   // empty: the FID
    std::string name_field; // empty: autodetect "name"/"名称"
    // CRS that overrides the layer's own (a .prj claiming EPSG:4326 for GCJ-02 data): any
    // string OGR understands, or GCJ02 / BD09. Empty: the layer's CRS, else --assume-crs.
    std::string crs = {};
};

// A polygon layer of land that is a dedicated grid by itself (parks, campuses, markets, industrial
// parks): each polygon, clipped to each community it lies in, becomes one dedicated grid.
struct SpecialSource
{
    LayerSource source;
    std::string kind_field = "kind"; // field naming the kind (office, market, campus, 公园, ...)
    std::string kind;                // kind of every polygon, when the layer has no kind field
};

// A household register (实有人口 / 房屋 table: CSV, XLSX, any GDAL table) joined to the buildings
// by a key; its counts take the place of --households-field (see classify/register_join.hpp).
struct HouseholdsTable
{
    LayerSource source;         // path, sheet (layer) and attribute filter
    std::string key;            // register column holding the key (building number, address)
    std::string building_field; // buildings field holding the same key
    std::string count;          // register column of households per row; empty: one per row
};

struct HouseholdEstimate
{
    // households = floors x footprint x usable_ratio / dwelling_m2, at least 1 for a dwelling.
    double usable_ratio = 0.75;  // share of gross floor area that is dwellings
    double dwelling_m2 = 90.0;   // average gross area per household
    double floor_height_m = 3.0; // storey height used to turn a height into floors
    // Floors assumed when neither floors nor height is known, by the raw use value
    // (e.g. "apartments" -> 5); "*" is the fallback for every other residential value.
    std::map<std::string, double> default_floors = {
        {"apartments", 5.0},
        {"residential", 3.0},
        {"house", 2.0},
        {"detached", 2.0},
        {"semidetached_house", 2.0},
        {"terrace", 2.0},
        {"yes", 3.0},
        {"*", 3.0},
        {"住宅", 6.0},
        {"公寓", 6.0},
        {"别墅", 3.0},
        {"农房", 2.0},
        {"平房", 1.0},
    };
    double min_area_m2 = 20.0; // footprints smaller than this hold no dwelling (sheds, kiosks)
};

// Non-residential buildings: clusters that pass a threshold become dedicated grids (专属网格);
// the rest are folded into the nearest residential grid reachable across no barrier.
struct DedicatedConfig
{
    double cluster_distance_m = 25.0;   // footprints this close (and no barrier between) cluster
    double min_floor_area_m2 = 20000.0; // a cluster with this much floor area is dedicated
    int min_buildings = 8;              // ... or this many buildings
    double default_floors = 2.0;        // floors assumed for floor area when unknown
    std::string flag_field;             // buildings field: non-empty, not 0/no/false -> dedicated
    std::string workers_field;          // buildings field: enterprise/worker count
    int min_workers = 1000;             // a cluster with this many workers is dedicated
    double fold_distance_m = 200.0;     // farthest a building is folded into a residential grid
};

// How grids are coded (organize/codes.hpp): "gridplan" (<street>-AA-CC-GGG), or a national
// scheme of digits only: "street15" (6-digit administrative + 3-digit street + 3-digit community
// + 3-digit sequence) or "cjt349" (CJ/T 349-2010: service-object code + the same 12 digits +
// 2-digit sequence).
struct CodeScheme
{
    std::string scheme = "gridplan";
    std::string service_code;         // cjt349: the service-object code (digits)
    std::string admin_code;           // 6-digit administrative (county) code, e.g. 110105
    std::string street_number;        // 3-digit street (township) number, e.g. 001
    std::string community_code_field; // communities field: 3-digit community code, or the full
                                      // 12-digit statistical code (统计用区划代码); empty: numbered
};

struct PartitionConfig
{
    LayerSource buildings;
    LayerSource communities;
    std::optional<LayerSource> street;
    std::optional<LayerSource> compounds;
    std::vector<LayerSource> barriers;
    std::vector<SpecialSource> specials;

    std::string households_field;
    std::optional<HouseholdsTable> households_table;
    std::string floors_field;
    std::string height_field;
    std::string use_field;
    // Extra raw value -> use class entries ("kiosk=commercial"); they override the built-in table.
    std::map<std::string, std::string> use_mapping;

    // CRS given by the user for layers that carry none (any string OGR understands, or GCJ02 /
    // BD09 for the lon/lat of Chinese web maps).
    std::string assume_crs;
    // CRS of every output layer: EPSG:4326 (empty), GCJ02, BD09 or any CRS OGR understands.
    std::string output_crs;
    // Working metric CRS; empty: the buildings' projected CRS, else the local UTM zone.
    std::string working_crs;

    int min_households = 300;
    int max_households = 500;
    int target_households = 400;

    // Area grids (片区): households per area around this target (bounds target/2 .. 3*target/2),
    // or exactly `area_count` areas when it is positive.
    int area_target_households = 8000;
    int area_count = 0;

    HouseholdEstimate estimate;
    DedicatedConfig dedicated;

    unsigned seed = 1; // every random choice is seeded: same inputs + options = same bytes
    std::string street_code = "S"; // prefix of every grid code
    CodeScheme codes;

    std::string out_dir;
    // Outputs: "geojson" (one file per layer) or "gpkg" (every layer in out_dir/gridplan.gpkg).
    // An out_dir starting with "PG:" writes PostGIS tables <pg_schema>.<pg_table_prefix><layer>
    // instead, all replaced in one transaction.
    std::string output_format = "geojson";
    std::string pg_schema = "public";
    std::string pg_table_prefix = "gridplan_";

    // Also tile the partition as it was before the improve stage, to measure what improve gains
    // in Polsby-Popper (costs a second tiling).
    bool measure_improvement = false;

    // Re-running against a previous run (src/reconcile/): its output folder, and grids the
    // planner fixed by hand (a polygon layer with a grid_code field, or a text/CSV list of codes).
    std::string previous_dir;
    std::string lock_path;
    // --lock-edited: lock every grid the previous run (a `gridplan review` output) lists as
    // hand-edited in report.json review.edited_grids.
    bool lock_edited = false;
    // Threads for the per-community stages (partition, improve, tile); 0: every core. The
    // outputs do not depend on it.
    int threads = 0;
    // Streets (issue 13): centre lines that grid boundaries follow (grids may cross them), and
    // roads layers split by a class field into barriers / streets / lanes (graph/road_classes).
    std::vector<LayerSource> streets;
    std::vector<LayerSource> roads;
    std::string road_class_field = "highway";
    std::map<std::string, std::string> road_classes; // VALUE=barrier|street|lane|ignore overrides
    // Language of report.html headings and of QGIS layer names, legends and labels: "en" or "zh".
    std::string lang = "en";
    // The atlas print layout of gridplan.qgs (write/qgis_layout.hpp): the street's name on its
    // pages (empty: street_code), and the data attribution printed on every page (empty: what the
    // ATTRIBUTION.txt files beside the inputs say, write/attribution.hpp).
    std::string street_name;
    std::string attribution;

    // The exact partition model (src/partition/exact.hpp). A piece (connected units of a
    // community) up to exact_max_units units that the repair leaves out of bounds gets a plan or
    // a proof that none exists; exact_seconds caps each solve. exact_check_units > 0 (--exact)
    // also solves every piece up to that size for the fewest cut links and reports the gap to
    // the heuristic's plan in report.json.
    int exact_max_units = 200;
    double exact_seconds = 10.0;
    int exact_check_units = 0;
    // Debug (--export-graph PREFIX): each community's unit graph as PREFIX-<n>.graph (METIS
    // format) and PREFIX-<n>.xy, n = community index, for scripts/bench_peers.sh.
    std::string export_graph;
};

// Most threads -j accepts (README "Threads").
inline constexpr int kMaxThreads = 256;

// Throws ConfigError when the options contradict each other (e.g. min > max).
void validate(const PartitionConfig& config);

} // namespace gp
