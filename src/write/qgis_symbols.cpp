#include "write/qgis_symbols.hpp"

#include <cmath>

namespace gp::write::qgis
{

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

// A symbol layer in both encodings QGIS reads (<Option> map since 3.20, <prop> before).
void symbolLayer(Xml& x, const std::string& cls, const Props& props, const Writer& sub)
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

void symbol(Xml& x, const std::string& type, const std::string& name, const Writer& layers)
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
                const std::string& outline_style)
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

void singleSymbol(Xml& x, const Writer& layers)
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

const std::vector<const char*>& fontFamilies()
{
    static const std::vector<const char*> families = {
        "Noto Sans CJK SC",    "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
        "WenQuanYi Micro Hei", "DejaVu Sans",        "Sans Serif"};
    return families;
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
    for (const char* f : fontFamilies())
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

} // namespace gp::write::qgis
