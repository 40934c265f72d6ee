// Per-grid quality figures: Polsby–Popper compactness and area from the grid polygon; adjacency
// edges cut and barrier crossings from the community graph.
#pragma once

#include "core/model.hpp"
#include "graph/adjacency.hpp"

#include <vector>

namespace gp::audit
{

// 4πA / P², 1 for a disc, towards 0 for stringy shapes (Polsby & Popper 1991).
double polsbyPopper(const MultiPolygon& area);

// Counts, per grid, graph edges leaving it (cut) and barrier-crossing edges inside it.
// part_of: per unit, the part; grids of this community start at first_grid.
void edgeMetrics(Plan& plan, const graph::CommunityGraph& graph, const std::vector<int>& part_of,
                 int first_grid);

// Fills area_m2 and polsby_popper of every grid from its polygon.
void shapeMetrics(Plan& plan);

} // namespace gp::audit
