#include "io/postgis_writer.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/ogr_layers.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace gp::io
{

const std::vector<std::string>& postgisLayerNames()
{
    static const std::vector<std::string> names = {"grids", "buildings", "gaps",   "communities",
                                                   "areas", "compounds", "blocks", "report"};
    return names;
}

namespace
{

// One write of the PostGIS tables as one transaction: PostgreSQL DDL is transactional, so the
// old tables disappear and the new ones appear together at COMMIT, or not at all. Any failure
// rolls back and throws OutputError naming the connection (password redacted) and schema.
class PostgisTransaction
{
  public:
    explicit PostgisTransaction(const PostgisTarget& target)
        : m_target(target), m_shown(redactConnection(target.connection)),
          m_schema("\"" + target.schema + "\"")
    {
        m_ds.reset(GDALDataset::Open(target.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!m_ds)
            fail("cannot connect");
    }

    // The transaction starts after the output CRS is known (its failure names no table).
    void begin()
    {
        if (m_ds->StartTransaction(FALSE) != OGRERR_NONE)
            fail("cannot start a transaction");
        m_in_transaction = true;
        execute("CREATE SCHEMA IF NOT EXISTS " + m_schema);
    }

    [[noreturn]] void fail(const std::string& what)
    {
        std::string why = m_capture.lastMessage();
        while (!why.empty() && std::isspace(static_cast<unsigned char>(why.back())))
            why.pop_back();
        for (auto& c : why)
            if (c == '\n')
                c = ' '; // PostgreSQL's ERROR + HINT lines: keep the message on one line
        std::string message = "cannot write PostGIS tables to '" + m_shown + "' (schema " +
                              m_target.schema + "): " + what +
                              (why.empty() ? "" : " (" + why + ")");
        if (m_in_transaction)
        {
            m_in_transaction = false;
            m_ds->RollbackTransaction();
            message += "; rolled back, no table was changed";
        }
        throw OutputError(message);
    }

    void writeTable(const FeatureTable& table, const ToWgs84& to_wgs84, ProgressTask* task,
                    const std::function<void(const std::string&)>& fail_with)
    {
        OGRLayer* layer = createLayer(table.name, tableGeometryType(table), to_wgs84.srs());
        appendRows(*layer, table, to_wgs84, 7, fail_with, task);
        if (m_capture.failed())
            fail("cannot write table " + m_target.prefix + table.name);
    }

    // The report as one JSON row of its own table.
    void writeReport(const std::string& report_json)
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
    void dropUnwritten()
    {
        for (const auto& name : postgisLayerNames())
            if (std::find(m_written.begin(), m_written.end(), name) == m_written.end())
                execute("DROP TABLE IF EXISTS " + m_schema + ".\"" + m_target.prefix + name + "\"");
    }

    void commit()
    {
        m_capture.clear();
        const bool committed = m_ds->CommitTransaction() == OGRERR_NONE && !m_capture.failed();
        m_in_transaction = false;
        if (!committed)
            fail("COMMIT failed; PostgreSQL rolled the transaction back, no table was changed");
        m_ds.reset();
    }

  private:
    void execute(const std::string& sql)
    {
        m_capture.clear();
        OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (result)
            m_ds->ReleaseResultSet(result);
        if (m_capture.failed())
            fail("'" + sql + "' failed");
    }

    OGRLayer* createLayer(const std::string& name, OGRwkbGeometryType type,
                          OGRSpatialReference* srs)
    {
        const std::string schema_option = "SCHEMA=" + m_target.schema;
        const char* options[] = {schema_option.c_str(),
                                 "OVERWRITE=YES",
                                 "GEOMETRY_NAME=geom",
                                 "FID=fid",
                                 "SPATIAL_INDEX=GIST",
                                 "LAUNDER=NO",
                                 "DIM=2",
                                 nullptr};
        m_capture.clear();
        OGRLayer* layer = m_ds->CreateLayer((m_target.prefix + name).c_str(), srs, type,
                                            const_cast<char**>(options));
        if (!layer || m_capture.failed())
            fail("cannot create table " + m_target.schema + "." + m_target.prefix + name);
        m_written.push_back(name);
        return layer;
    }

    const PostgisTarget& m_target;
    GdalErrorCapture m_capture;
    const std::string m_shown;
    const std::string m_schema;
    bool m_in_transaction = false;
    GDALDatasetUniquePtr m_ds;
    std::vector<std::string> m_written;
};

} // namespace

void writePostgis(const std::vector<FeatureTable>& tables, const std::string& report_json,
                  const PostgisTarget& target, const std::string& working_crs_wkt,
                  ProgressTask* task, const std::string& output_crs)
{
    ensureGdalRegistered();
    PostgisTransaction transaction(target);
    const auto fail = [&](const std::string& what) { transaction.fail(what); };
    const ToWgs84 to_wgs84(OutputCrs{working_crs_wkt, output_crs}, fail);
    transaction.begin();
    for (const auto& table : tables)
        transaction.writeTable(table, to_wgs84, task, fail);
    transaction.writeReport(report_json);
    transaction.dropUnwritten();
    transaction.commit();
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
