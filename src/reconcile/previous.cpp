#include "reconcile/previous.hpp"

#include "core/error.hpp"
#include "io/layer_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gp::reconcile
{

namespace
{

namespace fs = std::filesystem;

std::string need(const std::string& dir, const char* name)
{
    const fs::path path = fs::path(dir) / name;
    if (!fs::exists(path))
        throw InputError("previous run '" + dir + "': no " + name +
                         " (--previous must name the output folder of an earlier gridplan run)");
    return path.string();
}

int toInt(const std::optional<std::string>& v)
{
    if (!v || v->empty())
        return 0;
    try
    {
        return static_cast<int>(std::stoll(*v));
    }
    catch (const std::exception&)
    {
        return 0;
    }
}

double toReal(const std::optional<std::string>& v)
{
    if (!v || v->empty())
        return 0;
    try
    {
        return std::stod(*v);
    }
    catch (const std::exception&)
    {
        return 0;
    }
}

// The CRS a previous run wrote its layers in (report.json "output_crs"): GCJ02 / BD09 files say
// EPSG:4326, so the shift must be named to read them back; empty for EPSG:4326 and older runs.
std::string previousOutputCrs(const std::string& dir)
{
    std::ifstream in(fs::path(dir) / "report.json", std::ios::binary);
    const auto report = nlohmann::json::parse(in, nullptr, false);
    if (report.is_object() && report.contains("output_crs") && report["output_crs"].is_string() &&
        report["output_crs"] != "EPSG:4326")
        return report["output_crs"].get<std::string>();
    return "";
}

io::LayerRecords readLayer(const std::string& path, const std::string& id_field,
                           const std::vector<std::string>& fields, io::GeometryKind kind,
                           const OGRSpatialReference& working)
{
    LayerSource source;
    source.path = path;
    source.crs = previousOutputCrs(fs::path(path).parent_path().string());
    source.id_field = id_field;
    source.name_field = fields.front(); // not used; avoids guessing a "name" field
    io::InputLayer layer(source, "previous run", "EPSG:4326");
    return layer.read(working, fields, kind);
}

std::vector<std::string> splitList(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

nlohmann::json parseJson(const std::string& dir, const std::string& path, const char* name)
{
    std::ifstream in(path, std::ios::binary);
    try
    {
        return nlohmann::json::parse(in);
    }
    catch (const std::exception& e)
    {
        throw InputError("previous run '" + dir + "': " + name + " is not JSON: " + e.what());
    }
}

// The grids of a previous grids.geojson whose geometry is null, from their properties.
std::vector<PreviousGrid> gridsWithoutGeometry(const std::string& path)
{
    const auto grids = parseJson(fs::path(path).parent_path().string(), path, "grids.geojson");
    auto text = [](const nlohmann::json& p, const char* key, const char* fallback = "")
    {
        return p.contains(key) && p[key].is_string() ? p[key].get<std::string>()
                                                     : std::string(fallback);
    };
    auto number = [](const nlohmann::json& p, const char* key)
    { return p.contains(key) && p[key].is_number() ? p[key].get<double>() : 0.0; };
    std::vector<PreviousGrid> out;
    for (const auto& f : grids.value("features", nlohmann::json::array()))
    {
        if (f.contains("geometry") && !f["geometry"].is_null())
            continue;
        const auto& p = f.value("properties", nlohmann::json::object());
        PreviousGrid g;
        g.code = text(p, "grid_code");
        if (g.code.empty())
            continue;
        g.kind = text(p, "kind", "residential");
        g.community = text(p, "community");
        g.households = static_cast<int>(number(p, "households"));
        g.dedicated_type = text(p, "dedicated_type");
        g.floor_area_m2 = number(p, "floor_area_m2");
        g.folded_buildings = static_cast<int>(number(p, "folded_buildings"));
        g.folded_floor_area_m2 = number(p, "folded_floor_area_m2");
        g.cut_edges = static_cast<int>(number(p, "cut_edges"));
        g.barrier_crossings = static_cast<int>(number(p, "barrier_crossings"));
        g.area_m2 = number(p, "area_m2");
        g.polsby_popper = number(p, "polsby_popper");
        out.push_back(std::move(g));
    }
    return out;
}

// buildings.geojson: each building's grid code, community, households and footprint.
void readBuildings(const std::string& dir, PreviousRun& prev, const OGRSpatialReference& working)
{
    auto records = readLayer(need(dir, "buildings.geojson"), "building_id",
                             {"grid_code", "community", "households"},
                             io::GeometryKind::PolygonalOrPoint, working);
    for (auto& rec : records.features)
    {
        PreviousBuilding b;
        b.code = rec.values[0].value_or("");
        b.community = rec.values[1].value_or("");
        b.households = toInt(rec.values[2]);
        b.footprint = std::move(rec.polygons);
        b.point = rec.point;
        prev.buildings[rec.id] = std::move(b);
    }
}

// grids.geojson: every grid, with the ids of its buildings.
void readGrids(const std::string& dir, PreviousRun& prev, const OGRSpatialReference& working)
{
    auto records = readLayer(need(dir, "grids.geojson"), "grid_code",
                             {"kind", "community", "households", "dedicated_type", "floor_area_m2",
                              "folded_buildings", "folded_floor_area_m2", "cut_edges",
                              "barrier_crossings", "area_m2", "polsby_popper"},
                             io::GeometryKind::Polygonal, working);
    for (auto& rec : records.features)
    {
        PreviousGrid g;
        g.code = rec.id;
        g.kind = rec.values[0].value_or("residential");
        g.community = rec.values[1].value_or("");
        g.households = toInt(rec.values[2]);
        g.dedicated_type = rec.values[3].value_or("");
        g.floor_area_m2 = toReal(rec.values[4]);
        g.folded_buildings = toInt(rec.values[5]);
        g.folded_floor_area_m2 = toReal(rec.values[6]);
        g.cut_edges = toInt(rec.values[7]);
        g.barrier_crossings = toInt(rec.values[8]);
        g.area_m2 = toReal(rec.values[9]);
        g.polsby_popper = toReal(rec.values[10]);
        g.area = std::move(rec.polygons);
        prev.grids[g.code] = std::move(g);
    }
    // The reader skips features without geometry; a grid may have none (several records
    // sharing one footprint give the land to one of their grids), and it is still a grid.
    if (records.info.features_skipped > 0)
        for (auto& g : gridsWithoutGeometry(need(dir, "grids.geojson")))
            prev.grids.emplace(g.code, std::move(g));
    for (const auto& [id, b] : prev.buildings)
    {
        auto it = prev.grids.find(b.code);
        if (!b.code.empty() && it != prev.grids.end())
            it->second.buildings.push_back(id); // map order: already sorted
    }
}

// communities.geojson: each community's code and outline.
void readCommunities(const std::string& dir, PreviousRun& prev, const OGRSpatialReference& working)
{
    auto records = readLayer(need(dir, "communities.geojson"), "community", {"community_code"},
                             io::GeometryKind::Polygonal, working);
    for (auto& rec : records.features)
        prev.communities[rec.id] = {rec.values[0].value_or(""), std::move(rec.polygons)};
}

// gaps.geojson, properties only: tiling notes have no geometry, and carried issues take
// theirs from the current plan.
void readIssues(const std::string& dir, PreviousRun& prev)
{
    const nlohmann::json gaps = parseJson(dir, need(dir, "gaps.geojson"), "gaps.geojson");
    auto str = [](const nlohmann::json& p, const char* key)
    { return p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string(); };
    for (const auto& f : gaps.value("features", nlohmann::json::array()))
    {
        const auto& p = f.value("properties", nlohmann::json::object());
        PreviousIssue issue;
        issue.reason = str(p, "reason");
        issue.cause = str(p, "cause");
        issue.detail = str(p, "detail");
        issue.community = str(p, "community");
        issue.grid = str(p, "grid_code");
        issue.households = p.contains("households") && p["households"].is_number_integer()
                               ? p["households"].get<int>()
                               : 0;
        // A JSON array since issue 18; a comma-joined string before.
        if (p.contains("building_ids") && p["building_ids"].is_array())
            for (const auto& id : p["building_ids"])
                issue.buildings.push_back(id.is_string() ? id.get<std::string>() : id.dump());
        else
            issue.buildings = splitList(str(p, "building_ids"));
        prev.issues.push_back(std::move(issue));
    }
}

// report.json: the bounds the run used and the codes retired so far.
void readReport(const std::string& dir, PreviousRun& prev)
{
    const nlohmann::json report = parseJson(dir, need(dir, "report.json"), "report.json");
    if (report.contains("options") && report["options"].is_object())
    {
        prev.min_households = report["options"].value("min", 0);
        prev.max_households = report["options"].value("max", 0);
    }
    if (report.contains("codes") && report["codes"].contains("retired") &&
        report["codes"]["retired"].is_array())
        for (const auto& c : report["codes"]["retired"])
            if (c.is_string())
                prev.retired.insert(c.get<std::string>());
}

} // namespace

PreviousRun loadPrevious(const std::string& dir, const std::string& working_crs_wkt)
{
    PreviousRun prev;
    prev.dir = dir;
    if (!fs::is_directory(dir))
        throw InputError("previous run '" + dir + "' is not a folder");
    const auto working = io::spatialRefFromUser(working_crs_wkt);
    readBuildings(dir, prev, *working);
    readGrids(dir, prev, *working);
    readCommunities(dir, prev, *working);
    readIssues(dir, prev);
    readReport(dir, prev);
    return prev;
}

} // namespace gp::reconcile
