#include "write/qgis_layout.hpp"

#include "write/attribution.hpp"
#include "write/qgis_layers.hpp"
#include "write/qgis_symbols.hpp"
#include "write/texts.hpp"

#include <algorithm>

namespace gp::write::qgis
{

namespace
{

// The words of the print layouts, in the run's language.
struct AtlasTexts
{
    const char* overview_title; // after the street name
    const char* street;         // before the street name on community pages
    const char* grids_of;       // heading of the grid table
    const char* communities;    // heading of the community table
    const char* grids_n;        // "[% "grids" %] grids": QGIS expression template
    const char* households_n;
    const char* page;
    const char* data;   // before the attribution
    const char* bounds; // before "300–500"
    const char* area_ha;
};

const AtlasTexts kAtlasEn{" · overview",
                          "Street",
                          "Grids of this community",
                          "Communities of the street",
                          "[% \"grids\" %] grids",
                          "[% \"households\" %] households",
                          "Page",
                          "Data",
                          "bounds",
                          "Area (ha)"};
const AtlasTexts kAtlasZh{" · 总览",
                          "街道",
                          "本社区网格",
                          "街道各社区",
                          "网格 [% \"grids\" %] 个",
                          "[% \"households\" %] 户",
                          "页",
                          "数据",
                          "规模",
                          "面积（公顷）"};

const AtlasTexts& atlasTexts(const std::string& lang)
{
    return lang == "zh" ? kAtlasZh : kAtlasEn;
}

// A3 landscape, in millimetres.
constexpr double kPageW = 420, kPageH = 297;
constexpr double kMapX = 10, kMapY = 32, kMapW = 290, kMapH = 245;
constexpr double kSideX = 308, kSideW = 102;

// Stable item ids: QGIS accepts any string, and fixed ones keep the project byte-identical.
std::string uuid(const std::string& layout, int n)
{
    const std::string tail = std::to_string(n);
    return "{6a7d1e00-" + std::string(layout == kAtlasLayout ? "a7a5" : "0e1f") + "-4000-8000-" +
           std::string(12 - tail.size(), '0') + tail + "}";
}

std::string mm(double x, double y)
{
    return fixed(x, 1) + "," + fixed(y, 1) + ",mm";
}

// Attributes every layout item carries; `type` is QgsLayoutItemRegistry's number.
Attrs itemAttrs(const std::string& id, int type, double x, double y, double w, double h, int z,
                bool frame = false, bool background = false)
{
    return {{"type", std::to_string(type)},
            {"uuid", id},
            {"templateUuid", id},
            {"id", ""},
            {"position", mm(x, y)},
            {"positionOnPage", mm(x, y)},
            {"size", mm(w, h)},
            {"referencePoint", "0"},
            {"zValue", std::to_string(z)},
            {"frame", frame ? "true" : "false"},
            {"background", background ? "true" : "false"},
            {"outlineWidthM", "0.3,mm"},
            {"frameJoinStyle", "miter"},
            {"visibility", "1"},
            {"opacity", "1"},
            {"blendMode", "0"},
            {"itemRotation", "0"},
            {"positionLock", "false"},
            {"excludeFromExports", "0"},
            {"groupUuid", ""}};
}

void itemColours(Xml& x)
{
    x.empty("FrameColor", {{"alpha", "255"}, {"red", "60"}, {"green", "60"}, {"blue", "60"}});
    x.empty("BackgroundColor",
            {{"alpha", "255"}, {"red", "255"}, {"green", "255"}, {"blue", "255"}});
}

// The layout's text font. Chinese pages use a CJK font; English ones DejaVu Sans, whose digits stay
// searchable in the PDF (Qt loses the digits of Noto Sans CJK in the text layer); Qt falls back to
// a CJK font for Chinese names on English pages.
const char* fontFor(const std::string& lang)
{
    return lang == "zh" ? fontFamilies()[0] : "DejaVu Sans";
}

// A QGIS text format; the families after the first are tried when it is missing.
void textStyle(Xml& x, const char* font, double size_pt, bool bold)
{
    x.open("text-style", {{"fontFamily", font},
                          {"namedStyle", bold ? "Bold" : "Regular"},
                          {"fontWeight", bold ? "75" : "50"},
                          {"fontSize", fixed(size_pt, 1)},
                          {"fontSizeUnit", "Point"},
                          {"textColor", "20,20,20,255"},
                          {"textOpacity", "1"},
                          {"multilineHeight", "1"},
                          {"allowHtml", "0"}});
    x.open("families");
    for (const char* f : fontFamilies())
        x.empty("family", {{"name", f}});
    x.close();
    x.empty("text-buffer", {{"bufferDraw", "0"}});
    x.close();
}

// A text item; [% expression %] parts are evaluated per atlas page.
void label(Xml& x, const char* font, const std::string& id, const std::string& text, double px,
           double py, double w, double h, double size_pt, bool bold)
{
    Attrs a = itemAttrs(id, 65641, px, py, w, h, 5);
    a.insert(a.end(), {{"labelText", text},
                       {"htmlState", "0"},
                       {"marginX", "0"},
                       {"marginY", "0"},
                       {"halign", "1"},
                       {"valign", "32"}});
    x.open("LayoutItem", a);
    itemColours(x);
    // QFont::toString(): family, point size, pixel size, style hint, weight, italic, ...
    x.empty("LabelFont", {{"description", std::string(font) + "," + fixed(size_pt, 0) + ",-1,5," +
                                              (bold ? "75" : "50") + ",0,0,0,0,0"},
                          {"style", bold ? "Bold" : "Regular"}});
    x.empty("FontColor", {{"alpha", "255"}, {"red", "20"}, {"green", "20"}, {"blue", "20"}});
    x.close();
}

void crsXml(Xml& x, const ProjectFrame& frame)
{
    x.open("crs");
    if (frame.crs_wkt.empty())
        wgs84(x);
    else
    {
        x.open("spatialrefsys");
        x.text("wkt", frame.crs_wkt);
        x.text("authid", frame.crs);
        x.text("description", frame.crs);
        x.close();
    }
    x.close();
}

// The map's box in its CRS, grown to the map item's aspect ratio with a 4 % margin.
Box mapExtent(const ProjectFrame& frame)
{
    const auto& b = frame.crs_wkt.empty() ? frame.extent_wgs84 : frame.extent;
    if (!b)
        return Box{{0, 0}, {1, 1}};
    double cx = (b->min_corner().x() + b->max_corner().x()) / 2,
           cy = (b->min_corner().y() + b->max_corner().y()) / 2;
    double w = std::max(1e-9, b->max_corner().x() - b->min_corner().x()) * 1.08,
           h = std::max(1e-9, b->max_corner().y() - b->min_corner().y()) * 1.08;
    if (w / h > kMapW / kMapH)
        h = w * kMapH / kMapW;
    else
        w = h * kMapW / kMapH;
    return Box{{cx - w / 2, cy - h / 2}, {cx + w / 2, cy + h / 2}};
}

// The map: every layer the project shows; on the atlas it frames the page's community.
void mapItem(Xml& x, const std::string& layout, const ProjectFrame& frame, bool atlas)
{
    Attrs a = itemAttrs(uuid(layout, 1), 65639, kMapX, kMapY, kMapW, kMapH, 1, true, true);
    a.insert(a.end(), {{"keepLayerSet", "false"},
                       {"followPreset", "false"},
                       {"followPresetName", ""},
                       {"drawCanvasItems", "true"},
                       {"mapRotation", "0"},
                       {"labelMargin", "0,mm"},
                       {"mapFlags", "0"},
                       {"isTemporal", "0"}});
    a[3].second = "map"; // the item id, shown in QGIS's item list
    x.open("LayoutItem", a);
    itemColours(x);
    const Box e = mapExtent(frame);
    x.empty("Extent", {{"xmin", fixed(e.min_corner().x(), 7)},
                       {"ymin", fixed(e.min_corner().y(), 7)},
                       {"xmax", fixed(e.max_corner().x(), 7)},
                       {"ymax", fixed(e.max_corner().y(), 7)}});
    crsXml(x, frame);
    x.empty("LayerSet");
    // Auto scale: the community fills the map with a 10 % margin.
    x.empty("AtlasMap",
            {{"atlasDriven", atlas ? "1" : "0"}, {"scalingMode", "2"}, {"margin", "0.1"}});
    x.close();
}

void northArrow(Xml& x, const std::string& layout)
{
    Attrs a = itemAttrs(uuid(layout, 2), 65640, kMapX + kMapW - 18, kMapY + 4, 14, 20, 6);
    a.insert(a.end(), {{"file", ":/images/north_arrows/layout_default_north_arrow.svg"},
                       {"mode", "2"},
                       {"resizeMode", "0"},
                       {"anchorPoint", "0"},
                       {"pictureWidth", "14"},
                       {"pictureHeight", "20"},
                       {"pictureRotation", "0"},
                       {"mapUuid", uuid(layout, 1)},
                       {"northMode", "0"},
                       {"northOffset", "0"},
                       {"svgFillColor", "255,255,255,255"},
                       {"svgBorderColor", "0,0,0,255"},
                       {"svgBorderWidth", "0.2"}});
    x.open("LayoutItem", a);
    itemColours(x);
    x.close();
}

// A two-segment bar whose length QGIS picks to fit 30-70 mm, labelled in metres.
void scaleBar(Xml& x, const std::string& layout, const char* font)
{
    Attrs a =
        itemAttrs(uuid(layout, 3), 65646, kMapX + 4, kMapY + kMapH - 16, 80, 12, 6, false, true);
    a.insert(a.end(), {{"mapUuid", uuid(layout, 1)},
                       {"style", "Single Box"},
                       {"unitType", "meters"},
                       {"unitLabel", "m"},
                       {"numSegments", "2"},
                       {"numSegmentsLeft", "0"},
                       {"numSubdivisions", "1"},
                       {"numUnitsPerSegment", "100"},
                       {"numMapUnitsPerScaleBarUnit", "1"},
                       {"segmentSizeMode", "1"},
                       {"minBarWidth", "30"},
                       {"maxBarWidth", "70"},
                       {"height", "2.5"},
                       {"labelBarSpace", "2"},
                       {"boxContentSpace", "2"},
                       {"alignment", "0"},
                       {"labelVerticalPlacement", "0"},
                       {"labelHorizontalPlacement", "0"}});
    x.open("LayoutItem", a);
    itemColours(x);
    textStyle(x, font, 9, false);
    x.close();
}

struct Column
{
    std::string field, heading;
};

// An attribute table (a multi-frame shown in one frame) of a project layer.
void table(Xml& x, const std::string& layout, const char* font, int n, const std::string& layer_id,
           const ProjectSource& source, const std::string& filter,
           const std::vector<Column>& columns, double top, double height)
{
    const std::string frame_id = uuid(layout, n), table_id = uuid(layout, n + 1);
    Attrs f = itemAttrs(frame_id, 65647, kSideX, top, kSideW, height, 7);
    f.insert(f.end(), {{"multiFrame", table_id},
                       {"multiFrameTemplateUuid", table_id},
                       {"sectionX", "0"},
                       {"sectionY", "0"},
                       {"sectionWidth", fixed(kSideW, 1)},
                       {"sectionHeight", fixed(height, 1)},
                       {"hidePageIfEmpty", "0"},
                       {"hideBackgroundIfEmpty", "0"}});
    x.open("LayoutItem", f);
    itemColours(x);
    x.close();
    x.open("LayoutMultiFrame", {{"type", "65649"},
                                {"uuid", table_id},
                                {"templateUuid", table_id},
                                {"resizeMode", "0"},
                                {"source", "0"},
                                {"vectorLayer", layer_id},
                                {"vectorLayerSource", source.datasource},
                                {"vectorLayerProvider", "ogr"},
                                {"maxFeatures", "1000"},
                                {"filterFeatures", filter.empty() ? "false" : "true"},
                                {"featureFilter", filter},
                                {"filterToAtlasIntersection", "0"},
                                {"showOnlyVisibleFeatures", "0"},
                                {"showUniqueRowsOnly", "0"},
                                {"cellMargin", "1"},
                                {"showGrid", "1"},
                                {"gridStrokeWidth", "0.2"},
                                {"gridColor", "120,120,120,255"},
                                {"horizontalGrid", "1"},
                                {"verticalGrid", "1"},
                                {"backgroundColor", "255,255,255,255"},
                                {"headerHAlignment", "0"},
                                {"headerMode", "0"},
                                {"emptyTableMode", "0"},
                                {"showEmptyRows", "0"},
                                {"wrapBehavior", "0"}});
    x.empty("childFrame", {{"uuid", frame_id}, {"templateUuid", frame_id}});
    x.open("headerTextFormat");
    textStyle(x, font, 8, true);
    x.close();
    x.open("contentTextFormat");
    textStyle(x, font, 8, false);
    x.close();
    x.open("displayColumns");
    for (const auto& c : columns)
    {
        x.open("column", {{"attribute", c.field},
                          {"heading", c.heading},
                          {"hAlignment", "1"},
                          {"vAlignment", "128"},
                          {"sortByRank", "0"},
                          {"sortOrder", "0"},
                          {"width", "0"}});
        x.empty("backgroundColor", {{"alpha", "0"}, {"red", "0"}, {"green", "0"}, {"blue", "0"}});
        x.close();
    }
    x.close();
    // Sorted by the first column.
    x.open("sortColumns");
    x.open("column", {{"attribute", columns.front().field},
                      {"heading", columns.front().heading},
                      {"hAlignment", "1"},
                      {"vAlignment", "128"},
                      {"sortByRank", "1"},
                      {"sortOrder", "0"},
                      {"width", "0"}});
    x.empty("backgroundColor", {{"alpha", "0"}, {"red", "0"}, {"green", "0"}, {"blue", "0"}});
    x.close();
    x.close();
    x.close();
}

// One A3 landscape page.
void pageCollection(Xml& x, const std::string& layout)
{
    x.open("PageCollection");
    Attrs a = itemAttrs(uuid(layout, 0), 65638, 0, 0, kPageW, kPageH, 0, false, true);
    x.open("LayoutItem", a);
    itemColours(x);
    x.close();
    x.empty("GuideCollection", {{"visible", "1"}});
    x.close();
}

// The street line, the attribution and the page number: on every page.
struct PageTexts
{
    std::string title, subtitle, attribution, page;
};

void pageFurniture(Xml& x, const std::string& layout, const char* font, const PageTexts& p)
{
    label(x, font, uuid(layout, 10), p.title, kMapX, 8, kMapW, 13, 20, true);
    label(x, font, uuid(layout, 11), p.subtitle, kMapX, 22, kMapW, 8, 11, false);
    label(x, font, uuid(layout, 12), p.attribution, kMapX, kMapY + kMapH + 3, kMapW, 12, 8, false);
    label(x, font, uuid(layout, 13), p.page, kSideX, kMapY + kMapH + 3, kSideW, 6, 9, false);
    northArrow(x, layout);
    scaleBar(x, layout, font);
}

std::string streetName(const PartitionConfig& config)
{
    return config.street_name.empty() ? config.street_code
                                      : config.street_name + " (" + config.street_code + ")";
}

// "Data: ..." with the generator; the attribution is what the inputs carry or --attribution.
std::string attributionText(const PartitionConfig& config, const AtlasTexts& a)
{
    const std::string data = dataAttribution(config);
    return (data.empty() ? "" : std::string(a.data) + ": " + data + "\n") + "gridplan " +
           GRIDPLAN_VERSION;
}

void atlasLayout(Xml& x, const ProjectSource& communities, const ProjectSource& grids,
                 const PartitionConfig& config, const ProjectFrame& frame, std::size_t pages)
{
    const Texts& t = textsFor(config.lang);
    const AtlasTexts& a = atlasTexts(config.lang);
    const std::string L = kAtlasLayout;
    const char* font = fontFor(config.lang);
    x.open("Layout", {{"name", L}, {"units", "mm"}, {"printResolution", "300"}});
    pageCollection(x, L);
    mapItem(x, L, frame, true);
    const std::string bounds =
        std::to_string(config.min_households) + "–" + std::to_string(config.max_households);
    pageFurniture(
        x, L, font,
        {"[% coalesce(\"name\", \"community\") %] · [% \"community_code\" %]",
         std::string(a.street) + ": " + streetName(config) + " · " + a.grids_n + " · " +
             a.households_n + " · " + a.bounds + " " + bounds,
         attributionText(config, a),
         std::string(a.page) + " [% @atlas_featurenumber + 1 %] / " + std::to_string(pages)});
    label(x, font, uuid(L, 14), a.grids_of, kSideX, kMapY, kSideW, 7, 12, true);
    table(x, L, font, 20, "gridplan_grids", grids,
          "\"community\" = attribute(@atlas_feature, 'community')",
          {{"grid_code", t.grid_code},
           {"households", t.households},
           {"buildings", t.buildings},
           {"area_m2", "m²"},
           {"polsby_popper", "Polsby-Popper"}},
          kMapY + 9, kMapH - 9);
    x.empty("Atlas", {{"enabled", "1"},
                      {"coverageLayer", "gridplan_communities"},
                      {"coverageLayerSource", communities.datasource},
                      {"coverageLayerProvider", "ogr"},
                      {"hideCoverage", "0"},
                      {"filterFeatures", "0"},
                      {"sortFeatures", "1"},
                      {"sortKey", "\"community_code\""},
                      {"sortAscending", "1"},
                      {"pageNameExpression", "coalesce(\"name\", \"community\")"},
                      {"filenamePattern", "'atlas_' || \"community_code\""}});
    x.close();
}

void overviewLayout(Xml& x, const ProjectSource& communities, const PartitionConfig& config,
                    const ProjectFrame& frame, std::size_t pages)
{
    const Texts& t = textsFor(config.lang);
    const AtlasTexts& a = atlasTexts(config.lang);
    const std::string L = kOverviewLayout;
    const char* font = fontFor(config.lang);
    x.open("Layout", {{"name", L}, {"units", "mm"}, {"printResolution", "300"}});
    pageCollection(x, L);
    mapItem(x, L, frame, false);
    const std::string bounds =
        std::to_string(config.min_households) + "–" + std::to_string(config.max_households);
    pageFurniture(x, L, font,
                  {streetName(config) + a.overview_title,
                   std::string(t.title) + " · " + a.bounds + " " + bounds,
                   attributionText(config, a),
                   std::string(a.page) + " 1 / " + std::to_string(pages)});
    label(x, font, uuid(L, 14), a.communities, kSideX, kMapY, kSideW, 7, 12, true);
    table(x, L, font, 20, "gridplan_communities", communities, "",
          {{"community_code", t.community_code},
           {"name", t.name},
           {"households", t.households},
           {"grids", t.grid_count},
           {"grids_within_bounds", t.within_count}},
          kMapY + 9, kMapH - 9);
    x.close();
}

} // namespace

void printLayouts(Xml& x, const std::vector<ProjectSource>& sources, const PartitionConfig& config,
                  const ProjectFrame& frame)
{
    const auto* communities = findSource(sources, "communities");
    const auto* grids = findSource(sources, "grids");
    if (!communities || !grids)
        return;
    const std::size_t pages = communities->table->rows.size() + 1;
    x.open("Layouts");
    overviewLayout(x, *communities, config, frame, pages);
    atlasLayout(x, *communities, *grids, config, frame, pages);
    x.close();
}

} // namespace gp::write::qgis
