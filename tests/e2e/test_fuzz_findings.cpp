// What the fuzz target (tests/fuzz/) found, checked end to end on the real executable.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

TEST_CASE("a building far off the globe in lon/lat is refused naming the file",
          "[fuzz][bad-inputs]")
{
    gp::test::TempDir dir("fuzzfind");
    const auto buildings = dir.file("buildings.geojson");
    // RFC 7946 GeoJSON (EPSG:4326): the working CRS would be the UTM zone at the centre.
    std::ofstream(buildings)
        << R"({"type":"FeatureCollection","features":[)"
        << R"({"type":"Feature","properties":{"bid":"FAR"},"geometry":{"type":"Point","coordinates":[1e300,0]}}]})";
    gp::test::FixtureLayer communities;
    communities.crs = "EPSG:4326";
    communities.fields = {{"cid", 'S'}};
    communities.features = {{gp::test::rectWkt(-1, -1, 1, 1), {{"cid", "C1"}}}};
    gp::test::writeLayer(dir.file("communities.shp"), communities);
    const std::vector<std::string> common{"--buildings", buildings, "--communities",
                                          dir.file("communities.shp")};

    auto args = common;
    args.insert(args.begin(), "check");
    auto r = gp::test::runGridplan(args);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(buildings) != std::string::npos);
    CHECK(r.out.find("--working-crs") != std::string::npos);

    args = common;
    args.insert(args.begin(), "partition");
    args.insert(args.end(), {"--out", dir.file("out"), "-q"});
    r = gp::test::runGridplan(args);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(buildings) != std::string::npos);
    CHECK(r.err.find("--working-crs") != std::string::npos);
}

TEST_CASE("an invalid polygon inside a GeometryCollection is repaired and reported",
          "[fuzz][bad-inputs]")
{
    gp::test::TempDir dir("fuzzfind");
    const auto buildings = dir.file("buildings.geojson");
    std::ofstream(buildings)
        << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32650"}},"features":[)"
        << R"({"type":"Feature","properties":{"bid":"GC"},"geometry":{"type":"GeometryCollection","geometries":[)"
        << R"({"type":"Polygon","coordinates":[[[10,10],[30,30],[30,10],[10,30],[10,10]]]}]}},)"
        << R"({"type":"Feature","properties":{"bid":"OK"},"geometry":{"type":"Polygon","coordinates":[[[50,50],[70,50],[70,70],[50,70],[50,50]]]}}]})";
    gp::test::FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features = {{gp::test::rectWkt(0, 0, 100, 100), {{"cid", "C1"}}}};
    gp::test::writeLayer(dir.file("communities.shp"), communities);
    const auto r = gp::test::runGridplan({"check", "--buildings", buildings, "--buildings-id-field",
                                          "bid", "--communities", dir.file("communities.shp")});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("geometry_repaired") != std::string::npos);
    CHECK(r.out.find("buildings feature GC (FID 0) in '" + buildings + "'") != std::string::npos);
}
