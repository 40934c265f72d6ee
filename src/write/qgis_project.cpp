#include "write/qgis_project.hpp"

#include "write/markup.hpp"
#include "write/texts.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <sstream>

namespace gp::write
{

namespace
{

using Attrs = std::vector<std::pair<std::string, std::string>>;

// A minimal indenting XML writer; attribute order is the call order, so output is stable.
class Xml
{
  public:
    void open(const std::string& tag, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += ">\n";
        m_stack.push_back(tag);
    }
    void close()
    {
        const std::string tag = m_stack.back();
        m_stack.pop_back();
        indent();
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void empty(const std::string& tag, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += "/>\n";
    }
    void text(const std::string& tag, const std::string& value, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += '>';
        appendEscapedXml(m_out, value);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void raw(const std::string& s) { m_out += s; }
    std::string str() const { return m_out; }

  private:
    void indent() { m_out.append(2 * m_stack.size(), ' '); }
    // "<tag a="v" ..." on a new indented line.
    void start(const std::string& tag, const Attrs& attrs)
    {
        indent();
        m_out += '<';
        m_out += tag;
        for (const auto& [k, v] : attrs)
        {
            m_out += ' ';
            m_out += k;
            m_out += "=\"";
            appendEscapedXml(m_out, v);
            m_out += '"';
        }
    }
    std::string m_out;
    std::vector<std::string> m_stack;
};

struct Rgb
{
    int r, g, b;
    std::string qgis(int alpha = 255) const
    {
        return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," +
               std::to_string(alpha);
    }
};

// Colour-blind safe (Okabe-Ito) colours for the fixed categories.
constexpr Rgb kUnder{240, 228, 66};
constexpr Rgb kWithin{0, 158, 115};
constexpr Rgb kOver{204, 121, 167};
constexpr Rgb kResidential{86, 180, 233};
constexpr Rgb kDedicated{230, 159, 0};
constexpr Rgb kGapRed{220, 0, 0};
constexpr Rgb kOutline{60, 60, 60};
constexpr Rgb kGrey{160, 160, 160};

// Distinct colours for any number of grids: hues on the golden angle.
Rgb paletteColour(std::size_t i)
{
    const double h = std::fmod(static_cast<double>(i) * 137.508, 360.0) / 60.0;
    const double s = i % 2 ? 0.45 : 0.65, v = i % 3 == 1 ? 0.75 : 0.9;
    const double c = v * s, x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1)), m = v - c;
    double r = 0, g = 0, b = 0;
    switch (static_cast<int>(h))
    {
    case 0:
        r = c;
        g = x;
        break;
    case 1:
        r = x;
        g = c;
        break;
    case 2:
        g = c;
        b = x;
        break;
    case 3:
        g = x;
        b = c;
        break;
    case 4:
        r = x;
        b = c;
        break;
    default:
        r = c;
        b = x;
        break;
    }
    auto to255 = [&](double u) { return static_cast<int>(std::lround((u + m) * 255)); };
    return {to255(r), to255(g), to255(b)};
}

// Hatching of a dedicated grid type: colour and line angles.
struct Hatch
{
    Rgb colour;
    std::vector<int> angles;
};

Hatch hatchFor(const std::string& type)
{
    if (type == "office")
        return {{0, 114, 178}, {45}};
    if (type == "market")
        return {{213, 94, 0}, {135}};
    if (type == "commercial")
        return {{230, 159, 0}, {0}};
    if (type == "industrial")
        return {{90, 90, 90}, {90}};
    if (type == "campus")
        return {{0, 158, 115}, {45, 135}};
    if (type == "public")
        return {{204, 121, 167}, {0, 90}};
    if (type == "park")
        return {{86, 160, 60}, {0, 45}};
    return {{120, 120, 120}, {45}};
}

using Props = std::vector<std::pair<std::string, std::string>>;

// A symbol layer in both encodings QGIS reads (<Option> map since 3.20, <prop> before).
void symbolLayer(Xml& x, const std::string& cls, const Props& props,
                 const std::function<void(Xml&)>& sub = {})
{
    x.open("layer", {{"class", cls}, {"enabled", "1"}, {"locked", "0"}, {"pass", "0"}});
    x.open("Option", {{"type", "Map"}});
    for (const auto& [k, v] : props)
        x.empty("Option", {{"type", "QString"}, {"name", k}, {"value", v}});
    x.close();
    for (const auto& [k, v] : props)
        x.empty("prop", {{"k", k}, {"v", v}});
    if (sub)
        sub(x);
    x.close();
}

void symbol(Xml& x, const std::string& type, const std::string& name,
            const std::function<void(Xml&)>& layers)
{
    x.open("symbol", {{"type", type},
                      {"name", name},
                      {"alpha", "1"},
                      {"clip_to_extent", "1"},
                      {"force_rhr", "0"}});
    layers(x);
    x.close();
}

void simpleFill(Xml& x, const std::string& fill, const std::string& outline, double outline_mm,
                const std::string& outline_style = "solid")
{
    symbolLayer(x, "SimpleFill",
                {{"color", fill.empty() ? "0,0,0,0" : fill},
                 {"style", fill.empty() ? "no" : "solid"},
                 {"outline_color", outline},
                 {"outline_style", outline_style},
                 {"outline_width", fixed(outline_mm, 2)},
                 {"outline_width_unit", "MM"},
                 {"joinstyle", "bevel"},
                 {"offset", "0,0"},
                 {"offset_unit", "MM"}});
}

void linePattern(Xml& x, const Rgb& colour, int angle)
{
    symbolLayer(x, "LinePatternFill",
                {{"angle", std::to_string(angle)},
                 {"color", colour.qgis()},
                 {"distance", "1.8"},
                 {"distance_unit", "MM"},
                 {"line_width", "0.35"},
                 {"line_width_unit", "MM"},
                 {"offset", "0"},
                 {"offset_unit", "MM"}},
                [&](Xml& s)
                {
                    symbol(s, "line", "@0@" + std::to_string(angle),
                           [&](Xml& l)
                           {
                               symbolLayer(l, "SimpleLine",
                                           {{"line_color", colour.qgis()},
                                            {"line_width", "0.35"},
                                            {"line_width_unit", "MM"},
                                            {"line_style", "solid"},
                                            {"capstyle", "square"},
                                            {"joinstyle", "bevel"},
                                            {"offset", "0"},
                                            {"offset_unit", "MM"}});
                           });
                });
}

struct Category
{
    std::string value; // "" = every other value (and null)
    std::string label;
    std::function<void(Xml&)> layers; // symbol layers of its fill symbol
};

void categorized(Xml& x, const std::string& field, const std::vector<Category>& categories)
{
    x.open("renderer-v2", {{"type", "categorizedSymbol"},
                           {"attr", field},
                           {"forceraster", "0"},
                           {"symbollevels", "0"},
                           {"enableorderby", "0"},
                           {"referencescale", "-1"}});
    x.open("categories");
    for (std::size_t i = 0; i < categories.size(); ++i)
        x.empty("category", {{"label", categories[i].label},
                             {"symbol", std::to_string(i)},
                             {"value", categories[i].value},
                             {"render", "true"}});
    x.close();
    x.open("symbols");
    for (std::size_t i = 0; i < categories.size(); ++i)
        symbol(x, "fill", std::to_string(i), categories[i].layers);
    x.close();
    x.empty("rotation");
    x.empty("sizescale");
    x.close();
}

void singleSymbol(Xml& x, const std::function<void(Xml&)>& layers)
{
    x.open("renderer-v2", {{"type", "singleSymbol"},
                           {"forceraster", "0"},
                           {"symbollevels", "0"},
                           {"enableorderby", "0"},
                           {"referencescale", "-1"}});
    x.open("symbols");
    symbol(x, "fill", "0", layers);
    x.close();
    x.empty("rotation");
    x.empty("sizescale");
    x.close();
}

// Labels from a QGIS expression, centred in the polygon, with a white halo.
void labels(Xml& x, const std::string& expression, double size_pt, bool bold, bool display_all)
{
    x.open("labeling", {{"type", "simple"}});
    x.open("settings", {{"calloutType", "simple"}});
    x.open("text-style", {{"fieldName", expression},
                          {"isExpression", "1"},
                          {"fontFamily", "Noto Sans CJK SC"},
                          {"namedStyle", bold ? "Bold" : "Regular"},
                          {"fontWeight", bold ? "75" : "50"},
                          {"fontSize", fixed(size_pt, 1)},
                          {"fontSizeUnit", "Point"},
                          {"textColor", "20,20,20,255"},
                          {"textOpacity", "1"},
                          {"multilineHeight", "1"},
                          {"allowHtml", "0"}});
    // Tried in order when the first family is missing: CJK-capable fonts of common systems.
    x.open("families");
    for (const char* f : {"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
                          "PingFang SC", "WenQuanYi Micro Hei", "DejaVu Sans", "Sans Serif"})
        x.empty("family", {{"name", f}});
    x.close();
    x.empty("text-buffer", {{"bufferDraw", "1"},
                            {"bufferSize", "0.7"},
                            {"bufferSizeUnits", "MM"},
                            {"bufferColor", "255,255,255,255"},
                            {"bufferOpacity", "0.85"},
                            {"bufferNoFill", "1"},
                            {"bufferJoinStyle", "128"},
                            {"bufferBlendMode", "0"}});
    x.close();
    x.empty("text-format", {{"multilineAlign", "1"},
                            {"wrapChar", ""},
                            {"autoWrapLength", "0"},
                            {"formatNumbers", "0"},
                            {"decimals", "3"},
                            {"plussign", "0"}});
    x.empty("placement", {{"placement", "1"},
                          {"centroidInside", "1"},
                          {"centroidWhole", "0"},
                          {"fitInPolygonOnly", "0"},
                          {"polygonPlacementFlags", "2"},
                          {"dist", "0"},
                          {"distUnits", "MM"},
                          {"quadOffset", "4"},
                          {"priority", "5"},
                          {"offsetType", "0"},
                          {"xOffset", "0"},
                          {"yOffset", "0"}});
    x.empty("rendering", {{"drawLabels", "1"},
                          {"displayAll", display_all ? "1" : "0"},
                          {"obstacle", "1"},
                          {"obstacleFactor", "1"},
                          {"obstacleType", "1"},
                          {"upsidedownLabels", "0"},
                          {"labelPerPart", "0"},
                          {"mergeLines", "0"},
                          {"limitNumLabels", "0"},
                          {"maxNumLabels", "2000"},
                          {"minFeatureSize", "0"},
                          {"scaleVisibility", "0"},
                          {"scaleMin", "0"},
                          {"scaleMax", "0"},
                          {"fontLimitPixelSize", "0"},
                          {"zIndex", "0"}});
    x.close();
    x.close();
}

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
std::string layerId(const ProjectLayer& l)
{
    return "gridplan_" + l.id;
}

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
        if (const auto* s = std::get_if<std::string>(&row.values[static_cast<std::size_t>(idx)]))
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

const char* kWgs84Wkt =
    "GEOGCRS[\"WGS 84\",ENSEMBLE[\"World Geodetic System 1984 ensemble\",MEMBER[\"World Geodetic "
    "System 1984 "
    "(Transit)\"],MEMBER[\"World Geodetic System 1984 (G730)\"],MEMBER[\"World Geodetic System "
    "1984 (G873)\"],"
    "MEMBER[\"World Geodetic System 1984 (G1150)\"],MEMBER[\"World Geodetic System 1984 (G1674)\"],"
    "MEMBER[\"World Geodetic System 1984 (G1762)\"],MEMBER[\"World Geodetic System 1984 (G2139)\"],"
    "ELLIPSOID[\"WGS 84\",6378137,298.257223563,LENGTHUNIT[\"metre\",1]],ENSEMBLEACCURACY[2.0]],"
    "PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],CS[ellipsoidal,2],"
    "AXIS[\"geodetic latitude (Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],"
    "AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\",0.0174532925199433]],"
    "USAGE[SCOPE[\"Horizontal component of 3D "
    "system.\"],AREA[\"World.\"],BBOX[-90,-180,90,180]],ID[\"EPSG\",4326]]";

void wgs84(Xml& x)
{
    x.open("spatialrefsys");
    x.text("wkt", kWgs84Wkt);
    x.text("proj4", "+proj=longlat +datum=WGS84 +no_defs");
    x.text("srsid", "3452");
    x.text("srid", "4326");
    x.text("authid", "EPSG:4326");
    x.text("description", "WGS 84");
    x.text("projectionacronym", "longlat");
    x.text("ellipsoidacronym", "EPSG:7030");
    x.text("geographicflag", "true");
    x.close();
}

const char* kVersion = "3.22.16-Białowieża"; // the QGIS release the project is tested with

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
    const std::string& lang = config.lang;
    auto find = [&](const std::string& name) -> const ProjectSource*
    {
        for (const auto& s : sources)
            if (s.table && s.table->name == name)
                return &s;
        return nullptr;
    };
    auto outlineOnly = [](const Rgb& c, double mm, const std::string& style)
    { return [=](Xml& x) { simpleFill(x, "", c.qgis(), mm, style); }; };
    const std::string unit = t.households_unit;
    const std::string grid_label = "\"grid_code\" || '\\n' || \"households\" || '" + unit + "'";
    std::vector<ProjectLayer> layers; // top of the layer panel first (drawn last)

