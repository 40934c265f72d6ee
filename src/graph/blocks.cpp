#include "graph/blocks.hpp"
#include "core/index.hpp"

#include "core/plan_check.hpp"
#include "dedicate/dedicate.hpp"
#include "geom/geos.hpp"
#include "geom/prepared.hpp"
#include "graph/community_graph.hpp"
#include "spatial/barrier_faces.hpp"
#include "spatial/line_index.hpp"

#include <algorithm>
#include <limits>

namespace gp::graph
{

namespace
{

// The faces of one community cut by `lines`, split exactly as the tile stage splits it.
std::vector<MultiPolygon> communityFaces(geom::GeosContext& ctx, const MultiPolygon& area,
                                         const MultiLineString* lines)
{
    const auto h = ctx.handle();
    geom::GeomPtr community = geom::toGeos(ctx, area);
    if (GEOSisValid_r(h, community.get()) != 1)
    {
        geom::GeomPtr fixed = geom::checked(ctx, GEOSMakeValid_r(h, community.get()), "makeValid");
        community = geom::toGeos(ctx, geom::toMultiPolygon(ctx, fixed.get()));
    }
    if (GEOSisEmpty_r(h, community.get()) == 1)
        return {};
    std::vector<MultiPolygon> out;
    for (const auto& face : spatial::splitIntoBlocks(ctx, community.get(), lines, nullptr).faces)
        out.push_back(geom::toMultiPolygon(ctx, face.get()));
    return out;
}

// Per member building, the face holding its anchor (else the nearest face: an anchor outside
// the community belongs to a straddling building), or -1 when there is no face.
std::vector<int> faceOfAnchors(geom::GeosContext& ctx, const Plan& plan,
                               const std::vector<int>& members,
                               const std::vector<const MultiPolygon*>& faces)
{
    std::vector<int> out(members.size(), -1);
    if (faces.empty())
        return out;
    geom::PreparedAreas index(ctx, faces);
    for (std::size_t i = 0; i < members.size(); ++i)
    {
        const auto& b = at(plan.buildings, members[i]);
        geom::GeomPtr anchor = geom::toGeos(ctx, b.anchor);
        int found = -1;
        for (int k : index.candidates(anchor.get()))
            if (index.covers(k, anchor.get()))
            {
                found = k;
                break;
            }
        if (found < 0)
        {
            double best = std::numeric_limits<double>::infinity();
            for (int k = 0; k < index.size(); ++k)
            {
                double d = 0;
                if (GEOSDistance_r(ctx.handle(), index.geometry(k), anchor.get(), &d) == 1 &&
                    d < best)
                {
                    best = d;
                    found = k;
                }
            }
        }
        out[i] = found;
    }
    return out;
}

std::vector<std::vector<int>> membersByCommunity(const Plan& plan)
{
    std::vector<std::vector<int>> members(plan.communities.size());
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        if (isGridMember(at(plan.buildings, i)))
            at(members, at(plan.buildings, i).community).push_back(i);
    return members;
}

void appendLines(MultiLineString& out, const std::vector<Barrier>& from)
{
    for (const auto& b : from)
        out.insert(out.end(), b.lines.begin(), b.lines.end());
}

// Compound outlines as lines (street blocks follow them too).
void appendOutlines(MultiLineString& out, const std::vector<Compound>& compounds)
{
    for (const auto& c : compounds)
        for (const auto& poly : c.area)
        {
            out.emplace_back(poly.outer().begin(), poly.outer().end());
            for (const auto& inner : poly.inners())
                out.emplace_back(inner.begin(), inner.end());
        }
}

} // namespace

bool hasStreets(const Plan& plan)
{
    for (const auto& s : plan.streets)
        if (!s.lines.empty())
            return true;
    return false;
}

bool fitsSomeGridCount(int households, int min_households, int max_households)
{
    if (households <= 0 || max_households <= 0)
        return false;
    const int k = (households + max_households - 1) / max_households; // fewest grids by size
    return static_cast<long long>(k) * min_households <= households;
}

void inferBlocks(Plan& plan)
{
    plan.street_blocks.clear();
    plan.clusters.clear();
    for (auto& b : plan.buildings)
        b.street_block = b.cluster = -1;
    const bool streets = hasStreets(plan);
    if (!plan.compounds.empty() && !streets)
        return;
    // One role per run (model.hpp, Block): street blocks with streets, else inferred clusters.
    std::vector<Block>& blocks = streets ? plan.street_blocks : plan.clusters;
    auto blockOf = [streets](Building& b) -> int& { return streets ? b.street_block : b.cluster; };
    geom::GeosContext ctx;
    MultiLineString lines;
    appendLines(lines, plan.barriers);
    if (streets)
    {
        appendLines(lines, plan.streets);
        appendOutlines(lines, plan.compounds);
    }
    const spatial::LineIndex line_index(lines); // each community gets the lines near it
    const auto members = membersByCommunity(plan);
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        const auto& community = at(plan.communities, c);
        const MultiLineString near_lines = line_index.near(envelopeOf(community.area));
        auto faces = communityFaces(ctx, community.area, &near_lines);
        const int first = static_cast<int>(blocks.size());
        for (std::size_t k = 0; k < faces.size(); ++k)
        {
            Block block;
            block.id = community.id + "-B" + std::to_string(k + 1);
            block.community = c;
            block.area = std::move(faces[k]);
            blocks.push_back(std::move(block));
        }
        std::vector<const MultiPolygon*> areas;
        for (std::size_t k = 0; k < faces.size(); ++k)
            areas.push_back(&blocks[static_cast<std::size_t>(first) + k].area);
        const auto& ids = at(members, c);
        const auto found = faceOfAnchors(ctx, plan, ids, areas);
        for (std::size_t i = 0; i < ids.size(); ++i)
        {
            if (found[i] < 0)
                continue;
            auto& b = at(plan.buildings, ids[i]);
            blockOf(b) = first + found[i];
            auto& block = at(blocks, first + found[i]);
            block.households += b.households;
            ++block.buildings;
        }
    }
}

