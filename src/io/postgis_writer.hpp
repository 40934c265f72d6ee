// Writes output tables into a PostGIS database (a GDAL "PG:" connection string), replacing the
// tables of a previous run with the same schema and prefix in ONE transaction: on any failure
// the database is left exactly as it was. Throws OutputError (password hidden in messages).
#pragma once

#include "core/progress.hpp"
#include "io/feature_table.hpp"
#include "io/gdal_support.hpp" // isPostgisConnection, redactConnection

#include <string>
#include <vector>

namespace gp::io
{

struct PostgisTarget
{
    std::string connection; // "PG:dbname=... host=... port=..."
    std::string schema;     // created when missing
    std::string prefix;     // every table is prefix + layer name, e.g. gridplan_grids
};

// Names of every table a run may write (layers + report); the ones not written this run are
// dropped, so no table of an earlier run with other layers is left behind.
const std::vector<std::string>& postgisLayerNames();

// Writes every table as <schema>.<prefix><table.name> and the report as one row of
// <schema>.<prefix>report (column `report`, type json).
void writePostgis(const std::vector<FeatureTable>& tables, const std::string& report_json,
                  const PostgisTarget& target, const std::string& working_crs_wkt,
                  ProgressTask* task = nullptr, const std::string& output_crs = {});

// The report JSON that writePostgis stored for target (schema, prefix); empty when there is none
// (no database, table or row). Used by `gridplan batch` to read a street's results and
// fingerprint back from the store.
std::string readPostgisReport(const PostgisTarget& target);

} // namespace gp::io
