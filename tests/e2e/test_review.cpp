// End-to-end: `gridplan review` (issue 15) on edited copies of the bundled run's outputs. Each
// edit is made here with GDAL/GEOS on a copy of grids.geojson in a temporary folder, then the
// real executable reviews it against the bundled inputs and the original run (--previous).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

using namespace gp::test;
namespace fs = std::filesystem;

namespace
{

constexpr int kPortoUtm = 32629;          // the bundled data's metric CRS, for areas in m²
constexpr double kMetre = 1.0 / 111000.0; // degrees per metre, near enough for an edit

std::vector<std::string> bundledInputs()
{
    const std::string s = sourceDir() + "/shapes/";
    return {"--buildings",
            s + "buildings.shp",
            "--buildings-id-field",
            "bld_id",
            "--use-field",
            "use",
            "--floors-field",
            "floors",
            "--height-field",
            "height",
            "--communities",
            s + "communities.shp",
            "--communities-id-field",
            "comm_id",
            "--street",
            s + "street.shp",
            "--compounds",
            s + "compounds.shp",
            "--compounds-id-field",
            "cmp_id",
            "--barriers",
            s + "barriers.shp",
            "--special",
            s + "special.shp",
            "--special-id-field",
            "sp_id",
            "--street-code",
            "PT-PORTO"};
}

// `with_special`: --previous and --lock refuse --special (config.cpp), so the lock test goes
// without the bundled special areas.
std::vector<std::string> command(const std::string& name, std::vector<std::string> extra,
                                 bool with_special = true)
{
    std::vector<std::string> args{name, "-q"};
    const auto inputs = bundledInputs();
    for (std::size_t i = 0; i < inputs.size(); ++i)
    {
        if (!with_special && inputs[i].rfind("--special", 0) == 0)
        {
            ++i; // and its value
            continue;
        }
        args.push_back(inputs[i]);
    }
    for (auto& a : extra)
        args.push_back(std::move(a));
    return args;
}

// The bundled run, made once for every test case here (and once without --special).
const std::string& bundledRun(bool with_special = true)
{
    static TempDir dir("review-base");
    static const std::string out[2] = {dir.file("base-plain"), dir.file("base")};
    static bool done[2] = {false, false};
    if (!done[with_special])
    {
        const auto run =
            runGridplan(command("partition", {"--out", out[with_special]}, with_special));
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        done[with_special] = true;
    }
    return out[with_special];
}

nlohmann::json readJson(const std::string& path)
{
    return nlohmann::json::parse(slurp(path));
}

using GeomPtr = std::unique_ptr<OGRGeometry>;

// grids.geojson opened for editing, features by grid code.
class EditedGrids
{
  public:
    explicit EditedGrids(const std::string& path)
    {
        GDALAllRegister();
        m_ds.reset(static_cast<GDALDataset*>(
            GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        REQUIRE(m_ds);
        m_layer = m_ds->GetLayer(0);
        for (auto& f : *m_layer)
            m_fid[f->GetFieldAsString("grid_code")] = f->GetFID();
    }
    GeomPtr geometry(const std::string& code)
    {
        std::unique_ptr<OGRFeature> f(m_layer->GetFeature(m_fid.at(code)));
        return GeomPtr(f->GetGeometryRef()->clone());
    }
    void setGeometry(const std::string& code, const OGRGeometry& g)
    {
        std::unique_ptr<OGRFeature> f(m_layer->GetFeature(m_fid.at(code)));
        REQUIRE(f->SetGeometry(&g) == OGRERR_NONE);
        REQUIRE(m_layer->SetFeature(f.get()) == OGRERR_NONE);
    }
    void setCode(const std::string& code, const std::string& now)
    {
        std::unique_ptr<OGRFeature> f(m_layer->GetFeature(m_fid.at(code)));
        f->SetField("grid_code", now.c_str());
        REQUIRE(m_layer->SetFeature(f.get()) == OGRERR_NONE);
    }
    void remove(const std::string& code)
    {
        REQUIRE(m_layer->DeleteFeature(m_fid.at(code)) == OGRERR_NONE);
    }
    void close() { m_ds.reset(); }

  private:
    struct Closer
    {
        void operator()(GDALDataset* ds) const { GDALClose(ds); }
    };
    std::unique_ptr<GDALDataset, Closer> m_ds;
    OGRLayer* m_layer = nullptr;
    std::map<std::string, GIntBig> m_fid;
};

struct GridRow
{
    std::string code, community, kind;
    int households = 0;
};

std::map<std::string, GridRow> gridRows(const std::string& out)
{
    std::map<std::string, GridRow> rows;
    const auto grids = readJson(out + "/grids.geojson"); // kept alive through the loop
    for (const auto& f : grids["features"])
    {
        const auto& p = f["properties"];
        rows[p["grid_code"]] = {p["grid_code"], p["community"], p["kind"], p["households"]};
    }
    return rows;
}

// Length of the lines in g (a border shared by two polygons: lines, and points where it touches).
double lineLength(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString || type == wkbMultiLineString)
        return OGR_G_Length(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    double sum = 0;
    if (type == wkbGeometryCollection)
        for (const auto* part : *g.toGeometryCollection())
            sum += lineLength(*part);
    return sum;
}

// Residential grid pairs of one community whose polygons share a border, in code order.
std::vector<std::pair<std::string, std::string>> neighbours(const std::string& out)
{
    const auto rows = gridRows(out);
    std::map<std::string, GeomPtr> geoms;
    for (const auto& f : readLayer(out + "/grids.geojson"))
    {
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g);
        geoms[f.fields.at("grid_code")].reset(g);
    }
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& [a, ra] : rows)
        for (const auto& [b, rb] : rows)
            if (a < b && ra.community == rb.community && ra.kind == "residential" &&
                rb.kind == "residential" && geoms[a]->Intersects(geoms[b].get()))
            {
                GeomPtr boundary(geoms[a]->Boundary());
                GeomPtr common(boundary->Intersection(geoms[b].get()));
                if (common && lineLength(*common) > 50 * kMetre)
                    pairs.emplace_back(a, b);
            }
    return pairs;
}

struct Review
{
    RunResult run;
    std::string out;
    nlohmann::json report;
};

// Copies the bundled run's grids.geojson, lets `edit` change it, and reviews the copy.
template <typename Edit>
Review reviewEdited(TempDir& dir, Edit edit, bool with_special = true)
{
    const auto& base = bundledRun(with_special);
    const std::string plan = dir.file("edited-grids.geojson");
    fs::copy_file(base + "/grids.geojson", plan, fs::copy_options::overwrite_existing);
    {
        EditedGrids grids(plan);
        edit(grids);
    }
    Review r;
    r.out = dir.file("reviewed");
    r.run = runGridplan(command(
        "review", {"--plan-grids", plan, "--previous", base, "--out", r.out}, with_special));
    if (fs::exists(r.out + "/report.json"))
        r.report = readJson(r.out + "/report.json");
    return r;
}

std::vector<nlohmann::json> violations(const Review& r)
{
    std::vector<nlohmann::json> v;
    for (const auto& p : r.report["review"]["problems"])
        if (p["severity"] == "violation")
            v.push_back(p);
    return v;
}

double metricArea(const OGRGeometry& g)
{
    char* wkt = nullptr;
    g.exportToWkt(&wkt);
    const auto m = metricGeometry(wkt, kPortoUtm);
    CPLFree(wkt);
    return areaOf(*m);
}

// Households of out/buildings.geojson per grid code.
std::map<std::string, int> householdsByGrid(const std::string& out)
{
    std::map<std::string, int> sum;
    for (const auto& f : readLayer(out + "/buildings.geojson"))
        if (f.fields.count("grid_code"))
            sum[f.fields.at("grid_code")] += std::stoi(f.fields.at("households"));
    return sum;
}

} // namespace

