// GCJ-02 / BD-09: the published forward formulas, inverses by iteration, points outside China
// untouched, and the working-CRS scale check.
#include "core/error.hpp"
#include "io/china_coords.hpp"
#include "io/gdal_support.hpp"
#include "io/reproject.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace gp::io;

namespace
{

// Ground distance in metres between two nearby lon/lat points (local flat earth; enough at
// the sub-metre scale checked here).
double metres(double lon0, double lat0, double lon1, double lat1)
{
    const double k = 6378137.0 * 3.14159265358979323846 / 180.0;
    return std::hypot((lon1 - lon0) * k * std::cos(lat0 * 3.14159265358979323846 / 180.0),
                      (lat1 - lat0) * k);
}

} // namespace

TEST_CASE("GCJ-02 and BD-09 forward formulas give the published values", "[china][crs]")
{
    // Tiananmen, the example of the coordtransform library's README: wgs84togcj02(116.404, 39.915).
    double lon = 116.404, lat = 39.915;
    shiftFromWgs84(LonLatShift::Gcj02, lon, lat);
    CHECK(lon == Approx(116.41024449916938).margin(1e-9));
    CHECK(lat == Approx(39.91640428150164).margin(1e-9));
    // BD-09 is GCJ-02 shifted again: gcj02tobd09(116.404, 39.915) in the same README.
    double gcj_lon = 116.404, gcj_lat = 39.915;
    double bd_lon = gcj_lon, bd_lat = gcj_lat;
    shiftToWgs84(LonLatShift::Gcj02, bd_lon, bd_lat); // the WGS 84 point whose GCJ-02 is that
    shiftFromWgs84(LonLatShift::Bd09, bd_lon, bd_lat);
    CHECK(bd_lon == Approx(116.41036949371029).margin(1e-8));
    CHECK(bd_lat == Approx(39.92133699351021).margin(1e-8));
}

TEST_CASE("GCJ-02 / BD-09 round trips over China are within 0.5 m", "[china][crs]")
{
    double worst_gcj = 0, worst_bd = 0, least_shift = 1e9, most_shift = 0;
    int points = 0;
    for (double lat = 18.0; lat <= 53.0; lat += 0.25)
        for (double lon = 74.0; lon <= 135.0; lon += 0.25)
        {
            for (const auto shift : {LonLatShift::Gcj02, LonLatShift::Bd09})
            {
                double x = lon, y = lat;
                shiftFromWgs84(shift, x, y);
                if (shift == LonLatShift::Gcj02)
                {
                    const double d = metres(lon, lat, x, y);
                    least_shift = std::min(least_shift, d);
                    most_shift = std::max(most_shift, d);
                }
                shiftToWgs84(shift, x, y);
                (shift == LonLatShift::Gcj02 ? worst_gcj : worst_bd) = std::max(
                    shift == LonLatShift::Gcj02 ? worst_gcj : worst_bd, metres(lon, lat, x, y));
            }
            ++points;
        }
    INFO(points << " points; worst GCJ-02 " << worst_gcj << " m, BD-09 " << worst_bd
                << " m; GCJ-02 shift " << least_shift << ".." << most_shift << " m");
    CHECK(points > 30000);
    CHECK(worst_gcj < 0.5);
    CHECK(worst_bd < 0.5);
    CHECK(worst_gcj < 0.001); // the iteration converges far below the bar
    CHECK(worst_bd < 0.001);
    // The obfuscation is real: tens to hundreds of metres everywhere in the box.
    CHECK(least_shift > 10.0);
    CHECK(most_shift < 1500.0);
}

TEST_CASE("points outside China are left as they are", "[china][crs]")
{
    for (const auto shift : {LonLatShift::Gcj02, LonLatShift::Bd09})
    {
        double lon = -8.61, lat = 41.15; // Porto
        shiftFromWgs84(shift, lon, lat);
        CHECK(lon == -8.61);
        CHECK(lat == 41.15);
        shiftToWgs84(shift, lon, lat);
        CHECK(lon == -8.61);
        CHECK(lat == 41.15);
    }
    CHECK(outOfChina(139.7, 35.7));    // Tokyo
    CHECK(!outOfChina(121.47, 31.23)); // Shanghai
}

TEST_CASE("names of the shifted systems", "[china][crs]")
{
    CHECK(parseLonLatShift("GCJ02") == LonLatShift::Gcj02);
    CHECK(parseLonLatShift("gcj-02") == LonLatShift::Gcj02);
    CHECK(parseLonLatShift("BD09") == LonLatShift::Bd09);
    CHECK(parseLonLatShift("bd-09") == LonLatShift::Bd09);
    CHECK(!parseLonLatShift("EPSG:4326"));
    CHECK(!parseLonLatShift(""));
}

