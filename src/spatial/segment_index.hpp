// An R-tree over line segments, answering "does this segment cross any of them".
#pragma once

#include "core/geometry.hpp"

#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <vector>

namespace gp::spatial
{

class SegmentIndex
{
  public:
    using Segment = bg::model::segment<Point>;

    void add(const LineString& line);
    void add(const MultiLineString& lines);
    void add(const MultiPolygon& area); // its ring outlines
    bool crosses(const Point& a, const Point& b) const;
    bool empty() const { return m_tree.empty(); }

  private:
    bg::index::rtree<std::pair<Box, Segment>, bg::index::quadratic<16>> m_tree;
};

} // namespace gp::spatial
