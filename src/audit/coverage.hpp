// Coverage audit: the parts of the street no community covers, holes and slivers between
// communities, and overlapping communities, as issues with a place (polygons) for gaps.geojson.
#pragma once

#include "core/model.hpp"

#include <optional>

namespace gp::audit
{

// Pieces smaller than this many m2 are digitising noise and are not reported.
inline constexpr double kCoverageSliverM2 = 1.0;

struct CoverageFigures
{
    std::optional<double> street_area_m2; // nullopt: no street given
    double covered_m2 = 0.0;              // street area inside some community
    std::optional<double> covered_pct;    // 100 * covered / street area
    int street_not_covered = 0;           // issues added, per reason
    int community_gaps = 0;
    int communities_overlap = 0;
};

// Street coverage only (no issues): what report.json states as street_area_covered_pct.
CoverageFigures streetCoverage(const Plan& plan);

// Appends street_not_covered, community_gap and communities_overlap issues to plan.issues.
// street_not_covered: street minus the union of communities, per part; community_gap: a hole in
// the union of communities (inside the street when there is one) or a thin sliver touching two
// or more communities; communities_overlap: the shared area of each overlapping pair.
CoverageFigures auditCoverage(Plan& plan);

} // namespace gp::audit
