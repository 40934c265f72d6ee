#include "geom/prepared.hpp"
#include "core/index.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace gp::geom
{

PreparedAreas::PreparedAreas(GeosContext& ctx, const std::vector<const MultiPolygon*>& areas)
    : m_ctx(ctx)
{
    const auto h = ctx.handle();
    m_tree = GEOSSTRtree_create_r(h, 10);
    m_ids.resize(areas.size());
    for (std::size_t i = 0; i < areas.size(); ++i)
    {
        m_geoms.push_back(toGeos(ctx, *areas[i]));
        m_prepared.push_back(GEOSPrepare_r(h, m_geoms.back().get()));
        m_ids[i] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (!areas[i]->empty())
            GEOSSTRtree_insert_r(h, m_tree, m_geoms[i].get(), &m_ids[i]);
}

PreparedAreas::~PreparedAreas()
{
    const auto h = m_ctx.handle();
    for (const auto* p : m_prepared)
        if (p)
            GEOSPreparedGeom_destroy_r(h, p);
    GEOSSTRtree_destroy_r(h, m_tree);
}

std::vector<int> PreparedAreas::candidates(const GEOSGeometry* g) const
{
    std::vector<int> out;
    GEOSSTRtree_query_r(
        m_ctx.handle(), m_tree, g,
        [](void* item, void* data)
        { static_cast<std::vector<int>*>(data)->push_back(*static_cast<int*>(item)); },
        &out);
    std::sort(out.begin(), out.end());
    return out;
}

bool PreparedAreas::covers(int area, const GEOSGeometry* g) const
{
    return GEOSPreparedCovers_r(m_ctx.handle(), at(m_prepared, area), g) == 1;
}

bool PreparedAreas::intersects(int area, const GEOSGeometry* g) const
{
    return GEOSPreparedIntersects_r(m_ctx.handle(), at(m_prepared, area), g) == 1;
}

double PreparedAreas::overlapArea(int area, const GEOSGeometry* g) const
{
    const auto h = m_ctx.handle();
    GEOSGeometry* inter = GEOSIntersection_r(h, at(m_geoms, area).get(), g);
    if (!inter)
        return 0.0;
    double a = 0.0;
    GEOSArea_r(h, inter, &a);
    GEOSGeom_destroy_r(h, inter);
    return a;
}

} // namespace gp::geom
