// End-to-end checks that grids follow the ground: compounds kept whole or split into balanced
// pieces, no grid across a river, grids tiling their community exactly, inferred blocks.
#include "core/config.hpp"
#include "geom/geos.hpp"
#include "pipeline/run.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>

namespace
{

using gp::test::FixtureFeature;
using gp::test::FixtureLayer;
using gp::test::rectWkt;

constexpr double X0 = 500000.0; // UTM zone 50N, metres
constexpr double Y0 = 3400000.0;

FixtureLayer buildingLayer()
{
    FixtureLayer l;
    l.fields = {{"bld_id", 'S'}, {"hh", 'I'}};
    return l;
}

// A 10 m x 10 m building at local (x, y) with `hh` households.
void addBuilding(FixtureLayer& layer, const std::string& id, double x, double y, int hh)
{
    layer.features.push_back({rectWkt(X0 + x, Y0 + y, X0 + x + 10, Y0 + y + 10),
                              {{"bld_id", id}, {"hh", std::to_string(hh)}}});
}

using Rows = std::vector<std::pair<std::string, std::string>>; // id, WKT

FixtureLayer areaLayer(const std::string& id_field, const Rows& rows)
{
    FixtureLayer l;
    l.fields = {{id_field, 'S'}};
    for (const auto& [id, wkt] : rows)
        l.features.push_back({wkt, {{id_field, id}}});
    return l;
}

std::string localRect(double x0, double y0, double x1, double y1)
{
    return rectWkt(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1);
}

// A line through local points, e.g. a river.
std::string localLine(const std::vector<std::pair<double, double>>& points)
{
    std::string wkt = "LINESTRING (";
    for (std::size_t i = 0; i < points.size(); ++i)
        wkt += (i ? ", " : "") + std::to_string(X0 + points[i].first) + " " +
               std::to_string(Y0 + points[i].second);
    return wkt + ")";
}

void writeRiver(const gp::test::TempDir& dir, const std::vector<std::pair<double, double>>& points)
{
    FixtureLayer river;
    river.fields = {{"kind", 'S'}};
    river.features.push_back({localLine(points), {{"kind", "river"}}});
    gp::test::writeLayer(dir.file("river.shp"), river);
}

void writeAreas(const gp::test::TempDir& dir, const std::string& community,
                const std::string& compound)
{
    gp::test::writeLayer(dir.file("communities.shp"), areaLayer("comm_id", {{"C1", community}}));
    if (!compound.empty())
        gp::test::writeLayer(dir.file("compounds.shp"), areaLayer("cmp_id", {{"K", compound}}));
}

std::vector<std::string> baseArgs(const gp::test::TempDir& dir)
{
    return {"partition",
            "--buildings",
            dir.file("buildings.shp"),
            "--buildings-id-field",
            "bld_id",
            "--communities",
            dir.file("communities.shp"),
            "--communities-id-field",
            "comm_id",
            "--households-field",
            "hh",
            "--out",
            dir.file("out")};
}

void runOk(const std::vector<std::string>& args)
{
    const auto r = gp::test::runGridplan(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
}

// building id -> grid_code
std::map<std::string, std::string> gridOfBuilding(const std::string& out)
{
    std::map<std::string, std::string> m;
    for (const auto& f : gp::test::readLayer(out + "/buildings.geojson"))
        m[f.fields.at("building_id")] = f.fields.count("grid_code") ? f.fields.at("grid_code") : "";
    return m;
}

} // namespace

TEST_CASE("a compound that fits in one grid is never split", "[ground]")
{
    gp::test::TempDir dir("ground-whole");
    auto buildings = buildingLayer();
    // Compound: 9 buildings x 50 households in the middle of a 600 m x 300 m community.
    for (int i = 0; i < 9; ++i)
        addBuilding(buildings, "K" + std::to_string(i), 250 + 30 * (i % 3), 100 + 30 * (i / 3), 50);
    // 18 loose buildings x 50 = 900 households around it.
    for (int i = 0; i < 18; ++i)
    {
        const double x = i < 9 ? 20 + 25 * i : 360 + 25 * (i - 9);
        addBuilding(buildings, "L" + std::to_string(i), x, 40 + 100 * (i % 3), 50);
    }
    gp::test::writeLayer(dir.file("buildings.shp"), buildings);
    writeAreas(dir, localRect(0, 0, 600, 300), localRect(240, 90, 330, 180));
    auto args = baseArgs(dir);
    args.insert(args.end(),
                {"--compounds", dir.file("compounds.shp"), "--compounds-id-field", "cmp_id"});
    runOk(args);

    const auto grid_of = gridOfBuilding(dir.file("out"));
    std::set<std::string> codes;
    for (int i = 0; i < 9; ++i)
        codes.insert(grid_of.at("K" + std::to_string(i)));
    REQUIRE(codes.size() == 1);
    REQUIRE(!codes.begin()->empty());

    const auto compounds = gp::test::readLayer(dir.file("out") + "/compounds.geojson");
    REQUIRE(compounds.size() == 1);
    CHECK(compounds[0].fields.at("households") == "450");
    const std::string status = compounds[0].fields.at("status");
    CHECK((status == "whole" || status == "merged"));
    CHECK(compounds[0].fields.at("pieces") == "1");

    std::ifstream in(dir.file("out") + "/report.json");
    const auto report = nlohmann::json::parse(in);
    CHECK(report["compounds"]["kept_whole"] == 1);
}

TEST_CASE("an oversized compound splits into as few, balanced grids as bounds allow", "[ground]")
{
    gp::test::TempDir dir("ground-split");
    auto buildings = buildingLayer();
    // 24 buildings x 50 = 1,200 households in a 6 x 4 block: ceil(1200 / 500) = 3 grids.
    for (int i = 0; i < 24; ++i)
        addBuilding(buildings, "K" + std::to_string(i), 20 + 40 * (i % 6), 20 + 40 * (i / 6), 50);
    gp::test::writeLayer(dir.file("buildings.shp"), buildings);
    writeAreas(dir, localRect(0, 0, 280, 200), localRect(10, 10, 270, 190));
    auto args = baseArgs(dir);
    args.insert(args.end(),
                {"--compounds", dir.file("compounds.shp"), "--compounds-id-field", "cmp_id"});
    runOk(args);

    const auto grids = gp::test::readLayer(dir.file("out") + "/grids.geojson");
    REQUIRE(grids.size() == 3);
    std::set<std::string> codes;
    for (const auto& g : grids)
    {
        const int hh = std::stoi(g.fields.at("households"));
        CHECK(hh >= 350);
        CHECK(hh <= 450);
        CHECK(g.fields.at("splits_compound") == "1");
        codes.insert(g.fields.at("grid_code"));
    }
    for (const auto& [id, code] : gridOfBuilding(dir.file("out")))
        CHECK(codes.count(code) == 1);

    const auto compounds = gp::test::readLayer(dir.file("out") + "/compounds.geojson");
    REQUIRE(compounds.size() == 1);
    CHECK(compounds[0].fields.at("status") == "split");
    CHECK(compounds[0].fields.at("pieces") == "3");
    CHECK(compounds[0].fields.at("households") == "1200");
}

TEST_CASE("no grid reaches across a river; grids tile the community exactly", "[ground]")
{
    gp::test::TempDir dir("ground-river");
    auto buildings = buildingLayer();
    // Two groups of 8 x 50 = 400 households, west and east of a river at x = 300.
    for (int i = 0; i < 8; ++i)
    {
        addBuilding(buildings, "W" + std::to_string(i), 40 + 60 * (i % 4), 60 + 150 * (i / 4), 50);
        addBuilding(buildings, "E" + std::to_string(i), 340 + 60 * (i % 4), 60 + 150 * (i / 4), 50);
    }
    gp::test::writeLayer(dir.file("buildings.shp"), buildings);
    const std::string community = localRect(0, 0, 600, 400);
    writeAreas(dir, community, "");
    writeRiver(dir, {{300, -50}, {290, 200}, {300, 450}});
    auto args = baseArgs(dir);
    args.push_back("--barriers");
    args.push_back(dir.file("river.shp"));
    runOk(args);

    SECTION("no grid holds buildings from both banks")
    {
        std::map<std::string, std::set<char>> sides;
        for (const auto& [id, code] : gridOfBuilding(dir.file("out")))
        {
            REQUIRE(!code.empty());
            sides[code].insert(id[0]);
        }
        REQUIRE(sides.size() == 2);
        for (const auto& [code, s] : sides)
            CHECK(s.size() == 1);
    }

    SECTION("the grids' union is the community and they do not overlap")
    {
        const auto grids = gp::test::readLayer(dir.file("out") + "/grids.geojson");
        REQUIRE(grids.size() == 2);
        std::vector<std::unique_ptr<OGRGeometry>> parts;
        for (const auto& g : grids)
            parts.push_back(gp::test::metricGeometry(g.wkt));
        std::unique_ptr<OGRGeometry> all(parts[0]->clone());
        for (std::size_t i = 1; i < parts.size(); ++i)
            all.reset(all->Union(parts[i].get()));
        REQUIRE(all);
        const double community_area = 600.0 * 400.0;
        CHECK(std::abs(gp::test::areaOf(*all) - community_area) / community_area < 1e-4);
        OGRGeometry* c = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(community.c_str(), nullptr, &c) == OGRERR_NONE);
        std::unique_ptr<OGRGeometry> comm(c);
        std::unique_ptr<OGRGeometry> sym(all->SymDifference(comm.get()));
        CHECK((sym ? gp::test::areaOf(*sym) : 0.0) / community_area < 1e-4);
        for (std::size_t i = 0; i < parts.size(); ++i)
            for (std::size_t j = i + 1; j < parts.size(); ++j)
            {
                std::unique_ptr<OGRGeometry> common(parts[i]->Intersection(parts[j].get()));
                CHECK((common ? gp::test::areaOf(*common) : 0.0) < 1e-6);
            }
    }

