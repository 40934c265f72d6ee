// The fast GeoJSON writer against GDAL's own GeoJSON driver: every file must be byte-identical to
// what the driver writes for the same table (the format the outputs had before, and what
// samples/porto-output holds), whatever the number of threads.
#include "core/error.hpp"
#include "io/geojson_text.hpp"
#include "io/geojson_writer.hpp"
#include "support/fixtures.hpp"

#include <ogr_p.h>
#include <ogr_spatialref.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace gp;
using gp::io::FeatureTable;
using gp::io::FieldType;
using gp::io::FieldValue;

namespace
{

std::string wktOf(int epsg)
{
    OGRSpatialReference srs;
    REQUIRE(srs.importFromEPSG(epsg) == OGRERR_NONE);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt;
    CPLFree(wkt);
    return out;
}

// UTM 50N (the fixtures' CRS): x 500000 is 117°E.
const std::string& utm50()
{
    static const std::string wkt = wktOf(32650);
    return wkt;
}

using Ring = Polygon::ring_type;

Ring ringOf(std::initializer_list<std::pair<double, double>> pts)
{
    Ring r;
    for (const auto& [x, y] : pts)
        r.push_back(Point(x, y));
    return r;
}

Polygon square(double x, double y, double size, bool clockwise, bool closed = true)
{
    Polygon p;
    if (clockwise)
        p.outer() = ringOf({{x, y}, {x, y + size}, {x + size, y + size}, {x + size, y}});
    else
        p.outer() = ringOf({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}});
    if (closed)
        p.outer().push_back(Point(x, y));
    return p;
}

FeatureTable::Row row(std::vector<FieldValue> values,
                      std::optional<MultiPolygon> area = std::nullopt,
                      std::optional<Point> point = std::nullopt)
{
    FeatureTable::Row r;
    r.values = std::move(values);
    r.area = std::move(area);
    r.point = point;
    return r;
}

// Tables holding what the outputs hold, and the odd values GDAL treats specially.
FeatureTable mixedTable()
{
    FeatureTable t;
    t.name = "mixed";
    t.fields = {
        {"code", FieldType::String}, {"count", FieldType::Integer}, {"share", FieldType::Real}};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    MultiPolygon ccw{square(500000, 4400000, 50, false)};
    MultiPolygon cw{square(500100, 4400000, 50, true)};
    MultiPolygon open{square(500200, 4400000, 50, false, false)};
    MultiPolygon two{square(500300, 4400000, 20, false), square(500400, 4400000, 20, true)};
    // Holes in both orientations.
    Polygon holed = square(500500, 4400000, 100, false);
    holed.inners().push_back(ringOf({{500510, 4400010},
                                     {500520, 4400010},
                                     {500520, 4400020},
                                     {500510, 4400020},
                                     {500510, 4400010}}));
    holed.inners().push_back(ringOf({{500540, 4400040},
                                     {500540, 4400060},
                                     {500560, 4400060},
                                     {500560, 4400040},
                                     {500540, 4400040}}));
    MultiPolygon with_holes{holed};
    Polygon sliver;
    sliver.outer() = ringOf({{500600, 4400000}, {500610, 4400000}, {500600, 4400000}});
    MultiPolygon degenerate{sliver};

    t.rows = {
        row({std::string("G-01"), std::int64_t{447}, 0.6393}, ccw),
        row({std::string("网格 东区"), std::int64_t{-3}, 9244.0}, cw),
        row({std::string("open ring"), std::int64_t{0}, -0.0}, open),
        row({std::string("two parts"), std::numeric_limits<std::int64_t>::max(), 1e20}, two),
        row({std::string("holes"), std::numeric_limits<std::int64_t>::min(), 1e-7}, with_holes),
        row({std::string("degenerate"), std::int64_t{1}, 0.1}, degenerate),
        row({std::string("point"), std::int64_t{2}, 123456.789}, std::nullopt,
            Point(500000.5, 4400000.25)),
        row({std::string("no geometry"), std::monostate{}, std::monostate{}}),
        row({std::string("empty area, point"), std::int64_t{3}, 0.99999999999999989},
            MultiPolygon{}, Point(500001, 4400001)),
        row({std::string("q\"uote\\ back/slash\ttab\nnl\x01\x1f\x7f"), std::int64_t{4}, 1.0 / 3},
            ccw),
        row({std::string("{\"json\": 1}"), std::int64_t{5}, 2.5}, ccw),
        row({std::string("[1, 2]"), std::int64_t{6}, 1e300}, ccw),
        row({std::string("[东区]"), std::int64_t{7}, 5e-324}, ccw),
        row({std::string(""), std::int64_t{8}, 0.30000000000000004}, ccw),
        row({std::string("bad \xff\xfe utf8"), std::int64_t{9}, 100.0}, ccw),
        row({std::string("nan"), std::int64_t{10}, nan}, ccw),
        row({std::string("inf"), std::int64_t{11}, -inf}, ccw),
        row({std::int64_t{12}, 3.75, std::string("7")}, ccw), // values of another column's type
        row({std::string("short row")}, ccw),
        row({std::monostate{}, std::monostate{}, std::monostate{}}, std::nullopt,
            Point(500002, 4400002)),
    };
    return t;
}

