// Improve for one large community on several cores: the parts are cut into groups of
// neighbouring parts, and each group is improved on its own (improvePartition on the subgraph of
// its units) in parallel; a second round with groups grown from the other end lets the parts on
// the first round's group borders trade units too. A move inside a group touches only that
// group's parts, so groups never race and the result does not depend on the thread count.
#pragma once

#include "improve/improve.hpp"

namespace gp::improve
{

struct GroupOptions
{
    int parts_per_group = 48; // a community with no more parts is improved as one group
    int rounds = 2;
    int threads = 1; // 0: every core
};

// Same contract as improvePartition on a PartitionResult; identical to it when the community has
// at most parts_per_group parts.
ImproveStats improveByGroups(const partition::UnitGraph& graph, const partition::Bounds& bounds,
                             partition::PartitionResult& result, const ImproveOptions& options,
                             const GroupOptions& groups);

} // namespace gp::improve
