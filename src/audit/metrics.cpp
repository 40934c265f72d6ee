#include "audit/metrics.hpp"

#include <boost/math/constants/constants.hpp>

namespace gp::audit
{

double polsbyPopper(const MultiPolygon& area)
{
    const double a = bg::area(area);
    const double p = bg::perimeter(area);
    return p > 0 ? 4.0 * boost::math::constants::pi<double>() * a / (p * p) : 0.0;
}

void edgeMetrics(Plan& plan, const graph::CommunityGraph& graph, const std::vector<int>& part_of,
                 int first_grid)
{
    for (std::size_t e = 0; e < graph.graph.edges.size(); ++e)
    {
        const auto& edge = graph.graph.edges[e];
        const int pa = part_of[static_cast<std::size_t>(edge.a)];
        const int pb = part_of[static_cast<std::size_t>(edge.b)];
        if (pa != pb)
        {
            ++plan.grids[static_cast<std::size_t>(first_grid + pa)].metrics.cut_edges;
            ++plan.grids[static_cast<std::size_t>(first_grid + pb)].metrics.cut_edges;
        }
        else if (graph.edge_crosses_barrier[e])
            ++plan.grids[static_cast<std::size_t>(first_grid + pa)].metrics.barrier_crossings;
    }
}

void shapeMetrics(Plan& plan)
{
    for (auto& grid : plan.grids)
    {
        grid.metrics.area_m2 = bg::area(grid.area);
        grid.metrics.polsby_popper = polsbyPopper(grid.area);
    }
}

} // namespace gp::audit
