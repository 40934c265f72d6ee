#include "spatial/face_adjacency.hpp"

#include "geom/geos_ops.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace gp::spatial
{

// Face adjacency: faces of one polygonization share exactly equal segments, so sorting the
// segments pairs the two sides of every inner edge. Lengths are summed per face pair.
FaceAdjacency faceAdjacency(geom::GeosContext& ctx, const std::vector<const GEOSGeometry*>& faces)
{
    struct Seg
    {
        double x1, y1, x2, y2;
        int face;
    };
    std::vector<Seg> segs;
    for (std::size_t f = 0; f < faces.size(); ++f)
        geom::forEachRingSegment(ctx, faces[f],
                                 [&](double x1, double y1, double x2, double y2)
                                 {
                                     if (std::tie(x2, y2) < std::tie(x1, y1))
                                     {
                                         std::swap(x1, x2);
                                         std::swap(y1, y2);
                                     }
                                     segs.push_back({x1, y1, x2, y2, static_cast<int>(f)});
                                 });
    std::sort(segs.begin(), segs.end(),
              [](const Seg& a, const Seg& b) {
                  return std::tie(a.x1, a.y1, a.x2, a.y2, a.face) <
                         std::tie(b.x1, b.y1, b.x2, b.y2, b.face);
              });
    struct Pair
    {
        int a, b;
        double len;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < segs.size();)
    {
        std::size_t j = i + 1;
        while (j < segs.size() && segs[j].x1 == segs[i].x1 && segs[j].y1 == segs[i].y1 &&
               segs[j].x2 == segs[i].x2 && segs[j].y2 == segs[i].y2)
            ++j;
        const double len = std::hypot(segs[i].x2 - segs[i].x1, segs[i].y2 - segs[i].y1);
        for (std::size_t k = i; k < j; ++k)
            for (std::size_t m = k + 1; m < j; ++m)
                if (segs[k].face != segs[m].face)
                    pairs.push_back({segs[k].face, segs[m].face, len});
        i = j;
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& p, const Pair& q) { return std::tie(p.a, p.b) < std::tie(q.a, q.b); });
    FaceAdjacency adj(faces.size());
    for (std::size_t i = 0; i < pairs.size();)
    {
        double total = 0.0;
        std::size_t j = i;
        for (; j < pairs.size() && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b; ++j)
            total += pairs[j].len;
        adj[pairs[i].a].emplace_back(pairs[i].b, total);
        adj[pairs[i].b].emplace_back(pairs[i].a, total);
        i = j;
    }
    return adj;
}

} // namespace gp::spatial
