#include "graph/community_graph.hpp"
#include "core/index.hpp"

#include "core/parallel.hpp"
#include "geom/geos.hpp"
#include "graph/blocks.hpp"
#include "graph/crossings.hpp"
#include "spatial/face_adjacency.hpp"
#include "spatial/line_index.hpp"
#include "spatial/segment_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

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
std::vector<std::pair<int, int>> delaunayEdges(geom::GeosContext& ctx,
                                               const std::vector<Point>& points)
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
        auto tri =
            geom::checked(ctx, GEOSDelaunayTriangulation_r(ctx.handle(), multipoint.get(), 0.0, 1),
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

int severity(EdgeKind kind)
{
    return static_cast<int>(kind);
}

// Union-find over the members of one community (path halving; union keeps the lower root so
// the result does not depend on the order of unions).
struct Groups
{
    std::vector<int> parent;
    std::vector<int> weight;
    int find(int i)
    {
        while (at(parent, i) != i)
            i = at(parent, i) = at(parent, at(parent, i));
        return i;
    }
    void unite(int a, int b)
    {
        a = find(a), b = find(b);
        if (a == b)
            return;
        if (b < a)
            std::swap(a, b);
        at(parent, b) = a;
        at(weight, a) += at(weight, b);
    }
};

// Joins the members (indices into `ids`) listed per key into one group each, in key order,
// when the joined group stays within max households.
void joinWithin(Groups& groups, const std::map<int, std::vector<int>>& by_key, int max_households)
{
    for (const auto& [key, list] : by_key)
    {
        std::vector<int> roots;
        for (int k : list)
            roots.push_back(groups.find(k));
        std::sort(roots.begin(), roots.end());
        roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
        long long total = 0;
        for (int r : roots)
            total += at(groups.weight, r);
        if (total > max_households)
            continue;
        for (int k : list)
            groups.unite(list.front(), k);
    }
}

// Partition units of one community: a compound that fits in one grid is one unit; with streets,
// so is a street block that fits in one grid (with the compounds in it, if the whole still fits),
// and in a larger block (or one opened to its parts) each part bounded by lanes that fits. Others
// are one unit per building.
// Units are numbered by their lowest member. Fills cg.unit_buildings; returns the unit of each
// member.
std::vector<int> groupUnits(const Plan& plan, const std::vector<int>& ids,
                            const std::map<std::pair<int, int>, int>& compound_households, int c,
                            int max_households, const std::vector<int>& lane_face,
                            const OpenedBlocks& opened, CommunityGraph& cg)
{
    Groups groups;
    groups.parent.resize(ids.size());
    groups.weight.resize(ids.size());
    std::map<int, std::vector<int>> compounds, blocks, parts;
    for (std::size_t k = 0; k < ids.size(); ++k)
    {
        const auto& b = at(plan.buildings, ids[k]);
        groups.parent[k] = static_cast<int>(k);
        groups.weight[k] = b.households;
        if (b.compound >= 0 && compound_households.at({c, b.compound}) <= max_households)
            compounds[b.compound].push_back(static_cast<int>(k));
        if (opened.to_buildings.count(b.street_block))
            continue; // opened so that the bounds can be met
        if (hasStreets(plan) && b.street_block >= 0 && !opened.to_parts.count(b.street_block))
            blocks[b.street_block].push_back(static_cast<int>(k));
        if (!lane_face.empty() && lane_face[k] >= 0)
            parts[lane_face[k]].push_back(static_cast<int>(k));
    }
    for (const auto& [key, list] : compounds) // a fitting compound is always whole
        for (int k : list)
            groups.unite(list.front(), k);
    joinWithin(groups, blocks, max_households);
    joinWithin(groups, parts, max_households); // a large block: its lane-bounded parts that fit
    std::vector<int> unit_of(ids.size());
    std::map<int, int> unit_of_root;
    for (std::size_t k = 0; k < ids.size(); ++k)
    {
        auto [it, inserted] = unit_of_root.emplace(groups.find(static_cast<int>(k)),
                                                   static_cast<int>(cg.unit_buildings.size()));
        if (inserted)
            cg.unit_buildings.emplace_back();
        unit_of[k] = it->second;
        at(cg.unit_buildings, it->second).push_back(ids[k]);
    }
    return unit_of;
}

// Pairs of street blocks of community c (global Plan::street_blocks indices, lower first) that
// share a border of at least a metre: grids made of whole blocks stay in one piece only across
// these.
std::set<std::pair<int, int>> touchingBlocks(geom::GeosContext& ctx, const Plan& plan, int c)
{
    std::vector<int> ids;
    std::vector<geom::GeomPtr> owned;
    std::vector<const GEOSGeometry*> faces;
    for (int k = 0; k < static_cast<int>(plan.street_blocks.size()); ++k)
        if (at(plan.street_blocks, k).community == c)
        {
            ids.push_back(k);
            owned.push_back(geom::toGeos(ctx, at(plan.street_blocks, k).area));
            faces.push_back(owned.back().get());
        }
    std::set<std::pair<int, int>> out;
    const auto adj = spatial::faceAdjacency(ctx, faces); // one polygonization: exact edges
    for (std::size_t i = 0; i < adj.size(); ++i)
        for (const auto& [j, len] : adj[i])
            if (len >= 1.0)
                out.emplace(std::min(ids[i], at(ids, j)), std::max(ids[i], at(ids, j)));
    return out;
}

} // namespace

