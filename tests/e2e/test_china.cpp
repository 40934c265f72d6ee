// End-to-end: coordinates as Chinese street offices have them. A synthetic city (gridplan-synth)
// re-labelled as a CGCS2000 Gauss-Krueger zone (EPSG:4547, central meridian 114 E) runs as it
// is, and as CGCS2000 lon/lat; buildings traced on a GCJ-02 web map (with a .prj that claims
// EPSG:4326, or none) partition as the WGS 84 ones do; outputs in GCJ-02 / BD-09 overlay those
// maps.
#include "io/china_coords.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <sys/wait.h>

using namespace gp::test;
namespace fs = std::filesystem;

namespace
{

const std::vector<std::string> kLayers = {"buildings", "communities", "street", "compounds",
                                          "barriers"};

// A synthetic city of `buildings` buildings in EPSG:4547 GeoPackages under dir/gk/: the
// generator's EPSG:32650 coordinates (easting ~430 km) re-labelled with ogr2ogr -a_srs, which
// puts the city at about 113.2 E, 39.7 N, inside zone 114 E.
void makeGaussKruegerCity(const TempDir& dir, int buildings)
{
    const std::string cmd = std::string("'") + GRIDPLAN_SYNTH_EXE + "' --seed 5 --buildings " +
                            std::to_string(buildings) + " --out '" + dir.file("synth") +
                            "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    fs::create_directories(dir.file("gk"));
    for (const auto& layer : kLayers)
        translateVector(dir.file("synth/" + layer + ".shp"), dir.file("gk/" + layer + ".gpkg"),
                        {"-f", "GPKG", "-a_srs", "EPSG:4547"});
}

std::vector<std::string> cityArgs(const std::function<std::string(const std::string&)>& path)
{
    return {"partition",
            "--buildings",
            path("buildings"),
            "--buildings-id-field",
            "bld_id",
            "--use-field",
            "use",
            "--floors-field",
            "floors",
            "--height-field",
            "height",
            "--households-field",
            "households",
            "--communities",
            path("communities"),
            "--communities-id-field",
            "comm_id",
            "-q"};
}

struct Outcome
{
    nlohmann::json report;
    std::map<std::string, std::string> grid_of;      // building id -> grid code ("" for none)
    std::map<std::string, std::string> community_of; // building id -> community
    long households = 0;
    int grids = 0;
};

Outcome partition(std::vector<std::string> args, const std::string& out)
{
    args.insert(args.end(), {"--out", out});
    const auto run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    Outcome o;
    o.report = nlohmann::json::parse(slurp(out + "/report.json"));
    for (const auto& b : readLayer(out + "/buildings.geojson"))
    {
        const auto& id = b.fields.at("building_id");
        o.grid_of[id] = b.fields.count("grid_code") ? b.fields.at("grid_code") : "";
        o.community_of[id] = b.fields.count("community") ? b.fields.at("community") : "";
        o.households += std::stol(b.fields.at("households"));
    }
    o.grids = static_cast<int>(readLayer(out + "/grids.geojson").size());
    return o;
}

// Every vertex of every geometry of a layer, in order.
std::vector<std::pair<double, double>> vertices(const std::string& path)
{
    std::vector<std::pair<double, double>> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    std::function<void(const OGRGeometry*)> walk = [&](const OGRGeometry* g)
    {
        switch (wkbFlatten(g->getGeometryType()))
        {
        case wkbPoint:
            out.emplace_back(g->toPoint()->getX(), g->toPoint()->getY());
            break;
        case wkbPolygon:
            for (const auto* ring : *g->toPolygon())
                for (const auto& p : *ring)
                    out.emplace_back(p.getX(), p.getY());
            break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const auto* part : *g->toGeometryCollection())
                walk(part);
            break;
        default:
            break;
        }
    };
    for (auto& f : *ds->GetLayer(0))
        if (const OGRGeometry* g = f->GetGeometryRef())
            walk(g);
    return out;
}

// Copies a lon/lat layer to `out` (GeoPackage, still labelled EPSG:4326, as web-map exports
// are) with every vertex moved by the published forward formula of `shift`.
void shiftLayer(const std::string& in, const std::string& out, gp::io::LonLatShift shift)
{
    translateVector(in, out, {"-f", "GPKG"});
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    gp::io::ShiftedTransform forward(gp::io::LonLatShift::None, nullptr, shift);
    std::vector<OGRFeatureUniquePtr> features;
    for (auto& f : *layer)
        features.emplace_back(f->Clone());
    for (auto& f : features)
    {
        if (OGRGeometry* g = f->GetGeometryRef())
            REQUIRE(g->transform(&forward) == OGRERR_NONE);
        REQUIRE(layer->SetFeature(f.get()) == OGRERR_NONE);
    }
}

} // namespace

