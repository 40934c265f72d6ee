// `gridplan review` outputs: the "review" section of report.json (verdict, violations and
// warnings, the grids the planner edited, codes renumbered) and its block in report.html.
#pragma once

#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace gp::write
{

nlohmann::ordered_json reviewReport(const ReviewSummary& review);
// HTML block for report.html (escaped); empty without a review.
std::string reviewHtml(const Plan& plan);

} // namespace gp::write
