#include "io/gpkg_writer.hpp"
#include "io/scoped_config.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/ogr_layers.hpp"

#include <optional>

namespace gp::io
{

void writeGeoPackage(const std::vector<FeatureTable>& tables, const std::string& path,
                     const std::string& working_crs_wkt, ProgressTask* task,
                     const std::string& output_crs)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    auto fail = [&](const std::string& what)
    {
        throw OutputError(
            "cannot write '" + path + "': " + what +
            (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
    };
    const ScopedThreadConfig fixed_date("OGR_CURRENT_DATE", kGpkgFixedDate);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        fail("GDAL has no GPKG driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        fail("cannot create the file");
    const ToWgs84 to_wgs84(OutputCrs{working_crs_wkt, output_crs}, fail);
    // One transaction: row-by-row autocommit would be very slow in SQLite.
    if (ds->StartTransaction() != OGRERR_NONE)
        fail("cannot start a transaction");
    for (const auto& table : tables)
    {
        const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", nullptr};
        OGRLayer* layer = ds->CreateLayer(table.name.c_str(), to_wgs84.srs(),
                                          tableGeometryType(table), const_cast<char**>(options));
        if (!layer)
            fail("cannot create layer " + table.name);
        appendRows(*layer, table, to_wgs84, 7, fail, task);
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        fail("cannot commit");
    ds.reset();
    if (capture.failed())
        fail("closing the file failed");
}

} // namespace gp::io
