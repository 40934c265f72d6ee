// End-to-end: the QGIS project (gridplan.qgs + .qml styles) and report.html written by a real run,
// in English and Chinese. QGIS and Chromium themselves check the bundled run (tests/tools/).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <cpl_minixml.h>

#include <filesystem>
#include <memory>
#include <set>

using namespace gp::test;

namespace
{

// Two communities side by side (Chinese names, one with markup characters), each a 4 x 4 lattice
// of 20 x 20 m buildings of 50 households: 800 households, two grids each. One office building
// cluster big enough to be a dedicated grid sits in the first community.
void writeTwoCommunities(const TempDir& dir)
{
    const double x0 = 500000, y0 = 3300000;
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}, {"use", 'S'}, {"floors", 'I'}};
    int n = 0;
    for (int c = 0; c < 2; ++c)
        for (int r = 0; r < 4; ++r)
            for (int k = 0; k < 4; ++k)
            {
                const double x = x0 + c * 250 + 15 + k * 50, y = y0 + 15 + r * 50;
                buildings.features.push_back({rectWkt(x, y, x + 20, y + 20),
                                              {{"bid", "b" + std::to_string(n++)},
                                               {"hh", "50"},
                                               {"use", "住宅"},
                                               {"floors", "6"}}});
            }
    for (int k = 0; k < 8; ++k) // 8 offices: a dedicated grid
    {
        const double x = x0 + 15 + k * 25, y = y0 + 215;
        buildings.features.push_back(
            {rectWkt(x, y, x + 15, y + 15),
             {{"bid", "o" + std::to_string(k)}, {"hh", "0"}, {"use", "办公"}, {"floors", "4"}}});
    }
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}, {"name", 'S'}};
    communities.features.push_back(
        {rectWkt(x0, y0, x0 + 250, y0 + 250), {{"cid", "C1"}, {"name", "幸福社区"}}});
    communities.features.push_back(
        {rectWkt(x0 + 250, y0, x0 + 500, y0 + 250), {{"cid", "C2"}, {"name", "和平<b>&\"里\""}}});
    writeLayer(dir.file("communities.shp"), communities);
}

RunResult runTwo(const TempDir& dir, const std::string& out,
                 const std::vector<std::string>& extra = {})
{
    std::vector<std::string> bounds = {"--min", "300", "--max", "500", "--target", "400"};
    bounds.insert(bounds.end(), extra.begin(), extra.end());
    return runGridplan(fixturePartitionArgs(dir, "330106001", out, bounds));
}

struct XmlDeleter
{
    void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};
using XmlPtr = std::unique_ptr<CPLXMLNode, XmlDeleter>;

const CPLXMLNode* child(const CPLXMLNode* node, const char* name)
{
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && std::string(c->pszValue) == name)
            return c;
    return nullptr;
}

std::vector<const CPLXMLNode*> children(const CPLXMLNode* node, const char* name)
{
    std::vector<const CPLXMLNode*> out;
    for (const CPLXMLNode* c = node ? node->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && std::string(c->pszValue) == name)
            out.push_back(c);
    return out;
}

std::string text(const CPLXMLNode* node, const char* path)
{
    return CPLGetXMLValue(node, path, "");
}

std::vector<std::string> gridCodes(const std::string& out)
{
    std::vector<std::string> codes;
    for (const auto& f : readLayer(out + "/grids.geojson"))
        codes.push_back(f.fields.at("grid_code"));
    return codes;
}

} // namespace