FeatureTable randomTable(std::size_t rows, unsigned seed)
{
    FeatureTable t;
    t.name = "random";
    t.fields = {{"id", FieldType::String},
                {"n", FieldType::Integer},
                {"area_m2", FieldType::Real},
                {"note", FieldType::String}};
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(300000, 700000), y(3000000, 5000000), size(0.01, 300);
    std::uniform_int_distribution<int> kind(0, 9), vertices(3, 12);
    for (std::size_t i = 0; i < rows; ++i)
    {
        const double x0 = x(rng), y0 = y(rng);
        FeatureTable::Row r;
        r.values = {std::string("B") + std::to_string(i), std::int64_t(i * 7 - 1000),
                    std::round(size(rng) * size(rng) * 10) / 10,
                    kind(rng) < 3 ? FieldValue{}
                                  : FieldValue{std::string("楼 ") + std::to_string(kind(rng))}};
        const int k = kind(rng);
        if (k == 0)
            r.point = Point(x0, y0);
        else if (k != 1)
        {
            // A star-shaped ring of random radii, either orientation, sometimes two parts.
            MultiPolygon mp;
            for (int part = 0; part < (k == 2 ? 2 : 1); ++part)
            {
                Polygon p;
                const int n = vertices(rng);
                const double s = size(rng), cx = x0 + part * 1000;
                for (int v = 0; v < n; ++v)
                {
                    const double a = (k % 2 ? 1 : -1) * 2 * M_PI * v / n;
                    const double radius = s * (0.5 + std::fmod(size(rng), 1.0));
                    p.outer().push_back(
                        Point(cx + radius * std::cos(a), y0 + radius * std::sin(a)));
                }
                p.outer().push_back(p.outer().front());
                mp.push_back(p);
            }
            r.area = mp;
        }
        t.rows.push_back(std::move(r));
    }
    return t;
}

void requireSameAsGdal(const FeatureTable& table, const std::string& crs_wkt, int threads)
{
    test::TempDir dir("geojson-writer");
    const std::string gdal = dir.file("gdal.geojson"), fast = dir.file("fast.geojson");
    io::writeGeoJsonWithGdal(table, gdal, crs_wkt);
    io::writeGeoJson(table, fast, crs_wkt, nullptr, threads);
    const std::string expected = test::slurp(gdal);
    const std::string written = test::slurp(fast);
    REQUIRE(!expected.empty());
    if (written != expected)
    {
        std::size_t at = 0;
        while (at < written.size() && at < expected.size() && written[at] == expected[at])
            ++at;
        FAIL_CHECK("first difference at byte "
                   << at << "\nGDAL: " << expected.substr(at > 80 ? at - 80 : 0, 200)
                   << "\nfast: " << written.substr(at > 80 ? at - 80 : 0, 200));
    }
    REQUIRE(written == expected);
}

} // namespace

TEST_CASE("appendCoordinate formats like OGRFormatDouble with 7 decimals", "[io]")
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> lon(-180, 180), unit(-1, 1);
    std::uniform_int_distribution<long> whole(-179, 179), digits(0, 9999999);
    auto same = [](double v)
    {
        char gdal[80];
        OGRFormatDouble(gdal, 75, v, '.', 7);
        std::string fast;
        io::appendCoordinate(fast, v);
        if (fast != gdal)
            FAIL_CHECK(std::to_string(v) << ": GDAL " << gdal << ", fast " << fast);
        return fast == gdal;
    };
    int mismatches = 0;
    for (int i = 0; i < 100000; ++i)
        mismatches += !same(lon(rng)) + !same(unit(rng));
    // The round-off tails intelliround trims or rounds up: ...00000x and ...99999x.
    for (int i = 0; i < 20000; ++i)
    {
        const long a = whole(rng), d = digits(rng);
        for (long tail :
             {d / 10000 * 10000 + 1, d / 100000 * 100000 + 99999, 9999999L, 1L, 100000 + d % 10})
        {
            const double v =
                static_cast<double>(a) + (a < 0 ? -1 : 1) * static_cast<double>(tail) / 1e7;
            mismatches += !same(v) + !same(std::nextafter(v, 1e9)) + !same(std::nextafter(v, -1e9));
        }
    }
    for (double v : {0.0, -0.0, 1e-8, -1e-8, 5e-8, -5e-8, 0.99999995, 179.99999999, -89.999999951})
        mismatches += !same(v);
    CHECK(mismatches == 0);
}

