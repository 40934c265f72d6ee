#include "write/qgis_layers.hpp"
#include "core/index.hpp"

#include "write/qgis_symbols.hpp"
#include "write/texts.hpp"

#include <algorithm>
#include <set>

namespace gp::write::qgis
{

namespace
{

int fieldIndex(const io::FeatureTable& t, const std::string& field)
{
    for (std::size_t i = 0; i < t.fields.size(); ++i)
        if (t.fields[i].first == field)
            return static_cast<int>(i);
    return -1;
}

// Distinct non-null text values of a column, sorted.
std::vector<std::string> distinctText(const io::FeatureTable& t, const std::string& field)
{
    std::set<std::string> values;
    const int idx = fieldIndex(t, field);
    if (idx < 0)
        return {};
    for (const auto& row : t.rows)
        if (const auto* s = std::get_if<std::string>(&at(row.values, idx)))
            values.insert(*s);
    return {values.begin(), values.end()};
}

bool hasGeometry(const io::FeatureTable& t)
{
    return std::any_of(t.rows.begin(), t.rows.end(),
                       [](const auto& r) { return (r.area && !r.area->empty()) || r.point; });
}

// OGR reports a GeoJSON file without any geometry as a table with no CRS; naming the type keeps
// the layer a polygon layer in EPSG:4326.
std::string datasourceFor(const ProjectSource& s)
{
    return hasGeometry(*s.table) ? s.datasource : s.datasource + "|geometrytype=Polygon";
}

std::function<void(Xml&)> outlineOnly(const Rgb& c, double mm, const std::string& style)
{
    return [=](Xml& x)
    { singleSymbol(x, [=](Xml& s) { simpleFill(s, "", c.qgis(), mm, style); }); };
}

ProjectLayer gapsLayer(const ProjectSource& gaps, const Texts& t)
{
    return {"gaps",
            t.layer_gaps,
            datasourceFor(gaps),
            true,
            {[](Xml& x)
             {
                 // A light fill: some problems (a grid crossing a barrier) cover a whole grid.
                 singleSymbol(x,
                              [](Xml& s) { simpleFill(s, kGapRed.qgis(25), kGapRed.qgis(), 0.7); });
             },
             {}}};
}

// The dedicated types present among the grids ("" for a dedicated grid without a type).
std::vector<std::string> dedicatedTypes(const io::FeatureTable& grids)
{
    const int kind = fieldIndex(grids, "kind"), type = fieldIndex(grids, "dedicated_type");
    std::set<std::string> seen;
    for (const auto& row : grids.rows)
    {
        const auto* k = std::get_if<std::string>(&at(row.values, kind));
        const auto* ty = std::get_if<std::string>(&at(row.values, type));
        if (k && *k == "dedicated")
            seen.insert(ty ? *ty : "");
    }
    return {seen.begin(), seen.end()};
}

// Dedicated grids hatched by type; nothing when there are none.
std::vector<ProjectLayer> dedicatedLayer(const ProjectSource& grids, const Texts& t,
                                         const std::string& lang)
{
    const auto types = dedicatedTypes(*grids.table);
    if (types.empty())
        return {};
    std::vector<Category> cats;
    for (const auto& type : types)
    {
        if (type.empty())
            continue;
        const Hatch h = hatchFor(type);
        cats.push_back({type, dedicatedTypeLabel(type, lang),
                        [h](Xml& x)
                        {
                            for (int a : h.angles)
                                linePattern(x, h.colour, a);
                            simpleFill(x, "", h.colour.qgis(), 0.5);
                        }});
    }
    const Hatch other = hatchFor("");
    cats.push_back({"", t.other,
                    [other](Xml& x)
                    {
                        linePattern(x, other.colour, other.angles[0]);
                        simpleFill(x, "", other.colour.qgis(), 0.5);
                    }});
    return {{"dedicated_grids",
             t.layer_dedicated,
             grids.datasource + "|subset=\"kind\" = 'dedicated'",
             true,
             {[cats](Xml& x) { categorized(x, "dedicated_type", cats); }, {}}}};
}

// Grids coloured by their bounds band (under / within / over), labelled.
ProjectLayer bandLayer(const ProjectSource& grids, const Texts& t, const PartitionConfig& config)
{
    const std::string min = std::to_string(config.min_households),
                      max = std::to_string(config.max_households);
    std::vector<Category> bands = {
        {"under", std::string(t.under) + " (< " + min + ")",
         [](Xml& x) { simpleFill(x, kUnder.qgis(120), kOutline.qgis(), 0.4); }},
        {"within", std::string(t.within) + " (" + min + "–" + max + ")",
         [](Xml& x) { simpleFill(x, kWithin.qgis(90), kOutline.qgis(), 0.4); }},
        {"over", std::string(t.over) + " (> " + max + ")",
         [](Xml& x) { simpleFill(x, kOver.qgis(120), kOutline.qgis(), 0.4); }},
        {"", t.dedicated, [](Xml& x) { simpleFill(x, "", kOutline.qgis(), 0.4); }},
    };
    const std::string label = gridLabelExpression(config);
    return {"grids",
            t.layer_grids_band,
            datasourceFor(grids),
            true,
            {[bands](Xml& x) { categorized(x, "bounds", bands); },
             [label](Xml& x) { labels(x, label, 8, true, true); }}};
}

// Buildings coloured by their grid: one colour per grid code, grey for none.
ProjectLayer buildingsLayer(const ProjectSource& buildings, const ProjectSource* grids,
                            const Texts& t)
{
    std::vector<Category> cats;
    const auto codes =
        grids ? distinctText(*grids->table, "grid_code") : std::vector<std::string>{};
    for (std::size_t i = 0; i < codes.size(); ++i)
    {
        const Rgb c = paletteColour(i);
        cats.push_back({codes[i], codes[i], [c](Xml& x) {
                            simpleFill(x, c.qgis(), Rgb{40, 40, 40}.qgis(120), 0.1);
                        }});
    }
    cats.push_back({"", t.no_grid, [](Xml& x) { simpleFill(x, kGrey.qgis(), kGrey.qgis(), 0.1); }});
    return {"buildings",
            t.layer_buildings,
            datasourceFor(buildings),
            true,
            {[cats](Xml& x) { categorized(x, "grid_code", cats); }, {}}};
}

// Grids by kind (residential / dedicated), hidden at first.
ProjectLayer kindLayer(const ProjectSource& grids, const Texts& t, const PartitionConfig& config)
{
    std::vector<Category> kinds = {
        {"residential", t.residential,
         [](Xml& x) { simpleFill(x, kResidential.qgis(110), kOutline.qgis(), 0.4); }},
        {"dedicated", t.dedicated,
         [](Xml& x) { simpleFill(x, kDedicated.qgis(110), kOutline.qgis(), 0.4); }},
    };
    const std::string label = gridLabelExpression(config);
    return {"grids_kind",
            t.layer_grids_kind,
            datasourceFor(grids),
            false,
            {[kinds](Xml& x) { categorized(x, "kind", kinds); },
             [label](Xml& x) { labels(x, label, 8, true, true); }}};
}

// Compounds, blocks, communities (labelled) and areas as outlines.
void outlineLayers(std::vector<ProjectLayer>& layers, const std::vector<ProjectSource>& sources,
                   const Texts& t)
{
    if (const auto* compounds = findSource(sources, "compounds"))
        layers.push_back({"compounds",
                          t.layer_compounds,
                          datasourceFor(*compounds),
                          false,
                          {outlineOnly({140, 81, 10}, 0.3, "dash"), {}}});
    if (const auto* blocks = findSource(sources, "blocks"))
        layers.push_back({"blocks",
                          t.layer_blocks,
                          datasourceFor(*blocks),
                          false,
                          {outlineOnly({120, 120, 120}, 0.3, "dot"), {}}});
    if (const auto* communities = findSource(sources, "communities"))
        layers.push_back({"communities",
                          t.layer_communities,
                          datasourceFor(*communities),
                          true,
                          {outlineOnly({30, 30, 30}, 0.9, "solid"), [](Xml& x)
                           { labels(x, "coalesce(\"name\", \"community\")", 11, true, false); }}});
    if (const auto* areas = findSource(sources, "areas"))
        layers.push_back({"areas",
                          t.layer_areas,
                          datasourceFor(*areas),
                          true,
                          {outlineOnly({0, 0, 0}, 1.4, "dash"), {}}});
}

} // namespace

std::string layerId(const ProjectLayer& l)
{
    return "gridplan_" + l.id;
}

const ProjectSource* findSource(const std::vector<ProjectSource>& sources, const std::string& name)
{
    for (const auto& s : sources)
        if (s.table && s.table->name == name)
            return &s;
    return nullptr;
}

std::string gridLabelExpression(const PartitionConfig& config)
{
    const std::string unit = textsFor(config.lang).households_unit;
    return "\"grid_code\" || '\\n' || \"households\" || '" + unit + "'";
}

Attrs layerAttributes(bool labelled)
{
    return {{"type", "vector"},
            {"geometry", "Polygon"},
            {"wkbType", "MultiPolygon"},
            {"labelsEnabled", labelled ? "1" : "0"},
            {"hasScaleBasedVisibilityFlag", "0"},
            {"minScale", "100000000"},
            {"maxScale", "0"},
            {"readOnly", "0"},
            {"styleCategories", "AllStyleCategories"}};
}

void styleBody(Xml& x, const Style& style)
{
    style.renderer(x);
    if (style.labeling)
        style.labeling(x);
    x.text("blendMode", "0");
    x.text("featureBlendMode", "0");
    x.text("layerOpacity", "1");
}

std::string qml(const ProjectLayer& layer)
{
    Xml x;
    x.raw("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
    Attrs attrs = {{"version", kVersion}};
    for (const auto& a : layerAttributes(static_cast<bool>(layer.style.labeling)))
        if (a.first != "type" && a.first != "geometry" && a.first != "wkbType")
            attrs.push_back(a);
    x.open("qgis", attrs);
    styleBody(x, layer.style);
    x.close();
    return x.str();
}

std::vector<ProjectLayer> projectLayers(const std::vector<ProjectSource>& sources,
                                        const PartitionConfig& config)
{
    const Texts& t = textsFor(config.lang);
    const auto* grids = findSource(sources, "grids");
    std::vector<ProjectLayer> layers;
    if (const auto* gaps = findSource(sources, "gaps"))
        layers.push_back(gapsLayer(*gaps, t));
    if (grids)
    {
        for (auto& l : dedicatedLayer(*grids, t, config.lang))
            layers.push_back(std::move(l));
        layers.push_back(bandLayer(*grids, t, config));
    }
    if (const auto* buildings = findSource(sources, "buildings"))
        layers.push_back(buildingsLayer(*buildings, grids, t));
    if (grids)
        layers.push_back(kindLayer(*grids, t, config));
    outlineLayers(layers, sources, t);
    return layers;
}

} // namespace gp::write::qgis
