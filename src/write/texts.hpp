// The words of the planner-facing outputs (report.html, the QGIS project's layer names, legends
// and labels) in English and Chinese, chosen by PartitionConfig::lang ("en" / "zh").
#pragma once

#include <string>

namespace gp::write
{

struct Texts
{
    const char* html_lang;
    // report.html
    const char* title;
    const char* summary;
    const char* map;
    const char* map_note;
    const char* histogram;
    const char* histogram_note;
    const char* communities;
    const char* grids;
    const char* work_list;
    const char* work_list_note;
    const char* parameters;
    const char* inputs;
    const char* no_issues;
    // table headings and figures
    const char* grid_code;
    const char* community;
    const char* community_code;
    const char* name;
    const char* kind;
    const char* households;
    const char* buildings;
    const char* bounds;
    const char* compactness;
    const char* issues;
    const char* reason;
    const char* cause;
    const char* detail;
    const char* grid_count;
    const char* within_count;
    const char* dedicated_count;
    const char* residential_grids;
    const char* households_in_grids;
    const char* within_pct;
    const char* street_covered;
    const char* mean_compactness;
    const char* option;
    const char* value;
    const char* role;
    const char* path;
    const char* layer;
    const char* filter;
    const char* crs;
    const char* features_read;
    const char* features_skipped;
    const char* working_crs;
    const char* street_code;
    const char* version;
    const char* grids_axis;
    const char* households_axis;
    const char* residential;
    const char* dedicated;
    // bands
    const char* under;
    const char* within;
    const char* over;
    const char* min_bound;
    const char* max_bound;
    const char* target;
    // QGIS layer names and legends
    const char* layer_gaps;
    const char* layer_dedicated;
    const char* layer_grids_band;
    const char* layer_grids_kind;
    const char* layer_buildings;
    const char* layer_communities;
    const char* layer_areas;
    const char* layer_compounds;
    const char* layer_blocks;
    const char* no_grid;
    const char* other;
    const char* households_unit; // after a number in labels: " hh" / " 户"
};

// Throws ConfigError for a language other than "en" and "zh".
const Texts& textsFor(const std::string& lang);

// A short planner-facing label for an issue reason ("grid_under_min" -> "Grid under the minimum").
std::string reasonLabel(const std::string& reason, const std::string& lang);
// The same for a dedicated grid type (office, market, ...).
std::string dedicatedTypeLabel(const std::string& type, const std::string& lang);

} // namespace gp::write
