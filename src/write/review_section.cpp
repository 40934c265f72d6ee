#include "write/review_section.hpp"

#include "write/markup.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace gp::write
{

nlohmann::ordered_json reviewReport(const ReviewSummary& review)
{
    using Json = nlohmann::ordered_json;
    Json problems = Json::array();
    for (const auto& p : review.problems)
    {
        Json row = {{"severity", p.violation ? "violation" : "warning"},
                    {"reason", p.reason},
                    {"grid_code", p.grid}};
        if (!p.building.empty())
            row["building"] = p.building;
        if (p.area_m2 > 0)
            row["area_m2"] = std::round(p.area_m2 * 10) / 10;
        row["detail"] = p.detail;
        problems.push_back(std::move(row));
    }
    Json edited;
    edited["plan_grids"] = review.plan_grids;
    edited["plan_buildings"] = review.plan_buildings;
    edited["edited_from"] = review.edited_from;
    return {{"verdict", review.violations == 0 ? "clean" : "violations"},
            {"violations", review.violations},
            {"warnings", review.warnings},
            {"sources", edited},
            {"edited_grids", review.edited_grids},
            {"renumbered", review.renumbered},
            {"problems", problems}};
}

std::string reviewHtml(const Plan& plan)
{
    if (!plan.review)
        return {};
    const auto& r = *plan.review;
    std::ostringstream o;
    o << "<section id=\"review\">\n<h2>Review · 审核</h2>\n<p>" << r.violations
      << " violations (违规), " << r.warnings << " warnings (提示); " << r.edited_grids.size()
      << " grids edited against "
      << escapeXml(r.edited_from.empty() ? "(no original given)" : r.edited_from) << "</p>\n";
    if (!r.problems.empty())
    {
        o << "<table>\n<thead><tr><th>severity</th><th>reason</th><th>grid</th>"
             "<th>building</th><th>m2</th><th>detail</th></tr></thead>\n<tbody>\n";
        for (const auto& p : r.problems)
        {
            char area[32] = "";
            if (p.area_m2 > 0)
                std::snprintf(area, sizeof area, "%.1f", p.area_m2);
            o << "<tr><td>" << (p.violation ? "violation" : "warning") << "</td><td>"
              << escapeXml(p.reason) << "</td><td>" << escapeXml(p.grid) << "</td><td>"
              << escapeXml(p.building) << "</td><td class=\"num\">" << area << "</td><td>"
              << escapeXml(p.detail) << "</td></tr>\n";
        }
        o << "</tbody>\n</table>\n";
    }
    o << "</section>\n";
    return o.str();
}

} // namespace gp::write
