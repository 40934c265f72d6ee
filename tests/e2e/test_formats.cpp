// End-to-end: output formats (GeoJSON, one GeoPackage), GeoPackage inputs, config files
// (--config, --print-config), progress on stderr, and the samples/ folder. The PostGIS path is
// tested against a real server by tests/postgis/run_postgis_test.sh (CTest postgis_roundtrip).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <fstream>
#include <map>
#include <set>

using namespace gp::test;
namespace fs = std::filesystem;

namespace
{

// Two communities side by side with 100-household buildings (Chinese names and uses), so
// that every output layer has rows.
void writeTown(const TempDir& dir, const std::string& driver, const std::string& ext)
{
    const double x0 = 500000, y0 = 3300000;
    FixtureLayer buildings;
    buildings.driver = driver;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}, {"use", 'S'}, {"name", 'S'}};
    int n = 0;
    for (int c = 0; c < 2; ++c)
        for (int r = 0; r < 4; ++r)
            for (int k = 0; k < 4; ++k)
            {
                const double x = x0 + c * 200 + 15 + k * 50, y = y0 + 15 + r * 50;
                buildings.features.push_back({rectWkt(x, y, x + 20, y + 20),
                                              {{"bid", "楼" + std::to_string(n++)},
                                               {"hh", "100"},
                                               {"use", "住宅"},
                                               {"name", "幸福里" + std::to_string(n) + "号"}}});
            }
    writeLayer(dir.file("buildings" + ext), buildings);
    FixtureLayer communities;
    communities.driver = driver;
    communities.fields = {{"cid", 'S'}, {"name", 'S'}};
    communities.features.push_back(
        {rectWkt(x0, y0, x0 + 200, y0 + 200), {{"cid", "C1"}, {"name", "东湖社区"}}});
    communities.features.push_back(
        {rectWkt(x0 + 200, y0, x0 + 400, y0 + 200), {{"cid", "C2"}, {"name", "西湖社区"}}});
    writeLayer(dir.file("communities" + ext), communities);
}

std::vector<std::string> townArgs(const TempDir& dir, const std::string& ext,
                                  const std::string& out)
{
    return {"partition",
            "--buildings",
            dir.file("buildings" + ext),
            "--buildings-id-field",
            "bid",
            "--households-field",
            "hh",
            "--use-field",
            "use",
            "--communities",
            dir.file("communities" + ext),
            "--communities-id-field",
            "cid",
            "--street-code",
            "街道01",
            "--out",
            out,
            "-q"};
}

// Field types of one layer: name -> OGR type name.
std::map<std::string, std::string> fieldTypes(const std::string& path,
                                              const std::string& layer_name)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    REQUIRE(layer);
    std::map<std::string, std::string> types;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
    {
        const auto* defn = layer->GetLayerDefn()->GetFieldDefn(i);
        // GeoJSON reads small integers back as Integer; both are whole numbers.
        types[defn->GetNameRef()] = defn->GetType() == OFTInteger64
                                        ? "Integer"
                                        : OGRFieldDefn::GetFieldTypeName(defn->GetType());
    }
    return types;
}

// The same rounded lon/lat: GeoJSON (RFC 7946) writes one-part multipolygons as polygons with
// counter-clockwise outer rings, the GeoPackage keeps multipolygons as built.
bool sameGeometry(const std::string& a, const std::string& b)
{
    if (a.empty() || b.empty())
        return a == b;
    OGRGeometry *ga = nullptr, *gb = nullptr;
    OGRGeometryFactory::createFromWkt(a.c_str(), nullptr, &ga);
    OGRGeometryFactory::createFromWkt(b.c_str(), nullptr, &gb);
    OGRGeometryUniquePtr pa(ga), pb(gb);
    if (!pa || !pb)
        return false;
    if (wkbFlatten(pa->getGeometryType()) == wkbPolygon)
        pa.reset(OGRGeometryFactory::forceToMultiPolygon(pa.release()));
    if (wkbFlatten(pb->getGeometryType()) == wkbPolygon)
        pb.reset(OGRGeometryFactory::forceToMultiPolygon(pb.release()));
    // Same vertices once both are in GEOS's normal form (ring start and orientation).
    OGRGeometryUniquePtr na(pa->Normalize()), nb(pb->Normalize());
    return na && nb && na->Equals(nb.get());
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Runs with the repository root as the current folder (sample configs use relative paths).
struct InRepoRoot
{
    fs::path old = fs::current_path();
    InRepoRoot() { fs::current_path(sourceDir()); }
    ~InRepoRoot() { fs::current_path(old); }
};

} // namespace

