// Barrier lines with an R-tree of their envelopes, so that each community gets only the lines
// near it: a city's road network has tens of thousands of lines and thousands of communities,
// and handing every line to every community made tiling grow with their product.
#pragma once

#include "core/geometry.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <utility>
#include <vector>

namespace gp::spatial
{

class LineIndex
{
  public:
    explicit LineIndex(const MultiLineString& lines);

    // The lines whose envelopes come within `margin` of `box`, in their original order (so the
    // result, clipped to the box, is the same as clipping all the lines).
    MultiLineString near(const Box& box, double margin = 1.0) const;

  private:
    using Entry = std::pair<Box, std::size_t>;
    const MultiLineString* m_lines;
    boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>> m_tree;
};

} // namespace gp::spatial
