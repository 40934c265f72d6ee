#include "io/geojson_writer.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/ogr_layers.hpp"

namespace gp::io
{

void writeGeoJson(const FeatureTable& table, const std::string& path, const std::string& working_crs_wkt,
                  ProgressTask* task)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    auto fail = [&](const std::string& what) {
        throw OutputError("cannot write '" + path + "': " + what +
                          (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
    };
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver)
        fail("GDAL has no GeoJSON driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        fail("cannot create the file");

    const ToWgs84 to_wgs84(working_crs_wkt, fail);
    const char* options[] = {"RFC7946=YES", "WRITE_NAME=YES", "COORDINATE_PRECISION=7", nullptr};
    OGRLayer* layer = ds->CreateLayer(table.name.c_str(), to_wgs84.srs(), wkbUnknown,
                                      const_cast<char**>(options));
    if (!layer)
        fail("cannot create layer " + table.name);
    // The driver rounds to COORDINATE_PRECISION itself.
    appendRows(*layer, table, to_wgs84, -1, fail, task);
    ds.reset(); // closes the file; write errors surface here for GeoJSON
    if (capture.failed())
        fail("closing the file failed");
}

} // namespace gp::io
