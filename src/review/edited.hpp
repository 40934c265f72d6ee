// The hand-edited plan `gridplan review` judges, read from any GDAL source into the working CRS:
// grid polygons with a grid_code (--plan-grids) and/or buildings with their grid_code
// (--plan-buildings), as gridplan wrote them and a planner edited them in QGIS.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gp::review
{

struct ReviewOptions
{
    std::optional<LayerSource> plan_grids;     // polygons with a grid_code field
    std::optional<LayerSource> plan_buildings; // buildings with building id and grid_code
    std::string edited_from; // --previous: the output folder the plan was edited from
};

struct DrawnGrid
{
    std::int64_t fid = 0;
    std::string code; // as drawn; empty: the feature has no code
    MultiPolygon area;
};

struct EditedPlan
{
    std::vector<DrawnGrid> grids;               // feature order; empty without --plan-grids
    std::map<std::string, std::string> code_of; // building id -> grid code ("": none)
    bool has_buildings = false;                 // --plan-buildings given
    std::vector<Issue> read_issues;             // features skipped or repaired
};

// InputError naming the file when a source cannot be opened or lacks its fields.
EditedPlan readEdited(const ReviewOptions& options, const Plan& plan,
                      const std::string& assume_crs);

} // namespace gp::review
