// End-to-end: compounds drawn in CAD. A DXF as Chinese AutoCAD writes it (text in code page
// ANSI_936, i.e. GBK) with closed LWPOLYLINEs on a layer named 小区, and one on another layer
// (道路), used as the compounds layer with
// --compounds-where "Layer = '小区'"; a drawing has no CRS, so it needs --assume-crs.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace gp::test;

namespace
{

constexpr double kX0 = 500000, kY0 = 3300000;

// A closed LWPOLYLINE (group 70 = 1: closed) on `layer` through the corners of a rectangle.
std::string polyline(const std::string& layer, const std::string& handle, double x0, double y0,
                     double x1, double y1)
{
    std::ostringstream s;
    s.precision(12);
    s << "0\nLWPOLYLINE\n5\n"
      << handle << "\n100\nAcDbEntity\n8\n"
      << layer << "\n100\nAcDbPolyline\n90\n4\n70\n1\n";
    for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}})
        s << "10\n" << x << "\n20\n" << y << "\n";
    return s.str();
}

void writeDrawing(const std::string& path)
{
    std::ofstream out(path, std::ios::binary);
    const std::string compound_layer = "\xD0\xA1\xC7\xF8",
                      road_layer = "\xB5\xC0\xC2\xB7"; // 小区, 道路 in GBK
    out << "0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1021\n9\n$DWGCODEPAGE\n3\nANSI_936\n9\n$"
           "INSUNITS\n70\n6\n0\nENDSEC\n"
        << "0\nSECTION\n2\nENTITIES\n"
        << polyline(compound_layer, "A1", kX0 + 5, kY0 + 5, kX0 + 195, kY0 + 195)
        << polyline(compound_layer, "A2", kX0 + 205, kY0 + 5, kX0 + 395, kY0 + 195)
        << polyline(road_layer, "A3", kX0 - 50, kY0 - 50, kX0 + 450, kY0 + 250) // not a compound
        << "0\nENDSEC\n0\nEOF\n";
}

} // namespace

TEST_CASE("a DXF with closed polylines on layer 小区 is the compounds layer", "[e2e][dxf]")
{
    TempDir dir("dxf");
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    for (int i = 0; i < 8; ++i)
    {
        const double x = kX0 + 20 + (i % 4) * 95, y = kY0 + 20 + (i / 4) * 100;
        buildings.features.push_back(
            {rectWkt(x, y, x + 20, y + 20), {{"bid", "B" + std::to_string(i + 1)}, {"hh", "90"}}});
    }
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back({rectWkt(kX0, kY0, kX0 + 400, kY0 + 200), {{"cid", "C1"}}});
    writeLayer(dir.file("communities.shp"), communities);
    writeDrawing(dir.file("小区图.dxf"));

    std::vector<std::string> args = {"partition",
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
                                     "--compounds",
                                     dir.file("小区图.dxf"),
                                     "--compounds-where",
                                     "Layer = '小区'",
                                     "--min",
                                     "300",
                                     "--max",
                                     "400",
                                     "--target",
                                     "360",
                                     "--out",
                                     dir.file("out"),
                                     "-q"};
    // A drawing carries no CRS.
    auto run = runGridplan(args);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("小区图.dxf") != std::string::npos);
    CHECK(run.err.find("--assume-crs") != std::string::npos);

    args.insert(args.end(), {"--assume-crs", "EPSG:32650"});
    run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto compounds = readLayer(dir.file("out/compounds.geojson"));
    REQUIRE(compounds.size() == 2); // the 道路 outline is filtered out
    for (const auto& c : compounds)
    {
        CHECK(c.fields.at("households") == "360"); // four 90-household buildings inside each
        CHECK(c.wkt.find("POLYGON") != std::string::npos);
    }
    // Each compound is one grid of 360 households: the CAD outlines shaped the plan.
    const auto grids = readLayer(dir.file("out/grids.geojson"));
    REQUIRE(grids.size() == 2);
    std::map<std::string, std::string> grid_of;
    for (const auto& b : readLayer(dir.file("out/buildings.geojson")))
        grid_of[b.fields.at("building_id")] = b.fields.at("grid_code");
    CHECK(grid_of["B1"] == grid_of["B2"]);
    CHECK(grid_of["B1"] == grid_of["B5"]);
    CHECK(grid_of["B3"] == grid_of["B8"]);
    CHECK(grid_of["B1"] != grid_of["B4"]);
}
