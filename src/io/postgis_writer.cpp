#include "io/postgis_writer.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/ogr_layers.hpp"

#include <algorithm>
#include <cctype>

namespace gp::io
{

const std::vector<std::string>& postgisLayerNames()
{
    static const std::vector<std::string> names = {"grids", "buildings", "gaps",   "communities",
                                                   "areas", "compounds", "blocks", "report"};
    return names;
}

void writePostgis(const std::vector<FeatureTable>& tables, const std::string& report_json,
                  const PostgisTarget& target, const std::string& working_crs_wkt,
                  ProgressTask* task, const std::string& output_crs)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    const std::string shown = redactConnection(target.connection);
    bool in_transaction = false;
    GDALDatasetUniquePtr ds;
    auto fail = [&](const std::string& what)
    {
        std::string why = capture.lastMessage();
        while (!why.empty() && std::isspace(static_cast<unsigned char>(why.back())))
            why.pop_back();
        for (auto& c : why)
            if (c == '\n')
                c = ' '; // PostgreSQL's ERROR + HINT lines: keep the message on one line
        std::string message = "cannot write PostGIS tables to '" + shown + "' (schema " +
                              target.schema + "): " + what + (why.empty() ? "" : " (" + why + ")");
        if (in_transaction)
        {
            in_transaction = false;
            ds->RollbackTransaction();
            message += "; rolled back, no table was changed";
        }
        throw OutputError(message);
    };
    ds.reset(GDALDataset::Open(target.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!ds)
        fail("cannot connect");
    const ToWgs84 to_wgs84(OutputCrs{working_crs_wkt, output_crs}, fail);
    // Every statement below runs inside this transaction: PostgreSQL DDL is transactional, so the
    // old tables disappear and the new ones appear together at COMMIT, or not at all.
    if (ds->StartTransaction(FALSE) != OGRERR_NONE)
        fail("cannot start a transaction");
    in_transaction = true;
    auto execute = [&](const std::string& sql)
    {
        capture.clear();
        OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (result)
            ds->ReleaseResultSet(result);
        if (capture.failed())
            fail("'" + sql + "' failed");
    };
    const std::string schema = "\"" + target.schema + "\"";
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);

    std::vector<std::string> written;
    auto createLayer =
        [&](const std::string& name, OGRwkbGeometryType type, OGRSpatialReference* srs)
    {
        const std::string schema_option = "SCHEMA=" + target.schema;
        const char* options[] = {schema_option.c_str(),
                                 "OVERWRITE=YES",
                                 "GEOMETRY_NAME=geom",
                                 "FID=fid",
                                 "SPATIAL_INDEX=GIST",
                                 "LAUNDER=NO",
                                 "DIM=2",
                                 nullptr};
        capture.clear();
        OGRLayer* layer =
            ds->CreateLayer((target.prefix + name).c_str(), srs, type, const_cast<char**>(options));
        if (!layer || capture.failed())
            fail("cannot create table " + target.schema + "." + target.prefix + name);
        written.push_back(name);
        return layer;
    };
    for (const auto& table : tables)
    {
        OGRLayer* layer = createLayer(table.name, tableGeometryType(table), to_wgs84.srs());
        appendRows(*layer, table, to_wgs84, 7, fail, task);
        if (capture.failed())
            fail("cannot write table " + target.prefix + table.name);
    }
    {
        OGRLayer* layer = createLayer("report", wkbNone, nullptr);
        OGRFieldDefn defn("report", OFTString);
        defn.SetSubType(OFSTJSON);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            fail("cannot create the report column");
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField(0, report_json.c_str());
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            fail("cannot write the report row");
    }
    // Tables of an earlier run that this run does not write (e.g. compounds then, blocks now).
    for (const auto& name : postgisLayerNames())
        if (std::find(written.begin(), written.end(), name) == written.end())
            execute("DROP TABLE IF EXISTS " + schema + ".\"" + target.prefix + name + "\"");
    capture.clear();
    const bool committed = ds->CommitTransaction() == OGRERR_NONE && !capture.failed();
    in_transaction = false;
    if (!committed)
        fail("COMMIT failed; PostgreSQL rolled the transaction back, no table was changed");
    ds.reset();
}

std::string readPostgisReport(const PostgisTarget& target)
{
    ensureGdalRegistered();
    GdalErrorCapture quiet; // a missing table is an answer (no report yet), not an error to print
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(target.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return {};
    const std::string sql = "SELECT report::text AS report FROM \"" + target.schema + "\".\"" +
                            target.prefix + "report\"";
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result)
        return {};
    std::string text;
    if (OGRFeatureUniquePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0))
        text = f->GetFieldAsString(0);
    ds->ReleaseResultSet(result);
    return text;
}

} // namespace gp::io