TEST_CASE("a CGCS2000 Gauss-Krueger input (EPSG:4547) works end to end, and as CGCS2000 lon/lat",
          "[e2e][china][crs]")
{
    TempDir dir("cgcs2000");
    makeGaussKruegerCity(dir, 1500);
    auto gk = cityArgs([&](const std::string& l) { return dir.file("gk/" + l + ".gpkg"); });
    gk.insert(gk.end(),
              {"--street", dir.file("gk/street.gpkg"), "--compounds", dir.file("gk/compounds.gpkg"),
               "--compounds-id-field", "cmp_id", "--barriers", dir.file("gk/barriers.gpkg")});
    const auto a = partition(gk, dir.file("out-gk"));
    CHECK(a.report["working_crs"] == "EPSG:4547");
    CHECK(a.report["inputs"][0]["crs"] == "EPSG:4547");
    REQUIRE(a.grids >= 4);
    // Outputs are WGS 84 lon/lat at the city's place: about 113.2 E, 39.7 N.
    const auto v = vertices(dir.file("out-gk/grids.geojson"));
    REQUIRE(!v.empty());
    CHECK(v[0].first > 112.5);
    CHECK(v[0].first < 114.0);
    CHECK(v[0].second > 39.0);
    CHECK(v[0].second < 40.5);
    int homes_in_no_grid = 0;
    for (const auto& b : readLayer(dir.file("out-gk/buildings.geojson")))
        homes_in_no_grid += b.fields.at("use") == "residential" &&
                            b.fields.at("households") != "0" && !b.fields.count("grid_code");
    CHECK(homes_in_no_grid == 0);

    // The same city as CGCS2000 lon/lat (EPSG:4490): worked in its Gauss-Krueger zone again.
    fs::create_directories(dir.file("geo"));
    for (const auto& layer : {"buildings", "communities"})
        translateVector(dir.file(std::string("gk/") + layer + ".gpkg"),
                        dir.file(std::string("geo/") + layer + ".gpkg"),
                        {"-f", "GPKG", "-t_srs", "EPSG:4490"});
    const auto geo_args =
        cityArgs([&](const std::string& l) { return dir.file("geo/" + l + ".gpkg"); });
    const auto b = partition(geo_args, dir.file("out-geo"));
    CHECK(b.report["working_crs"] == "EPSG:4547");
    const std::string why = b.report["working_crs_reason"];
    CHECK(why.find("CGCS2000 3-degree Gauss-Krueger zone (central meridian 114E)") !=
          std::string::npos);
    CHECK(b.households == a.households);

    // --working-crs names a CGCS2000 zone explicitly.
    auto chosen = geo_args;
    chosen.insert(chosen.end(), {"--working-crs", "EPSG:4547"});
    const auto c = partition(chosen, dir.file("out-chosen"));
    CHECK(c.report["working_crs"] == "EPSG:4547");
    CHECK(c.grid_of == b.grid_of);
}

