#include "classify/footprints.hpp"
#include "core/index.hpp"

#include "core/error.hpp"
#include "geom/geos.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gp::classify
{

namespace
{

namespace bgi = bg::index;

// Two footprints are one when they share this much of the larger; a part lies inside a building
// when this much of the part is inside it. Digitizing noise stays well within both.
constexpr double kSameShare = 0.95;
constexpr double kInsideShare = 0.90;

// Overlay with GEOS (bg:: set operations on multi-polygons trip GCC's -Wmaybe-uninitialized).
MultiPolygon intersectionOf(geom::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b)
{
    try
    {
        const auto ga = geom::toGeos(ctx, a), gb = geom::toGeos(ctx, b);
        const auto common = geom::checked(ctx, GEOSIntersection_r(ctx.handle(), ga.get(), gb.get()),
                                          "intersection");
        return geom::toMultiPolygon(ctx, common.get());
    }
    catch (const GeometryError&) // GEOS gives up on some degenerate inputs: no overlap known
    {
        return {};
    }
}

double overlapArea(geom::GeosContext& ctx, const MultiPolygon& a, const MultiPolygon& b)
{
    return bg::area(intersectionOf(ctx, a, b));
}

struct Overlaps
{
    std::vector<std::pair<int, int>> same;   // (earlier, later) sharing one footprint
    std::vector<std::pair<int, int>> inside; // (part, building holding it)
};

// Candidate pairs from an R-tree of boxes; the box test rejects neighbours that only touch.
Overlaps findOverlaps(geom::GeosContext& ctx, const std::vector<Building>& buildings)
{
    using Entry = std::pair<Box, int>;
    std::vector<Entry> entries;
    for (int i = 0; i < static_cast<int>(buildings.size()); ++i)
        if (!at(buildings, i).footprint.empty())
            entries.emplace_back(envelopeOf(at(buildings, i).footprint), i);
    const bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());
    Overlaps out;
    std::vector<Entry> near;
    for (const auto& [box, i] : entries)
    {
        near.clear();
        tree.query(bgi::intersects(box), std::back_inserter(near));
        std::sort(near.begin(), near.end(),
                  [](const Entry& a, const Entry& b) { return a.second < b.second; });
        const auto& a = at(buildings, i);
        for (const auto& [other_box, j] : near)
        {
            if (j <= i)
                continue;
            const auto& b = at(buildings, j);
            const double small = std::min(a.area_m2, b.area_m2),
                         large = std::max(a.area_m2, b.area_m2);
            const double common_w = std::min(box.max_corner().x(), other_box.max_corner().x()) -
                                    std::max(box.min_corner().x(), other_box.min_corner().x());
            const double common_h = std::min(box.max_corner().y(), other_box.max_corner().y()) -
                                    std::max(box.min_corner().y(), other_box.min_corner().y());
            if (!(small > 0) || common_w <= 0 || common_h <= 0 ||
                common_w * common_h < kInsideShare * small)
                continue;
            const double overlap = overlapArea(ctx, a.footprint, b.footprint);
            if (overlap >= kSameShare * large)
                out.same.emplace_back(i, j);
            else if (overlap >= kInsideShare * small)
                out.inside.emplace_back(a.area_m2 < b.area_m2 ? i : j,
                                        a.area_m2 < b.area_m2 ? j : i);
        }
    }
    return out;
}

int findRoot(std::vector<int>& parent, int i)
{
    while (at(parent, i) != i)
        i = at(parent, i) = at(parent, at(parent, i));
    return i;
}

// Groups of records sharing one footprint, each in input order, groups by first record.
std::vector<std::vector<int>> sameFootprintGroups(std::size_t n,
                                                  const std::vector<std::pair<int, int>>& same)
{
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& [a, b] : same)
    {
        const int ra = findRoot(parent, a), rb = findRoot(parent, b);
        at(parent, std::max(ra, rb)) = std::min(ra, rb);
    }
    std::vector<std::vector<int>> members(n);
    for (const auto& [a, b] : same)
        for (int i : {a, b})
            at(members, findRoot(parent, i)).push_back(i);
    std::vector<std::vector<int>> groups;
    for (auto& m : members)
        if (!m.empty())
        {
            std::sort(m.begin(), m.end());
            m.erase(std::unique(m.begin(), m.end()), m.end());
            groups.push_back(std::move(m));
        }
    return groups;
}