TEST_CASE("appendJsonString escapes as json-c does, slashes left alone", "[io]")
{
    std::string out;
    io::appendJsonString(out, std::string_view("a/b\"c\\d\te\x01\x7f中", 15));
    CHECK(out == "\"a/b\\\"c\\\\d\\te\\u0001\x7f中\"");
}

TEST_CASE("writeGeoJson writes the bytes of GDAL's GeoJSON driver", "[io]")
{
    SECTION("points, polygons of either orientation, holes, multipolygons, odd values")
    {
        requireSameAsGdal(mixedTable(), utm50(), 1);
        requireSameAsGdal(mixedTable(), utm50(), 2);
    }
    SECTION("an empty layer")
    {
        FeatureTable t = mixedTable();
        t.rows.clear();
        requireSameAsGdal(t, utm50(), 2);
    }
    SECTION("a layer with no fields")
    {
        FeatureTable t;
        t.name = "bare";
        t.rows = {row({}, MultiPolygon{square(500000, 4400000, 10, false)}), row({})};
        requireSameAsGdal(t, utm50(), 1);
    }
    SECTION("field names differing only in case")
    {
        FeatureTable t;
        t.name = "cased";
        t.fields = {{"Name", FieldType::String}, {"name", FieldType::String}};
        t.rows = {row({std::string("A"), std::string("b")},
                      MultiPolygon{square(500000, 4400000, 10, false)})};
        requireSameAsGdal(t, utm50(), 2);
    }
    SECTION("geometries across the antimeridian, which GDAL cuts")
    {
        // UTM 60N: x 800000 is past 180°E.
        FeatureTable t;
        t.name = "dateline";
        t.fields = {{"code", FieldType::String}};
        t.rows = {row({std::string("across")}, MultiPolygon{square(760000, 5000000, 80000, false)}),
                  row({std::string("east")}, MultiPolygon{square(700000, 5000000, 1000, true)}),
                  row({std::string("point")}, std::nullopt, Point(790000, 5000000))};
        requireSameAsGdal(t, wktOf(32660), 2);
    }
    SECTION("thousands of random features")
    {
        requireSameAsGdal(randomTable(6000, 11), utm50(), 2);
    }
}

TEST_CASE("writeGeoJson writes the same file with 1, 2 and 3 threads", "[io]")
{
    // More rows than one work chunk per thread, so the threads really share the layer.
    const FeatureTable table = randomTable(20000, 5);
    test::TempDir dir("geojson-threads");
    io::writeGeoJson(table, dir.file("t1.geojson"), utm50(), nullptr, 1);
    io::writeGeoJson(table, dir.file("t2.geojson"), utm50(), nullptr, 2);
    io::writeGeoJson(table, dir.file("t3.geojson"), utm50(), nullptr, 3);
    const std::string one = test::slurp(dir.file("t1.geojson"));
    REQUIRE(one.size() > 20000 * 100);
    CHECK(test::slurp(dir.file("t2.geojson")) == one);
    CHECK(test::slurp(dir.file("t3.geojson")) == one);
    // And the features read back: as many as rows, the first one's attributes intact.
    const auto features = test::readLayer(dir.file("t2.geojson"));
    REQUIRE(features.size() == table.rows.size());
    CHECK(features[0].fields.at("id") == "B0");
}

TEST_CASE("writeGeoJson names the file when it cannot be written", "[io]")
{
    test::TempDir dir("geojson-fail");
    const std::string path = dir.file("missing-folder/out.geojson");
    try
    {
        io::writeGeoJson(randomTable(10, 1), path, utm50(), nullptr, 2);
        FAIL("no error");
    }
    catch (const OutputError& e)
    {
        CHECK_THAT(e.what(), Catch::Contains(path));
    }
}
