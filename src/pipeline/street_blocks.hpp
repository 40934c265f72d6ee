// Street blocks and the bounds (issue 13): partitioning a community whose units are whole street
// blocks, opening blocks when the bounds cannot be met with them whole.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "graph/community_graph.hpp"
#include "partition/partition.hpp"

#include <set>
#include <vector>

namespace gp::pipeline
{

// Street blocks as units (issue 13) can leave no partition within the bounds. Then the blocks of
// the parts out of bounds (from the second round, also of the units next to them) are opened
// (their buildings become units again) and the community is partitioned again, up to three
// times, keeping a result only if it has fewer parts out of bounds. `opened` receives the blocks
// opened in the graph kept.
partition::PartitionResult partitionWithStreetBlocks(const Plan& plan, graph::CommunityGraph& cg,
                                                     const partition::Bounds& bounds,
                                                     const PartitionConfig& config,
                                                     const partition::PartitionOptions& options,
                                                     std::set<int>& opened);

// One issue (street_block_opened) per street block opened for the bounds; audit/streets names it
// as the reason when such a block ends up split.
void noteOpenedBlocks(Plan& plan, const std::vector<std::set<int>>& opened);

} // namespace gp::pipeline
