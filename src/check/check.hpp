// `gridplan check`: loads, classifies and places the inputs like partition does, without
// partitioning, and lists every problem found, so a planner can fix the data before a run.
#pragma once

#include "core/config.hpp"

#include <string>
#include <vector>

namespace gp::check
{

enum class Severity
{
    Error,   // partition would refuse the inputs (the same error it throws)
    Warning, // partition runs, but reports this in gaps.geojson
    Note,    // worth knowing: CRS assumed or reprojected
};

struct Problem
{
    Severity severity = Severity::Warning;
    std::string problem; // reason vocabulary of gaps.geojson, or crs_missing, input_error, ...
    std::string detail;  // names the file and feature
};

struct CheckResult
{
    std::vector<Problem> problems; // in the order found
    std::string summary;           // "1234 buildings, 5 communities, working CRS EPSG:32629"
    bool accepted = true;          // false when any problem is an Error
};

// Throws ConfigError for contradictory options (as partition does); input problems, even
// fatal ones, become Problems instead of exceptions.
CheckResult checkInputs(const PartitionConfig& config);

// A readable table: one row per (severity, problem) with its count and up to `examples` details.
std::string formatTable(const CheckResult& result, std::size_t examples = 5);

const char* toString(Severity severity);

} // namespace gp::check
