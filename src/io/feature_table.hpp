// A GDAL-free description of an output layer: typed columns, rows of values and a geometry.
// write/ builds these from a Plan; io/ turns them into files.
#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gp::io
{

enum class FieldType
{
    Integer,
    Real,
    String,
    Json, // a JSON array or object held as text: a JSON value in GeoJSON, its text (JSON subtype)
          // in a GeoPackage
};

using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct FeatureTable
{
    struct Row
    {
        std::vector<FieldValue> values; // one per field, std::monostate = null
        std::optional<MultiPolygon> area;
        std::optional<Point> point;
    };

    std::string name;
    std::vector<std::pair<std::string, FieldType>> fields;
    std::vector<Row> rows;
};

} // namespace gp::io