TEST_CASE("the gpkg format writes every layer into one GeoPackage with the GeoJSON contents",
          "[e2e][formats]")
{
    TempDir dir("gpkg");
    writeTown(dir, "ESRI Shapefile", ".shp");
    auto run = runGridplan(townArgs(dir, ".shp", dir.file("json")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto args = townArgs(dir, ".shp", dir.file("gpkg"));
    args.insert(args.end(), {"--format", "gpkg"});
    run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    // The GeoPackage, report.json and the planner files (project, styles, report.html): no
    // GeoJSON files, and the project's layers point into the GeoPackage.
    std::set<std::string> files;
    for (const auto& e : fs::directory_iterator(dir.file("gpkg")))
        if (e.path().extension() != ".qml")
            files.insert(e.path().filename().string());
    CHECK(files == std::set<std::string>{"gridplan.gpkg", "report.json", "gridplan.qgs",
                                         "report.html", ".gridplan-outputs"});
    const std::string project = slurp(dir.file("gpkg/gridplan.qgs"));
    CHECK(project.find("./gridplan.gpkg|layername=grids") != std::string::npos);
    CHECK(project.find(".geojson") == std::string::npos);
    CHECK(slurp(dir.file("gpkg/report.json")) == slurp(dir.file("json/report.json")));

    const auto layers = readAllLayers(dir.file("gpkg/gridplan.gpkg"));
    std::set<std::string> geojson_layers;
    for (const auto& e : fs::directory_iterator(dir.file("json")))
        if (e.path().extension() == ".geojson")
            geojson_layers.insert(e.path().stem().string());
    std::set<std::string> gpkg_layers;
    for (const auto& [name, features] : layers)
        gpkg_layers.insert(name);
    CHECK(gpkg_layers == geojson_layers);
    CHECK(gpkg_layers.count("grids") == 1);
    CHECK(gpkg_layers.count("blocks") + gpkg_layers.count("compounds") <= 1);

    for (const auto& name : geojson_layers)
    {
        INFO("layer " << name);
        const auto json = readLayer(dir.file("json/" + name + ".geojson"));
        const auto& gpkg = layers.at(name);
        REQUIRE(gpkg.size() == json.size());
        for (std::size_t i = 0; i < json.size(); ++i)
        {
            CHECK(gpkg[i].fields == json[i].fields); // values (as text), nulls, Chinese text
            INFO(gpkg[i].wkt << "\n" << json[i].wkt);
            CHECK(sameGeometry(gpkg[i].wkt, json[i].wkt)); // same lon/lat, rounded to 7 decimals
        }
        // GeoJSON has no schema: the reader guesses types from the values, so compare the fields
        // that have a value somewhere.
        const auto gpkg_types = fieldTypes(dir.file("gpkg/gridplan.gpkg"), name);
        const auto json_types = fieldTypes(dir.file("json/" + name + ".geojson"), "");
        for (const auto& [field, type] : json_types)
        {
            bool valued = false;
            for (const auto& f : json)
                valued |= f.fields.count(field) > 0;
            INFO("field " << field);
            REQUIRE(gpkg_types.count(field) == 1);
            if (valued)
                CHECK(gpkg_types.at(field) == type);
        }
        if (!json.empty())
            CHECK(gpkg_types.size() == json_types.size());
    }
    const auto& grids = layers.at("grids");
    REQUIRE(grids.size() == 8);
    CHECK(grids[0].fields.at("community_name") == "东湖社区");
    CHECK(grids[0].fields.at("grid_code").rfind("街道01-", 0) == 0);
    CHECK(contains(grids[0].wkt, "MULTIPOLYGON"));
    bool chinese_building_name = false;
    for (const auto& b : layers.at("buildings"))
        chinese_building_name |=
            b.fields.count("name") && b.fields.at("name").rfind("幸福里", 0) == 0;
    CHECK(chinese_building_name);

    SECTION("same inputs give the same GeoPackage bytes (fixed gpkg_contents.last_change)")
    {
        run = runGridplan(args); // again, into the same folder: replaced atomically
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        auto again = args;
        again[again.size() - 4] = dir.file("gpkg2"); // --out
        REQUIRE(again[again.size() - 5] == "--out");
        run = runGridplan(again);
        REQUIRE(run.exit_code == 0);
        const auto layers2 = readAllLayers(dir.file("gpkg2/gridplan.gpkg"));
        REQUIRE(layers2.size() == layers.size());
        for (const auto& [name, features] : layers)
        {
            REQUIRE(layers2.at(name).size() == features.size());
            for (std::size_t i = 0; i < features.size(); ++i)
            {
                CHECK(layers2.at(name)[i].fields == features[i].fields);
                CHECK(layers2.at(name)[i].wkt == features[i].wkt);
            }
        }
        CHECK(slurp(dir.file("gpkg2/gridplan.gpkg")) == slurp(dir.file("gpkg/gridplan.gpkg")));
    }
    SECTION("an unknown format is a usage error")
    {
        args.back() = "shp";
        run = runGridplan(args);
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "--format"));
    }
    SECTION("PostGIS names must be plain SQL names; an unreachable database is an output error")
    {
        auto pg =
            townArgs(dir, ".shp", "PG:host=/nonexistent-gridplan port=1 dbname=x password=s3cret");
        auto bad = pg;
        bad.insert(bad.end(), {"--pg-schema", "Plan-A"});
        run = runGridplan(bad);
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "--pg-schema"));
        run = runGridplan(pg);
        INFO(run.err);
        CHECK(run.exit_code == 1);
        CHECK(contains(run.err, "cannot connect"));
        CHECK(contains(run.err, "password=***"));
        CHECK(!contains(run.err, "s3cret"));
    }
}

