// Reads a households register (CSV, XLSX, ODS, any GDAL table) for classify/register_join:
// the key column and the count column (or one household per row), with -layer / -where.
#pragma once

#include "classify/register_join.hpp"
#include "core/config.hpp"

namespace gp::io
{

// The register's rows; InputError naming the file when it cannot be opened or lacks a column.
// Rows with an empty key or a count that is not a whole number >= 0 are left out, each with a
// register_row_ignored issue.
classify::RegisterTable readHouseholdsRegister(const HouseholdsTable& table);

} // namespace gp::io
