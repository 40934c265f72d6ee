#include "io/load.hpp"

#include "classify/road_classes.hpp"
#include "core/error.hpp"
#include "io/households_register.hpp"
#include "io/layer_reader.hpp"
#include "io/reproject.hpp"

#include <algorithm>
#include <map>

namespace gp::io
{

namespace
{

void takeIssues(Plan& plan, LayerRecords& records)
{
    plan.sources.push_back(records.info);
    for (auto& issue : records.issues)
        plan.issues.push_back(std::move(issue));
}

std::vector<std::string> buildingFields(const PartitionConfig& config)
{
    std::vector<std::string> fields;
    for (const auto* f :
         {&config.households_field, &config.floors_field, &config.height_field, &config.use_field,
          &config.dedicated.flag_field, &config.dedicated.workers_field})
        if (!f->empty())
            fields.push_back(*f);
    if (config.households_table)
        fields.push_back(config.households_table->building_field);
    return fields;
}

// Ids named by an id field that are blank, or shared by several features: (id, FIDs), in id order.
std::vector<std::pair<std::string, std::vector<std::int64_t>>> badIds(const LayerRecords& records)
{
    std::map<std::string, std::vector<std::int64_t>> fids;
    for (const auto& rec : records.features)
        fids[rec.id_empty ? std::string() : rec.id].push_back(rec.fid);
    std::vector<std::pair<std::string, std::vector<std::int64_t>>> bad;
    for (auto& [id, list] : fids)
        if (id.empty() || list.size() > 1)
            bad.emplace_back(id, std::move(list));
    return bad;
}

std::string fidList(const std::vector<std::int64_t>& fids)
{
    std::string text;
    for (std::size_t i = 0; i < fids.size() && i < 10; ++i)
        text += (i ? ", " : "") + std::to_string(fids[i]);
    return text + (fids.size() > 10 ? " and " + std::to_string(fids.size() - 10) + " more" : "");
}

// Community codes and re-runs follow community ids: a blank or shared one is refused.
void refuseBadCommunityIds(const LayerRecords& records, const LayerSource& source)
{
    const auto bad = badIds(records);
    if (bad.empty())
        return;
    std::string text;
    for (std::size_t i = 0; i < bad.size() && i < 5; ++i)
        text +=
            std::string(i ? "; " : "") +
            (bad[i].first.empty() ? "blank id at FIDs " : "id '" + bad[i].first + "' at FIDs ") +
            fidList(bad[i].second);
    throw InputError("in communities source '" + redactConnection(source.path) +
                     "': the --communities-id-field '" + source.id_field +
                     "' must give every community its own non-blank id: " + text +
                     (bad.size() > 5 ? " and " + std::to_string(bad.size() - 5) + " more" : ""));
}

// Buildings with a blank or shared id are kept (one record per 单元 may share its building's
// id), but outputs and re-runs cannot tell them apart: listed as empty_id / duplicate_id.
void reportBadBuildingIds(const LayerRecords& records, const LayerSource& source, Plan& plan)
{
    for (const auto& [id, fids] : badIds(records))
    {
        Issue issue;
        issue.reason = id.empty() ? "empty_id" : "duplicate_id";
        issue.detail =
            "buildings source '" + redactConnection(source.path) + "': " +
            (id.empty() ? "blank --buildings-id-field '" + source.id_field + "' at FIDs " +
                              fidList(fids) + " (named FID:<fid> in the outputs)"
                        : "id '" + id + "' is used by " + std::to_string(fids.size()) +
                              " buildings (FIDs " + fidList(fids) + ")") +
            "; give every building its own id, or re-runs with --previous cannot follow them";
        for (const auto& rec : records.features)
            if (rec.id_empty ? id.empty() : rec.id == id)
                issue.buildings.push_back(rec.id);
        plan.issues.push_back(std::move(issue));
    }
}

// Every input layer, opened (and its CRS checked) before anything is read.
struct OpenedInputs
{
    InputLayer buildings, communities;
    std::optional<InputLayer> street, compounds;
    std::vector<InputLayer> barriers, specials;
    std::vector<InputLayer> streets, roads; // street centre lines; roads split by class
};

OpenedInputs openInputs(const PartitionConfig& config)
{
    OpenedInputs in{InputLayer(config.buildings, "buildings", config.assume_crs),
                    InputLayer(config.communities, "communities", config.assume_crs),
                    std::nullopt,
                    std::nullopt,
                    {},
                    {},
                    {},
                    {}};
    if (config.street)
        in.street.emplace(*config.street, "street", config.assume_crs);
    if (config.compounds)
        in.compounds.emplace(*config.compounds, "compounds", config.assume_crs);
    for (const auto& b : config.barriers)
        in.barriers.emplace_back(b, "barriers", config.assume_crs);
    for (const auto& s : config.specials)
        in.specials.emplace_back(s.source, "special", config.assume_crs);
    for (const auto& s : config.streets)
        in.streets.emplace_back(s, "streets", config.assume_crs);
    for (const auto& r : config.roads)
        in.roads.emplace_back(r, "roads", config.assume_crs);
    return in;
}

void setWorkingCrs(const OGRSpatialReference& working, std::string reason, Plan& plan)
{
    plan.working_crs = describeSrs(working);
    plan.working_crs_reason = std::move(reason);
    char* wkt = nullptr;
    working.exportToWkt(&wkt);
    plan.working_crs_wkt = wkt ? wkt : "";
    CPLFree(wkt);
}

// Footprints (or points) and the raw attribute text for classify/.
void readBuildings(InputLayer& layer, const OGRSpatialReference& working,
                   const PartitionConfig& config, Plan& plan, ProgressReporter* progress)
{
    const auto fields = buildingFields(config);
    auto records =
        layer.read(working, fields, GeometryKind::PolygonalOrPoint, progress, config.threads);
    auto valueOf = [&](const FeatureRecord& rec, const std::string& field)
    {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (!field.empty() && fields[i] == field)
                return rec.values[i];
        return std::optional<std::string>();
    };
    plan.buildings.reserve(records.features.size());
    std::vector<std::optional<std::string>> register_keys; // --households-key-field values
    for (auto& rec : records.features)
    {
        if (config.households_table)
            register_keys.push_back(valueOf(rec, config.households_table->building_field));
        Building b;
        b.id = rec.id;
        b.name = rec.name;
        b.inputs.households = valueOf(rec, config.households_field);
        b.inputs.floors = valueOf(rec, config.floors_field);
        b.inputs.height = valueOf(rec, config.height_field);
        b.inputs.dedicated_flag = valueOf(rec, config.dedicated.flag_field);
        b.inputs.workers = valueOf(rec, config.dedicated.workers_field);
        b.use_value = valueOf(rec, config.use_field).value_or("");
        if (!rec.polygons.empty())
        {
            b.footprint = std::move(rec.polygons);
            b.area_m2 = bg::area(b.footprint);
            b.anchor = interiorPointOf(b.footprint);
        }
        else
            b.anchor = *rec.point;
        plan.buildings.push_back(std::move(b));
    }
    takeIssues(plan, records);
    if (!config.buildings.id_field.empty())
        reportBadBuildingIds(records, config.buildings, plan);
    if (config.households_table)
        plan.register_join =
            classify::joinRegister(plan.buildings, register_keys,
                                   readHouseholdsRegister(*config.households_table), plan.issues);
}

void readCommunities(InputLayer& layer, const OGRSpatialReference& working,
                     const PartitionConfig& config, Plan& plan, ProgressReporter* progress)
{
    // The national code schemes may take each community's code from a field.
    const std::string& code_field = config.codes.community_code_field;
    auto records = layer.read(working,
                              code_field.empty() ? std::vector<std::string>{}
                                                 : std::vector<std::string>{code_field},
                              GeometryKind::Polygonal, progress, config.threads);
    if (!config.communities.id_field.empty())
        refuseBadCommunityIds(records, config.communities);
    for (auto& rec : records.features)
        plan.communities.push_back({rec.id,
                                    rec.name,
                                    std::move(rec.polygons),
                                    -1,
                                    {},
                                    code_field.empty() ? "" : rec.values[0].value_or("")});
    takeIssues(plan, records);
    if (plan.communities.empty())
        throw InputError("communities source '" + config.communities.path +
                         "' holds no usable polygon");
    // An area groups whole communities: more areas than communities cannot be made.
    if (config.area_count > static_cast<int>(plan.communities.size()))
        throw ConfigError("--areas " + std::to_string(config.area_count) +
                          " asks for more area grids than there are "
                          "communities (" +
                          std::to_string(plan.communities.size()) + " in '" +
                          redactConnection(config.communities.path) + "'): give at most " +
                          std::to_string(plan.communities.size()));
}

// Compounds and the street outline: plain polygon layers.
void readOutlines(OpenedInputs& in, const OGRSpatialReference& working,
                  const PartitionConfig& config, Plan& plan, ProgressReporter* progress)
{
    if (in.compounds)
    {
        auto records =
            in.compounds->read(working, {}, GeometryKind::Polygonal, progress, config.threads);
        for (auto& rec : records.features)
            plan.compounds.push_back({rec.id, rec.name, std::move(rec.polygons), -1});
        takeIssues(plan, records);
    }
    if (in.street)
    {
        auto records =
            in.street->read(working, {}, GeometryKind::Polygonal, progress, config.threads);
        for (auto& rec : records.features)
        {
            if (!plan.street)
                plan.street.emplace();
            for (auto& p : rec.polygons)
                plan.street->push_back(std::move(p));
        }
        takeIssues(plan, records);
    }
}

void readBarriers(std::vector<InputLayer>& layers, const OGRSpatialReference& working,
                  const PartitionConfig& config, Plan& plan, ProgressReporter* progress)
{
    for (auto& layer : layers)
    {
        auto records = layer.read(working, {}, GeometryKind::Lineal, progress, config.threads);
        Barrier barrier;
        barrier.source = records.info.path;
        for (auto& rec : records.features)
            for (auto& line : rec.lines)
                barrier.lines.push_back(std::move(line));
        plan.barriers.push_back(std::move(barrier));
        takeIssues(plan, records);
    }
}

// Special areas: the kind comes from the layer's kind field unless one kind is given for all.
void readSpecials(std::vector<InputLayer>& layers, const OGRSpatialReference& working,
                  const PartitionConfig& config, Plan& plan)
{
    for (std::size_t i = 0; i < layers.size(); ++i)
    {
        const auto& cfg = config.specials[i];
        std::vector<std::string> fields;
        if (cfg.kind.empty())
            fields.push_back(cfg.kind_field);
        auto records = layers[i].read(working, fields, GeometryKind::Polygonal);
        for (auto& rec : records.features)
        {
            SpecialArea area;
            area.id = rec.id;
            area.name = rec.name;
            area.kind_value = cfg.kind.empty() ? rec.values[0].value_or("") : cfg.kind;
            area.source = records.info.path;
            area.area = std::move(rec.polygons);
            plan.specials.push_back(std::move(area));
        }
        takeIssues(plan, records);
    }
}

// Street centre lines as they are; roads split by their class field (classify/road_classes) into
// barriers, streets and lanes, one Barrier entry per source and role.
void readStreetsAndRoads(Plan& plan, const PartitionConfig& config,
                         const OGRSpatialReference& working, std::vector<InputLayer>& streets,
                         std::vector<InputLayer>& roads, ProgressReporter* progress)
{
    for (auto& layer : streets)
    {
        auto records = layer.read(working, {}, GeometryKind::Lineal, progress, config.threads);
        Barrier street;
        street.source = records.info.path;
        for (auto& rec : records.features)
            for (auto& line : rec.lines)
                street.lines.push_back(std::move(line));
        plan.streets.push_back(std::move(street));
        takeIssues(plan, records);
    }
    const classify::RoadClasses classes(config.road_classes);
    for (auto& layer : roads)
    {
        auto records = layer.read(working, {config.road_class_field}, GeometryKind::Lineal,
                                  progress, config.threads);
        Barrier as_minor, as_main, as_street, as_lane; // barrier roads by strength (1, 2)
        as_minor.source = as_main.source = as_street.source = as_lane.source = records.info.path;
        as_minor.strength = 1;
        as_main.strength = 2;
        for (auto& rec : records.features)
        {
            const std::string value = rec.values[0].value_or("");
            const auto role = classes.roleOf(value);
            Barrier* to = role == classify::RoadRole::Barrier
                              ? (classes.barrierStrength(value) == 2 ? &as_main : &as_minor)
                          : role == classify::RoadRole::Street ? &as_street
                          : role == classify::RoadRole::Lane   ? &as_lane
                                                               : nullptr;
            if (to)
                for (auto& line : rec.lines)
                    to->lines.push_back(std::move(line));
        }
        for (Barrier* b : {&as_minor, &as_main})
            if (!b->lines.empty())
                plan.barriers.push_back(std::move(*b));
        plan.streets.push_back(std::move(as_street));
        plan.lanes.push_back(std::move(as_lane));
        takeIssues(plan, records);
    }
}

} // namespace

Plan loadInputs(const PartitionConfig& config, ProgressReporter* progress)
{
    Plan plan;
    OpenedInputs in = openInputs(config);
    WorkingCrs choice = chooseWorkingCrs(in.buildings.srs(), in.buildings.typicalCentre(),
                                         config.buildings.path, config.working_crs);
    const SpatialRefPtr working = std::move(choice.srs);
    setWorkingCrs(*working, std::move(choice.reason), plan);
    readBuildings(in.buildings, *working, config, plan, progress);
    readCommunities(in.communities, *working, config, plan, progress);
    readOutlines(in, *working, config, plan, progress);
    readBarriers(in.barriers, *working, config, plan, progress);
    readStreetsAndRoads(plan, config, *working, in.streets, in.roads, progress);
    readSpecials(in.specials, *working, config, plan);
    return plan;
}

} // namespace gp::io