TEST_CASE("gridplan.qgs is QGIS XML over the run's layers by relative path, in EPSG:4326",
          "[e2e][planner]")
{
    TempDir dir("planner-qgs");
    writeTwoCommunities(dir);
    const auto run = runTwo(dir, "out");
    REQUIRE(run.exit_code == 0);
    const std::string out = dir.file("out");

    XmlPtr doc(CPLParseXMLString(slurp(out + "/gridplan.qgs").c_str()));
    REQUIRE(doc);
    const CPLXMLNode* qgis = nullptr;
    for (const CPLXMLNode* n = doc.get(); n; n = n->psNext)
        if (n->eType == CXT_Element && std::string(n->pszValue) == "qgis")
            qgis = n;
    REQUIRE(qgis);
    CHECK(text(qgis, "projectCrs.spatialrefsys.authid") == "EPSG:4326");
    CHECK(text(qgis, "properties.Paths.Absolute") == "false");

    std::map<std::string, std::string> datasources; // layer id -> datasource
    for (const CPLXMLNode* layer : children(child(qgis, "projectlayers"), "maplayer"))
    {
        const std::string id = text(layer, "id"), ds = text(layer, "datasource");
        datasources[id] = ds;
        INFO(id << ": " << ds);
        CHECK(text(layer, "srs.spatialrefsys.authid") == "EPSG:4326");
        CHECK(text(layer, "provider") == "ogr");
        REQUIRE(ds.rfind("./", 0) == 0);
        const std::string file =
            ds.substr(2, ds.find('|') == std::string::npos ? std::string::npos : ds.find('|') - 2);
        CHECK(std::filesystem::exists(out + "/" + file));
        REQUIRE(id.rfind("gridplan_", 0) == 0);
        // The .qml of the layer parses and carries the same renderer.
        XmlPtr qml(CPLParseXMLString(slurp(out + "/" + id.substr(9) + ".qml").c_str()));
        REQUIRE(qml);
        const CPLXMLNode* root = qml.get();
        while (root && (root->eType != CXT_Element || std::string(root->pszValue) != "qgis"))
            root = root->psNext;
        REQUIRE(root);
        CHECK(text(root, "renderer-v2.type") == text(layer, "renderer-v2.type"));
    }
    CHECK(datasources.at("gridplan_grids") == "./grids.geojson");
    CHECK(datasources.at("gridplan_buildings") == "./buildings.geojson");
    CHECK(datasources.at("gridplan_communities") == "./communities.geojson");
    CHECK(datasources.at("gridplan_dedicated_grids") ==
          "./grids.geojson|subset=\"kind\" = 'dedicated'");
    CHECK(datasources.count("gridplan_gaps") == 1);
    CHECK(datasources.count("gridplan_areas") == 1);
    // Every GeoJSON the run wrote is in the project.
    std::set<std::string> referenced;
    for (const auto& [id, ds] : datasources)
        referenced.insert(
            ds.substr(2, ds.find('|') == std::string::npos ? std::string::npos : ds.find('|') - 2));
    for (const auto& entry : std::filesystem::directory_iterator(out))
        if (entry.path().extension() == ".geojson")
            CHECK(referenced.count(entry.path().filename().string()) == 1);

    // Styles: grids by bound band, buildings by grid code (one category per grid + "in no grid").
    const CPLXMLNode* grids = nullptr;
    const CPLXMLNode* buildings = nullptr;
    for (const CPLXMLNode* layer : children(child(qgis, "projectlayers"), "maplayer"))
    {
        if (text(layer, "id") == "gridplan_grids")
            grids = layer;
        if (text(layer, "id") == "gridplan_buildings")
            buildings = layer;
    }
    REQUIRE(grids);
    REQUIRE(buildings);
    CHECK(text(grids, "renderer-v2.attr") == "bounds");
    CHECK(text(grids, "labelsEnabled") == "1");
    CHECK(text(grids, "labeling.settings.text-style.fieldName").find("grid_code") !=
          std::string::npos);
    std::set<std::string> bands, building_categories;
    for (const CPLXMLNode* c :
         children(child(child(grids, "renderer-v2"), "categories"), "category"))
        bands.insert(text(c, "value"));
    CHECK(bands == std::set<std::string>{"", "under", "within", "over"});
    for (const CPLXMLNode* c :
         children(child(child(buildings, "renderer-v2"), "categories"), "category"))
        building_categories.insert(text(c, "value"));
    auto codes = gridCodes(out);
    std::set<std::string> expected(codes.begin(), codes.end());
    expected.insert("");
    CHECK(building_categories == expected);
    // Gaps are the top layer of the panel.
    const auto tree = children(child(qgis, "layer-tree-group"), "layer-tree-layer");
    REQUIRE(!tree.empty());
    CHECK(text(tree.front(), "id") == "gridplan_gaps");
}