TEST_CASE("review: an unedited plan reviews clean", "[e2e][review]")
{
    TempDir dir("review-clean");
    const auto r = reviewEdited(dir, [](EditedGrids&) {});
    INFO(r.run.out << r.run.err);
    REQUIRE(r.run.exit_code == 0);
    CHECK(r.report["review"]["verdict"] == "clean");
    CHECK(r.report["review"]["violations"] == 0);
    CHECK(r.report["review"]["edited_grids"].empty());
    CHECK(r.report["changes"]["totals"]["grids_changed"] == 0);
    CHECK(r.report["changes"]["buildings"].empty());
    const auto& base = bundledRun();
    REQUIRE(gridRows(base).size() == 36); // 31 residential, 5 dedicated
    CHECK(gridRows(r.out).size() == gridRows(base).size());
    for (const auto& [code, row] : gridRows(base))
        CHECK(gridRows(r.out).at(code).households == row.households);
    // Every building keeps its grid.
    const auto before = buildingsById(base), after = buildingsById(r.out);
    for (const auto& [id, f] : before)
    {
        INFO(id);
        CHECK(f.fields.count("grid_code") == after.at(id).fields.count("grid_code"));
        if (f.fields.count("grid_code"))
            CHECK(f.fields.at("grid_code") == after.at(id).fields.at("grid_code"));
    }
    for (const char* file : {"report.html", "gridplan.qgs", "gaps.geojson", "changes.geojson"})
        CHECK(fs::exists(r.out + "/" + file));
}