Issue overlapIssue(const std::vector<const Building*>& involved, std::string detail)
{
    Issue issue;
    issue.reason = "overlapping_footprints";
    issue.detail = std::move(detail);
    for (const auto* b : involved)
        issue.buildings.push_back(b->id);
    return issue;
}

std::string idList(const std::vector<Building>& buildings, const std::vector<int>& which)
{
    std::string text;
    for (std::size_t k = 0; k < which.size(); ++k)
        text += (k ? ", " : "") + at(buildings, which[k]).id;
    return text;
}

// One footprint shared by several records: estimated copies merge into a kept record; records
// with households from the field each get a slice. Non-residential records are left as they are.
void resolveGroup(geom::GeosContext& ctx, std::vector<Building>& buildings,
                  const std::vector<int>& group, std::vector<char>& dropped,
                  std::vector<Issue>& issues, FootprintOutcome& outcome)
{
    std::vector<int> field, estimated;
    for (int i : group)
    {
        const auto source = at(buildings, i).households_source;
        if (source == HouseholdsSource::Field)
            field.push_back(i);
        else if (source == HouseholdsSource::Estimated)
            estimated.push_back(i);
    }
    const int keeper = field.empty() ? (estimated.empty() ? -1 : estimated[0]) : field[0];
    std::vector<int> merged;
    for (int i : estimated)
        if (i != keeper)
            merged.push_back(i);
    for (int i : merged)
        at(dropped, i) = 1;
    outcome.merged += static_cast<int>(merged.size());
    if (!merged.empty())
        issues.push_back(overlapIssue(
            {&at(buildings, keeper)},
            "buildings " + idList(buildings, merged) + " repeat the footprint of building " +
                at(buildings, keeper).id +
                " with estimated households: merged into it (that floor area is counted once)"));
    if (field.size() < 2)
        return;
    std::vector<double> weights;
    for (int i : field)
        weights.push_back(std::max(1, at(buildings, i).households));
    const auto slices = sliceFootprint(ctx, at(buildings, field[0]).footprint, weights);
    std::vector<const Building*> involved;
    for (std::size_t k = 0; k < slices.size(); ++k)
    {
        auto& b = at(buildings, field[k]);
        b.footprint = slices[k];
        b.area_m2 = bg::area(b.footprint);
        b.anchor = interiorPointOf(b.footprint);
        involved.push_back(&b);
    }
    outcome.sliced += static_cast<int>(slices.size());
    issues.push_back(overlapIssue(
        involved,
        "buildings " + idList(buildings, field) + " share one footprint (one record per 单元?): " +
            (slices.empty()
                 ? "it could not be divided; each keeps its households on the whole footprint"
                 : "each keeps its households and is drawn as a slice of it, in proportion "
                   "to its households, so that each can lie in a grid of its own")));
}

} // namespace

