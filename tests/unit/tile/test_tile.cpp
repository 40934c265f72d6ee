#include "core/error.hpp"
#include "geom/geos.hpp"
#include "tile/tile.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace
{

using gp::MultiLineString;
using gp::MultiPolygon;
using gp::Point;
using gp::geom::GeomPtr;
using gp::geom::GeosContext;

GeomPtr readWkt(GeosContext& ctx, const std::string& wkt)
{
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx.handle(), reader, wkt.c_str());
    GEOSWKTReader_destroy_r(ctx.handle(), reader);
    return gp::geom::checked(ctx, g, "readWkt");
}

MultiPolygon polygonFromWkt(GeosContext& ctx, const std::string& wkt)
{
    GeomPtr g = readWkt(ctx, wkt);
    return gp::geom::toMultiPolygon(ctx, g.get());
}

MultiPolygon rect(double x0, double y0, double x1, double y1)
{
    MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
    gp::bg::correct(mp);
    return mp;
}

double geosArea(GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0.0;
    GEOSArea_r(ctx.handle(), g, &a);
    return a;
}

std::string toWkt(GeosContext& ctx, const MultiPolygon& mp)
{
    GeomPtr g = gp::geom::toGeos(ctx, mp);
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(ctx.handle());
    GEOSWKTWriter_setTrim_r(ctx.handle(), writer, 0);
    char* text = GEOSWKTWriter_write_r(ctx.handle(), writer, g.get());
    std::string out(text);
    GEOSFree_r(ctx.handle(), text);
    GEOSWKTWriter_destroy_r(ctx.handle(), writer);
    return out;
}

// A test case owning its geometries; input() points into them.
struct Case
{
    MultiPolygon community;
    std::vector<MultiPolygon> footprints;
    std::vector<Point> anchors;
    std::vector<int> grid_of;
    int grid_count = 0;
    MultiLineString barriers;
    bool use_barriers = false;

    void addBuilding(double x0, double y0, double x1, double y1, int grid)
    {
        footprints.push_back(rect(x0, y0, x1, y1));
        anchors.emplace_back((x0 + x1) / 2, (y0 + y1) / 2);
        grid_of.push_back(grid);
    }

    void addPoint(double x, double y, int grid) // a building known by its anchor only
    {
        footprints.emplace_back();
        anchors.emplace_back(x, y);
        grid_of.push_back(grid);
    }

    gp::tile::TileInput input() const
    {
        gp::tile::TileInput in;
        in.community = &community;
        for (const auto& fp : footprints)
            in.footprints.push_back(&fp);
        in.anchors = anchors;
        in.grid_of = grid_of;
        in.grid_count = grid_count;
        in.barriers = use_barriers ? &barriers : nullptr;
        return in;
    }
};

// The tiling invariants: union == community, no overlaps, each footprint inside its grid.
void checkTiling(GeosContext& ctx, const Case& c, const gp::tile::TileResult& r)
{
    const auto h = ctx.handle();
    REQUIRE(r.grids.size() == static_cast<std::size_t>(c.grid_count));
    GeomPtr community = gp::geom::toGeos(ctx, c.community);
    const double community_area = geosArea(ctx, community.get());
    std::vector<GeomPtr> grids;
    double sum = 0.0;
    for (const auto& g : r.grids)
    {
        grids.push_back(gp::geom::toGeos(ctx, g));
        INFO("grid valid");
        CHECK(GEOSisValid_r(h, grids.back().get()) == 1);
        sum += geosArea(ctx, grids.back().get());
    }
    // Sum of areas == community area and union == community together imply no overlap area.
    CHECK(std::abs(sum - community_area) < 1e-4 * community_area);
    std::vector<GeomPtr> copies;
    for (const auto& g : grids)
        copies.push_back(gp::geom::checked(ctx, GEOSGeom_clone_r(h, g.get()), "clone"));
    GeomPtr all = gp::geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(copies));
    GeomPtr uni = gp::geom::checked(ctx, GEOSUnaryUnion_r(h, all.get()), "union");
    GeomPtr sym = gp::geom::checked(ctx, GEOSSymDifference_r(h, uni.get(), community.get()), "sym");
    CHECK(geosArea(ctx, sym.get()) < 1e-4 * community_area);
    if (grids.size() <= 12)
        for (std::size_t i = 0; i < grids.size(); ++i)
            for (std::size_t j = i + 1; j < grids.size(); ++j)
            {
                GeomPtr both = gp::geom::checked(
                    ctx, GEOSIntersection_r(h, grids[i].get(), grids[j].get()), "intersection");
                INFO("grids " << i << " and " << j);
                CHECK(geosArea(ctx, both.get()) < 1e-6);
            }
    for (std::size_t b = 0; b < c.footprints.size(); ++b)
    {
        if (c.grid_of[b] < 0)
            continue;
        GeomPtr fp = gp::geom::toGeos(ctx, c.footprints[b]);
        GeomPtr outside = gp::geom::checked(
            ctx, GEOSDifference_r(h, fp.get(), grids[c.grid_of[b]].get()), "difference");
        INFO("building " << b);
        CHECK(geosArea(ctx, outside.get()) < 1e-6);
    }
}

