#include "spatial/segment_index.hpp"

#include <algorithm>

namespace gp::spatial
{

namespace
{
Box boxOf(const Point& a, const Point& b)
{
    return Box(Point(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
               Point(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
}
} // namespace

void SegmentIndex::add(const LineString& line)
{
    for (std::size_t i = 1; i < line.size(); ++i)
        m_tree.insert({boxOf(line[i - 1], line[i]), Segment(line[i - 1], line[i])});
}

void SegmentIndex::add(const MultiLineString& lines)
{
    for (const auto& line : lines)
        add(line);
}

void SegmentIndex::add(const MultiPolygon& area)
{
    auto addRing = [&](const auto& ring)
    {
        for (std::size_t i = 1; i < ring.size(); ++i)
            m_tree.insert({boxOf(ring[i - 1], ring[i]), Segment(ring[i - 1], ring[i])});
    };
    for (const auto& poly : area)
    {
        addRing(poly.outer());
        for (const auto& inner : poly.inners())
            addRing(inner);
    }
}

bool SegmentIndex::crosses(const Point& a, const Point& b) const
{
    const Segment s(a, b);
    for (auto it = m_tree.qbegin(bg::index::intersects(boxOf(a, b))); it != m_tree.qend(); ++it)
        if (bg::intersects(s, it->second))
            return true;
    return false;
}

} // namespace gp::spatial