TEST_CASE("inputs from GeoPackages give the same grids as from Shapefiles", "[e2e][formats]")
{
    TempDir dir("gpkg-in");
    writeTown(dir, "ESRI Shapefile", ".shp");
    writeTown(dir, "GPKG", ".gpkg");
    auto run = runGridplan(townArgs(dir, ".shp", dir.file("from-shp")));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    auto args = townArgs(dir, ".gpkg", dir.file("from-gpkg"));
    args.insert(args.end(),
                {"--buildings-layer", "buildings", "--communities-layer", "communities"});
    run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(readLayer(dir.file("from-gpkg/grids.geojson")).size() == 8);
    CHECK(slurp(dir.file("from-gpkg/grids.geojson")) == slurp(dir.file("from-shp/grids.geojson")));
    CHECK(slurp(dir.file("from-gpkg/buildings.geojson")) ==
          slurp(dir.file("from-shp/buildings.geojson")));
}

TEST_CASE(
    "a config file supplies every option and the command line wins and print-config round-trips",
    "[e2e][config]")
{
    TempDir dir("config");
    writeTown(dir, "ESRI Shapefile", ".shp");
    {
        std::ofstream toml(dir.file("gridplan.toml"), std::ios::binary);
        toml << "# a comment\n"
             << "buildings = \"" << dir.file("buildings.shp") << "\"\n"
             << "buildings-id-field = \"bid\"\n"
             << "households-field = 'hh'\n"
             << "use-field = \"use\"\n"
             << "use-map = [\"综合楼=residential\", \"商住楼=residential\"]\n"
             << "communities = \"" << dir.file("communities.shp") << "\"\n"
             << "communities-id-field = \"cid\"\n"
             << "min = 250\nmax = 450\ntarget = 350\n"
             << "street-code = \"街道01\"\n"
             << "out = \"" << dir.file("from-file") << "\"\n"
             << "quiet = true\n";
    }
    auto run = runGridplan({"partition", "--config", dir.file("gridplan.toml")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty()); // quiet = true from the file
    auto report = nlohmann::json::parse(slurp(dir.file("from-file/report.json")));
    CHECK(report["options"]["min"] == 250);
    CHECK(report["options"]["max"] == 450);
    CHECK(report["options"]["households_field"] == "hh");
    CHECK(readLayer(dir.file("from-file/grids.geojson"))
              .front()
              .fields.at("grid_code")
              .rfind("街道01-", 0) == 0);

    // The command line overrides the file, option by option.
    run = runGridplan({"partition", "--config", dir.file("gridplan.toml"), "--max", "480", "--out",
                       dir.file("cli")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    report = nlohmann::json::parse(slurp(dir.file("cli/report.json")));
    CHECK(report["options"]["min"] == 250);
    CHECK(report["options"]["max"] == 480);
    CHECK(fs::exists(dir.file("cli/grids.geojson")));

    // The effective configuration reads back to itself, and gives the same run.
    run = runGridplan(
        {"partition", "--config", dir.file("gridplan.toml"), "--max", "480", "--print-config"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string printed = run.out;
    CHECK(contains(printed, "max = 480"));
    CHECK(contains(printed, "min = 250"));
    CHECK(contains(printed, "use-map = [\"综合楼=residential\", \"商住楼=residential\"]"));
    CHECK(contains(printed, "street-code = \"街道01\""));
    CHECK(contains(printed, "quiet = true"));
    CHECK(contains(printed, "# floors-field = \"\"")); // unset keys are listed, commented out
    std::ofstream(dir.file("printed.toml"), std::ios::binary) << printed;
    run = runGridplan({"partition", "--config", dir.file("printed.toml"), "--print-config"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == printed);
    run = runGridplan(
        {"partition", "--config", dir.file("printed.toml"), "--out", dir.file("printed")});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(slurp(dir.file("printed/grids.geojson")) == slurp(dir.file("cli/grids.geojson")));
    CHECK(slurp(dir.file("printed/report.json")) == slurp(dir.file("cli/report.json")));

    // check reads the same file; partition-only keys (out, quiet is shared) are ignored.
    run = runGridplan({"check", "--config", dir.file("gridplan.toml")});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "would accept"));

    SECTION("unknown keys and bad values and missing files or required options are usage errors")
    {
        std::ofstream(dir.file("typo.toml"), std::ios::binary) << "buildngs = \"x.shp\"\n";
        run = runGridplan({"partition", "--config", dir.file("typo.toml"), "--communities", "c.shp",
                           "--out", "o"});
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "buildngs"));
        std::ofstream(dir.file("bad.toml"), std::ios::binary) << "min = many\n";
        run = runGridplan({"partition", "--config", dir.file("bad.toml"), "--print-config"});
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "min"));
        run = runGridplan({"partition", "--config", dir.file("nowhere.toml"), "--print-config"});
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "nowhere.toml"));
        std::ofstream(dir.file("partial.toml"), std::ios::binary)
            << "communities = \"c.shp\"\nout = \"o\"\n";
        run = runGridplan({"partition", "--config", dir.file("partial.toml")});
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "--buildings is required"));
    }
}

