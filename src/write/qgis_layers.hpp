// The layers of gridplan.qgs: which written tables become which styled QGIS layers, in panel
// order, and the layer XML shared by the project and the .qml style files.
#pragma once

#include "core/config.hpp"
#include "write/qgis_project.hpp"
#include "write/qgis_xml.hpp"

#include <functional>
#include <string>
#include <vector>

namespace gp::write::qgis
{

// The style of one project layer: renderer and optional labels, written into the .qgs and a .qml.
struct Style
{
    std::function<void(Xml&)> renderer;
    std::function<void(Xml&)> labeling; // empty: no labels
};

struct ProjectLayer
{
    std::string id;         // the .qml base name; the QGIS layer id is "gridplan_<id>"
    std::string name;       // shown in the layer panel (translated)
    std::string datasource; // relative path, with |subset=... or |geometrytype=... when needed
    bool visible = true;
    Style style;
};

// QGIS replaces layer ids of 10 characters or fewer with random ones, so prefix them.
std::string layerId(const ProjectLayer& l);

// <maplayer>/<qgis> attributes of a polygon layer.
Attrs layerAttributes(bool labelled);
// Renderer, labels and blending: the part of a layer the .qgs and the .qml share.
void styleBody(Xml& x, const Style& style);
// The .qml style file of one layer.
std::string qml(const ProjectLayer& layer);

// The styled layers over the written tables, top of the layer panel first (drawn last).
std::vector<ProjectLayer> projectLayers(const std::vector<ProjectSource>& sources,
                                        const PartitionConfig& config);

// The source of the written table `name`, nullptr when it was not written.
const ProjectSource* findSource(const std::vector<ProjectSource>& sources, const std::string& name);

// The label of a grid: its code over its households ("0101\n412 hh").
std::string gridLabelExpression(const PartitionConfig& config);

} // namespace gp::write::qgis