namespace
{

// The land of `from` within `metres` of `to` (a strip along their shared border).
GeomPtr stripAlong(const OGRGeometry& from, const OGRGeometry& to, double metres)
{
    GeomPtr near(to.Buffer(metres * kMetre, 8));
    return GeomPtr(from.Intersection(near.get()));
}

bool onePiece(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    return type == wkbPolygon ||
           (type == wkbMultiPolygon && g.toMultiPolygon()->getNumGeometries() == 1);
}

} // namespace

TEST_CASE("review: a block moved to a neighbour grid reviews clean, households re-counted",
          "[e2e][review]")
{
    const auto& base = bundledRun();
    const auto rows = gridRows(base);
    // The first neighbour pair where a 25 m strip of A can go to B leaving both in one piece
    // and within the bounds (the review re-counts; the test checks against its buildings).
    for (const auto& [a, b] : neighbours(base))
    {
        TempDir dir("review-move");
        bool usable = false;
        GeomPtr strip;
        const auto r = reviewEdited(dir,
                                    [&, a = a, b = b](EditedGrids& grids)
                                    {
                                        auto ga = grids.geometry(a), gb = grids.geometry(b);
                                        strip = stripAlong(*ga, *gb, 25);
                                        GeomPtr a_now(ga->Difference(strip.get())),
                                            b_now(gb->Union(strip.get()));
                                        usable = onePiece(*a_now) && onePiece(*b_now);
                                        grids.setGeometry(a, *a_now);
                                        grids.setGeometry(b, *b_now);
                                    });
        if (!usable)
            continue;
        const auto before = buildingsById(base), after = buildingsById(r.out);
        int moved = 0, moved_households = 0;
        for (const auto& [id, f] : before)
            if (f.fields.count("grid_code") && f.fields.at("grid_code") == a &&
                after.at(id).fields.count("grid_code") && after.at(id).fields.at("grid_code") == b)
            {
                ++moved;
                moved_households += std::stoi(f.fields.at("households"));
            }
        const int ha = rows.at(a).households - moved_households,
                  hb = rows.at(b).households + moved_households;
        if (moved == 0 || ha < 300 || hb > 500)
            continue; // this pair cannot take the edit within the bounds: try the next
        INFO(a << " -> " << b << ": " << r.run.out << r.run.err);
        CHECK(r.run.exit_code == 0);
        CHECK(violations(r).empty());
        const auto now = gridRows(r.out);
        CHECK(now.at(a).households == ha);
        CHECK(now.at(b).households == hb);
        const auto counted = householdsByGrid(r.out);
        CHECK(counted.at(a) == ha);
        CHECK(counted.at(b) == hb);
        const auto edited = r.report["review"]["edited_grids"];
        CHECK(edited == nlohmann::json::array({a, b}));
        CHECK(r.report["changes"]["totals"]["households_moved"] == moved_households);
        // The moved buildings are the changed rows of changes.geojson.
        CHECK(static_cast<int>(r.report["changes"]["buildings"].size()) == moved);
        return;
    }
    FAIL("no neighbour pair of the bundled run could take a 25 m strip within the bounds");
}

