#include "cli/input_options.hpp"

#include "classify/road_classes.hpp"
#include "core/error.hpp"
#include "io/china_coords.hpp"
#include "io/gdal_support.hpp"

#include <map>
#include <stdexcept>
#include <type_traits>

namespace gp::cli
{

namespace
{

// Splits "key=value" options into a map; ConfigError on a malformed entry.
template <typename Value>
void parsePairs(const std::vector<std::string>& items, const std::string& option,
                std::map<std::string, Value>& out)
{
    for (const auto& item : items)
    {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw gp::ConfigError(option + " expects VALUE=..., got '" + item + "'");
        const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
        if constexpr (std::is_same_v<Value, std::string>)
            out[key] = value;
        else
        {
            try
            {
                std::size_t used = 0;
                out[key] = std::stod(value, &used);
                if (used != value.size())
                    throw std::invalid_argument(value);
            }
            catch (const std::exception&)
            {
                throw gp::ConfigError(option + " expects a number after '=', got '" + item + "'");
            }
        }
    }
}

// A per-source option: absent, once for all sources, or once per source.
std::string perSource(const std::vector<std::string>& values,
                      const std::vector<std::string>& sources, const std::string& option,
                      std::size_t i)
{
    if (values.empty())
        return std::string();
    if (values.size() == 1)
        return values[0];
    if (values.size() != sources.size())
        throw gp::ConfigError(option + " must be given once, or once per source it applies to");
    return values[i];
}

// Inputs: the layers, each with its layer, filter, id field and CRS.
void bindLayers(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    bindLayerSource(sub, config.buildings, "buildings",
                    "Building footprints (or points): any GDAL vector source", true);
    bindLayerSource(sub, config.communities, "communities",
                    "Community (居民区/社区) boundary polygons", true);
    sub.add_option("--communities-name-field", config.communities.name_field,
                   "Field holding community names (default: name / 名称)");
    bindLayerSource(sub, o.street, "street", "The street (街道) boundary polygon", false);
    bindLayerSource(sub, o.compounds, "compounds",
                    "Residential compounds (小区) / village groups as polygons", false);
    o.barriers.add(sub, "barriers", "Barrier lines or polygons: roads, rail, rivers (repeatable)");
    o.streets.add(sub, "streets",
                  "Street centre lines: grid boundaries follow them, grids may cross them "
                  "(repeatable)");
    o.roads.add(sub, "roads",
                "Road lines with a class field, split into barriers / streets / lanes "
                "(repeatable; see README 'Streets')");
    sub.add_option("--road-class-field", config.road_class_field,
                   "Field of --roads holding the class (OSM highway=, 道路等级)")
        ->capture_default_str();
    sub.add_option("--road-class", o.road_classes,
                   "Extra road class mapping VALUE=barrier|street|lane|ignore, e.g. 次干路=barrier "
                   "(repeatable)");
    sub.add_option("--special", o.special_paths,
                   "Polygons that are dedicated grids by themselves: parks, campuses, markets, "
                   "industrial parks (repeatable)");
    sub.add_option("--special-layer", o.special_layers,
                   "Layer per --special source (once for all, or once per source)");
    sub.add_option("--special-where", o.special_wheres,
                   "Attribute filter per --special source (once for all, or once per source)");
    sub.add_option("--special-id-field", o.special_id_fields,
                   "Id field per --special source (default: the feature id)");
    sub.add_option("--special-kind-field", o.special_kind_fields,
                   "Field naming each polygon's kind: office, market, campus, park, 公园, 学校, "
                   "... (default: kind)");
    sub.add_option("--special-crs", o.special_crss,
                   "CRS per --special source overriding its own, e.g. GCJ02 (once for all, or once "
                   "per source)");
    sub.add_option("--special-kind", o.special_kinds,
                   "One kind for every polygon of a --special source without a kind field");
}

// Dedicated grids: which non-residential clusters become grids of their own.
void bindDedicated(CLI::App& sub, CliOptions& o)
{
    auto& ded = o.config.dedicated;
    sub.add_option(
           "--dedicated-distance", ded.cluster_distance_m,
           "Non-residential footprints this close (m), with no barrier between, form one cluster")
        ->capture_default_str();
    sub.add_option("--dedicated-floor-area", ded.min_floor_area_m2,
                   "A cluster with this much floor area (m2) becomes a dedicated grid")
        ->capture_default_str();
    sub.add_option("--dedicated-buildings", ded.min_buildings, "... or with this many buildings")
        ->capture_default_str();
    sub.add_option("--dedicated-flag-field", ded.flag_field,
                   "Buildings field: a non-empty value other than 0/no/false/否 makes its cluster "
                   "a dedicated grid");
    sub.add_option("--workers-field", ded.workers_field,
                   "Buildings field with the enterprise / worker count");
    sub.add_option("--dedicated-workers", ded.min_workers,
                   "... or a cluster with this many workers (needs --workers-field)")
        ->capture_default_str();
    sub.add_option("--fold-distance", ded.fold_distance_m,
                   "Farthest (m) a small shop or market is folded into a residential grid")
        ->capture_default_str();
}

// Area grids (片区).
void bindAreas(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--area-target", config.area_target_households,
                   "Households per area grid (片区), balanced around this")
        ->capture_default_str();
    sub.add_option("--areas", config.area_count,
                   "Exactly this many area grids (overrides --area-target)");
}

// Households: fields, the register, uses.
void bindHouseholds(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--households-field", config.households_field,
                   "Buildings field with household counts");
    sub.add_option("--households-table", o.households_table.source.path,
                   "Households register (实有人口/房屋 table): CSV, XLSX or any GDAL table, joined "
                   "to buildings by a key");
    sub.add_option("--households-table-layer", o.households_table.source.layer,
                   "Sheet / layer of the households register (default: the first)");
    sub.add_option("--households-table-where", o.households_table.source.where,
                   "OGR SQL attribute filter on the households register rows");
    sub.add_option("--households-table-key", o.households_table.key,
                   "Register column holding the key (building number or address)");
    sub.add_option("--households-key-field", o.households_table.building_field,
                   "Buildings field holding the same key");
    sub.add_option("--households-table-count", o.households_table.count,
                   "Register column with households per row (default: every row is one household)");
    sub.add_option("--floors-field", config.floors_field,
                   "Buildings field with the number of floors");
    sub.add_option("--height-field", config.height_field,
                   "Buildings field with the height in metres");
    sub.add_option("--use-field", config.use_field,
                   "Buildings field with the use (OSM building=, 住宅, 商业, ...)");
    sub.add_option("--use-map", o.use_map,
                   "Extra use mapping VALUE=CLASS, e.g. 综合楼=residential (repeatable)");
}

