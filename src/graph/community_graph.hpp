// The graph stage: per community, the residential buildings become partition units (a compound
// that fits in one grid is contracted to a single unit so it is never split), joined by the
// edges of a Delaunay triangulation of their anchor points; edges crossing a barrier line or
// leaving the community are marked so the partitioner avoids cutting grids across them. Without a
// compound layer the inferred blocks (graph/blocks.hpp) stand in for compounds in edge kinds.
#pragma once

#include "core/model.hpp"
#include "partition/unit_graph.hpp"

#include <memory>
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
    // Some region that cannot stand alone was linked only across its weakest class of barrier
    // (graph/crossings.hpp): OpenedBlocks::every_crossing_class may help the bounds.
    bool crossings_limited = false;
};

// Which buildings take part in the residential partition.
bool isGridMember(const Building& b);

// One graph per community, in community order; `threads` as for parallelFor (0 = every core).
std::vector<CommunityGraph> buildCommunityGraphs(const Plan& plan, int max_households,
                                                 int threads = 0);

// What is opened when the graph as built leaves no partition within the bounds (issue 13):
// street blocks, and how far (first along the lanes in them, the lane-bounded parts that fit
// staying whole, then to single buildings); and links across any class of barrier.
struct OpenedBlocks
{
    bool every_crossing_class = false; // a region that cannot stand alone links across any class
    std::set<int> to_parts;            // Plan::street_blocks indices divided along lanes
    std::set<int> to_buildings;        // Plan::street_blocks indices opened to single buildings
    bool empty() const { return to_parts.empty() && to_buildings.empty(); }
    std::set<int> all() const
    {
        std::set<int> out = to_parts;
        out.insert(to_buildings.begin(), to_buildings.end());
        return out;
    }
};

// One community's graph, built again and again with different street blocks opened: what does
// not depend on the opened blocks (the plan's lines near the community, the lane-bounded part of
// every member) is computed once.
class CommunityGraphBuilder
{
  public:
    CommunityGraphBuilder(const Plan& plan, int community, int max_households);
    ~CommunityGraphBuilder();
    CommunityGraphBuilder(const CommunityGraphBuilder&) = delete;
    CommunityGraphBuilder& operator=(const CommunityGraphBuilder&) = delete;

    CommunityGraph build(const OpenedBlocks& opened) const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace gp::graph