TEST_CASE("review: a grid pushed over the maximum", "[e2e][review]")
{
    const auto& base = bundledRun();
    const auto [a, b] = neighbours(base).front();
    const auto rows = gridRows(base);
    TempDir dir("review-over");
    const auto r = reviewEdited(dir,
                                [&, a = a, b = b](EditedGrids& grids)
                                {
                                    auto ga = grids.geometry(a), gb = grids.geometry(b);
                                    GeomPtr merged(ga->Union(gb.get()));
                                    grids.setGeometry(a, *merged);
                                    grids.remove(b);
                                });
    INFO(r.run.out << r.run.err);
    CHECK(r.run.exit_code == 1);
    const auto v = violations(r);
    REQUIRE(v.size() == 1);
    CHECK(v[0]["reason"] == "grid_over_max");
    CHECK(v[0]["grid_code"] == a);
    const int households = rows.at(a).households + rows.at(b).households;
    CHECK(gridRows(r.out).at(a).households == households);
    CHECK(v[0]["detail"].get<std::string>().find(std::to_string(households)) != std::string::npos);
    // In gaps.geojson too, naming the grid.
    const auto gaps = gapsWith(r.out, "grid_over_max");
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].fields.at("grid_code") == a);
    CHECK(r.report["changes"]["totals"]["grids_changed"] == 2); // a resized, b retired
}

TEST_CASE("review: a polygon drawn over its neighbour, and one leaving a gap", "[e2e][review]")
{
    const auto& base = bundledRun();
    const auto [a, b] = neighbours(base).front();
    SECTION("overlap")
    {
        TempDir dir("review-overlap");
        double expected = 0;
        const auto r = reviewEdited(dir,
                                    [&, a = a, b = b](EditedGrids& grids)
                                    {
                                        auto ga = grids.geometry(a), gb = grids.geometry(b);
                                        const auto strip = stripAlong(*gb, *ga, 8);
                                        expected = metricArea(*strip);
                                        GeomPtr grown(ga->Union(strip.get()));
                                        grids.setGeometry(a, *grown);
                                    });
        INFO(r.run.out << r.run.err);
        CHECK(r.run.exit_code == 1);
        int overlaps = 0;
        for (const auto& p : violations(r))
        {
            if (p["reason"] == "building_in_two_grids")
            {
                CHECK(p["grid_code"] == a);
                CHECK(!p["building"].get<std::string>().empty());
                continue;
            }
            REQUIRE(p["reason"] == "grids_overlap");
            ++overlaps;
            CHECK(p["grid_code"] == a);
            CHECK(p["detail"].get<std::string>().find(b) != std::string::npos);
            CHECK(p["area_m2"].get<double>() == Approx(expected).epsilon(0.02));
        }
        CHECK(overlaps == 1);
        CHECK(gapsWith(r.out, "grids_overlap").size() == 1);
    }
    SECTION("gap")
    {
        TempDir dir("review-gap");
        double expected = 0;
        const auto r = reviewEdited(dir,
                                    [&, a = a, b = b](EditedGrids& grids)
                                    {
                                        auto ga = grids.geometry(a), gb = grids.geometry(b);
                                        const auto strip = stripAlong(*ga, *gb, 8);
                                        expected = metricArea(*strip);
                                        GeomPtr shrunk(ga->Difference(strip.get()));
                                        grids.setGeometry(a, *shrunk);
                                    });
        INFO(r.run.out << r.run.err);
        CHECK(r.run.exit_code == 1);
        int gaps = 0;
        for (const auto& p : violations(r))
        {
            if (p["reason"] == "building_in_no_grid")
            {
                CHECK(!p["building"].get<std::string>().empty());
                continue;
            }
            if (p["reason"] == "grid_under_min")
                continue; // a grid that lost its border buildings may fall short
            REQUIRE(p["reason"] == "grid_gap");
            ++gaps;
            CHECK((p["grid_code"] == a || p["grid_code"] == b));
            const auto detail = p["detail"].get<std::string>();
            CHECK(detail.find(a) != std::string::npos);
            CHECK(detail.find(b) != std::string::npos);
            CHECK(p["area_m2"].get<double>() == Approx(expected).epsilon(0.02));
        }
        CHECK(gaps == 1);
    }
}

