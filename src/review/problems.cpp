#include "review/problems.hpp"

#include "core/index.hpp"

namespace gp::review
{

void record(Plan& plan, Finding f)
{
    auto& review = *plan.review;
    ReviewProblem p;
    p.violation = f.violation;
    p.reason = toString(f.reason);
    p.grid = f.grid;
    p.building = f.building;
    p.area_m2 = f.area_m2;
    p.detail = f.detail;
    review.problems.push_back(p);
    ++(f.violation ? review.violations : review.warnings);

    Issue issue;
    issue.reason = p.reason;
    issue.cause = f.violation ? "review_violation" : "review_warning";
    issue.detail = f.detail;
    issue.grid = f.grid;
    issue.households = f.households;
    if (f.community >= 0)
        issue.community = at(plan.communities, f.community).id;
    if (!f.building.empty())
        issue.buildings.push_back(f.building);
    issue.area = std::move(f.where);
    plan.issues.push_back(std::move(issue));
}

} // namespace gp::review
