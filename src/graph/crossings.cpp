#include "graph/crossings.hpp"
#include "core/index.hpp"

#include <algorithm>

namespace gp::graph
{

BarrierLines::BarrierLines(const Plan& plan)
{
    for (const auto& b : plan.barriers)
        m_by_strength[static_cast<std::size_t>(std::clamp(b.strength, 1, 3))].add(b.lines);
}

int BarrierLines::strengthCrossed(const Point& a, const Point& b) const
{
    for (int s = 3; s >= 1; --s)
        if (m_by_strength[static_cast<std::size_t>(s)].crosses(a, b))
            return s;
    return 0;
}

RegionLinks::RegionLinks(const Plan& plan, const std::vector<int>& ids,
                         const std::vector<std::pair<int, int>>& links, const BarrierLines& lines)
    : m_plan(plan)
{
    for (const auto& [i, j] : links)
    {
        const auto& a = at(plan.buildings, at(ids, i));
        const auto& b = at(plan.buildings, at(ids, j));
        if (a.region < 0 || b.region < 0 || a.region == b.region)
            continue;
        const int s = lines.strengthCrossed(a.anchor, b.anchor);
        const auto key = std::minmax(a.region, b.region);
        auto [it, inserted] = m_class.emplace(std::make_pair(key.first, key.second), s);
        if (!inserted)
            it->second = std::min(it->second, s);
    }
    for (const auto& [pair, s] : m_class)
        for (const int r : {pair.first, pair.second})
            if (!standsAlone(r))
            {
                auto [it, inserted] = m_weakest.emplace(r, s);
                if (!inserted)
                    it->second = std::min(it->second, s);
            }
    for (const auto& [pair, s] : m_class)
        if (!standsAlone(pair.first) || !standsAlone(pair.second))
            m_refuses_stronger = m_refuses_stronger || (!weakestFrom(pair.first, pair.second) &&
                                                        !weakestFrom(pair.second, pair.first));
}

bool RegionLinks::standsAlone(int region) const
{
    return static_cast<std::size_t>(region) < m_plan.regions.size() &&
           at(m_plan.regions, region).self_sufficient;
}

// Whether region `from` (one that cannot stand alone) reaches `to` across its weakest class.
bool RegionLinks::weakestFrom(int from, int to) const
{
    if (standsAlone(from))
        return false;
    const auto link = m_class.find(std::minmax(from, to));
    const auto weakest = m_weakest.find(from);
    return link != m_class.end() && weakest != m_weakest.end() && link->second <= weakest->second;
}

bool RegionLinks::allowed(const Building& a, const Building& b, bool every_class) const
{
    if (a.region < 0 || b.region < 0 || a.region == b.region)
        return true;
    const auto n = m_plan.regions.size();
    if (static_cast<std::size_t>(a.region) >= n || static_cast<std::size_t>(b.region) >= n)
        return true;
    if (standsAlone(a.region) && standsAlone(b.region))
        return false; // both sides can form grids on their own: no grid spans the barrier
    return every_class || weakestFrom(a.region, b.region) || weakestFrom(b.region, a.region);
}

} // namespace gp::graph
