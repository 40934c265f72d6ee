#include "tile/tile_parts.hpp"

#include <iterator>

namespace gp::tile::internal
{

using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;

void Region::build(GeosContext& ctx)
{
    std::vector<BoxEntry> entries;
    prepared.clear();
    for (std::size_t i = 0; i < geoms.size(); ++i)
    {
        prepared.push_back(prepare(ctx, geoms[i].get()));
        entries.emplace_back(envelopeOf(ctx, geoms[i].get()), static_cast<int>(i));
    }
    tree = BoxTree(entries.begin(), entries.end());
}

std::vector<int> Region::candidates(const Point& p) const
{
    std::vector<BoxEntry> hits;
    tree.query(bgi::intersects(p), std::back_inserter(hits));
    std::vector<int> ids;
    for (const auto& hit : hits)
        ids.push_back(hit.second);
    std::sort(ids.begin(), ids.end()); // lowest index wins ties: deterministic
    return ids;
}

int Region::locate(GeosContext& ctx, const Point& p, bool allow_boundary) const
{
    const std::vector<int> ids = candidates(p);
    if (ids.empty())
        return -1;
    GeomPtr pt = geom::toGeos(ctx, p);
    for (int i : ids)
        if (GEOSPreparedContains_r(ctx.handle(), prepared[i].get(), pt.get()) == 1)
            return i;
    if (allow_boundary)
        for (int i : ids)
            if (GEOSPreparedIntersects_r(ctx.handle(), prepared[i].get(), pt.get()) == 1)
                return i;
    return -1;
}

int Region::locateFace(GeosContext& ctx, const GEOSGeometry* face, const Point& inside) const
{
    const int i = locate(ctx, inside, false);
    if (i >= 0)
        return i;
    const double face_area = areaOf(ctx, face);
    for (int j : candidates(inside))
    {
        GeomPtr common =
            checked(ctx, GEOSIntersection_r(ctx.handle(), face, geoms[j].get()), "intersection");
        if (areaOf(ctx, common.get()) > 0.5 * face_area)
            return j;
    }
    return -1;
}

} // namespace gp::tile::internal
