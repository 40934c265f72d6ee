// Every grid gets land (issue 13): whatever footprints arrive, a grid with buildings never comes
// out of the tiling empty, and the grids still cover the community with no overlap.
#include "geom/geos.hpp"
#include "tile/tile.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace
{

using gp::MultiPolygon;
using gp::Point;

MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    gp::bg::correct(mp);
    return mp;
}

// Tiles buildings (footprint, grid) in the community; checks that every grid has land, that
// no two grids overlap and that together they cover the community.
std::vector<MultiPolygon> tileAndCheck(const MultiPolygon& community,
                                       const std::vector<std::pair<MultiPolygon, int>>& buildings,
                                       int grids)
{
    gp::geom::GeosContext ctx;
    gp::tile::TileInput in;
    in.community = &community;
    in.grid_count = grids;
    for (const auto& [fp, g] : buildings)
    {
        in.footprints.push_back(&fp);
        Point anchor;
        gp::bg::centroid(fp, anchor);
        in.anchors.push_back(anchor);
        in.grid_of.push_back(g);
    }
    const auto result = gp::tile::tileCommunity(ctx, in);
    REQUIRE(static_cast<int>(result.grids.size()) == grids);
    double total = 0.0;
    for (int g = 0; g < grids; ++g)
    {
        INFO("grid " << g);
        const double a = gp::bg::area(result.grids[static_cast<std::size_t>(g)]);
        CHECK(a > 1.0);
        CHECK(gp::bg::is_valid(result.grids[static_cast<std::size_t>(g)]));
        total += a;
        for (int h = g + 1; h < grids; ++h)
        {
            // GEOS, not bg::intersection: GCC warns inside Boost's multipolygon envelope.
            const auto a_g = gp::geom::toGeos(ctx, result.grids[static_cast<std::size_t>(g)]);
            const auto a_h = gp::geom::toGeos(ctx, result.grids[static_cast<std::size_t>(h)]);
            const auto common = gp::geom::checked(
                ctx, GEOSIntersection_r(ctx.handle(), a_g.get(), a_h.get()), "intersection");
            double overlap = 0.0;
            GEOSArea_r(ctx.handle(), common.get(), &overlap);
            CHECK(overlap == Approx(0.0).margin(1e-6));
        }
    }
    CHECK(total == Approx(gp::bg::area(community)).epsilon(1e-9));
    return result.grids;
}

} // namespace

TEST_CASE("a grid whose only building duplicates another grid's footprint still gets land",
          "[tile][land]")
{
    const MultiPolygon community = rect(0, 0, 100, 100);
    tileAndCheck(community, {{rect(20, 20, 40, 40), 0}, {rect(20, 20, 40, 40), 1}}, 2);
}

TEST_CASE("a grid whose building lies outside the community still gets land", "[tile][land]")
{
    const MultiPolygon community = rect(0, 0, 100, 100);
    tileAndCheck(
        community,
        {{rect(20, 20, 40, 40), 0}, {rect(60, 60, 70, 70), 0}, {rect(150, 40, 170, 60), 1}}, 2);
}

TEST_CASE("a building part inside its building of another grid leaves both grids land",
          "[tile][land]")
{
    const MultiPolygon community = rect(0, 0, 100, 100);
    tileAndCheck(community,
                 {{rect(10, 10, 60, 60), 0}, {rect(30, 30, 40, 40), 1}, {rect(80, 80, 90, 90), 0}},
                 2);
}