TEST_CASE("review: a grid split into two pieces", "[e2e][review]")
{
    const auto& base = bundledRun();
    // A corridor of B's land driven through A from B's side: A is left in two pieces.
    for (const auto& [a, b] : neighbours(base))
    {
        TempDir dir("review-split");
        bool split = false;
        const auto r = reviewEdited(dir,
                                    [&, a = a, b = b](EditedGrids& grids)
                                    {
                                        auto ga = grids.geometry(a), gb = grids.geometry(b);
                                        OGRPoint ca, cb;
                                        ga->Centroid(&ca);
                                        gb->Centroid(&cb);
                                        OGRLineString line;
                                        line.addPoint(cb.getX(), cb.getY());
                                        line.addPoint(cb.getX() + 4 * (ca.getX() - cb.getX()),
                                                      cb.getY() + 4 * (ca.getY() - cb.getY()));
                                        GeomPtr corridor(line.Buffer(6 * kMetre, 8));
                                        GeomPtr cut(ga->Intersection(corridor.get()));
                                        GeomPtr a_now(ga->Difference(cut.get())),
                                            b_now(gb->Union(cut.get()));
                                        split = !onePiece(*a_now) && onePiece(*b_now);
                                        grids.setGeometry(a, *a_now);
                                        grids.setGeometry(b, *b_now);
                                    });
        if (!split)
            continue;
        INFO(a << " cut by " << b << ": " << r.run.out << r.run.err);
        CHECK(r.run.exit_code == 1);
        int found = 0;
        for (const auto& p : violations(r))
            if (p["reason"] == "grid_not_contiguous")
            {
                CHECK(p["grid_code"] == a);
                ++found;
            }
        CHECK(found == 1);
        int rows = 0; // in gaps.geojson too (with the untouched multipart grid as a warning)
        for (const auto& g : gapsWith(r.out, "grid_not_contiguous"))
            rows += g.fields.at("grid_code") == a && g.fields.at("cause") == "review_violation";
        CHECK(rows == 1);
        return;
    }
    FAIL("no grid of the bundled run could be cut in two by a neighbour's corridor");
}

TEST_CASE("review: a duplicated code", "[e2e][review]")
{
    const auto& base = bundledRun();
    const auto [a, b] = neighbours(base).front();
    TempDir dir("review-duplicate");
    const auto r =
        reviewEdited(dir, [&, a = a, b = b](EditedGrids& grids) { grids.setCode(b, a); });
    INFO(r.run.out << r.run.err);
    CHECK(r.run.exit_code == 1);
    const auto v = violations(r);
    REQUIRE(v.size() == 1);
    CHECK(v[0]["reason"] == "grid_code_duplicate");
    CHECK(v[0]["grid_code"] == a);
    // The planner's first grid keeps the code; the second is numbered after the community's last.
    const auto rows = gridRows(r.out);
    CHECK(rows.count(a) == 1);
    CHECK(rows.size() == gridRows(base).size());
    CHECK(r.report["review"]["renumbered"].size() == 1);
    CHECK(gapsWith(r.out, "grid_code_duplicate").size() == 1);
}

TEST_CASE("review: partition --previous REVIEWED --lock-edited keeps the edited grids exactly",
          "[e2e][review]")
{
    const auto& base = bundledRun(false);
    const auto [a, b] = neighbours(base).front();
    TempDir dir("review-lock");
    // A 10 m strip of A handed to B, reviewed (clean or not: the edit is what is locked).
    const auto r = reviewEdited(
        dir,
        [&, a = a, b = b](EditedGrids& grids)
        {
            auto ga = grids.geometry(a), gb = grids.geometry(b);
            const auto strip = stripAlong(*ga, *gb, 10);
            GeomPtr a_now(ga->Difference(strip.get())), b_now(gb->Union(strip.get()));
            grids.setGeometry(a, *a_now);
            grids.setGeometry(b, *b_now);
        },
        false);
    INFO(r.run.out << r.run.err);
    REQUIRE(fs::exists(r.out + "/report.json"));
    const auto edited = r.report["review"]["edited_grids"];
    REQUIRE(edited == nlohmann::json::array({a, b}));

    const std::string again = dir.file("again");
    const auto run = runGridplan(
        command("partition", {"--previous", r.out, "--lock-edited", "--out", again}, false));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    // Geometry and membership of each edited grid, byte for byte.
    auto features = [](const std::string& out)
    {
        std::map<std::string, std::string> geometry;
        const auto grids = readJson(out + "/grids.geojson");
        for (const auto& f : grids["features"])
            geometry[f["properties"]["grid_code"]] = f["geometry"].dump();
        return geometry;
    };
    auto members = [](const std::string& out, const std::string& code)
    {
        std::set<std::string> ids;
        for (const auto& [id, f] : buildingsById(out))
            if (f.fields.count("grid_code") && f.fields.at("grid_code") == code)
                ids.insert(id);
        return ids;
    };
    const auto reviewed = features(r.out), now = features(again);
    for (const auto& code : edited)
    {
        INFO(code);
        REQUIRE(now.count(code));
        CHECK(now.at(code) == reviewed.at(code));
        CHECK(members(again, code) == members(r.out, code));
        CHECK(!members(again, code).empty());
    }
    const auto report = readJson(again + "/report.json");
    CHECK(report["codes"]["locked"] == edited);
}

