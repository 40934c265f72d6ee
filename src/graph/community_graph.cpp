#include "graph/community_graph.hpp"

#include "core/parallel.hpp"
#include "geom/geos.hpp"
#include "graph/blocks.hpp"
#include "spatial/segment_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace gp::graph
{

using partition::Edge;
using partition::EdgeKind;

bool isGridMember(const Building& b)
{
    return b.community >= 0 && b.use == BuildingUse::Residential && b.special < 0;
}

namespace
{

// Edges of the Delaunay triangulation of `points` as index pairs (a < b), sorted. Points at the
// same coordinates are chained with zero-length edges (GEOS merges duplicate sites).
std::vector<std::pair<int, int>> delaunayEdges(geom::GeosContext& ctx, const std::vector<Point>& points)
{
    std::vector<std::pair<int, int>> edges;
    std::map<std::pair<double, double>, int> first_at;
    std::vector<geom::GeomPtr> sites;
    for (int i = 0; i < static_cast<int>(points.size()); ++i)
    {
        const auto key = std::make_pair(points[i].x(), points[i].y());
        auto [it, inserted] = first_at.emplace(key, i);
        if (inserted)
            sites.push_back(geom::toGeos(ctx, points[i]));
        else
            edges.emplace_back(it->second, i);
    }
    if (sites.size() >= 2)
    {
        auto multipoint = geom::makeCollection(ctx, GEOS_MULTIPOINT, std::move(sites));
        auto tri = geom::checked(ctx, GEOSDelaunayTriangulation_r(ctx.handle(), multipoint.get(), 0.0, 1),
                                 "DelaunayTriangulation");
        for (const auto& line : geom::toMultiLineString(ctx, tri.get()))
        {
            if (line.size() < 2)
                continue;
            auto a = first_at.find({line.front().x(), line.front().y()});
            auto b = first_at.find({line.back().x(), line.back().y()});
            if (a == first_at.end() || b == first_at.end() || a->second == b->second)
                continue;
            edges.emplace_back(std::min(a->second, b->second), std::max(a->second, b->second));
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

int severity(EdgeKind kind) { return static_cast<int>(kind); }

} // namespace

std::vector<CommunityGraph> buildCommunityGraphs(const Plan& plan, int max_households, int threads)
{
    spatial::SegmentIndex barriers;
    for (const auto& b : plan.barriers)
        barriers.add(b.lines);

    std::vector<std::vector<int>> members(plan.communities.size());
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        if (isGridMember(plan.buildings[static_cast<std::size_t>(i)]))
            members[static_cast<std::size_t>(plan.buildings[static_cast<std::size_t>(i)].community)].push_back(i);

    // Compound totals per community decide which compounds are contracted to one unit.
    std::map<std::pair<int, int>, int> compound_households;
    for (const auto& b : plan.buildings)
        if (isGridMember(b) && b.compound >= 0)
            compound_households[{b.community, b.compound}] += b.households;

    // Communities are independent: built in parallel (a GEOS context per worker), each in its slot.
    std::vector<CommunityGraph> out(plan.communities.size());
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(static_cast<std::size_t>(resolveThreads(threads)));
    parallelFor(plan.communities.size(), threads, [&](std::size_t slot, int worker) {
        auto& context = contexts[static_cast<std::size_t>(worker)];
        if (!context)
            context = std::make_unique<geom::GeosContext>();
        geom::GeosContext& ctx = *context;
        const int c = static_cast<int>(slot);
        const auto& ids = members[slot];
        CommunityGraph& cg = out[slot];
        cg.community = c;
        if (ids.empty())
            return;
        spatial::SegmentIndex boundary;
        boundary.add(plan.communities[static_cast<std::size_t>(c)].area);

        // Units: contracted compounds first-come by lowest building index, others one per building.
        std::vector<int> unit_of(ids.size());
        std::map<int, int> compound_unit;
        for (std::size_t k = 0; k < ids.size(); ++k)
        {
            const auto& b = plan.buildings[static_cast<std::size_t>(ids[k])];
            const bool contract = b.compound >= 0 &&
                                  compound_households.at({c, b.compound}) <= max_households;
            if (contract)
            {
                auto [it, inserted] = compound_unit.emplace(b.compound, static_cast<int>(cg.unit_buildings.size()));
                if (inserted)
                    cg.unit_buildings.emplace_back();
                unit_of[k] = it->second;
            }
            else
            {
                unit_of[k] = static_cast<int>(cg.unit_buildings.size());
                cg.unit_buildings.emplace_back();
            }
            cg.unit_buildings[static_cast<std::size_t>(unit_of[k])].push_back(ids[k]);
        }
        cg.graph.units.resize(cg.unit_buildings.size());
        for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
        {
            auto& unit = cg.graph.units[u];
            double sx = 0, sy = 0, sw = 0;
            for (int bi : cg.unit_buildings[u])
            {
                const auto& b = plan.buildings[static_cast<std::size_t>(bi)];
                unit.weight += b.households;
                const double w = std::max(1, b.households);
                sx += w * b.anchor.x();
                sy += w * b.anchor.y();
                sw += w;
            }
            unit.x = sx / sw;
            unit.y = sy / sw;
        }

        // Building-level Delaunay edges, lifted to units; between two units keep the mildest kind.
        std::vector<Point> anchors;
        anchors.reserve(ids.size());
        for (int bi : ids)
            anchors.push_back(plan.buildings[static_cast<std::size_t>(bi)].anchor);
        std::map<std::pair<int, int>, std::pair<Edge, bool>> lifted;
        for (const auto& [i, j] : delaunayEdges(ctx, anchors))
        {
            const int ua = unit_of[static_cast<std::size_t>(i)], ub = unit_of[static_cast<std::size_t>(j)];
            if (ua == ub)
                continue;
            const auto& ba = plan.buildings[static_cast<std::size_t>(ids[static_cast<std::size_t>(i)])];
            const auto& bb = plan.buildings[static_cast<std::size_t>(ids[static_cast<std::size_t>(j)])];
            const bool crosses_barrier = barriers.crosses(ba.anchor, bb.anchor);
            EdgeKind kind = EdgeKind::Open;
            if (crosses_barrier || boundary.crosses(ba.anchor, bb.anchor))
                kind = EdgeKind::CrossesBarrier;
            else if (clusterOf(plan, ba) != clusterOf(plan, bb))
                kind = EdgeKind::CrossesCompound;
            Edge e{std::min(ua, ub), std::max(ua, ub), bg::distance(ba.anchor, bb.anchor), kind};
            auto [it, inserted] = lifted.emplace(std::make_pair(e.a, e.b), std::make_pair(e, crosses_barrier));
            if (!inserted)
            {
                auto& kept = it->second.first;
                if (severity(e.kind) < severity(kept.kind) ||
                    (e.kind == kept.kind && e.length < kept.length))
                    it->second = {e, crosses_barrier};
            }
        }
        for (const auto& [key, value] : lifted)
        {
            cg.graph.edges.push_back(value.first);
            cg.edge_crosses_barrier.push_back(value.second);
        }
    });
    return out;
}

} // namespace gp::graph