FootprintOutcome resolveOverlappingFootprints(std::vector<Building>& buildings,
                                              std::vector<Issue>& issues)
{
    FootprintOutcome outcome;
    geom::GeosContext ctx;
    const Overlaps overlaps = findOverlaps(ctx, buildings);
    std::vector<char> dropped(buildings.size(), 0);
    for (const auto& group : sameFootprintGroups(buildings.size(), overlaps.same))
        resolveGroup(ctx, buildings, group, dropped, issues, outcome);
    // A part with estimated households inside another building is a part of it.
    for (const auto& [part, whole] : overlaps.inside)
    {
        auto& p = at(buildings, part);
        const auto& w = at(buildings, whole);
        if (at(dropped, part) || at(dropped, whole) ||
            p.households_source != HouseholdsSource::Estimated)
            continue;
        at(dropped, part) = 1;
        ++outcome.merged;
        issues.push_back(overlapIssue(
            {&p, &w}, "building " + p.id + " lies inside building " + w.id +
                          ": merged into it as a part (its " + std::to_string(p.households) +
                          " estimated households are not counted twice)"));
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < buildings.size(); ++i)
        if (!dropped[i])
        {
            if (kept != i) // never onto itself: a self-moved string is left empty
                buildings[kept] = std::move(buildings[i]);
            ++kept;
        }
    buildings.resize(kept);
    return outcome;
}

std::vector<MultiPolygon> sliceFootprint(geom::GeosContext& ctx, const MultiPolygon& footprint,
                                         const std::vector<double>& weights)
{
    // The long axis: the direction of the longest edge of the largest part's outer ring.
    const Polygon* largest = nullptr;
    for (const auto& p : footprint)
        if (!largest || bg::area(p) > bg::area(*largest))
            largest = &p;
    if (!largest || largest->outer().size() < 4 || weights.size() < 2)
        return {};
    double ux = 0, uy = 0, longest = 0;
    const auto& ring = largest->outer();
    for (std::size_t k = 0; k + 1 < ring.size(); ++k)
    {
        const double dx = ring[k + 1].x() - ring[k].x(), dy = ring[k + 1].y() - ring[k].y();
        if (std::hypot(dx, dy) > longest)
            longest = std::hypot(dx, dy), ux = dx, uy = dy;
    }
    if (!(longest > 0))
        return {};
    ux /= longest, uy /= longest;
    const Point origin = ring[0];
    // Extent of the footprint in (t along the axis, s across it), with a margin.
    double tmin = 1e300, tmax = -1e300, smin = 1e300, smax = -1e300;
    for (const auto& poly : footprint)
        for (const auto& p : poly.outer())
        {
            const double dx = p.x() - origin.x(), dy = p.y() - origin.y();
            tmin = std::min(tmin, dx * ux + dy * uy), tmax = std::max(tmax, dx * ux + dy * uy);
            smin = std::min(smin, -dx * uy + dy * ux), smax = std::max(smax, -dx * uy + dy * ux);
        }
    const double margin = 1.0 + (tmax - tmin) + (smax - smin);
    auto at = [&](double t, double s)
    { return Point(origin.x() + t * ux - s * uy, origin.y() + t * uy + s * ux); };
    auto band = [&](double t0, double t1)
    {
        Polygon strip;
        strip.outer() = {at(t0, smin - margin), at(t1, smin - margin), at(t1, smax + margin),
                         at(t0, smax + margin), at(t0, smin - margin)};
        bg::correct(strip);
        return intersectionOf(ctx, footprint, MultiPolygon{strip});
    };
    const double total = bg::area(footprint),
                 sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> cuts{tmin - margin};
    double share = 0;
    for (std::size_t k = 0; k + 1 < weights.size(); ++k)
    {
        share += weights[k] / sum;
        double lo = tmin, hi = tmax; // bisection: the area before the cut grows with t
        for (int step = 0; step < 50; ++step)
        {
            const double mid = (lo + hi) / 2;
            (bg::area(band(tmin - margin, mid)) < share * total ? lo : hi) = mid;
        }
        cuts.push_back((lo + hi) / 2);
    }
    cuts.push_back(tmax + margin);
    std::vector<MultiPolygon> slices;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
    {
        slices.push_back(band(cuts[k], cuts[k + 1]));
        if (slices.back().empty() || !(bg::area(slices.back()) > 0))
            return {};
    }
    return slices;
}

} // namespace gp::classify