TEST_CASE("report.html lists every grid, escapes names, and switches to Chinese with --lang zh",
          "[e2e][planner]")
{
    TempDir dir("planner-html");
    writeTwoCommunities(dir);
    REQUIRE(runTwo(dir, "en").exit_code == 0);
    REQUIRE(runTwo(dir, "zh", {"--lang", "zh"}).exit_code == 0);
    const std::string en = slurp(dir.file("en") + "/report.html");
    const std::string zh = slurp(dir.file("zh") + "/report.html");

    const auto codes = gridCodes(dir.file("en"));
    REQUIRE(codes.size() >= 4);
    for (const auto& code : codes)
    {
        INFO(code);
        CHECK(en.find(code) != std::string::npos);
        CHECK(zh.find(code) != std::string::npos);
    }
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("Work list") != std::string::npos);
    CHECK(en.find("Households per grid") != std::string::npos);
    CHECK(zh.find("<html lang=\"zh-CN\">") != std::string::npos);
    for (const char* heading :
         {"微网格划分方案", "网格分布图", "各网格户数分布", "网格清单", "待办问题清单", "运行参数"})
    {
        INFO(heading);
        CHECK(zh.find(heading) != std::string::npos);
        CHECK(en.find(heading) == std::string::npos);
    }
    // Community names survive, escaped; the raw markup never appears.
    for (const auto* page : {&en, &zh})
    {
        CHECK(page->find("幸福社区") != std::string::npos);
        CHECK(page->find("和平&lt;b&gt;&amp;&quot;里&quot;") != std::string::npos);
        CHECK(page->find("和平<b>") == std::string::npos);
        // Self-contained: an inline map and histogram, no script, nothing fetched.
        CHECK(page->find("<svg class=\"map\"") != std::string::npos);
        CHECK(page->find("<script") == std::string::npos);
        CHECK(page->find("http://www.w3.org/2000/svg") != std::string::npos);
        CHECK(page->find("src=") == std::string::npos);
        CHECK(page->find("@media print") != std::string::npos);
    }
    // The QGIS project's names, legends and labels follow the language too.
    const std::string qgs_zh = slurp(dir.file("zh") + "/gridplan.qgs");
    CHECK(qgs_zh.find("网格（按户数）") != std::string::npos);
    CHECK(qgs_zh.find("低于下限 (&lt; 300)") != std::string::npos);
    CHECK(qgs_zh.find("户&#39;") != std::string::npos); // label expression ... || ' 户'
    CHECK(slurp(dir.file("en") + "/gridplan.qgs").find("Grids by households") != std::string::npos);
}

TEST_CASE("the QGIS project, styles and report are byte-identical across runs", "[e2e][planner]")
{
    TempDir dir("planner-determinism");
    writeTwoCommunities(dir);
    REQUIRE(runTwo(dir, "a", {"--lang", "zh"}).exit_code == 0);
    REQUIRE(runTwo(dir, "b", {"--lang", "zh"}).exit_code == 0);
    int compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("a")))
    {
        const auto ext = entry.path().extension().string();
        if (ext != ".qgs" && ext != ".qml" && ext != ".html")
            continue;
        INFO(entry.path().filename().string());
        CHECK(slurp(entry.path().string()) ==
              slurp(dir.file("b") + "/" + entry.path().filename().string()));
        ++compared;
    }
    CHECK(compared >= 7); // gridplan.qgs, report.html and a .qml per layer
}

