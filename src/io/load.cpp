#include "io/load.hpp"

#include "core/error.hpp"
#include "classify/road_classes.hpp"
#include "io/households_register.hpp"
#include "io/layer_reader.hpp"
#include "io/reproject.hpp"

#include <algorithm>

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
    for (const auto* f : {&config.households_field, &config.floors_field, &config.height_field,
                          &config.use_field, &config.dedicated.flag_field,
                          &config.dedicated.workers_field})
        if (!f->empty())
            fields.push_back(*f);
    if (config.households_table)
        fields.push_back(config.households_table->building_field);
    return fields;
}

// Street centre lines as they are; roads split by their class field (classify/road_classes) into
// barriers, streets and lanes, one Barrier entry per source and role.
void readStreetsAndRoads(Plan& plan, const PartitionConfig& config, const OGRSpatialReference& working,
                         std::vector<InputLayer>& streets, std::vector<InputLayer>& roads,
                         ProgressReporter* progress)
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
        auto records = layer.read(working, {config.road_class_field}, GeometryKind::Lineal, progress, config.threads);
        Barrier as_barrier, as_street, as_lane;
        as_barrier.source = as_street.source = as_lane.source = records.info.path;
        for (auto& rec : records.features)
        {
            const auto role = classes.roleOf(rec.values[0].value_or(""));
            Barrier* to = role == classify::RoadRole::Barrier ? &as_barrier
                          : role == classify::RoadRole::Street ? &as_street
                          : role == classify::RoadRole::Lane   ? &as_lane
                                                            : nullptr;
            if (to)
                for (auto& line : rec.lines)
                    to->lines.push_back(std::move(line));
        }
        if (!as_barrier.lines.empty())
            plan.barriers.push_back(std::move(as_barrier));
        plan.streets.push_back(std::move(as_street));
        plan.lanes.push_back(std::move(as_lane));
        takeIssues(plan, records);
    }
}

} // namespace

Plan loadInputs(const PartitionConfig& config, ProgressReporter* progress)
{
    Plan plan;
    InputLayer buildings(config.buildings, "buildings", config.assume_crs);
    InputLayer communities(config.communities, "communities", config.assume_crs);
    std::optional<InputLayer> street, compounds;
    if (config.street)
        street.emplace(*config.street, "street", config.assume_crs);
    if (config.compounds)
        compounds.emplace(*config.compounds, "compounds", config.assume_crs);
    std::vector<InputLayer> barriers;
    for (const auto& b : config.barriers)
        barriers.emplace_back(b, "barriers", config.assume_crs);
    std::vector<InputLayer> streets, roads; // issue 13
    for (const auto& s : config.streets)
        streets.emplace_back(s, "streets", config.assume_crs);
    for (const auto& r : config.roads)
        roads.emplace_back(r, "roads", config.assume_crs);
    std::vector<InputLayer> specials;
    for (const auto& s : config.specials)
        specials.emplace_back(s.source, "special", config.assume_crs);

    WorkingCrs choice = chooseWorkingCrs(buildings.srs(), buildings.typicalCentre(), config.buildings.path,
                                         config.working_crs);
    SpatialRefPtr working = std::move(choice.srs);
    plan.working_crs = describeSrs(*working);
    plan.working_crs_reason = std::move(choice.reason);
    {
        char* wkt = nullptr;
        working->exportToWkt(&wkt);
        plan.working_crs_wkt = wkt ? wkt : "";
        CPLFree(wkt);
    }

    // Buildings: footprints (or points), raw attribute text for classify/.
    {
        const auto fields = buildingFields(config);
        auto records = buildings.read(*working, fields, GeometryKind::PolygonalOrPoint, progress, config.threads);
        auto valueOf = [&](const FeatureRecord& rec, const std::string& field) {
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
        if (config.households_table)
            plan.register_join = classify::joinRegister(plan.buildings, register_keys,
                                                        readHouseholdsRegister(*config.households_table),
                                                        plan.issues);
    }

    auto readAreas = [&](InputLayer& layer, auto&& store) {
        auto records = layer.read(*working, {}, GeometryKind::Polygonal, progress, config.threads);
        for (auto& rec : records.features)
            store(rec);
        takeIssues(plan, records);
    };
    // The national code schemes may take each community's code from a field.
    const std::string& code_field = config.codes.community_code_field;
    {
        auto records = communities.read(*working, code_field.empty() ? std::vector<std::string>{}
                                                                      : std::vector<std::string>{code_field},
                                        GeometryKind::Polygonal, progress, config.threads);
        for (auto& rec : records.features)
            plan.communities.push_back({rec.id, rec.name, std::move(rec.polygons), -1, {},
                                        code_field.empty() ? "" : rec.values[0].value_or("")});
        takeIssues(plan, records);
    }
    if (plan.communities.empty())
        throw InputError("communities source '" + config.communities.path +
                         "' holds no usable polygon");
    if (compounds)
        readAreas(*compounds, [&](FeatureRecord& rec) {
            plan.compounds.push_back({rec.id, rec.name, std::move(rec.polygons), -1});
        });
    if (street)
        readAreas(*street, [&](FeatureRecord& rec) {
            if (!plan.street)
                plan.street.emplace();
            for (auto& p : rec.polygons)
                plan.street->push_back(std::move(p));
        });
    for (auto& layer : barriers)
    {
        auto records = layer.read(*working, {}, GeometryKind::Lineal, progress, config.threads);
        Barrier barrier;
        barrier.source = records.info.path;
        for (auto& rec : records.features)
            for (auto& line : rec.lines)
                barrier.lines.push_back(std::move(line));
        plan.barriers.push_back(std::move(barrier));
        takeIssues(plan, records);
    }
    readStreetsAndRoads(plan, config, *working, streets, roads, progress);
    // Special areas: the kind comes from the layer's kind field unless one kind is given for all.
    for (std::size_t i = 0; i < specials.size(); ++i)
    {
        const auto& cfg = config.specials[i];
        std::vector<std::string> fields;
        if (cfg.kind.empty())
            fields.push_back(cfg.kind_field);
        auto records = specials[i].read(*working, fields, GeometryKind::Polygonal);
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
    return plan;
}

} // namespace gp::io
