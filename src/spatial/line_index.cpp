#include "spatial/line_index.hpp"

#include <algorithm>
#include <iterator>

namespace gp::spatial
{

namespace bgi = boost::geometry::index;

LineIndex::LineIndex(const MultiLineString& lines) : m_lines(&lines)
{
    std::vector<Entry> entries;
    entries.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty())
            entries.emplace_back(bg::return_envelope<Box>(lines[i]), i);
    m_tree = decltype(m_tree)(entries.begin(), entries.end());
}

MultiLineString LineIndex::near(const Box& box, double margin) const
{
    const Box grown(Point(box.min_corner().x() - margin, box.min_corner().y() - margin),
                    Point(box.max_corner().x() + margin, box.max_corner().y() + margin));
    std::vector<Entry> hits;
    m_tree.query(bgi::intersects(grown), std::back_inserter(hits));
    std::vector<std::size_t> ids;
    ids.reserve(hits.size());
    for (const auto& hit : hits)
        ids.push_back(hit.second);
    std::sort(ids.begin(), ids.end());
    MultiLineString out;
    out.reserve(ids.size());
    for (std::size_t i : ids)
        out.push_back((*m_lines)[i]);
    return out;
}

} // namespace gp::spatial
