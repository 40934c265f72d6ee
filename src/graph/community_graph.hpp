// The graph stage: per community, the residential buildings become partition units (a compound
// that fits in one grid is contracted to a single unit so it is never split), joined by the
// edges of a Delaunay triangulation of their anchor points; edges crossing a barrier line or
// leaving the community are marked so the partitioner avoids cutting grids across them. Without a
// compound layer the inferred blocks (graph/blocks.hpp) stand in for compounds in edge kinds.
#pragma once

#include "core/model.hpp"
#include "partition/unit_graph.hpp"

#include <set>
#include <vector>

namespace gp::graph
{

struct CommunityGraph
{
    int community = -1;
    partition::UnitGraph graph;
    std::vector<std::vector<int>> unit_buildings; // building indices per unit, ascending
    std::vector<bool> edge_crosses_barrier;       // per edge: crosses a real barrier line
};

// Which buildings take part in the residential partition.
bool isGridMember(const Building& b);

// One graph per community, in community order; `threads` as for parallelFor (0 = every core).
std::vector<CommunityGraph> buildCommunityGraphs(const Plan& plan, int max_households,
                                                 int threads = 0);

// One community's graph with the street blocks in `loose_blocks` (Plan::blocks indices) opened:
// their buildings are not joined into block units (issue 13: when whole blocks leave no
// partition within the bounds).
CommunityGraph buildCommunityGraph(const Plan& plan, int community, int max_households,
                                   const std::set<int>& loose_blocks);

} // namespace gp::graph
