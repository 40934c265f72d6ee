#include "organize/areas.hpp"
#include "core/index.hpp"

#include "dedicate/dedicate.hpp"
#include "geom/geos.hpp"
#include "partition/partition.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace gp::organize
{

namespace
{

namespace bgi = boost::geometry::index;

// Communities whose outlines touch (within 1 m), via GEOS on the boundaries' envelopes first.
std::vector<partition::Edge> communityAdjacency(const Plan& plan, const std::vector<double>& share,
                                                const std::vector<Point>& centres)
{
    std::vector<partition::Edge> edges;
    const int n = static_cast<int>(plan.communities.size());
    // Candidate pairs from an R-tree of envelopes grown by 1 m (all pairs would be quadratic:
    // a city has thousands of communities).
    using Entry = std::pair<Box, int>;
    std::vector<Entry> boxes;
    boxes.reserve(static_cast<std::size_t>(n));
    for (int a = 0; a < n; ++a)
        boxes.emplace_back(envelopeOf(at(plan.communities, a).area), a);
    const bgi::rtree<Entry, bgi::rstar<16>> tree(boxes.begin(), boxes.end());
    for (int a = 0; a < n; ++a)
    {
        const Box& box = at(boxes, a).first;
        const Box grown(Point(box.min_corner().x() - 1.0, box.min_corner().y() - 1.0),
                        Point(box.max_corner().x() + 1.0, box.max_corner().y() + 1.0));
        std::vector<Entry> hits;
        tree.query(bgi::intersects(grown), std::back_inserter(hits));
        std::vector<int> near;
        for (const auto& hit : hits)
            if (hit.second > a)
                near.push_back(hit.second);
        std::sort(near.begin(), near.end()); // the same edge order as a scan over all pairs
        for (int b : near)
        {
            const auto& ca = at(plan.communities, a).area;
            const auto& cb = at(plan.communities, b).area;
            if (!bg::intersects(at(boxes, a).first, at(boxes, b).first) &&
                bg::distance(at(boxes, a).first, at(boxes, b).first) > 1.0)
                continue;
            if (bg::distance(ca, cb) > 1.0)
                continue;
            // Unlike characters make a long, costly link: the spanning tree prefers to cut it.
            const double unlike = std::abs(at(share, a) - at(share, b));
            const double length = bg::distance(at(centres, a), at(centres, b));
            edges.push_back({a, b, length * (1.0 + 4.0 * unlike), partition::EdgeKind::Open});
        }
    }
    return edges;
}

} // namespace

void groupAreas(Plan& plan, const AreaOptions& options)
{
    const std::size_t n = plan.communities.size();
    std::vector<double> residential_floor(n, 0.0), other_floor(n, 0.0);
    for (const auto& b : plan.buildings)
    {
        if (b.community < 0)
            continue;
        const double fa = dedicate::floorArea(b, options.dedicated);
        (b.use == BuildingUse::Residential ? residential_floor
                                           : other_floor)[static_cast<std::size_t>(b.community)] +=
            fa;
    }
    std::vector<int> households(n, 0);
    for (const auto& g : plan.grids)
        at(households, g.community) += g.households;

    partition::UnitGraph graph;
    std::vector<double> share(n, 0.0);
    std::vector<Point> centres(n, Point(0, 0));
    for (std::size_t c = 0; c < n; ++c)
    {
        const double total = residential_floor[c] + other_floor[c];
        share[c] = total > 0 ? other_floor[c] / total : 0.0;
        if (!plan.communities[c].area.empty() && bg::area(plan.communities[c].area) > 0)
            bg::centroid(plan.communities[c].area, centres[c]);
        graph.units.push_back({centres[c].x(), centres[c].y(), households[c]});
    }
    graph.edges = communityAdjacency(plan, share, centres);

    long total = 0;
    for (int h : households)
        total += h;
    partition::Bounds bounds;
    if (options.count > 0)
    {
        // Exactly area_count parts: bounds that only that count satisfies (as far as weights
        // allow).
        const int per = static_cast<int>(std::max<long>(1, total / options.count));
        bounds = {std::max(1, per / 2), std::max(1, per + per / 2), std::max(1, per)};
    }
    else
    {
        const int t = std::max(2, options.target_households);
        bounds = {t / 2, t + t / 2, t};
    }
    const auto result = partition::partitionGraph(graph, bounds, options.seed);

    plan.areas.assign(static_cast<std::size_t>(result.parts), AreaGrid{});
    std::vector<double> area_res(plan.areas.size(), 0.0), area_other(plan.areas.size(), 0.0);
    for (std::size_t c = 0; c < n; ++c)
    {
        const int a = result.part_of[c];
        auto& area = at(plan.areas, a);
        plan.communities[c].area_grid = a;
        area.communities.push_back(static_cast<int>(c));
        area.households += households[c];
        at(area_res, a) += residential_floor[c];
        at(area_other, a) += other_floor[c];
    }
    geom::GeosContext ctx;
    for (std::size_t a = 0; a < plan.areas.size(); ++a)
    {
        auto& area = plan.areas[a];
        const double total_floor = area_res[a] + area_other[a];
        area.commercial_share = total_floor > 0 ? area_other[a] / total_floor : 0.0;
        MultiPolygon parts;
        for (int c : area.communities)
            for (const auto& p : at(plan.communities, c).area)
                parts.push_back(p);
        auto g = geom::toGeos(ctx, parts);
        auto merged = geom::checked(ctx, GEOSUnaryUnion_r(ctx.handle(), g.get()), "UnaryUnion");
        area.area = geom::toMultiPolygon(ctx, merged.get());
    }
}

} // namespace gp::organize
