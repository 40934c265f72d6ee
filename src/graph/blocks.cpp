#include "graph/blocks.hpp"

#include "geom/geos.hpp"
#include "geom/prepared.hpp"
#include "graph/community_graph.hpp"
#include "spatial/line_index.hpp"
#include "spatial/barrier_faces.hpp"

#include <limits>

namespace gp::graph
{

namespace
{

// The blocks of one community, split exactly as the tile stage splits it (tile.cpp step 1).
std::vector<MultiPolygon> communityBlocks(geom::GeosContext& ctx, const MultiPolygon& area,
                                          const MultiLineString* barriers)
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
    for (const auto& face : spatial::splitIntoBlocks(ctx, community.get(), barriers, nullptr).faces)
        out.push_back(geom::toMultiPolygon(ctx, face.get()));
    return out;
}

} // namespace

void inferBlocks(Plan& plan)
{
    plan.blocks.clear();
    for (auto& b : plan.buildings)
        b.block = -1;
    if (!plan.compounds.empty())
        return;
    geom::GeosContext ctx;
    MultiLineString lines;
    for (const auto& b : plan.barriers)
        lines.insert(lines.end(), b.lines.begin(), b.lines.end());
    const spatial::LineIndex line_index(lines); // each community gets the lines near it

    std::vector<std::vector<int>> members(plan.communities.size());
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        if (isGridMember(plan.buildings[static_cast<std::size_t>(i)]))
            members[static_cast<std::size_t>(plan.buildings[static_cast<std::size_t>(i)].community)]
                .push_back(i);

    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
    {
        const auto& community = plan.communities[static_cast<std::size_t>(c)];
        const MultiLineString near_lines = line_index.near(envelopeOf(community.area));
        auto faces = communityBlocks(ctx, community.area, &near_lines);
        const int first = static_cast<int>(plan.blocks.size());
        std::vector<const MultiPolygon*> areas;
        for (std::size_t k = 0; k < faces.size(); ++k)
        {
            Block block;
            block.id = community.id + "-B" + std::to_string(k + 1);
            block.community = c;
            block.area = std::move(faces[k]);
            plan.blocks.push_back(std::move(block));
        }
        for (std::size_t k = 0; k < faces.size(); ++k)
            areas.push_back(&plan.blocks[static_cast<std::size_t>(first) + k].area);
        if (areas.empty())
            continue;
        geom::PreparedAreas index(ctx, areas);
        for (int bi : members[static_cast<std::size_t>(c)])
        {
            auto& b = plan.buildings[static_cast<std::size_t>(bi)];
            geom::GeomPtr anchor = geom::toGeos(ctx, b.anchor);
            int found = -1;
            for (int k : index.candidates(anchor.get()))
                if (index.covers(k, anchor.get()))
                {
                    found = k;
                    break;
                }
            if (found < 0) // anchor outside the community (straddling building): nearest block
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
            if (found < 0)
                continue;
            b.block = first + found;
            auto& block = plan.blocks[static_cast<std::size_t>(b.block)];
            block.households += b.households;
            ++block.buildings;
        }
    }
}

} // namespace gp::graph