bool covers(const MultiPolygon& mp, double x, double y)
{
    return gp::bg::covered_by(Point(x, y), mp);
}

} // namespace

TEST_CASE("four buildings in two grids tile a square", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    c.addBuilding(10, 10, 30, 30, 0);
    c.addBuilding(10, 70, 30, 90, 0);
    c.addBuilding(70, 10, 90, 30, 1);
    c.addBuilding(70, 70, 90, 90, 1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(r.grids[0].size() == 1);
    CHECK(r.grids[1].size() == 1);
    // Equal buildings mirrored: the boundary is x = 50.
    CHECK(gp::bg::area(r.grids[0]) == Approx(5000.0).epsilon(1e-6));
    CHECK(covers(r.grids[0], 40, 50));
    CHECK(covers(r.grids[1], 60, 50));
}

TEST_CASE("grid boundary follows a barrier", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    // The buildings sit off-centre, so an unconstrained Voronoi boundary would be at x = 40.
    c.addBuilding(10, 40, 30, 60, 0);
    c.addBuilding(50, 40, 70, 60, 1);
    c.barriers = {{{45, -20}, {45, 120}}};
    c.use_barriers = true;
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    double max_x = 0.0;
    for (const auto& poly : r.grids[0])
        for (const auto& p : poly.outer())
            max_x = std::max(max_x, p.x());
    CHECK(max_x <= 45.0 + 1e-9);
    CHECK(gp::bg::area(r.grids[0]) == Approx(4500.0).epsilon(1e-9));
    CHECK(r.grids[1].size() == 1);
}

TEST_CASE("an empty block is absorbed by the neighbour with the longest border", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    c.addBuilding(5, 40, 25, 60, 0);
    c.addBuilding(40, 40, 60, 60, 1);
    // A building that belongs to no grid does not make its block non-empty.
    c.addBuilding(80, 80, 90, 90, -1);
    c.barriers = {{{70, -10}, {70, 110}}};
    c.use_barriers = true;
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(covers(r.grids[1], 85, 50));
    CHECK(covers(r.grids[1], 85, 85));
    CHECK(r.grids[0].size() == 1);
    CHECK(r.grids[1].size() == 1);
    bool noted = false;
    for (const auto& n : r.notes)
        noted = noted || n.find("absorbed") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("a community with a hole", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = polygonFromWkt(
        ctx, "POLYGON((0 0,200 0,200 200,0 200,0 0),(80 80,120 80,120 120,80 120,80 80))");
    c.grid_count = 3;
    c.addBuilding(10, 10, 30, 30, 0);
    c.addBuilding(10, 170, 30, 190, 0);
    c.addBuilding(170, 10, 190, 30, 1);
    c.addBuilding(170, 170, 190, 190, 2);
    c.addBuilding(130, 130, 140, 140, 2);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    for (const auto& g : r.grids)
        CHECK(g.size() == 1);
    CHECK_FALSE(covers(r.grids[0], 100, 100));
    CHECK_FALSE(covers(r.grids[1], 100, 100));
    CHECK_FALSE(covers(r.grids[2], 100, 100));
}

TEST_CASE("a multipolygon community, one part without buildings", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = polygonFromWkt(ctx, "MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),"
                                      "((200 0,300 0,300 100,200 100,200 0)),"
                                      "((0 300,50 300,50 350,0 350,0 300)))");
    c.grid_count = 2;
    c.addBuilding(10, 10, 30, 30, 0);
    c.addBuilding(60, 60, 80, 80, 0);
    c.addBuilding(220, 20, 240, 40, 1);
    c.addBuilding(260, 60, 280, 80, 1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(covers(r.grids[1], 250, 50));
    // The empty island at (0..50, 300..350) goes to the nearest grid, 0.
    CHECK(covers(r.grids[0], 25, 325));
    CHECK(r.grids[0].size() == 2);
    CHECK(r.grids[1].size() == 1);
}

TEST_CASE("a detached piece without buildings is merged into its neighbour", "[tile]")
{
    GeosContext ctx;
    Case c;
    // A U-shaped community: the cell of grid 0's building reaches over the notch into the
    // top of the right arm, which is cut off from grid 0 and must go to grid 1.
    c.community =
        polygonFromWkt(ctx, "POLYGON((0 0,100 0,100 100,60 100,60 20,40 20,40 100,0 100,0 0))");
    c.grid_count = 2;
    c.addBuilding(10, 60, 30, 90, 0);
    c.addBuilding(42, 2, 58, 10, 1);
    c.addBuilding(70, 20, 90, 30, 1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(r.grids[0].size() == 1);
    CHECK(r.grids[1].size() == 1);
    CHECK(covers(r.grids[1], 80, 95));
    bool noted = false;
    for (const auto& n : r.notes)
        noted = noted || n == "grid 0: 1 detached pieces merged into neighbours";
    CHECK(noted);
}

TEST_CASE("a building straddling a barrier keeps both its parts", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    c.addBuilding(10, 10, 60, 30, 0); // crosses the barrier at x = 50
    c.addBuilding(70, 60, 90, 90, 1);
    c.addBuilding(10, 60, 30, 90, 0);
    c.barriers = {{{50, -10}, {50, 110}}};
    c.use_barriers = true;
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(covers(r.grids[0], 55, 20));
}

TEST_CASE("point-only buildings and buildings in no grid", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 3;
    c.addPoint(20, 50, 0);
    c.addPoint(80, 50, 1);
    c.addPoint(50, 50, -1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(covers(r.grids[0], 20, 50));
    CHECK(covers(r.grids[1], 80, 50));
    CHECK(r.grids[2].empty());
}

TEST_CASE("point sites on one line are split by the bisectors between grids", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    // Collinear sites: the cells are strips, bounded by edges with no finite end.
    c.addPoint(10, 50, 0);
    c.addPoint(50, 50, 1);
    c.addPoint(90, 50, 1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(gp::bg::area(r.grids[0]) == Approx(3000.0).epsilon(1e-9));
    CHECK(gp::bg::area(r.grids[1]) == Approx(7000.0).epsilon(1e-9));
}

TEST_CASE("point sites: every place belongs to the grid of its nearest site", "[tile]")
{
    // With anchors alone the tiling is exactly the Voronoi diagram of the anchors, with the
    // cells of one grid merged: check it against brute force at random places.
    GeosContext ctx;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> coord(0.0, 300.0);
    Case c;
    c.community = rect(0, 0, 300, 200);
    c.grid_count = 5;
    for (int i = 0; i < 120; ++i)
    {
        const double x = coord(rng), y = coord(rng) * 2.0 / 3.0;
        c.addPoint(x, y, std::uniform_int_distribution<int>(0, 4)(rng));
    }
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    int checked = 0;
    for (int k = 0; k < 2000; ++k)
    {
        const Point p(coord(rng), coord(rng) * 2.0 / 3.0);
        std::vector<std::pair<double, int>> d;
        for (std::size_t i = 0; i < c.anchors.size(); ++i)
            d.emplace_back(std::hypot(p.x() - c.anchors[i].x(), p.y() - c.anchors[i].y()),
                           c.grid_of[i]);
        std::sort(d.begin(), d.end());
        if (d[1].first - d[0].first < 0.01)
            continue; // too close to a cell edge to judge
        INFO("place " << p.x() << " " << p.y());
        CHECK(covers(r.grids[d[0].second], p.x(), p.y()));
        ++checked;
    }
    CHECK(checked > 1900);
}

TEST_CASE("a community thousands of kilometres wide still tiles (coarser Voronoi input)", "[tile]")
{
    // Garbage scale (degrees read as kilometres, say): the sites' integer coordinates must not
    // overflow, and the bisector must still fall in the middle.
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 4e6, 1e6);
    c.grid_count = 2;
    c.addPoint(2e5, 5e5, 0); // 3,600 km apart: 3.6e9 mm would overflow 32 bits
    c.addPoint(3.8e6, 5e5, 1);
    c.addPoint(2e5 + 10, 5e5 + 10, 0);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(covers(r.grids[0], 1.9e6, 5e5));
    CHECK(covers(r.grids[1], 2.1e6, 5e5));
    CHECK(gp::bg::area(r.grids[0]) == Approx(2e12).epsilon(1e-3));
}

TEST_CASE("a long building reaching past the grid boundary stays whole in its grid", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 100, 100);
    c.grid_count = 2;
    c.addBuilding(5, 70, 25, 90, 0);
    c.addBuilding(5, 30, 86, 36, 0); // a slab reaching under grid 1's buildings
    c.addBuilding(60, 45, 90, 60, 1);
    c.addBuilding(88, 5, 96, 34, 1); // its corner sits 2 m from the slab's end
    c.addBuilding(60, 75, 90, 95, 1);
    const auto r = gp::tile::tileCommunity(ctx, c.input());
    checkTiling(ctx, c, r);
    CHECK(r.grids[0].size() == 1);
    CHECK(r.grids[1].size() == 1);
    CHECK(covers(r.grids[0], 85.5, 33));
    CHECK(covers(r.grids[1], 88.5, 33));
}

TEST_CASE("inconsistent input is rejected", "[tile]")
{
    GeosContext ctx;
    Case c;
    c.community = rect(0, 0, 10, 10);
    c.grid_count = 1;
    c.addBuilding(1, 1, 2, 2, 3);
    CHECK_THROWS_AS(gp::tile::tileCommunity(ctx, c.input()), gp::InputError);
}

namespace
{

// 2,000 rectangles on a jittered 50 x 40 lattice over 1000 x 800 m, 10 grids by x stripes;
// optionally a few roads.
Case randomCase(bool roads)
{
    Case c;
    c.community = rect(0, 0, 1000, 800);
    c.grid_count = 10;
    std::mt19937 rng(12345);
    std::uniform_real_distribution<double> jitter(0.0, 6.0);
    std::uniform_real_distribution<double> size(6.0, 12.0);
    for (int i = 0; i < 50; ++i)
        for (int j = 0; j < 40; ++j)
        {
            const double x0 = i * 20.0 + 1.0 + jitter(rng);
            const double y0 = j * 20.0 + 1.0 + jitter(rng);
            const double w = std::min(size(rng), 20.0 * (i + 1) - x0 - 1.0);
            const double hgt = std::min(size(rng), 20.0 * (j + 1) - y0 - 1.0);
            c.addBuilding(x0, y0, x0 + w, y0 + hgt, std::min(9, i / 5));
        }
    if (roads)
    {
        // Roads between the stripes (in the 1 m lanes between lattice columns) and across.
        c.barriers = {{{300, -5}, {300, 805}}, {{600, -5}, {600, 805}}, {{-5, 400}, {1005, 400}}};
        c.use_barriers = true;
    }
    return c;
}

} // namespace

TEST_CASE("a large random community tiles cleanly", "[tile]")
{
    GeosContext ctx;
    for (bool roads : {false, true})
    {
        INFO("roads " << roads);
        const Case c = randomCase(roads);
        const auto r = gp::tile::tileCommunity(ctx, c.input());
        checkTiling(ctx, c, r);
        for (const auto& g : r.grids)
        {
            CHECK(g.size() == 1);
            if (!g.empty())
                CHECK(g[0].inners().empty());
        }
    }
}

TEST_CASE("random layouts with scattered grid labels and random roads tile cleanly", "[tile]")
{
    // Labels drawn at random make boundaries everywhere: shared blocks, buildings cut by grid
    // edges and by roads, anchor-only buildings, empty cells, a concave community.
    for (unsigned seed = 1; seed <= 12; ++seed)
    {
        INFO("seed " << seed);
        GeosContext ctx;
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        Case c;
        c.community = polygonFromWkt(
            ctx, "POLYGON((0 0,400 0,400 300,260 300,260 180,140 180,140 300,0 300,0 0))");
        c.grid_count = 5;
        for (int i = 0; i < 20; ++i)
            for (int j = 0; j < 15; ++j)
            {
                const double x0 = i * 20.0, y0 = j * 20.0;
                if (x0 >= 140 && x0 < 260 && y0 >= 180)
                    continue; // the notch
                const double kind = unit(rng);
                const int grid = std::uniform_int_distribution<int>(0, 4)(rng);
                if (kind < 0.1)
                    continue;
                if (kind < 0.2)
                    c.addPoint(x0 + 2 + 16 * unit(rng), y0 + 2 + 16 * unit(rng), grid);
                else
                {
                    const double ax = x0 + 1 + 4 * unit(rng), ay = y0 + 1 + 4 * unit(rng);
                    c.addBuilding(ax, ay, ax + 6 + 8 * unit(rng), ay + 6 + 8 * unit(rng), grid);
                }
            }
        for (int k = 0; k < 3; ++k)
        {
            const double a = 300 * unit(rng), b = 300 * unit(rng);
            c.barriers.push_back({{-10, a}, {410, b}});
        }
        c.use_barriers = true;
        const auto r = gp::tile::tileCommunity(ctx, c.input());
        checkTiling(ctx, c, r);
    }
}

TEST_CASE("tiling is deterministic", "[tile]")
{
    GeosContext ctx;
    const Case c = randomCase(true);
    const auto a = gp::tile::tileCommunity(ctx, c.input());
    GeosContext other;
    const auto b = gp::tile::tileCommunity(other, c.input());
    REQUIRE(a.grids.size() == b.grids.size());
    for (std::size_t g = 0; g < a.grids.size(); ++g)
        CHECK(toWkt(ctx, a.grids[g]) == toWkt(ctx, b.grids[g]));
    CHECK(a.notes == b.notes);
}

TEST_CASE("tiling one community on several threads gives the serial result", "[tile]")
{
    // Mixed blocks (Voronoi edges) and per-grid dissolves run on the worker threads; the grids
    // and notes must not depend on how many there are.
    GeosContext ctx;
    const Case c = randomCase(true);
    gp::tile::TileInput serial = c.input();
    serial.threads = 1;
    const auto a = gp::tile::tileCommunity(ctx, serial);
    checkTiling(ctx, c, a);
    for (int threads : {2, 4})
    {
        INFO("threads " << threads);
        gp::tile::TileInput parallel = c.input();
        parallel.threads = threads;
        const auto b = gp::tile::tileCommunity(ctx, parallel);
        REQUIRE(a.grids.size() == b.grids.size());
        for (std::size_t g = 0; g < a.grids.size(); ++g)
            CHECK(toWkt(ctx, a.grids[g]) == toWkt(ctx, b.grids[g]));
        CHECK(a.notes == b.notes);
    }
}