    if (const auto* gaps = find("gaps"))
        layers.push_back({"gaps",
                          t.layer_gaps,
                          datasourceFor(*gaps),
                          true,
                          {[](Xml& x)
                           {
                               // A light fill: some problems (a grid crossing a barrier) cover a
                               // whole grid.
                               singleSymbol(
                                   x, [](Xml& s)
                                   { simpleFill(s, kGapRed.qgis(25), kGapRed.qgis(), 0.7); });
                           },
                           {}}});

    if (const auto* grids = find("grids"))
    {
        const auto types = [&]
        {
            std::vector<std::string> v;
            const int kind = fieldIndex(*grids->table, "kind"),
                      type = fieldIndex(*grids->table, "dedicated_type");
            std::set<std::string> seen;
            for (const auto& row : grids->table->rows)
            {
                const auto* k =
                    std::get_if<std::string>(&row.values[static_cast<std::size_t>(kind)]);
                const auto* ty =
                    std::get_if<std::string>(&row.values[static_cast<std::size_t>(type)]);
                if (k && *k == "dedicated")
                    seen.insert(ty ? *ty : "");
            }
            return std::vector<std::string>(seen.begin(), seen.end());
        }();
        if (!types.empty())
        {
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
            layers.push_back({"dedicated_grids",
                              t.layer_dedicated,
                              grids->datasource + "|subset=\"kind\" = 'dedicated'",
                              true,
                              {[cats](Xml& x) { categorized(x, "dedicated_type", cats); }, {}}});
        }

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
        layers.push_back({"grids",
                          t.layer_grids_band,
                          datasourceFor(*grids),
                          true,
                          {[bands](Xml& x) { categorized(x, "bounds", bands); },
                           [grid_label](Xml& x) { labels(x, grid_label, 8, true, true); }}});
    }

