#include "io/layer_reader.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace gp::test;

TEST_CASE("features converted on several threads come back in order, issues too", "[io]")
{
    // More than two read batches (4,096 features each), with invalid, empty and unusable
    // geometries spread over them.
    TempDir dir("reader-threads");
    FixtureLayer layer;
    layer.fields = {{"bld_id", 'S'}, {"名称", 'S'}};
    constexpr int kFeatures = 9000;
    int expected_repairs = 0, expected_skips = 0;
    for (int i = 0; i < kFeatures; ++i)
    {
        const double x = 500000.0 + (i % 100) * 20.0, y = 3400000.0 + (i / 100) * 20.0;
        FixtureFeature f;
        f.fields = {{"bld_id", "B" + std::to_string(i)}, {"名称", "楼" + std::to_string(i)}};
        if (i % 997 == 5)
        {
            // A bow-tie: make-valid repairs it.
            f.wkt = "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," +
                    std::to_string(x + 10) + " " + std::to_string(y + 10) + "," +
                    std::to_string(x + 10) + " " + std::to_string(y) + "," + std::to_string(x) +
                    " " + std::to_string(y + 10) + "," + std::to_string(x) + " " +
                    std::to_string(y) + "))";
            ++expected_repairs;
        }
        else if (i % 1499 == 7)
        {
            f.wkt = ""; // null geometry: skipped
            ++expected_skips;
        }
        else
            f.wkt = rectWkt(x, y, x + 10, y + 8);
        layer.features.push_back(f);
    }
    writeLayer(dir.file("b.shp"), layer);

    gp::LayerSource source;
    source.path = dir.file("b.shp");
    source.id_field = "bld_id";
    auto readWith = [&](int threads)
    {
        gp::io::InputLayer input(source, "buildings", "");
        return input.read(input.srs(), {"名称"}, gp::io::GeometryKind::PolygonalOrPoint, nullptr,
                          threads);
    };
    const auto serial = readWith(1);
    const auto parallel = readWith(3);
    REQUIRE(serial.features.size() == static_cast<std::size_t>(kFeatures - expected_skips));
    REQUIRE(parallel.features.size() == serial.features.size());
    CHECK(serial.info.features_read == kFeatures);
    CHECK(serial.info.features_skipped == expected_skips);
    for (std::size_t k = 0; k < serial.features.size(); ++k)
    {
        const auto& a = serial.features[k];
        const auto& b = parallel.features[k];
        INFO("feature " << k);
        REQUIRE(a.fid == b.fid);
        CHECK(a.id == b.id);
        CHECK(a.values == b.values);
        CHECK(gp::bg::equals(a.polygons, b.polygons));
    }
    CHECK(serial.features[1].values[0] == std::optional<std::string>("楼1"));
    REQUIRE(serial.issues.size() == static_cast<std::size_t>(expected_repairs + expected_skips));
    REQUIRE(parallel.issues.size() == serial.issues.size());
    int repairs = 0;
    for (std::size_t k = 0; k < serial.issues.size(); ++k)
    {
        CHECK(serial.issues[k].reason == parallel.issues[k].reason);
        CHECK(serial.issues[k].detail == parallel.issues[k].detail);
        repairs += serial.issues[k].reason == "geometry_repaired";
    }
    CHECK(repairs == expected_repairs);
    // Issues in feature order: the first is feature 5's repair, then feature 7's null geometry.
    CHECK(serial.issues[0].detail.find("feature B5 ") != std::string::npos);
    CHECK(serial.issues[1].detail.find("feature B7 ") != std::string::npos);
}