    SECTION("without compounds the blocks between barriers are written, inside their community")
    {
        const auto blocks = gp::test::readLayer(dir.file("out") + "/blocks.geojson");
        REQUIRE(blocks.size() == 2);
        OGRGeometry* c = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(community.c_str(), nullptr, &c) == OGRERR_NONE);
        std::unique_ptr<OGRGeometry> comm(c);
        int households = 0;
        for (const auto& b : blocks)
        {
            CHECK(b.fields.at("community") == "C1");
            CHECK(b.fields.at("buildings") == "8");
            households += std::stoi(b.fields.at("households"));
            auto g = gp::test::metricGeometry(b.wkt);
            // Outputs keep 7 decimals of a degree (~1 cm): allow that much along the outline.
            std::unique_ptr<OGRGeometry> outside(g->Difference(comm.get()));
            CHECK((outside ? gp::test::areaOf(*outside) : 0.0) < 1e-4 * gp::test::areaOf(*g));
            CHECK(gp::test::areaOf(*g) > 1000.0);
        }
        CHECK(households == 800);
    }
}

TEST_CASE("a grid that must straddle a river is reported", "[ground]")
{
    gp::test::TempDir dir("ground-straddle");
    auto buildings = buildingLayer();
    // West bank: 4 x 50 = 200 households, too few for a grid of its own; east bank 8 x 50.
    for (int i = 0; i < 4; ++i)
        addBuilding(buildings, "W" + std::to_string(i), 40 + 60 * (i % 2), 60 + 150 * (i / 2), 50);
    for (int i = 0; i < 8; ++i)
        addBuilding(buildings, "E" + std::to_string(i), 340 + 60 * (i % 4), 60 + 150 * (i / 4), 50);
    gp::test::writeLayer(dir.file("buildings.shp"), buildings);
    writeAreas(dir, localRect(0, 0, 600, 400), "");
    writeRiver(dir, {{300, -50}, {300, 450}});
    auto args = baseArgs(dir);
    args.insert(args.end(), {"--barriers", dir.file("river.shp")});
    runOk(args);

    const auto grid_of = gridOfBuilding(dir.file("out"));
    const std::string west = grid_of.at("W0");
    REQUIRE(!west.empty());
    std::set<std::string> flagged;
    for (const auto& f : gp::test::readLayer(dir.file("out") + "/gaps.geojson"))
        if (f.fields.at("reason") == "grid_crosses_barrier")
        {
            flagged.insert(f.fields.at("grid_code"));
            CHECK(f.fields.at("detail").find("cross a barrier") != std::string::npos);
        }
    // Every grid holding buildings of both banks is flagged, and only those.
    std::map<std::string, std::set<char>> sides;
    for (const auto& [id, code] : grid_of)
        sides[code].insert(id[0]);
    std::set<std::string> straddling;
    for (const auto& [code, s] : sides)
        if (s.size() == 2)
            straddling.insert(code);
    CHECK(!straddling.empty());
    CHECK(flagged == straddling);
    for (const auto& g : gp::test::readLayer(dir.file("out") + "/grids.geojson"))
        CHECK((std::stoi(g.fields.at("barrier_crossings")) > 0) ==
              (straddling.count(g.fields.at("grid_code")) == 1));
}

