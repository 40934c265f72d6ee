#include "classify/classify.hpp"

#include "classify/households.hpp"
#include "classify/use_mapping.hpp"

namespace gp::classify
{

int classifyPlan(Plan& plan, const PartitionConfig& config)
{
    const auto uses = UseMapping::fromConfig(config);
    std::vector<RawHouseholdFields> raw;
    raw.reserve(plan.buildings.size());
    for (const auto& b : plan.buildings)
        raw.push_back({b.inputs.households, b.inputs.floors, b.inputs.height});
    int added = 0;
    for (const auto& note : classifyBuildings(plan.buildings, raw, uses, config.estimate))
    {
        Issue issue;
        issue.reason = note.reason;
        issue.detail = "building " + plan.buildings[note.building].id + ": " + describe(note.note);
        issue.buildings.push_back(plan.buildings[note.building].id);
        plan.issues.push_back(std::move(issue));
        ++added;
    }
    return added;
}

} // namespace gp::classify