    if (const auto* buildings = find("buildings"))
    {
        std::vector<Category> cats;
        const auto* grids = find("grids");
        const auto codes =
            grids ? distinctText(*grids->table, "grid_code") : std::vector<std::string>{};
        for (std::size_t i = 0; i < codes.size(); ++i)
        {
            const Rgb c = paletteColour(i);
            cats.push_back({codes[i], codes[i], [c](Xml& x) {
                                simpleFill(x, c.qgis(), Rgb{40, 40, 40}.qgis(120), 0.1);
                            }});
        }
        cats.push_back(
            {"", t.no_grid, [](Xml& x) { simpleFill(x, kGrey.qgis(), kGrey.qgis(), 0.1); }});
        layers.push_back({"buildings",
                          t.layer_buildings,
                          datasourceFor(*buildings),
                          true,
                          {[cats](Xml& x) { categorized(x, "grid_code", cats); }, {}}});
    }

    if (const auto* grids = find("grids"))
    {
        std::vector<Category> kinds = {
            {"residential", t.residential,
             [](Xml& x) { simpleFill(x, kResidential.qgis(110), kOutline.qgis(), 0.4); }},
            {"dedicated", t.dedicated,
             [](Xml& x) { simpleFill(x, kDedicated.qgis(110), kOutline.qgis(), 0.4); }},
        };
        layers.push_back({"grids_kind",
                          t.layer_grids_kind,
                          datasourceFor(*grids),
                          false,
                          {[kinds](Xml& x) { categorized(x, "kind", kinds); },
                           [grid_label](Xml& x) { labels(x, grid_label, 8, true, true); }}});
    }