std::vector<int> faceOfMembers(const Plan& plan, int c, const std::vector<int>& ids,
                               const MultiLineString& lines)
{
    geom::GeosContext ctx;
    const auto faces = communityFaces(ctx, at(plan.communities, c).area, &lines);
    std::vector<const MultiPolygon*> areas;
    for (const auto& f : faces)
        areas.push_back(&f);
    return faceOfAnchors(ctx, plan, ids, areas);
}

namespace
{

// Per building, the street block holding its anchor (grid members already know theirs), or -1.
std::vector<int> blockOfEveryBuilding(const Plan& plan)
{
    std::vector<int> out(plan.buildings.size(), -1);
    geom::GeosContext ctx;
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        std::vector<int> ids;
        std::vector<const MultiPolygon*> areas;
        for (int k = 0; k < static_cast<int>(plan.street_blocks.size()); ++k)
            if (at(plan.street_blocks, k).community == c)
            {
                ids.push_back(k);
                areas.push_back(&at(plan.street_blocks, k).area);
            }
        if (areas.empty())
            continue;
        geom::PreparedAreas index(ctx, areas);
        for (std::size_t i = 0; i < plan.buildings.size(); ++i)
        {
            const auto& b = plan.buildings[i];
            if (b.community != c || b.grid < 0)
                continue;
            if (b.street_block >= 0)
            {
                out[i] = b.street_block;
                continue;
            }
            geom::GeomPtr anchor = geom::toGeos(ctx, b.anchor);
            for (int k : index.candidates(anchor.get()))
                if (index.covers(k, anchor.get()))
                {
                    out[i] = at(ids, k);
                    break;
                }
        }
    }
    return out;
}

} // namespace

int foldIntoBlockGrids(Plan& plan, const DedicatedConfig& config)
{
    if (plan.street_blocks.empty())
        return 0;
    const auto block_of = blockOfEveryBuilding(plan);
    std::vector<int> only_grid(plan.street_blocks.size(), -1); // -2: several grids
    for (std::size_t i = 0; i < plan.buildings.size(); ++i)
    {
        const auto& b = plan.buildings[i];
        if (!isGridMember(b) || b.grid < 0 || block_of[i] < 0)
            continue;
        int& g = at(only_grid, block_of[i]);
        g = g == -1 || g == b.grid ? b.grid : -2;
    }
    int moved = 0;
    for (std::size_t i = 0; i < plan.buildings.size(); ++i)
    {
        const auto& b = plan.buildings[i];
        if (isGridMember(b) || b.grid < 0 || block_of[i] < 0)
            continue;
        const int to = at(only_grid, block_of[i]);
        const auto& from_grid = at(plan.grids, b.grid);
        if (to < 0 || to == b.grid || from_grid.kind != GridKind::Residential)
            continue;
        foldBuilding(plan, static_cast<int>(i), to, dedicate::floorArea(b, config));
        ++moved;
    }
    return moved;
}

void inferBarrierRegions(Plan& plan, int min_households, int max_households)
{
    plan.regions.clear();
    for (auto& b : plan.buildings)
        b.region = -1;
    geom::GeosContext ctx;
    MultiLineString lines;
    appendLines(lines, plan.barriers);
    const spatial::LineIndex line_index(lines);
    const auto members = membersByCommunity(plan);
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        const auto& community = at(plan.communities, c);
        const MultiLineString near_lines = line_index.near(envelopeOf(community.area));
        const auto faces = communityFaces(ctx, community.area, &near_lines);
        const int first = static_cast<int>(plan.regions.size());
        plan.regions.resize(plan.regions.size() + faces.size(), BarrierRegion{c, 0, false});
        std::vector<const MultiPolygon*> areas;
        for (const auto& f : faces)
            areas.push_back(&f);
        const auto& ids = at(members, c);
        const auto found = faceOfAnchors(ctx, plan, ids, areas);
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (found[i] >= 0)
            {
                auto& b = at(plan.buildings, ids[i]);
                b.region = first + found[i];
                at(plan.regions, b.region).households += b.households;
            }
    }
    for (auto& r : plan.regions)
        r.self_sufficient = fitsSomeGridCount(r.households, min_households, max_households);
}

} // namespace gp::graph