TEST_CASE("review: bad options, a missing plan file, outputs untouched", "[e2e][review]")
{
    TempDir dir("review-bad");
    const std::string out = dir.file("out");
    fs::create_directories(out);
    {
        std::ofstream keep(out + "/report.json");
        keep << "earlier";
    }
    SECTION("no edited plan: usage error")
    {
        const auto r = runGridplan(command("review", {"--out", out}));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--plan-grids") != std::string::npos);
    }
    SECTION("an unknown option: usage error")
    {
        const auto r = runGridplan(
            command("review", {"--plan-grids", "x.geojson", "--no-such-option", "--out", out}));
        CHECK(r.exit_code == 2);
    }
    SECTION("a missing plan file is named")
    {
        const std::string missing = dir.file("nowhere/grids.geojson");
        const auto r = runGridplan(command("review", {"--plan-grids", missing, "--out", out}));
        CHECK(r.exit_code == 1);
        CHECK(r.err.find(missing) != std::string::npos);
        CHECK(r.err.find("--plan-grids") != std::string::npos);
    }
    SECTION("--lock-edited without --previous")
    {
        const auto r = runGridplan(command("partition", {"--lock-edited", "--out", out}));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--lock-edited") != std::string::npos);
    }
    CHECK(slurp(out + "/report.json") == "earlier");
}

TEST_CASE("review: edited buildings alone are tiled into grids", "[e2e][review]")
{
    const auto& base = bundledRun();
    const auto [a, b] = neighbours(base).front();
    const auto rows = gridRows(base);
    TempDir dir("review-buildings");
    auto review = [&](const std::string& plan, const std::string& out)
    {
        return runGridplan(command(
            "review", {"--plan-buildings", plan, "--previous", base, "--out", dir.file(out)}));
    };
    const std::string unedited = dir.file("unedited.geojson");
    fs::copy_file(base + "/buildings.geojson", unedited);
    const auto clean = review(unedited, "clean");
    INFO(clean.out << clean.err);
    CHECK(clean.exit_code == 0);
    for (const auto& [code, row] : gridRows(dir.file("clean")))
        CHECK(row.households == rows.at(code).households);

    // Every building of b given a's code: b is gone, a is over the maximum.
    const std::string merged = dir.file("merged.geojson");
    fs::copy_file(base + "/buildings.geojson", merged);
    {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(merged.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        for (auto& f : *layer)
            if (f->IsFieldSetAndNotNull(f->GetFieldIndex("grid_code")) &&
                std::string(f->GetFieldAsString("grid_code")) == b)
            {
                f->SetField("grid_code", a.c_str());
                REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
            }
    }
    const auto r = review(merged, "merged");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const auto report = readJson(dir.file("merged/report.json"));
    std::vector<nlohmann::json> v;
    for (const auto& p : report["review"]["problems"])
        if (p["severity"] == "violation")
            v.push_back(p);
    REQUIRE(v.size() == 1);
    CHECK(v[0]["reason"] == "grid_over_max");
    CHECK(v[0]["grid_code"] == a);
    const auto now = gridRows(dir.file("merged"));
    CHECK(now.at(a).households == rows.at(a).households + rows.at(b).households);
    CHECK(now.count(b) == 0);
}
