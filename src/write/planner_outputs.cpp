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

void writeText(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    out.close();
    if (!out)
        throw OutputError("cannot write '" + path + "'");
}

// The lon/lat box of the communities and grids, for the project's initial view.
std::optional<Box> extentWgs84(const Plan& plan)
{
    bool first = true;
    Box box;
    auto add = [&](const MultiPolygon& mp) {
        if (mp.empty())
            return;
        const Box b = envelopeOf(mp);
        if (first)
            box = b;
        else
            box = Box(Point(std::min(box.min_corner().x(), b.min_corner().x()), std::min(box.min_corner().y(), b.min_corner().y())),
                      Point(std::max(box.max_corner().x(), b.max_corner().x()), std::max(box.max_corner().y(), b.max_corner().y())));
        first = false;
    };
    for (const auto& c : plan.communities)
        add(c.area);
    for (const auto& g : plan.grids)
        add(g.area);
    if (first || plan.working_crs_wkt.empty())
        return std::nullopt;
    return io::boxToWgs84(box, plan.working_crs_wkt);
}

} // namespace

void writePlannerOutputs(const Plan& plan, const PartitionConfig& config, io::OutputStaging& staging)
{
    // The same tables writeOutputs writes as GeoJSON: the project must describe exactly those files.
    std::vector<io::FeatureTable> tables;
    tables.push_back(gridsTable(plan, config));
    tables.push_back(buildingsTable(plan));
    tables.push_back(gapsTable(plan));
    tables.push_back(communitiesTable(plan, config));
    tables.push_back(areasTable(plan));
    if (!plan.compounds.empty())
        tables.push_back(compoundsTable(plan));
    if (!plan.blocks.empty())
        tables.push_back(blocksTable(plan));
    std::vector<ProjectSource> sources;
    for (const auto& t : tables)
        sources.push_back({"./" + t.name + ".geojson", &t});

    for (const auto& [name, bytes] : qgisProjectFiles(sources, config, extentWgs84(plan)))
        writeText(staging.path(name), bytes);
    writeText(staging.path("report.html"), reportHtml(plan, config));
}

} // namespace gp::write