// Measurement on the bundled data (hidden: run with "[measure]"): prints the figures of the
// ground report, including Polsby-Popper before and after improve and the tiling accuracy.
TEST_CASE("bundled data: ground figures", "[.][measure]")
{
    const std::string shapes = gp::test::sourceDir() + "/shapes/";
    gp::PartitionConfig config;
    config.buildings.path = shapes + "buildings.shp";
    config.buildings.id_field = "bld_id";
    config.communities.path = shapes + "communities.shp";
    config.communities.id_field = "comm_id";
    config.street = gp::LayerSource{shapes + "street.shp", "", "", "", ""};
    config.compounds = gp::LayerSource{shapes + "compounds.shp", "", "", "cmp_id", ""};
    config.barriers.push_back({shapes + "barriers.shp", "", "", "", ""});
    config.use_field = "use";
    config.floors_field = "floors";
    config.height_field = "height";
    config.measure_improvement = true;
    const bool with_compounds = GENERATE(true, false);
    if (!with_compounds)
        config.compounds.reset();
    gp::pipeline::RunStats stats;
    const auto plan = gp::pipeline::runPartition(config, {}, &stats);

    int within = 0, residential = 0, crossing = 0, splitting = 0;
    for (const auto& g : plan.grids)
    {
        if (g.kind != gp::GridKind::Residential)
            continue;
        ++residential;
        within += g.households >= config.min_households && g.households <= config.max_households;
        crossing += g.metrics.barrier_crossings > 0;
        splitting += g.metrics.splits_compound > 0;
    }
    std::map<std::string, int> status;
    for (const auto& o : plan.compound_outcomes)
        ++status[gp::toString(o.status)];
    std::printf("compounds=%d: grids %zu (residential %d, within %d), grids crossing a barrier %d, "
                "grids holding a split compound/block %d, blocks %zu\n",
                with_compounds, plan.grids.size(), residential, within, crossing, splitting,
                plan.blockFaces().size());
    for (const auto& [s, n] : status)
        std::printf("  compound status %s: %d\n", s.c_str(), n);
    std::printf("  mean Polsby-Popper before improve %.4f, after %.4f\n",
                stats.mean_polsby_popper_before_improve, stats.mean_polsby_popper);

    gp::geom::GeosContext ctx;
    const auto h = ctx.handle();
    double max_overlap = 0;
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        std::vector<gp::geom::GeomPtr> parts;
        for (const auto& g : plan.grids)
            if (g.community == static_cast<int>(c))
                parts.push_back(gp::geom::toGeos(ctx, g.area));
        for (std::size_t i = 0; i < parts.size(); ++i)
            for (std::size_t j = i + 1; j < parts.size(); ++j)
            {
                gp::geom::GeomPtr common(GEOSIntersection_r(h, parts[i].get(), parts[j].get()),
                                         {h});
                double a = 0;
                if (common)
                    GEOSArea_r(h, common.get(), &a);
                max_overlap = std::max(max_overlap, a);
            }
        if (parts.empty())
            continue;
        auto all = gp::geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
        gp::geom::GeomPtr merged(GEOSUnaryUnion_r(h, all.get()), {h});
        auto comm = gp::geom::toGeos(ctx, plan.communities[c].area);
        gp::geom::GeomPtr sym(GEOSSymDifference_r(h, merged.get(), comm.get()), {h});
        double ca = 0, sa = 0;
        GEOSArea_r(h, comm.get(), &ca);
        GEOSArea_r(h, sym.get(), &sa);
        std::printf("  community %s: union vs community symmetric difference %.6f%% (%.3f m2)\n",
                    plan.communities[c].id.c_str(), 100.0 * sa / ca, sa);
        CHECK(sa / ca < 1e-4);
    }
    std::printf("  max pairwise grid overlap %.3g m2\n", max_overlap);
    CHECK(max_overlap < 1e-6);
}