TEST_CASE("GCJ-02 buildings partition as the WGS 84 ones; outputs in GCJ-02 / BD-09 overlay",
          "[e2e][china][crs]")
{
    using gp::io::LonLatShift;
    TempDir dir("gcj02");
    makeGaussKruegerCity(dir, 1200);
    for (const auto& layer : {"buildings", "communities"})
        translateVector(dir.file(std::string("gk/") + layer + ".gpkg"),
                        dir.file(std::string(layer) + "_wgs.gpkg"),
                        {"-f", "GPKG", "-t_srs", "EPSG:4326"});
    // Buildings traced on Amap: GCJ-02 lon/lat in a file that says EPSG:4326.
    shiftLayer(dir.file("buildings_wgs.gpkg"), dir.file("buildings_gcj.gpkg"), LonLatShift::Gcj02);
    // ... and the same without any CRS (a Shapefile without .prj).
    translateVector(dir.file("buildings_gcj.gpkg"), dir.file("buildings_gcj.shp"),
                    {"-f", "ESRI Shapefile"});
    fs::remove(dir.file("buildings_gcj.prj"));

    auto args = [&](const std::string& buildings)
    {
        return cityArgs([&](const std::string& l)
                        { return l == "buildings" ? buildings : dir.file(l + "_wgs.gpkg"); });
    };
    const auto truth = partition(args(dir.file("buildings_wgs.gpkg")), dir.file("out-wgs"));
    REQUIRE(truth.grids >= 4);

    auto overridden = args(dir.file("buildings_gcj.gpkg"));
    overridden.insert(overridden.end(), {"--buildings-crs", "GCJ02"});
    const auto fixed = partition(overridden, dir.file("out-override"));
    CHECK(fixed.report["inputs"][0]["crs"] == "GCJ02");
    CHECK(fixed.grid_of == truth.grid_of);
    CHECK(fixed.households == truth.households);

    // The Shapefile writer reorders rings (and so anchors and ties move a little): compare with
    // the WGS 84 buildings through the same writer.
    translateVector(dir.file("buildings_wgs.gpkg"), dir.file("buildings_wgs.shp"),
                    {"-f", "ESRI Shapefile"});
    const auto truth_shp = partition(args(dir.file("buildings_wgs.shp")), dir.file("out-wgs-shp"));
    auto assumed = args(dir.file("buildings_gcj.shp"));
    assumed.insert(assumed.end(), {"--assume-crs", "GCJ02"});
    const auto from_shp = partition(assumed, dir.file("out-assumed"));
    CHECK(from_shp.report["inputs"][0]["crs"] == "GCJ02");
    CHECK(from_shp.grid_of == truth_shp.grid_of);
    CHECK(from_shp.households == truth_shp.households);

    // Without the override the buildings sit hundreds of metres off their communities: another
    // plan.
    const auto wrong = partition(args(dir.file("buildings_gcj.gpkg")), dir.file("out-wrong"));
    int moved = 0;
    for (const auto& [id, community] : truth.community_of)
        moved += wrong.community_of.at(id) != community;
    CHECK(moved > 0);

    // Outputs in GCJ-02 and BD-09: every vertex is the forward formula of the WGS 84 output's
    // (to 1e-6 degrees, about 0.1 m: both are written to 7 decimals).
    for (const auto shift : {LonLatShift::Gcj02, LonLatShift::Bd09})
    {
        const std::string name = gp::io::toString(shift);
        auto shifted_args = args(dir.file("buildings_wgs.gpkg"));
        shifted_args.insert(shifted_args.end(), {"--output-crs", name});
        const auto out = partition(shifted_args, dir.file("out-" + name));
        CHECK(out.report["output_crs"] == name);
        CHECK(out.grid_of == truth.grid_of);
        for (const auto* layer : {"grids.geojson", "buildings.geojson"})
        {
            INFO(name << " " << layer);
            const auto wgs = vertices(dir.file(std::string("out-wgs/") + layer));
            const auto got = vertices(dir.file("out-" + name + "/" + layer));
            REQUIRE(wgs.size() == got.size());
            double worst = 0;
            for (std::size_t i = 0; i < wgs.size(); ++i)
            {
                double lon = wgs[i].first, lat = wgs[i].second;
                gp::io::shiftFromWgs84(shift, lon, lat);
                worst =
                    std::max({worst, std::abs(lon - got[i].first), std::abs(lat - got[i].second)});
            }
            CHECK(worst < 1e-6);
            // ... and really shifted (GCJ-02 moves points here by hundreds of metres).
            CHECK(std::abs(wgs[0].first - got[0].first) > 1e-3);
        }
        // A re-run reads the shifted outputs back in their CRS (report.json output_crs): the
        // same inputs keep every grid.
        shifted_args.insert(shifted_args.end(), {"--previous", dir.file("out-" + name)});
        const auto rerun = partition(shifted_args, dir.file("rerun-" + name));
        CHECK(rerun.report["changes"]["totals"]["grids_changed"] == 0);
        CHECK(rerun.grid_of == truth.grid_of);
    }

    // A projected --output-crs: GeoJSON with a "crs" member, coordinates in its metres.
    auto projected = args(dir.file("buildings_wgs.gpkg"));
    projected.insert(projected.end(), {"--output-crs", "EPSG:4547"});
    const auto gk = partition(projected, dir.file("out-4547"));
    CHECK(gk.grid_of == truth.grid_of);
    CHECK(slurp(dir.file("out-4547/grids.geojson")).find("EPSG::4547") != std::string::npos);
    const auto v = vertices(dir.file("out-4547/grids.geojson"));
    REQUIRE(!v.empty());
    CHECK(v[0].first > 300000.0); // the synthetic city's eastings, about 430 km
    CHECK(v[0].first < 600000.0);
    CHECK(v[0].second > 4000000.0);
}
