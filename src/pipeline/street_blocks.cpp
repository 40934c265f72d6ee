#include "pipeline/street_blocks.hpp"

#include "graph/blocks.hpp"

namespace gp::pipeline
{

partition::PartitionResult partitionWithStreetBlocks(const Plan& plan, graph::CommunityGraph& cg,
                                                     const partition::Bounds& bounds,
                                                     const PartitionConfig& config,
                                                     const partition::PartitionOptions& options,
                                                     std::set<int>& opened)
{
    auto result = partition::partitionGraph(cg.graph, bounds, config.seed, options);
    std::set<int> loose;
    for (int round = 0; round < 3 && !result.violations.empty() && graph::hasStreets(plan); ++round)
    {
        std::set<int> bad_parts;
        for (const auto& v : result.violations)
            bad_parts.insert(v.part);
        std::vector<char> near(cg.graph.units.size(), 0);
        for (std::size_t u = 0; u < near.size(); ++u)
            near[u] = bad_parts.count(result.part_of[u]) ? 1 : 0;
        for (const auto& e : cg.graph.edges) // the first round opens the parts' own blocks only
            if (round > 0 && (bad_parts.count(result.part_of[static_cast<std::size_t>(e.a)]) ||
                              bad_parts.count(result.part_of[static_cast<std::size_t>(e.b)])))
                near[static_cast<std::size_t>(e.a)] = near[static_cast<std::size_t>(e.b)] = 1;
        const std::size_t before = loose.size();
        for (std::size_t u = 0; u < near.size(); ++u)
            if (near[u])
                for (int b : cg.unit_buildings[u])
                    if (plan.buildings[static_cast<std::size_t>(b)].block >= 0)
                        loose.insert(plan.buildings[static_cast<std::size_t>(b)].block);
        if (loose.size() == before)
            break;
        auto finer = graph::buildCommunityGraph(plan, cg.community, config.max_households, loose);
        auto again = partition::partitionGraph(finer.graph, bounds, config.seed, options);
        if (again.violations.size() >= result.violations.size())
            continue;
        cg = std::move(finer);
        result = std::move(again);
        opened = loose;
    }
    return result;
}

void noteOpenedBlocks(Plan& plan, const std::vector<std::set<int>>& opened)
{
    for (const auto& blocks : opened)
        for (int k : blocks)
        {
            const auto& block = plan.blocks[static_cast<std::size_t>(k)];
            Issue issue;
            issue.reason = "street_block_opened";
            issue.detail = "street block " + block.id +
                           ": opened to single buildings because the grids of its "
                           "community could not meet the bounds with it whole";
            issue.households = block.households;
            issue.community = plan.communities[static_cast<std::size_t>(block.community)].id;
            issue.area = block.area;
            plan.issues.push_back(std::move(issue));
        }
}

} // namespace gp::pipeline
