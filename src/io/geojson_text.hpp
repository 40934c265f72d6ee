// The text of GeoJSON features exactly as GDAL's GeoJSON driver writes it (RFC7946=YES,
// COORDINATE_PRECISION=7, json-c "spaced" output), produced without building OGR features and
// json-c trees, so that layers of a million features can be formatted in parallel chunks.
// Rows the fast path cannot reproduce with certainty (see appendFeatureText) are left to GDAL.
#pragma once

#include "io/feature_table.hpp"

#include <string>
#include <string_view>
#include <vector>

class OGRCoordinateTransformation;
class OGRLinearRing;

namespace gp::io
{

// A coordinate as OGRFormatDouble(..., '.', 7) writes it: "%.7f", then GDAL's intelliround
// (drops ...00000x / ...99999x round-off tails), then trailing zeros trimmed to one.
void appendCoordinate(std::string& out, double value);

// A real property as GDAL writes it ("%.17g", retried with 16, 15, 14 digits while the decimals
// show a 999999 or 000000 run, then ".0" when it reads as an integer). `value` must be finite.
void appendReal(std::string& out, double value);

// A JSON string as json-c writes it with JSON_C_TO_STRING_NOSLASHESCAPE (up to the first NUL).
void appendJsonString(std::string& out, std::string_view text);

// Per-thread state for formatting features: the transform to EPSG:4326 (not shareable between
// threads) and scratch buffers reused from row to row.
struct FeatureTextContext
{
    OGRCoordinateTransformation* to_wgs84 = nullptr;
    std::vector<double> xs, ys, zs;
    std::vector<int> ok;
    std::vector<std::size_t> ring_sizes; // points per ring after closing, in writing order
    OGRLinearRing* ring = nullptr;       // scratch ring for OGR's own isClockwise()
};

// Appends the row's feature text (no separator). Returns false, leaving `out` as it was, when the
// row needs GDAL itself: a string property that looks like JSON ({...} or [...], which GDAL
// re-parses), a non-finite real, a value whose type does not match its column, a geometry near
// the antimeridian, outside lon/lat bounds or with degenerate rings, or a failed transform.
bool appendFeatureText(std::string& out, const FeatureTable& table, const FeatureTable::Row& row,
                       FeatureTextContext& context);

} // namespace gp::io
