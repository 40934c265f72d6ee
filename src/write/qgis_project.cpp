#include "write/qgis_project.hpp"

#include "write/qgis_layers.hpp"
#include "write/qgis_layout.hpp"
#include "write/qgis_xml.hpp"
#include "write/texts.hpp"

namespace gp::write
{

namespace
{

using namespace qgis;

// The layer panel: every layer, checked when visible, and the drawing order (bottom first).
void layerTree(Xml& x, const std::vector<ProjectLayer>& layers)
{
    x.open("layer-tree-group");
    for (const auto& l : layers)
    {
        x.open("layer-tree-layer", {{"id", layerId(l)},
                                    {"name", l.name},
                                    {"source", l.datasource},
                                    {"providerKey", "ogr"},
                                    {"checked", l.visible ? "Qt::Checked" : "Qt::Unchecked"},
                                    {"expanded", "1"}});
        x.close();
    }
    x.open("custom-order", {{"enabled", "0"}});
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        x.text("item", layerId(*it));
    x.close();
    x.close();
}

// The initial map view.
void mapCanvas(Xml& x, const Box& extent_wgs84)
{
    x.open("mapcanvas", {{"name", "theMapCanvas"}, {"annotationsVisible", "1"}});
    x.text("units", "degrees");
    x.open("extent");
    x.text("xmin", fixed(extent_wgs84.min_corner().x(), 7));
    x.text("ymin", fixed(extent_wgs84.min_corner().y(), 7));
    x.text("xmax", fixed(extent_wgs84.max_corner().x(), 7));
    x.text("ymax", fixed(extent_wgs84.max_corner().y(), 7));
    x.close();
    x.text("rotation", "0");
    x.open("destinationsrs");
    wgs84(x);
    x.close();
    x.text("rendermaptile", "0");
    x.close();
}

void mapLayers(Xml& x, const std::vector<ProjectLayer>& layers)
{
    x.open("projectlayers");
    for (const auto& l : layers)
    {
        x.open("maplayer", layerAttributes(static_cast<bool>(l.style.labeling)));
        x.text("id", layerId(l));
        x.text("datasource", l.datasource);
        x.text("layername", l.name);
        x.open("srs");
        wgs84(x);
        x.close();
        x.text("provider", "ogr", {{"encoding", "UTF-8"}});
        styleBody(x, l.style);
        x.close();
    }
    x.close();
}

void properties(Xml& x)
{
    x.open("properties");
    x.open("Paths");
    x.text("Absolute", "false", {{"type", "bool"}});
    x.close();
    // Without this QGIS 3 ignores <projectCrs>.
    x.open("SpatialRefSys");
    x.text("ProjectionsEnabled", "1", {{"type", "int"}});
    x.close();
    // Distances (the layouts' scale bars) on the WGS 84 ellipsoid, in metres.
    x.open("Measure");
    x.text("Ellipsoid", "EPSG:7030", {{"type", "QString"}});
    x.close();
    x.close();
}

std::string projectXml(const std::vector<ProjectSource>& sources,
                       const std::vector<ProjectLayer>& layers, const PartitionConfig& config,
                       const ProjectFrame& frame)
{
    const Texts& t = textsFor(config.lang);
    Xml x;
    x.raw("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
    const std::string title = std::string(t.title) + " " + config.street_code;
    x.open("qgis", {{"version", kVersion}, {"projectname", title}});
    x.empty("homePath", {{"path", ""}});
    x.text("title", title);
    x.open("projectCrs");
    wgs84(x);
    x.close();
    layerTree(x, layers);
    if (frame.extent_wgs84)
        mapCanvas(x, *frame.extent_wgs84);
    mapLayers(x, layers);
    properties(x);
    printLayouts(x, sources, config, frame);
    x.close();
    return x.str();
}

} // namespace

std::map<std::string, std::string> qgisProjectFiles(const std::vector<ProjectSource>& sources,
                                                    const PartitionConfig& config,
                                                    const std::optional<Box>& extent_wgs84)
{
    ProjectFrame frame;
    frame.extent_wgs84 = extent_wgs84;
    return qgisProjectFiles(sources, config, frame);
}

std::map<std::string, std::string> qgisProjectFiles(const std::vector<ProjectSource>& sources,
                                                    const PartitionConfig& config,
                                                    const ProjectFrame& frame)
{
    const auto layers = projectLayers(sources, config);
    std::map<std::string, std::string> files;
    files["gridplan.qgs"] = projectXml(sources, layers, config, frame);
    for (const auto& l : layers)
        files[l.id + ".qml"] = qml(l);
    return files;
}

} // namespace gp::write
