#include "spatial/barrier_faces.hpp"

#include "geom/geos_ops.hpp"

namespace gp::spatial
{

using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;
using geom::kFallbackGrid;
using geom::Region;

BlockSplit splitIntoBlocks(GeosContext& ctx, const GEOSGeometry* community,
                           const MultiLineString* barriers, bool* noding_fell_back)
{
    const auto h = ctx.handle();
    BlockSplit split;
    {
        std::vector<GeomPtr> parts;
        parts.push_back(checked(ctx, GEOSBoundary_r(h, community), "boundary"));
        if (barriers && !barriers->empty())
        {
            const Box env = envelopeOf(ctx, community);
            GeomPtr lines = geom::toGeos(ctx, *barriers);
            GeomPtr near =
                checked(ctx,
                        GEOSClipByRect_r(h, lines.get(), env.min_corner().x() - 1.0,
                                         env.min_corner().y() - 1.0, env.max_corner().x() + 1.0,
                                         env.max_corner().y() + 1.0),
                        "clipByRect");
            parts.push_back(checked(ctx, GEOSIntersection_r(h, near.get(), community),
                                    "intersection(barriers)"));
        }
        GeomPtr all = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
        bool fell_back = false;
        split.lines = nodeLines(ctx, all.get(), kFallbackGrid, &fell_back);
        if (noding_fell_back)
            *noding_fell_back = *noding_fell_back || fell_back;
    }
    Region whole;
    whole.geoms.push_back(clone(ctx, community));
    whole.build(ctx);
    GeomPtr faces = polygonize(ctx, split.lines.get());
    for (int i = 0, n = GEOSGetNumGeometries_r(h, faces.get()); i < n; ++i)
    {
        const GEOSGeometry* face = GEOSGetGeometryN_r(h, faces.get(), i);
        if (whole.locateFace(ctx, face, interiorPoint(ctx, face)) >= 0)
            split.faces.push_back(clone(ctx, face));
    }
    return split;
}

} // namespace gp::spatial
