#include "core/geometry.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace
{

gp::MultiPolygon fromWkt(const std::string& wkt)
{
    gp::MultiPolygon mp;
    gp::bg::read_wkt(wkt, mp);
    gp::bg::correct(mp);
    return mp;
}

} // namespace

TEST_CASE("interior points: the centroid when inside, else the widest chord's middle", "[core]")
{
    // A square: its centroid.
    const auto square = fromWkt("MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))");
    const auto c = gp::interiorPointOf(square);
    CHECK(c.x() == Approx(5.0));
    CHECK(c.y() == Approx(5.0));

    // A thin U (a courtyard block open to the north): the centroid lies in the courtyard.
    const auto u = fromWkt("MULTIPOLYGON(((0 0,30 0,30 30,25 30,25 5,5 5,5 30,0 30,0 0)))");
    gp::Point centroid;
    gp::bg::centroid(u, centroid);
    REQUIRE_FALSE(gp::bg::within(centroid, u));
    const auto p = gp::interiorPointOf(u);
    CHECK(gp::bg::within(p, u));

    // A ring with a hole around its centroid; and two parts, the larger one holding the point.
    const auto ring =
        fromWkt("MULTIPOLYGON(((0 0,20 0,20 20,0 20,0 0),(2 2,18 2,18 18,2 18,2 2)))");
    CHECK(gp::bg::within(gp::interiorPointOf(ring), ring));
    const auto two =
        fromWkt("MULTIPOLYGON(((0 0,4 0,4 4,0 4,0 0)),((100 0,120 0,120 20,100 20,100 0)))");
    const auto q = gp::interiorPointOf(two);
    CHECK(gp::bg::within(q, two));
    CHECK(q.x() > 100.0);
}
