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

// The street blocks of one community opened for the bounds, and whether the exact model proved
// that no plan keeps them all whole (else the search found none).
struct OpenedStreetBlocks
{
    graph::OpenedBlocks blocks;
    bool whole_proven_infeasible = false;
};

// Street blocks as units (issue 13) can leave no partition within the bounds. Then as few blocks
// as the search can manage are opened, one per round (up to four): of the blocks in or next to
// the parts out of bounds, smallest first, each is tried alone, divided along its lanes and then
// opened to buildings; the first that meets the bounds is kept, else the one nearest to them. When
// no single block helps, all those blocks are opened at once. A result is kept only if it is
// nearer the bounds (fewer parts out of them, then fewer households beyond them).
partition::PartitionResult partitionWithStreetBlocks(const Plan& plan, graph::CommunityGraph& cg,
                                                     const partition::Bounds& bounds,
                                                     const PartitionConfig& config,
                                                     const partition::PartitionOptions& options,
                                                     OpenedStreetBlocks& opened);

// One issue (street_block_opened) per street block opened for the bounds; audit/streets names it
// as the reason when such a block ends up split.
void noteOpenedBlocks(Plan& plan, const std::vector<OpenedStreetBlocks>& opened);

} // namespace gp::pipeline
