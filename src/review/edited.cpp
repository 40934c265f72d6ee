#include "review/edited.hpp"

#include "io/layer_reader.hpp"

namespace gp::review
{

namespace
{

std::vector<DrawnGrid> readGrids(const LayerSource& given, const Plan& plan,
                                 const std::string& assume_crs, std::vector<Issue>& issues)
{
    LayerSource source = given;
    if (source.id_field.empty())
        source.id_field = "grid_code";
    io::InputLayer layer(source, "plan-grids", assume_crs);
    const auto working = io::spatialRefFromUser(plan.working_crs_wkt);
    auto records = layer.read(*working, {}, io::GeometryKind::Polygonal);
    std::vector<DrawnGrid> grids;
    for (auto& rec : records.features)
        grids.push_back({rec.fid, rec.id_empty ? std::string() : rec.id, std::move(rec.polygons)});
    for (auto& issue : records.issues)
        issues.push_back(std::move(issue));
    return grids;
}

std::map<std::string, std::string> readBuildingCodes(const LayerSource& given, const Plan& plan,
                                                     const std::string& assume_crs)
{
    LayerSource source = given;
    if (source.id_field.empty())
        source.id_field = "building_id";
    io::InputLayer layer(source, "plan-buildings", assume_crs);
    const auto working = io::spatialRefFromUser(plan.working_crs_wkt);
    const auto records = layer.read(*working, {"grid_code"}, io::GeometryKind::PolygonalOrPoint);
    std::map<std::string, std::string> code_of;
    for (const auto& rec : records.features)
    {
        const auto& code = rec.values.at(0);
        code_of[rec.id] = code ? *code : std::string();
    }
    return code_of;
}

} // namespace

EditedPlan readEdited(const ReviewOptions& options, const Plan& plan, const std::string& assume_crs)
{
    EditedPlan edited;
    if (options.plan_grids)
        edited.grids = readGrids(*options.plan_grids, plan, assume_crs, edited.read_issues);
    if (options.plan_buildings)
    {
        edited.code_of = readBuildingCodes(*options.plan_buildings, plan, assume_crs);
        edited.has_buildings = true;
    }
    return edited;
}

} // namespace gp::review