    if (const auto* compounds = find("compounds"))
        layers.push_back({"compounds",
                          t.layer_compounds,
                          datasourceFor(*compounds),
                          false,
                          {[=](Xml& x) {
                               singleSymbol(x, outlineOnly({140, 81, 10}, 0.3, "dash"));
                           },
                           {}}});
    if (const auto* blocks = find("blocks"))
        layers.push_back({"blocks",
                          t.layer_blocks,
                          datasourceFor(*blocks),
                          false,
                          {[=](Xml& x) {
                               singleSymbol(x, outlineOnly({120, 120, 120}, 0.3, "dot"));
                           },
                           {}}});
    if (const auto* communities = find("communities"))
        layers.push_back(
            {"communities",
             t.layer_communities,
             datasourceFor(*communities),
             true,
             {[=](Xml& x) {
                  singleSymbol(x, outlineOnly({30, 30, 30}, 0.9, "solid"));
              },
              [](Xml& x) { labels(x, "coalesce(\"name\", \"community\")", 11, true, false); }}});
    if (const auto* areas = find("areas"))
        layers.push_back({"areas",
                          t.layer_areas,
                          datasourceFor(*areas),
                          true,
                          {[=](Xml& x) {
                               singleSymbol(x, outlineOnly({0, 0, 0}, 1.4, "dash"));
                           },
                           {}}});
    return layers;
}

} // namespace

