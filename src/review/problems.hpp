// One finding of `gridplan review`, recorded twice: in Plan::review (report.json "review", with
// its severity) and as an issue of gaps.geojson (reason, grid code, building, where).
#pragma once

#include "core/model.hpp"
#include "core/reasons.hpp"

#include <optional>
#include <string>

namespace gp::review
{

struct Finding
{
    bool violation = true;
    Reason reason = Reason::GridGap;
    std::string grid;     // grid code as drawn (or as numbered when it had none)
    std::string building; // building id
    double area_m2 = 0.0;
    std::string detail;
    std::optional<MultiPolygon> where;
    int community = -1;
    int households = 0;
};

// Appends the finding to plan.review (which must exist) and plan.issues.
void record(Plan& plan, Finding finding);

} // namespace gp::review
