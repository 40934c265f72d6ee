#include "review/codes.hpp"

#include "core/index.hpp"
#include "organize/areas.hpp"
#include "organize/codes.hpp"
#include "pipeline/run.hpp"
#include "review/problems.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace gp::review
{

namespace
{

// The sequence number of `code` under the grid's prefix, or -1 when the code does not fit.
int sequenceOf(const std::string& code, const std::string& prefix, int width)
{
    if (code.size() != prefix.size() + static_cast<std::size_t>(width) ||
        code.compare(0, prefix.size(), prefix) != 0)
        return -1;
    const std::string digits = code.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    return std::stoi(digits);
}

std::string numbered(const std::string& prefix, int width, int sequence)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "%0*d", width, sequence);
    return prefix + digits;
}

// Named by the code the planner drew (the new code when there was none).
void codeProblem(Plan& plan, const Grid& grid, const std::string& drawn, Reason reason,
                 const std::string& detail)
{
    Finding f;
    f.reason = reason;
    f.grid = drawn.empty() ? grid.code : drawn;
    f.detail = detail;
    f.where = grid.area;
    f.community = grid.community;
    f.households = grid.households;
    record(plan, std::move(f));
}

} // namespace

void settleCodes(Plan& plan, const PartitionConfig& config)
{
    std::vector<std::string> drawn;
    for (const auto& g : plan.grids)
        drawn.push_back(g.code);
    organize::groupAreas(plan, pipeline::areaOptions(config));
    organize::assignCodes(plan, config.street_code, config.codes);

    // Which drawn codes stand: valid for the grid, and the first grid to carry them.
    std::vector<int> sequence(plan.grids.size(), -1);
    std::map<std::string, int> highest; // prefix -> highest sequence kept
    std::set<std::string> seen;
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        const auto& grid = plan.grids[g];
        const bool dedicated = grid.kind == GridKind::Dedicated;
        const auto prefix = organize::gridCodePrefix(
            config.codes, at(plan.communities, grid.community).code, dedicated);
        const int width = organize::gridSequenceWidth(config.codes, dedicated);
        const int seq = sequenceOf(drawn[g], prefix, width);
        if (seq < 0 || !seen.insert(drawn[g]).second)
            continue;
        sequence[g] = seq;
        highest[prefix] = std::max(highest[prefix], seq);
    }
    for (std::size_t g = 0; g < plan.grids.size(); ++g)
    {
        auto& grid = plan.grids[g];
        if (sequence[g] >= 0)
        {
            grid.code = drawn[g];
            continue;
        }
        const bool dedicated = grid.kind == GridKind::Dedicated;
        const auto& community = at(plan.communities, grid.community);
        const auto prefix = organize::gridCodePrefix(config.codes, community.code, dedicated);
        const int width = organize::gridSequenceWidth(config.codes, dedicated);
        grid.code = numbered(prefix, width, ++highest[prefix]);
        const std::string now = ", numbered " + grid.code;
        if (drawn[g].empty())
            codeProblem(plan, grid, "", Reason::GridCodeMissing,
                        "a grid of community " + community.id + " has no grid_code" + now);
        else if (sequenceOf(drawn[g], prefix, width) >= 0) // valid, but taken by an earlier grid
            codeProblem(plan, grid, drawn[g], Reason::GridCodeDuplicate,
                        "grid code " + drawn[g] + " is carried by more than one grid" + now);
        else
            codeProblem(plan, grid, drawn[g], Reason::GridCodeMalformed,
                        "grid code '" + drawn[g] + "' does not fit the " + config.codes.scheme +
                            " scheme for community " + community.id + " (expected " + prefix +
                            " and " + std::to_string(width) + " digits)" + now);
        plan.review->renumbered.push_back((drawn[g].empty() ? "(no code)" : drawn[g]) + " -> " +
                                          grid.code);
    }
}

} // namespace gp::review