TEST_CASE(
    "progress bars on stderr in GDAL style by default with items under -v and nothing under -q",
    "[e2e][progress]")
{
    TempDir dir("progress");
    writeTown(dir, "ESRI Shapefile", ".shp");
    auto args = townArgs(dir, ".shp", dir.file("quiet"));
    auto run = runGridplan(args);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());

    args.pop_back(); // -q
    args[args.size() - 1] = dir.file("default");
    run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string bar = ": 0...10...20...30...40...50...60...70...80...90...100 - done.\n";
    for (const char* task : {"load buildings", "load communities", "partition", "tile", "write"})
    {
        INFO(task);
        CHECK((contains(run.err, std::string("\n") + task + bar) ||
               run.err.rfind(task + bar, 0) == 0));
    }

    args[args.size() - 1] = dir.file("verbose");
    args.push_back("-v");
    run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.err, "partition 1/2: C1 东湖社区\n"));
    CHECK(contains(run.err, "tile 2/2: C2 西湖社区\n"));
    CHECK(contains(run.err, "] load buildings" + bar));
    CHECK(contains(run.err, "] partition: ")); // the stage lines of -v

    // Progress never changes the outputs.
    for (const char* file : {"grids.geojson", "buildings.geojson", "report.json"})
    {
        CHECK(slurp(dir.file(std::string("default/") + file)) ==
              slurp(dir.file(std::string("quiet/") + file)));
        CHECK(slurp(dir.file(std::string("verbose/") + file)) ==
              slurp(dir.file(std::string("quiet/") + file)));
    }
}

TEST_CASE("every sample config parses and the committed bundled-run outputs match a fresh run",
          "[e2e][samples]")
{
    InRepoRoot root;
    int configs = 0;
    for (const auto& e : fs::directory_iterator("samples"))
    {
        if (e.path().extension() != ".toml")
            continue;
        ++configs;
        INFO(e.path().string());
        const auto run =
            runGridplan({"partition", "--config", e.path().string(), "--print-config"});
        INFO(run.err);
        CHECK(run.exit_code == 0);
        CHECK(contains(run.out, "\nbuildings = "));
        CHECK(contains(run.out, "\ncommunities = "));
        CHECK(contains(run.out, "\nout = "));
    }
    CHECK(configs >= 4);

    TempDir dir("samples");
    const auto run = runGridplan(
        {"partition", "--config", "samples/porto-bundled.toml", "--out", dir.file("out"), "-q"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    INFO("samples/porto-output is stale: run scripts/make_samples.sh and commit the result");
    for (const auto& e : fs::directory_iterator(dir.file("out")))
    {
        if (e.path().filename() == ".gridplan-outputs") // the folder's manifest, not an output
            continue;
        INFO(e.path().filename().string());
        CHECK(slurp(e.path().string()) ==
              slurp("samples/porto-output/" + e.path().filename().string()));
    }
    CHECK(fs::exists("samples/porto-output/ATTRIBUTION.txt"));
}
