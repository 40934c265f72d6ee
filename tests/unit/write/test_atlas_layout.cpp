// Unit tests of the atlas print layouts in gridplan.qgs (write/qgis_layout.cpp) and of the data
// attribution they print (write/attribution.cpp). QGIS itself loads them in
// tests/tools/check_qgis_project.py and prints them in tests/e2e/test_atlas.cpp.
#include "support/fixtures.hpp"
#include "write/attribution.hpp"
#include "write/qgis_project.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace gp;
using namespace gp::write;

namespace
{

io::FeatureTable polygons(const std::string& name, const std::vector<std::string>& fields)
{
    io::FeatureTable t;
    t.name = name;
    for (const auto& f : fields)
        t.fields.push_back({f, io::FieldType::String});
    MultiPolygon mp;
    bg::read_wkt("MULTIPOLYGON(((0 0,0 1,1 1,1 0,0 0)))", mp);
    io::FeatureTable::Row r;
    for (std::size_t i = 0; i < fields.size(); ++i)
        r.values.push_back(std::string("v") + std::to_string(i));
    r.area = mp;
    t.rows.push_back(r);
    t.rows.push_back(r);
    return t;
}

bool has(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the QGIS project carries an overview and an atlas over the communities", "[write]")
{
    const auto grids =
        polygons("grids", {"grid_code", "kind", "dedicated_type", "bounds", "community"});
    const auto communities = polygons("communities", {"community", "name", "community_code"});
    PartitionConfig config;
    config.street_code = "S";
    config.street_name = "幸福街道";
    config.attribution = "© Someone <odd> & co";
    ProjectFrame frame;
    frame.extent = Box(Point(500000, 3300000), Point(501000, 3300500));
    frame.extent_wgs84 = Box(Point(117, 29.8), Point(117.01, 29.805));
    frame.crs = "EPSG:32650";
    frame.crs_wkt = "PROJCS[\"WGS 84 / UTM zone 50N\"]";
    const auto qgs =
        qgisProjectFiles({{"./grids.geojson", &grids}, {"./communities.geojson", &communities}},
                         config, frame)
            .at("gridplan.qgs");
    CHECK(has(qgs, "<Layout name=\"gridplan-overview\""));
    CHECK(has(qgs, "<Layout name=\"gridplan-atlas\""));
    CHECK(has(qgs, "<Atlas enabled=\"1\" coverageLayer=\"gridplan_communities\" "
                   "coverageLayerSource=\"./communities.geojson\""));
    // The atlas map follows the page's community; its table lists that community's grids.
    CHECK(has(qgs, "atlasDriven=\"1\""));
    CHECK(has(qgs, "featureFilter=\"&quot;community&quot; = attribute(@atlas_feature, "
                   "&#39;community&#39;)\""));
    // Maps in the working CRS, framed on the plan (grown to the map's aspect ratio).
    CHECK(has(qgs, "<authid>EPSG:32650</authid>"));
    CHECK(has(qgs, "<wkt>PROJCS[&quot;WGS 84 / UTM zone 50N&quot;]</wkt>"));
    CHECK(has(qgs, "type=\"65646\"")); // scale bar
    CHECK(has(qgs, "layout_default_north_arrow.svg"));
    // Street name, escaped attribution and page numbers: 2 communities + the overview.
    CHECK(has(qgs, "Street: 幸福街道 (S)"));
    CHECK(has(qgs, "Data: © Someone &lt;odd&gt; &amp; co"));
    CHECK(has(qgs, "Page 1 / 3"));
    CHECK(has(qgs, "[% @atlas_featurenumber + 1 %] / 3"));

    config.lang = "zh";
    const auto zh =
        qgisProjectFiles({{"./grids.geojson", &grids}, {"./communities.geojson", &communities}},
                         config, frame)
            .at("gridplan.qgs");
    CHECK(has(zh, "街道: 幸福街道 (S)"));
    CHECK(has(zh, "fontFamily=\"Noto Sans CJK SC\""));
    CHECK(has(zh, "本社区网格"));

    // Without a communities layer there is nothing to page through: no layouts.
    const auto alone = qgisProjectFiles({{"./grids.geojson", &grids}}, config, frame);
    CHECK_FALSE(has(alone.at("gridplan.qgs"), "<Layouts>"));
}

TEST_CASE("the atlas attribution is --attribution, else the inputs' ATTRIBUTION.txt", "[write]")
{
    gp::test::TempDir dir("attribution");
    {
        std::ofstream f(dir.file("ATTRIBUTION.txt"));
        f << "The files here are derived from OpenStreetMap.\n\n"
          << "© OpenStreetMap contributors, ODbL 1.0\n\nMore text.\n";
    }
    PartitionConfig config;
    config.buildings.path = dir.file("buildings.shp");
    config.communities.path = dir.file("communities.shp"); // same folder: said once
    CHECK(dataAttribution(config) == "© OpenStreetMap contributors, ODbL 1.0");

    gp::test::TempDir other("attribution-other");
    {
        std::ofstream f(other.file("ATTRIBUTION"));
        f << "\nSurvey of the street office, 2024\n";
    }
    config.communities.path = other.file("communities.gpkg");
    CHECK(dataAttribution(config) ==
          "© OpenStreetMap contributors, ODbL 1.0; Survey of the street office, 2024");

    config.attribution = "Data: ours";
    CHECK(dataAttribution(config) == "Data: ours");

    PartitionConfig none;
    none.buildings.path = "PG:dbname=x";
    none.communities.path = "/nonexistent/communities.shp";
    CHECK(dataAttribution(none).empty());
}
