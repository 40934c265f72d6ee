// Polygon arithmetic for the review checks (GEOS through geom/), and what counts as a real piece
// of land rather than a sliver left by coordinates rounded in the edited file.
#pragma once

#include "core/geometry.hpp"

#include <vector>

namespace gp::review
{

// A piece smaller than this (m²), or thinner than kSliverWidthM, is a sliver of rounding or of
// snapping in QGIS, not an overlap or gap a planner drew.
constexpr double kMinPieceM2 = 1.0;
constexpr double kSliverWidthM = 0.5;

MultiPolygon intersectionOf(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon differenceOf(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon unionOf(const std::vector<const MultiPolygon*>& parts);

// Extent of the outer rings (bg::envelope on multi-polygons trips GCC's -Wmaybe-uninitialized,
// see audit/coverage.cpp); a zero box at the origin for an empty area.
Box boxOf(const MultiPolygon& area);

// The parts of `area` that are real land: at least kMinPieceM2 and wider than kSliverWidthM.
MultiPolygon significantParts(const MultiPolygon& area);

} // namespace gp::review
