#include "write/planner_outputs.hpp"

#include "core/error.hpp"
#include "io/reproject.hpp"
#include "write/outputs.hpp"
#include "write/qgis_project.hpp"
#include "write/report_html.hpp"

#include <fstream>

namespace gp::write
{

namespace
{

// The lon/lat box of the communities and grids, for the project's initial view.
std::optional<Box> extentWgs84(const Plan& plan)
{
    const auto box = planExtent(plan);
    if (!box || plan.working_crs_wkt.empty())
        return std::nullopt;
    return io::boxToWgs84(*box, plan.working_crs_wkt);
}

} // namespace

void writeTextFile(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    out.close();
    if (!out)
        throw OutputError("cannot write '" + path + "'");
}

void writePlannerOutputs(const Plan& plan, const PartitionConfig& config,
                         const std::vector<io::FeatureTable>& tables, io::OutputStaging& staging)
{
    for (const auto& [name, bytes] : plannerOutputFiles(plan, config, tables, report(plan, config)))
        writeTextFile(staging.path(name), bytes);
}

std::vector<std::pair<std::string, std::string>>
plannerOutputFiles(const Plan& plan, const PartitionConfig& config,
                   const std::vector<io::FeatureTable>& tables,
                   const nlohmann::ordered_json& report)
{
    // The project describes exactly the layers written beside it: one GeoJSON file per table,
    // or the tables of gridplan.gpkg.
    std::vector<ProjectSource> sources;
    for (const auto& t : tables)
        sources.push_back({config.output_format == "gpkg" ? "./gridplan.gpkg|layername=" + t.name
                                                          : "./" + t.name + ".geojson",
                           &t});

    std::vector<std::pair<std::string, std::string>> files;
    for (auto& [name, bytes] : qgisProjectFiles(sources, config, extentWgs84(plan)))
        files.emplace_back(name, std::move(bytes));
    files.emplace_back("report.html", reportHtml(plan, config, report));
    return files;
}

} // namespace gp::write
