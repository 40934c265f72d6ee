// Per-grid quality figures: Polsby–Popper compactness and area from the grid polygon; adjacency
// edges cut and barrier crossings from the community graph.
#pragma once

#include "core/model.hpp"
#include "graph/community_graph.hpp"

#include <vector>

namespace gp::audit
{

// 4πA / P², 1 for a disc, towards 0 for stringy shapes (Polsby & Popper 1991).
double polsbyPopper(const MultiPolygon& area);

// Counts, per grid, graph edges leaving it (cut) and barrier-crossing edges inside it; a unit's
// grid is its buildings' (Building::grid). Adds to the grids' counts.
void edgeMetrics(Plan& plan, const graph::CommunityGraph& graph);

// Fills area_m2 and polsby_popper of every grid from its polygon.
void shapeMetrics(Plan& plan);

} // namespace gp::audit