// Bounds: households per grid.
void bindBounds(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--min", config.min_households, "Fewest households per grid")
        ->capture_default_str();
    sub.add_option("--max", config.max_households, "Most households per grid")
        ->capture_default_str();
    sub.add_option("--target", config.target_households, "Preferred households per grid")
        ->capture_default_str();
}

// Estimates of households from floor area.
void bindEstimates(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--usable-ratio", config.estimate.usable_ratio,
                   "Share of floor area that is dwellings (estimates)")
        ->capture_default_str();
    sub.add_option("--dwelling-m2", config.estimate.dwelling_m2,
                   "Average floor area per household in m2 (estimates)")
        ->capture_default_str();
    sub.add_option("--floor-height", config.estimate.floor_height_m,
                   "Storey height in metres, to turn heights into floors")
        ->capture_default_str();
    sub.add_option("--min-dwelling-footprint", config.estimate.min_area_m2,
                   "Footprints below this many m2 hold no dwelling")
        ->capture_default_str();
    sub.add_option("--default-floors", o.default_floors,
                   "Floors assumed for a use value, VALUE=N (repeatable; * = any other)");
}

// Coordinate systems and encodings.
void bindCrs(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--assume-crs", config.assume_crs,
                   "CRS for layers that carry none, e.g. EPSG:4326, EPSG:4490, or GCJ02 / BD09 "
                   "(Amap / Baidu lon/lat)");
    sub.add_option("--output-crs", config.output_crs,
                   "CRS of the output layers: EPSG:4326 (default), GCJ02 / BD09 to overlay Amap / "
                   "Baidu basemaps, or any EPSG:xxxx");
    sub.add_option("--source-encoding", o.source_encoding,
                   "Text encoding of every Shapefile's .dbf (e.g. GBK), overriding its .cpg; for "
                   "data without a .cpg");
    sub.add_option(
        "--working-crs", config.working_crs,
        "Metric CRS to work in (default: the buildings' projected CRS, else the local UTM zone)");
}

// Codes and the seed.
void bindCodes(CLI::App& sub, CliOptions& o)
{
    auto& config = o.config;
    sub.add_option("--street-code", config.street_code,
                   "Code prefix of every grid (e.g. the street's administrative code)")
        ->capture_default_str();
    sub.add_option("--code-scheme", config.codes.scheme,
                   "Grid codes: gridplan (<street>-AA-CC-GGG), street15 (admin 6 + street 3 + "
                   "community 3 + grid 3 digits) or cjt349 (CJ/T 349-2010: service-object code + "
                   "the same 12 digits + grid 2 digits)")
        ->capture_default_str();
    sub.add_option("--admin-code", config.codes.admin_code,
                   "street15 / cjt349: 6-digit administrative (county) code, e.g. 110105");
    sub.add_option("--street-number", config.codes.street_number,
                   "street15 / cjt349: 3-digit street (township) number, e.g. 001");
    sub.add_option("--community-code-field", config.codes.community_code_field,
                   "street15 / cjt349: communities field with the 3-digit community code or the "
                   "12-digit statistical code (default: numbered in reading order)");
    sub.add_option("--service-code", config.codes.service_code,
                   "cjt349: the service-object code (digits) that starts every grid code");
    sub.add_option("--seed", config.seed, "Seed of every random choice")->capture_default_str();
}

} // namespace