namespace
{

// What every community's graph needs from the whole plan.
struct GraphInputs
{
    const Plan& plan;
    int max_households;
    bool streets;
    spatial::SegmentIndex barriers;
    BarrierLines barriers_by_strength; // a forced crossing goes across the weakest class
    spatial::SegmentIndex lanes;       // inside a large block, links across a lane are cut first
    MultiLineString
        lane_lines; // lanes with everything that bounds blocks: the parts of large blocks
    std::unique_ptr<spatial::LineIndex> lane_index;
    std::vector<std::vector<int>> members;
    std::map<std::pair<int, int>, int> compound_households; // decide which compounds are one unit

    GraphInputs(const Plan& p, int max)
        : plan(p), max_households(max), streets(hasStreets(p)), barriers_by_strength(p)
    {
        for (const auto& b : plan.barriers)
            barriers.add(b.lines);
        for (const auto& l : plan.lanes)
        {
            lanes.add(l.lines);
            lane_lines.insert(lane_lines.end(), l.lines.begin(), l.lines.end());
        }
        if (!lane_lines.empty() && streets)
            for (const auto* set : {&plan.barriers, &plan.streets})
                for (const auto& s : *set)
                    lane_lines.insert(lane_lines.end(), s.lines.begin(), s.lines.end());
        lane_index = std::make_unique<spatial::LineIndex>(lane_lines);
        members.resize(plan.communities.size());
        for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
            if (isGridMember(at(plan.buildings, i)))
                at(members, at(plan.buildings, i).community).push_back(i);
        for (const auto& b : plan.buildings)
            if (isGridMember(b) && b.compound >= 0)
                compound_households[{b.community, b.compound}] += b.households;
    }
};

// Unit weights (households) and positions (household-weighted mean of the anchors).
void placeUnits(const Plan& plan, CommunityGraph& cg)
{
    cg.graph.units.resize(cg.unit_buildings.size());
    for (std::size_t u = 0; u < cg.unit_buildings.size(); ++u)
    {
        auto& unit = cg.graph.units[u];
        double sx = 0, sy = 0, sw = 0;
        for (int bi : cg.unit_buildings[u])
        {
            const auto& b = at(plan.buildings, bi);
            unit.weight += b.households;
            const double w = std::max(1, b.households);
            sx += w * b.anchor.x();
            sy += w * b.anchor.y();
            sw += w;
        }
        unit.x = sx / sw;
        unit.y = sy / sw;
    }
}

// Building-level Delaunay edges, lifted to units; between two units keep the mildest kind.
void linkUnits(geom::GeosContext& ctx, const GraphInputs& in, int c, const std::vector<int>& ids,
               const std::vector<int>& unit_of, bool every_class, CommunityGraph& cg)
{
    const Plan& plan = in.plan;
    spatial::SegmentIndex boundary;
    boundary.add(at(plan.communities, c).area);
    std::vector<Point> anchors;
    anchors.reserve(ids.size());
    for (int bi : ids)
        anchors.push_back(at(plan.buildings, bi).anchor);
    // Links between street blocks that do not touch (across a crossing's corner, or over an
    // empty block) are kept for connectivity but weigh like a barrier: cut them first.
    const auto touching =
        in.streets ? touchingBlocks(ctx, plan, c) : std::set<std::pair<int, int>>{};
    auto apart = [&](const Building& a, const Building& b)
    {
        return in.streets && a.street_block >= 0 && b.street_block >= 0 &&
               a.street_block != b.street_block &&
               !touching.count({std::min(a.street_block, b.street_block),
                                std::max(a.street_block, b.street_block)});
    };
    const auto links = delaunayEdges(ctx, anchors);
    const RegionLinks regions(plan, ids, links, in.barriers_by_strength);
    cg.crossings_limited = !every_class && regions.refusesStronger();
    std::map<std::pair<int, int>, std::pair<Edge, bool>> lifted;
    for (const auto& [i, j] : links)
    {
        const int ua = at(unit_of, i), ub = at(unit_of, j);
        if (ua == ub)
            continue;
        const auto& ba = at(plan.buildings, at(ids, i));
        const auto& bb = at(plan.buildings, at(ids, j));
        if (!regions.allowed(ba, bb, every_class))
            continue; // an avoidable crossing, or one across more than the weakest barrier
        const bool crosses_barrier = in.barriers.crosses(ba.anchor, bb.anchor);
        EdgeKind kind = EdgeKind::Open;
        if (crosses_barrier || boundary.crosses(ba.anchor, bb.anchor) || apart(ba, bb))
            kind = EdgeKind::CrossesBarrier;
        else if (clusterOf(plan, ba) != clusterOf(plan, bb) ||
                 (in.streets && ba.street_block != bb.street_block) ||
                 (!in.lanes.empty() && in.lanes.crosses(ba.anchor, bb.anchor)))
            kind = EdgeKind::CrossesCompound;
        Edge e{std::min(ua, ub), std::max(ua, ub), bg::distance(ba.anchor, bb.anchor), kind};
        auto [it, inserted] =
            lifted.emplace(std::make_pair(e.a, e.b), std::make_pair(e, crosses_barrier));
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
}

// Per member of community c: the lane-bounded part of its street block (empty without lanes).
std::vector<int> laneFaces(const GraphInputs& in, int c)
{
    const auto& ids = at(in.members, c);
    if (!in.streets || in.lane_lines.empty() || ids.empty())
        return {};
    return faceOfMembers(in.plan, c, ids,
                         in.lane_index->near(envelopeOf(at(in.plan.communities, c).area)));
}

CommunityGraph buildOne(geom::GeosContext& ctx, const GraphInputs& in, int c,
                        const std::vector<int>& lane_face, const OpenedBlocks& opened)
{
    CommunityGraph cg;
    cg.community = c;
    const auto& ids = at(in.members, c);
    if (ids.empty())
        return cg;
    const std::vector<int> unit_of = groupUnits(in.plan, ids, in.compound_households, c,
                                                in.max_households, lane_face, opened, cg);
    placeUnits(in.plan, cg);
    linkUnits(ctx, in, c, ids, unit_of, opened.every_crossing_class, cg);
    return cg;
}

} // namespace

std::vector<CommunityGraph> buildCommunityGraphs(const Plan& plan, int max_households, int threads)
{
    const GraphInputs in(plan, max_households);
    // Communities are independent: built in parallel (a GEOS context per worker), each in its slot.
    std::vector<CommunityGraph> out(plan.communities.size());
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(
        static_cast<std::size_t>(resolveThreads(threads)));
    parallelFor(plan.communities.size(), threads,
                [&](std::size_t slot, int worker)
                {
                    auto& context = at(contexts, worker);
                    if (!context)
                        context = std::make_unique<geom::GeosContext>();
                    const int c = static_cast<int>(slot);
                    out[slot] = buildOne(*context, in, c, laneFaces(in, c), {});
                });
    return out;
}

struct CommunityGraphBuilder::State
{
    State(const Plan& plan, int c, int max)
        : in(plan, max), community(c), lane_face(laneFaces(in, c))
    {
    }
    GraphInputs in;
    int community;
    std::vector<int> lane_face;
    mutable geom::GeosContext ctx;
};

CommunityGraphBuilder::CommunityGraphBuilder(const Plan& plan, int community, int max_households)
    : m_state(std::make_unique<State>(plan, community, max_households))
{
}

CommunityGraphBuilder::~CommunityGraphBuilder() = default;

CommunityGraph CommunityGraphBuilder::build(const OpenedBlocks& opened) const
{
    return buildOne(m_state->ctx, m_state->in, m_state->community, m_state->lane_face, opened);
}

} // namespace gp::graph
