// Unit tests of the planner-output writers: escaping, number formatting, the QGIS project's
// layer list from tables, and the texts per language.
#include "core/error.hpp"
#include "write/markup.hpp"
#include "write/qgis_project.hpp"
#include "write/texts.hpp"

#include <catch2/catch.hpp>

using namespace gp;
using namespace gp::write;

namespace
{

io::FeatureTable table(const std::string& name, bool with_rows)
{
    io::FeatureTable t;
    t.name = name;
    t.fields = {{"grid_code", io::FieldType::String},
                {"kind", io::FieldType::String},
                {"dedicated_type", io::FieldType::String},
                {"bounds", io::FieldType::String}};
    if (with_rows)
    {
        MultiPolygon mp;
        bg::read_wkt("MULTIPOLYGON(((0 0,0 1,1 1,1 0,0 0)))", mp);
        io::FeatureTable::Row r;
        r.values = {std::string("S-01-01-001"), std::string("residential"), std::monostate{},
                    std::string("within")};
        r.area = mp;
        t.rows.push_back(r);
        r.values = {std::string("S-01-01-D01"), std::string("dedicated"), std::string("market"),
                    std::monostate{}};
        t.rows.push_back(r);
    }
    return t;
}

} // namespace

TEST_CASE("escapeXml escapes the five markup characters and keeps UTF-8", "[write]")
{
    CHECK(escapeXml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(escapeXml("幸福社区") == "幸福社区");
    CHECK(escapeXml(std::string("a\xff\x01"
                                "b")) == "a\xEF\xBF\xBD"
                                         "b");
    CHECK(escapeXml(std::string("\xE5\xB9")) == "\xEF\xBF\xBD\xEF\xBF\xBD"); // truncated sequence
    CHECK(fixed(1.25, 1) == "1.3");
    CHECK(fixed(-0.0001, 2) == "0.00");
    CHECK(fixed(12.0, 0) == "12");
}

TEST_CASE("the QGIS project has a layer per table, empty tables typed, dedicated grids by subset",
          "[write]")
{
    const auto grids = table("grids", true);
    const auto areas = table("areas", false);
    PartitionConfig config;
    const auto files = qgisProjectFiles({{"./grids.geojson", &grids}, {"./areas.geojson", &areas}},
                                        config, std::nullopt);
    REQUIRE(files.count("gridplan.qgs") == 1);
    for (const char* qml : {"grids.qml", "grids_kind.qml", "dedicated_grids.qml", "areas.qml"})
        CHECK(files.count(qml) == 1);
    const auto& qgs = files.at("gridplan.qgs");
    CHECK(qgs.find("<datasource>./areas.geojson|geometrytype=Polygon</datasource>") !=
          std::string::npos);
    CHECK(qgs.find("<datasource>./grids.geojson</datasource>") != std::string::npos);
    CHECK(qgs.find("<datasource>./grids.geojson|subset=&quot;kind&quot; = "
                   "&#39;dedicated&#39;</datasource>") != std::string::npos);
    CHECK(qgs.find("class=\"LinePatternFill\"") != std::string::npos);
    CHECK(qgs.find("<mapcanvas") == std::string::npos); // no extent given
    // No dedicated grids: no dedicated layer.
    auto residential = table("grids", true);
    residential.rows.pop_back();
    const auto plain = qgisProjectFiles({{"./grids.geojson", &residential}}, config,
                                        Box(Point(1, 2), Point(3, 4)));
    CHECK(plain.count("dedicated_grids.qml") == 0);
    CHECK(plain.at("gridplan.qgs").find("<xmin>1.0000000</xmin>") != std::string::npos);
}

TEST_CASE("texts exist in English and Chinese only", "[write]")
{
    CHECK(std::string(textsFor("en").work_list) == "Work list");
    CHECK(std::string(textsFor("zh").work_list) == "待办问题清单");
    CHECK_THROWS_AS(textsFor("fr"), ConfigError);
    CHECK(reasonLabel("grid_over_max", "zh") == "网格户数高于上限");
    CHECK(reasonLabel("something_new", "en") == "something_new");
    CHECK(dedicatedTypeLabel("market", "zh") == "市场");
}