std::map<std::string, std::string> qgisProjectFiles(const std::vector<ProjectSource>& sources,
                                                    const PartitionConfig& config,
                                                    const std::optional<Box>& extent_wgs84)
{
    const Texts& t = textsFor(config.lang);
    const auto layers = projectLayers(sources, config);
    std::map<std::string, std::string> files;

    Xml x;
    x.raw("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
    const std::string title = std::string(t.title) + " " + config.street_code;
    x.open("qgis", {{"version", kVersion}, {"projectname", title}});
    x.empty("homePath", {{"path", ""}});
    x.text("title", title);
    x.open("projectCrs");
    wgs84(x);
    x.close();

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

    if (extent_wgs84)
    {
        x.open("mapcanvas", {{"name", "theMapCanvas"}, {"annotationsVisible", "1"}});
        x.text("units", "degrees");
        x.open("extent");
        x.text("xmin", fixed(extent_wgs84->min_corner().x(), 7));
        x.text("ymin", fixed(extent_wgs84->min_corner().y(), 7));
        x.text("xmax", fixed(extent_wgs84->max_corner().x(), 7));
        x.text("ymax", fixed(extent_wgs84->max_corner().y(), 7));
        x.close();
        x.text("rotation", "0");
        x.open("destinationsrs");
        wgs84(x);
        x.close();
        x.text("rendermaptile", "0");
        x.close();
    }

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

    x.open("properties");
    x.open("Paths");
    x.text("Absolute", "false", {{"type", "bool"}});
    x.close();
    // Without this QGIS 3 ignores <projectCrs>.
    x.open("SpatialRefSys");
    x.text("ProjectionsEnabled", "1", {{"type", "int"}});
    x.close();
    x.close();
    x.close();
    files["gridplan.qgs"] = x.str();

    for (const auto& l : layers)
        files[l.id + ".qml"] = qml(l);
    return files;
}

} // namespace gp::write