TEST_CASE("the language option accepts only en and zh", "[e2e][planner]")
{
    TempDir dir("planner-lang");
    writeTwoCommunities(dir);
    const auto run = runTwo(dir, "out", {"--lang", "fr"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--lang") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("out") + "/report.html"));
}

TEST_CASE("the Chinese report gives the work list's details in Chinese", "[e2e][planner]")
{
    TempDir dir("planner-zh-details");
    const double x0 = 500000, y0 = 3300000;
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    for (int r = 0; r < 4; ++r) // C1: 16 x 50 households, two grids of 400
        for (int k = 0; k < 4; ++k)
            buildings.features.push_back(
                {rectWkt(x0 + 15 + k * 50, y0 + 15 + r * 50, x0 + 35 + k * 50, y0 + 35 + r * 50),
                 {{"bid", "b" + std::to_string(r * 4 + k)}, {"hh", "50"}}});
    // C2 holds 120 households only: a grid under the minimum. One building straddles C1/C2,
    // one stands outside both.
    buildings.features.push_back(
        {rectWkt(x0 + 300, y0 + 100, x0 + 320, y0 + 120), {{"bid", "small"}, {"hh", "100"}}});
    buildings.features.push_back(
        {rectWkt(x0 + 240, y0 + 200, x0 + 270, y0 + 210), {{"bid", "edge"}, {"hh", "20"}}});
    buildings.features.push_back(
        {rectWkt(x0 + 900, y0 + 100, x0 + 920, y0 + 120), {{"bid", "far"}, {"hh", "10"}}});
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}, {"name", 'S'}};
    communities.features.push_back(
        {rectWkt(x0, y0, x0 + 250, y0 + 250), {{"cid", "C1"}, {"name", "幸福社区"}}});
    communities.features.push_back(
        {rectWkt(x0 + 250, y0, x0 + 500, y0 + 250), {{"cid", "C2"}, {"name", "和平社区"}}});
    writeLayer(dir.file("communities.shp"), communities);
    auto run = [&](const std::string& out, const std::string& lang)
    {
        return runGridplan({"partition",
                            "--buildings",
                            dir.file("buildings.shp"),
                            "--buildings-id-field",
                            "bid",
                            "--households-field",
                            "hh",
                            "--communities",
                            dir.file("communities.shp"),
                            "--communities-id-field",
                            "cid",
                            "--min",
                            "300",
                            "--max",
                            "500",
                            "--target",
                            "400",
                            "--lang",
                            lang,
                            "--out",
                            dir.file(out),
                            "-q"});
    };
    const auto en_run = run("en", "en");
    INFO(en_run.err);
    REQUIRE(en_run.exit_code == 0);
    REQUIRE(run("zh", "zh").exit_code == 0);
    const std::string en = slurp(dir.file("en") + "/report.html");
    const std::string zh = slurp(dir.file("zh") + "/report.html");
    CHECK(en.find("building far lies outside every community") != std::string::npos);
    CHECK(zh.find("楼栋 far 不在任何社区内") != std::string::npos);
    CHECK(en.find("building edge straddles a community boundary") != std::string::npos);
    CHECK(zh.find("楼栋 edge 跨社区边界；已归入占其占地") != std::string::npos);
    CHECK(zh.find("户，低于下限 300；建议：") != std::string::npos);
    // No English detail left for these reasons.
    for (const char* english :
         {"below the minimum", "straddles a community boundary", "lies outside every"})
    {
        INFO(english);
        CHECK(en.find(english) != std::string::npos);
        CHECK(zh.find(english) == std::string::npos);
    }
    CHECK(en.find("不在任何社区内") == std::string::npos);
    // report.json keeps the English detail whatever the language.
    CHECK(slurp(dir.file("zh") + "/report.json").find("lies outside every community") !=
          std::string::npos);
}
