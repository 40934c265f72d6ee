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

void edgeMetrics(Plan& plan, const graph::CommunityGraph& graph)
{
    auto gridOf = [&](int unit)
    {
        return plan
            .buildings[static_cast<std::size_t>(
                graph.unit_buildings[static_cast<std::size_t>(unit)].front())]
            .grid;
    };
    for (std::size_t e = 0; e < graph.graph.edges.size(); ++e)
    {
        const auto& edge = graph.graph.edges[e];
        const int ga = gridOf(edge.a), gb = gridOf(edge.b);
        if (ga < 0 || gb < 0)
            continue;
        if (ga != gb)
        {
            ++plan.grids[static_cast<std::size_t>(ga)].metrics.cut_edges;
            ++plan.grids[static_cast<std::size_t>(gb)].metrics.cut_edges;
        }
        else if (graph.edge_crosses_barrier[e])
            ++plan.grids[static_cast<std::size_t>(ga)].metrics.barrier_crossings;
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
