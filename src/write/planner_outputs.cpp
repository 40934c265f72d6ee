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

// The box of the communities and grids (lon/lat for the project's initial view, working CRS for
// the print layouts' maps).
ProjectFrame projectFrame(const Plan& plan)
{
    ProjectFrame frame;
    frame.extent = planExtent(plan);
    if (!frame.extent || plan.working_crs_wkt.empty())
        return frame;
    frame.extent_wgs84 = io::boxToWgs84(*frame.extent, plan.working_crs_wkt);
    frame.crs = plan.working_crs;
    frame.crs_wkt = plan.working_crs_wkt;
    return frame;
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
    for (auto& [name, bytes] : qgisProjectFiles(sources, config, projectFrame(plan)))
        files.emplace_back(name, std::move(bytes));
    files.emplace_back("report.html", reportHtml(plan, config, report));
    return files;
}

} // namespace gp::write
