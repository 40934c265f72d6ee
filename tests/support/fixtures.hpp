// Test support: write small vector layers from WKT with GDAL, run the real gridplan executable,
// and read GeoJSON outputs back, so end-to-end tests work on real files in a temporary folder.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

class OGRGeometry;

namespace gp::test
{

// A fresh empty folder under the system temp dir, removed when the object goes away.
class TempDir
{
  public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

  private:
    std::filesystem::path m_path;
};

struct FixtureFeature
{
    std::string wkt;                           // geometry in the layer's CRS; empty = null geometry
    std::map<std::string, std::string> fields; // field name -> value (text; numbers parsed by type)
};

struct FixtureLayer
{
    std::string driver = "ESRI Shapefile";            // or "GeoJSON", "GPKG"
    std::string crs = "EPSG:32650";                   // empty: no CRS (.prj omitted)
    std::string layer_name;                           // default: the file stem
    std::vector<std::pair<std::string, char>> fields; // name, 'S' string / 'I' integer / 'R' real
    std::vector<FixtureFeature> features;
};

// Writes the layer to `path` (UTF-8 .cpg for Shapefiles); REQUIREs success.
void writeLayer(const std::string& path, const FixtureLayer& layer);

struct RunResult
{
    int exit_code = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// Runs `gridplan <args>` (no shell quoting problems: each arg is single-quoted).
RunResult runGridplan(const std::vector<std::string>& args);

// `gridplan partition` on the fixture convention most end-to-end tests share: dir/buildings.shp
// (fields bid, hh, use, floors) and dir/communities.shp (field cid), street code `street_code`,
// quiet, outputs in dir/<out>; `extra` is appended.
std::vector<std::string> fixturePartitionArgs(const TempDir& dir, const std::string& street_code,
                                              const std::string& out = "out",
                                              const std::vector<std::string>& extra = {});

// Features of a GeoJSON (or any) layer: the attribute values as text and geometry as WKT.
struct ReadFeature
{
    std::map<std::string, std::string> fields; // null fields absent
    std::string wkt;
};
std::vector<ReadFeature> readLayer(const std::string& path);
// The features of out/gaps.geojson with this reason, in file order.
std::vector<ReadFeature> gapsWith(const std::string& out, const std::string& reason);
// The features of out/buildings.geojson by building_id.
std::map<std::string, ReadFeature> buildingsById(const std::string& out);
// Every layer of a dataset (e.g. a GeoPackage): name -> features, in FID order.
std::map<std::string, std::vector<ReadFeature>> readAllLayers(const std::string& path);

// ogr2ogr <options> <out> <in> through GDAL's library form of ogr2ogr; REQUIREs success.
void translateVector(const std::string& in, const std::string& out,
                     const std::vector<std::string>& options);

// Whole file as bytes.
std::string slurp(const std::string& path);

// An axis-aligned rectangle as WKT POLYGON.
std::string rectWkt(double x0, double y0, double x1, double y1);

std::string sourceDir(); // the repository root

// A geometry of the EPSG:4326 outputs (WKT), reprojected to a metric CRS (default the
// fixtures' EPSG:32650) so that areas can be compared in m².
std::unique_ptr<OGRGeometry> metricGeometry(const std::string& wkt, int epsg = 32650);

// Area of a (multi)polygon or collection; 0 for anything else.
double areaOf(const OGRGeometry& g);

} // namespace gp::test