TEST_CASE("ShiftedTransform removes a shift before PROJ and applies one after", "[china][crs]")
{
    ensureGdalRegistered();
    auto wgs84 = spatialRefFromUser("EPSG:4326");
    auto utm = spatialRefFromUser("EPSG:32650");
    std::unique_ptr<OGRCoordinateTransformation> plain(
        OGRCreateCoordinateTransformation(wgs84.get(), utm.get()));
    ShiftedTransform in(LonLatShift::Gcj02,
                        std::unique_ptr<OGRCoordinateTransformation>(plain->Clone()),
                        LonLatShift::None);
    double lon = 117.0, lat = 30.0;
    double gx = lon, gy = lat;
    shiftFromWgs84(LonLatShift::Gcj02, gx, gy);
    double px = lon, py = lat;
    REQUIRE(plain->Transform(1, &px, &py));
    REQUIRE(in.Transform(1, &gx, &gy, nullptr, nullptr, nullptr));
    CHECK(std::hypot(gx - px, gy - py) < 0.001); // metres
    // The inverse goes back to GCJ-02 lon/lat.
    std::unique_ptr<OGRCoordinateTransformation> back(in.GetInverse());
    REQUIRE(back);
    REQUIRE(back->Transform(1, &gx, &gy, nullptr, nullptr, nullptr));
    double ex = lon, ey = lat;
    shiftFromWgs84(LonLatShift::Gcj02, ex, ey);
    CHECK(metres(ex, ey, gx, gy) < 0.001);
}

TEST_CASE("scale of a projected CRS at the data", "[crs]")
{
    ensureGdalRegistered();
    // Web Mercator at Porto (41.15 N): linear scale 1 / cos(lat) = 1.329 (area scale 1.766).
    CHECK(scaleErrorAt(*spatialRefFromUser("EPSG:3857"), -8.61, 41.15) ==
          Approx(0.329).margin(0.005));
    // UTM at its central meridian: 0.9996.
    CHECK(scaleErrorAt(*spatialRefFromUser("EPSG:32629"), -9.0, 41.15) ==
          Approx(0.0004).margin(0.00005));
    // CGCS2000 3-degree Gauss-Krueger, central meridian 114E, at Wuhan: true scale.
    CHECK(scaleErrorAt(*spatialRefFromUser("EPSG:4547"), 114.3, 30.6) < 0.0001);
    CHECK(scaleErrorAt(*spatialRefFromUser("EPSG:3857"), 121.47, 31.23) >
          0.15); // Shanghai: +17%, +36% in area
}

TEST_CASE("working CRS: off-scale inputs fall back, CGCS2000 gets its Gauss-Krueger zone", "[crs]")
{
    ensureGdalRegistered();
    auto mercator = spatialRefFromUser("EPSG:3857");
    // Porto in Web Mercator metres.
    auto choice = chooseWorkingCrs(*mercator, gp::Point(-958500.0, 5034500.0), "b.shp", "");
    CHECK(describeSrs(*choice.srs) == "EPSG:32629");
    CHECK(choice.reason.find("off true scale") != std::string::npos);
    // CGCS2000 lon/lat at Guangzhou (113.26 E): zone of central meridian 114 E, EPSG:4547.
    choice =
        chooseWorkingCrs(*spatialRefFromUser("EPSG:4490"), gp::Point(113.26, 23.13), "b.shp", "");
    CHECK(describeSrs(*choice.srs) == "EPSG:4547");
    // Shanghai (121.47 E): central meridian 120 E, EPSG:4549.
    choice =
        chooseWorkingCrs(*spatialRefFromUser("EPSG:4490"), gp::Point(121.47, 31.23), "b.shp", "");
    CHECK(describeSrs(*choice.srs) == "EPSG:4549");
    // WGS 84 lon/lat in Shanghai: UTM 51N.
    choice =
        chooseWorkingCrs(*spatialRefFromUser("EPSG:4326"), gp::Point(121.47, 31.23), "b.shp", "");
    CHECK(describeSrs(*choice.srs) == "EPSG:32651");
    // A CGCS2000 Gauss-Krueger input is kept: true scale near its central meridian.
    choice = chooseWorkingCrs(*spatialRefFromUser("EPSG:4547"), gp::Point(400000.0, 2560000.0),
                              "b.shp", "");
    CHECK(describeSrs(*choice.srs) == "EPSG:4547");
    CHECK_THROWS_AS(chooseWorkingCrs(*spatialRefFromUser("EPSG:4326"), gp::Point(121.47, 31.23),
                                     "b.shp", "EPSG:3857"),
                    gp::ConfigError);
}
