// The sections of report.json that take more than a line to compute (write/outputs.cpp's
// report() puts them in order).
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace gp::write
{

using Json = nlohmann::ordered_json;

// Figures over buildings and residential grids that "summary" and "grid_households" share.
struct PlanCounts
{
    long long households_total = 0, households_in_grids = 0, households_within = 0;
    int residential = 0, assigned = 0;
    std::map<std::string, int> by_source, by_use;
    int within = 0, folded = 0;
    std::vector<int> sizes; // residential grids only: the bounds are theirs
    std::map<std::string, int> dedicated_by_type;
    int special_grids = 0;
    double pp_sum = 0;
    double mean = 0, var = 0;
};

PlanCounts countPlan(const Plan& plan, const PartitionConfig& config);

// report.json "inputs": every input layer as read.
Json inputsSection(const Plan& plan);
// report.json "summary".
Json summarySection(const Plan& plan, const PlanCounts& counts);
// report.json "compounds": how the compounds fared.
Json compoundsSection(const Plan& plan);
// report.json "communities": residential grids, households and grids within bounds per community.
Json communitiesSection(const Plan& plan, const PartitionConfig& config);
// report.json "areas", by area code.
Json areasSection(const Plan& plan);
// report.json "grids", by grid code.
Json gridsSection(const Plan& plan, const PartitionConfig& config);

} // namespace gp::write
