#include "audit/metrics.hpp"
#include "core/index.hpp"

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
    { return at(plan.buildings, at(graph.unit_buildings, unit).front()).grid; };
    for (std::size_t e = 0; e < graph.graph.edges.size(); ++e)
    {
        const auto& edge = graph.graph.edges[e];
        const int ga = gridOf(edge.a), gb = gridOf(edge.b);
        if (ga < 0 || gb < 0)
            continue;
        if (ga != gb)
        {
            ++at(plan.grids, ga).metrics.cut_edges;
            ++at(plan.grids, gb).metrics.cut_edges;
        }
        else if (graph.edge_crosses_barrier[e])
            ++at(plan.grids, ga).metrics.barrier_crossings;
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
