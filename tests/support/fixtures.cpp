#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace gp::test
{

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& tag)
{
    std::random_device rd;
    m_path = fs::temp_directory_path() / ("gridplan-test-" + tag + "-" + std::to_string(rd()));
    fs::remove_all(m_path);
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

void writeLayer(const std::string& path, const FixtureLayer& layer)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(layer.driver.c_str());
    REQUIRE(driver != nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!layer.crs.empty())
        REQUIRE(srs.SetFromUserInput(layer.crs.c_str()) == OGRERR_NONE);
    const char* options[] = {"ENCODING=UTF-8", nullptr};
    const std::string name =
        layer.layer_name.empty() ? fs::path(path).stem().string() : layer.layer_name;
    OGRLayer* l =
        ds->CreateLayer(name.c_str(), layer.crs.empty() ? nullptr : &srs, wkbUnknown,
                        layer.driver == "ESRI Shapefile" ? const_cast<char**>(options) : nullptr);
    REQUIRE(l != nullptr);
    for (const auto& [field, type] : layer.fields)
    {
        OGRFieldDefn defn(field.c_str(), type == 'I'   ? OFTInteger
                                         : type == 'R' ? OFTReal
                                                       : OFTString);
        REQUIRE(l->CreateField(&defn) == OGRERR_NONE);
    }
    for (const auto& feature : layer.features)
    {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
        for (const auto& [field, value] : feature.fields)
            f->SetField(field.c_str(), value.c_str());
        if (!feature.wkt.empty())
        {
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(feature.wkt.c_str(), nullptr, &g) ==
                    OGRERR_NONE);
            f->SetGeometryDirectly(g);
        }
        REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
    }
}

std::vector<std::string> fixturePartitionArgs(const TempDir& dir, const std::string& street_code,
                                              const std::string& out,
                                              const std::vector<std::string>& extra)
{
    std::vector<std::string> args = {"partition",
                                     "--buildings",
                                     dir.file("buildings.shp"),
                                     "--buildings-id-field",
                                     "bid",
                                     "--households-field",
                                     "hh",
                                     "--use-field",
                                     "use",
                                     "--floors-field",
                                     "floors",
                                     "--communities",
                                     dir.file("communities.shp"),
                                     "--communities-id-field",
                                     "cid",
                                     "--street-code",
                                     street_code,
                                     "--out",
                                     dir.file(out),
                                     "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

RunResult runGridplan(const std::vector<std::string>& args)
{
    static int counter = 0;
    const fs::path tmp = fs::temp_directory_path();
    const std::string stem =
        "gridplan-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const fs::path out_file = tmp / (stem + ".out"), err_file = tmp / (stem + ".err");
    std::string cmd = std::string("'") + GRIDPLAN_EXE + "'";
    for (const auto& a : args)
    {
        std::string quoted;
        for (char c : a)
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        cmd += " '" + quoted + "'";
    }
    cmd += " > '" + out_file.string() + "' 2> '" + err_file.string() + "' < /dev/null";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out_file.string());
    r.err = slurp(err_file.string());
    fs::remove(out_file);
    fs::remove(err_file);
    return r;
}

namespace
{

std::vector<ReadFeature> featuresOf(OGRLayer& layer)
{
    std::vector<ReadFeature> out;
    for (auto& f : layer)
    {
        ReadFeature rf;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            if (f->IsFieldSetAndNotNull(i) && f->GetFieldDefnRef(i)->GetType() == OFTStringList)
            {
                // A JSON array property (gaps.building_ids) as its JSON text.
                nlohmann::json items = nlohmann::json::array();
                for (char** item = f->GetFieldAsStringList(i); item && *item; ++item)
                    items.push_back(*item);
                rf.fields[f->GetFieldDefnRef(i)->GetNameRef()] = items.dump();
            }
            else if (f->IsFieldSetAndNotNull(i))
                rf.fields[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
        if (const OGRGeometry* g = f->GetGeometryRef())
        {
            char* wkt = nullptr;
            g->exportToWkt(&wkt);
            rf.wkt = wkt;
            CPLFree(wkt);
        }
        out.push_back(std::move(rf));
    }
    return out;
}

GDALDatasetUniquePtr openVector(const std::string& path)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds;
}

} // namespace

std::vector<ReadFeature> readLayer(const std::string& path)
{
    auto ds = openVector(path);
    OGRLayer* l = ds->GetLayer(0);
    REQUIRE(l != nullptr);
    return featuresOf(*l);
}

std::map<std::string, std::vector<ReadFeature>> readAllLayers(const std::string& path)
{
    auto ds = openVector(path);
    std::map<std::string, std::vector<ReadFeature>> out;
    for (OGRLayer* layer : ds->GetLayers())
        out[layer->GetName()] = featuresOf(*layer);
    return out;
}

void translateVector(const std::string& in, const std::string& out,
                     const std::vector<std::string>& options)
{
    std::vector<char*> argv;
    for (const auto& o : options)
        argv.push_back(const_cast<char*>(o.c_str()));
    argv.push_back(nullptr);
    GDALAllRegister();
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    REQUIRE(opts);
    GDALDatasetH src = GDALOpenEx(in.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    REQUIRE(src);
    int failed = 0;
    GDALDatasetH dst = GDALVectorTranslate(out.c_str(), nullptr, 1, &src, opts, &failed);
    GDALVectorTranslateOptionsFree(opts);
    GDALClose(src);
    REQUIRE(dst);
    GDALClose(dst);
    REQUIRE(failed == 0);
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string rectWkt(double x0, double y0, double x1, double y1)
{
    std::ostringstream ss;
    ss.precision(12);
    ss << "POLYGON((" << x0 << ' ' << y0 << ',' << x1 << ' ' << y0 << ',' << x1 << ' ' << y1 << ','
       << x0 << ' ' << y1 << ',' << x0 << ' ' << y0 << "))";
    return ss.str();
}

std::string sourceDir()
{
    return GRIDPLAN_SOURCE_DIR;
}

std::unique_ptr<OGRGeometry> metricGeometry(const std::string& wkt, int epsg)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) == OGRERR_NONE);
    std::unique_ptr<OGRGeometry> out(g);
    OGRSpatialReference wgs, metric;
    wgs.importFromEPSG(4326);
    metric.importFromEPSG(epsg);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    metric.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(
        OGRCreateCoordinateTransformation(&wgs, &metric));
    REQUIRE(ct);
    REQUIRE(out->transform(ct.get()) == OGRERR_NONE);
    return out;
}

double areaOf(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon)
        return g.toPolygon()->get_Area();
    if (type == wkbMultiPolygon)
        return g.toMultiPolygon()->get_Area();
    if (type == wkbGeometryCollection)
        return g.toGeometryCollection()->get_Area();
    return 0.0;
}

std::vector<ReadFeature> gapsWith(const std::string& out, const std::string& reason)
{
    std::vector<ReadFeature> found;
    for (auto& f : readLayer(out + "/gaps.geojson"))
        if (f.fields["reason"] == reason)
            found.push_back(f);
    return found;
}

std::map<std::string, ReadFeature> buildingsById(const std::string& out)
{
    std::map<std::string, ReadFeature> by_id;
    for (auto& f : readLayer(out + "/buildings.geojson"))
        by_id[f.fields["building_id"]] = f;
    return by_id;
}

} // namespace gp::test