void bindLayerSource(CLI::App& app, LayerSource& source, const std::string& role,
                     const std::string& help, bool required, bool with_id_field)
{
    auto* opt = app.add_option("--" + role, source.path, help);
    if (required)
        opt->required();
    app.add_option("--" + role + "-layer", source.layer,
                   "Layer of a multi-layer " + role + " source (default: the first)");
    app.add_option("--" + role + "-where", source.where,
                   "OGR SQL attribute filter on " + role + ", e.g. \"type = 'x'\"");
    if (with_id_field)
        app.add_option("--" + role + "-id-field", source.id_field,
                       "Field holding " + role + " ids (default: the feature id)");
    app.add_option(
        "--" + role + "-crs", source.crs,
        "CRS of " + role +
            ", overriding the layer's own (e.g. GCJ02 when a .prj wrongly says EPSG:4326)");
}

void bindInputOptions(CLI::App& sub, CliOptions& o)
{
    bindLayers(sub, o);
    bindDedicated(sub, o);
    bindAreas(sub, o);
    bindHouseholds(sub, o);
    bindBounds(sub, o);
    bindEstimates(sub, o);
    bindCrs(sub, o);
    bindCodes(sub, o);
}

void RepeatedSource::add(CLI::App& sub, const std::string& name, const std::string& what)
{
    const std::string per = " per --" + name + " source (once for all, or once per source)";
    sub.add_option("--" + name, paths, what);
    sub.add_option("--" + name + "-layer", layers, "Layer" + per);
    sub.add_option("--" + name + "-where", wheres, "Attribute filter" + per);
    sub.add_option("--" + name + "-crs", crss, "CRS overriding its own, e.g. GCJ02," + per);
}

std::vector<gp::LayerSource> RepeatedSource::sources(const std::string& name) const
{
    std::vector<gp::LayerSource> out;
    for (std::size_t i = 0; i < paths.size(); ++i)
    {
        gp::LayerSource s;
        s.path = paths[i];
        s.layer = perSource(layers, paths, "--" + name + "-layer", i);
        s.where = perSource(wheres, paths, "--" + name + "-where", i);
        s.crs = perSource(crss, paths, "--" + name + "-crs", i);
        out.push_back(std::move(s));
    }
    return out;
}

void finishConfig(CliOptions& o)
{
    auto& config = o.config;
    if (!o.street.path.empty())
        config.street = o.street;
    if (!o.compounds.path.empty())
        config.compounds = o.compounds;
    config.barriers = o.barriers.sources("barriers");
    config.streets = o.streets.sources("streets");
    config.roads = o.roads.sources("roads");
    parsePairs(o.road_classes, "--road-class", config.road_classes);
    (void)gp::classify::RoadClasses(
        config.road_classes); // an unknown role is a usage error (exit 2)
    for (std::size_t i = 0; i < o.special_paths.size(); ++i)
    {
        gp::SpecialSource s;
        s.source.path = o.special_paths[i];
        s.source.layer = perSource(o.special_layers, o.special_paths, "--special-layer", i);
        s.source.where = perSource(o.special_wheres, o.special_paths, "--special-where", i);
        s.source.id_field =
            perSource(o.special_id_fields, o.special_paths, "--special-id-field", i);
        s.kind = perSource(o.special_kinds, o.special_paths, "--special-kind", i);
        s.source.crs = perSource(o.special_crss, o.special_paths, "--special-crs", i);
        if (auto field =
                perSource(o.special_kind_fields, o.special_paths, "--special-kind-field", i);
            !field.empty())
            s.kind_field = field;
        config.specials.push_back(std::move(s));
    }
    if (!o.households_table.source.path.empty())
    {
        if (o.households_table.key.empty() || o.households_table.building_field.empty())
            throw gp::ConfigError(
                "--households-table needs --households-table-key (its column) and "
                "--households-key-field (the buildings field)");
        config.households_table = o.households_table;
    }
    else if (!o.households_table.key.empty() || !o.households_table.building_field.empty() ||
             !o.households_table.count.empty())
        throw gp::ConfigError(
            "--households-table-key, --households-key-field and --households-table-count "
            "need --households-table");
    parsePairs(o.use_map, "--use-map", config.use_mapping);
    parsePairs(o.default_floors, "--default-floors", config.estimate.default_floors);
    if (!o.source_encoding.empty())
        gp::io::setShapefileEncoding(o.source_encoding);
    if (!config.output_crs.empty() && !gp::io::parseLonLatShift(config.output_crs))
        gp::io::spatialRefFromUser(config.output_crs); // ConfigError now, not after the run
}

} // namespace gp::cli
