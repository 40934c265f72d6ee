// Which links between barrier regions a community's graph makes (issue 13): none between two
// regions that can each form grids on their own (the crossing is avoidable), and from a region
// that cannot, only across the weakest class of barrier that bounds it (a minor barrier road
// before a main road before rail or water, Barrier::strength), unless every class is allowed
// (when the bounds cannot be met that way).
#pragma once

#include "core/model.hpp"
#include "spatial/segment_index.hpp"

#include <array>
#include <map>
#include <utility>
#include <vector>

namespace gp::graph
{

// The plan's barrier lines indexed by strength.
class BarrierLines
{
  public:
    explicit BarrierLines(const Plan& plan);
    // The strongest class of barrier the segment a-b crosses, 0 for none.
    int strengthCrossed(const Point& a, const Point& b) const;

  private:
    std::array<spatial::SegmentIndex, 4> m_by_strength; // [1..3]
};

class RegionLinks
{
  public:
    // From the building links (pairs of indices into `ids`, the community's members): per pair of
    // regions, the weakest class crossed between them, and per region that cannot stand alone the
    // weakest class to any neighbour.
    RegionLinks(const Plan& plan, const std::vector<int>& ids,
                const std::vector<std::pair<int, int>>& links, const BarrierLines& lines);

    // Whether buildings a and b, in different regions, may be linked. every_class: a region that
    // cannot stand alone links across any class of barrier.
    bool allowed(const Building& a, const Building& b, bool every_class) const;
    // Whether some link was refused only because it crossed more than the weakest class.
    bool refusesStronger() const { return m_refuses_stronger; }

  private:
    bool standsAlone(int region) const;
    bool weakestFrom(int from, int to) const;

    const Plan& m_plan;
    std::map<std::pair<int, int>, int> m_class; // (lower, higher region) -> weakest class crossed
    std::map<int, int> m_weakest;               // region -> weakest class to any neighbour
    bool m_refuses_stronger = false;
};

} // namespace gp::graph
