#include "core/geometry.hpp"

#include <algorithm>
#include <vector>

namespace gp
{

Point interiorPointOf(const MultiPolygon& mp)
{
    Point c(0, 0);
    bg::centroid(mp, c);
    if (bg::within(c, mp))
        return c;
    const Polygon* largest = &mp.front();
    for (const auto& p : mp)
        if (bg::area(p) > bg::area(*largest))
            largest = &p;
    bg::centroid(*largest, c);
    // Crossings of the row y = c.y with every ring edge; between pairs of them lies the inside.
    // The half-open test counts a vertex on the row once, so the pairs stay paired.
    std::vector<double> xs;
    auto crossings = [&](const auto& ring)
    {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        {
            const auto &a = ring[i], &b = ring[i + 1];
            if ((a.y() > c.y()) != (b.y() > c.y()))
                xs.push_back(a.x() + (c.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
        }
    };
    crossings(largest->outer());
    for (const auto& inner : largest->inners())
        crossings(inner);
    std::sort(xs.begin(), xs.end());
    double best = -1;
    Point out = c;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > best)
        {
            best = xs[i + 1] - xs[i];
            out = Point((xs[i] + xs[i + 1]) / 2, c.y());
        }
    return out;
}

} // namespace gp
