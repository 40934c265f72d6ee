#include "audit/streets.hpp"
#include "core/index.hpp"

#include "geom/geos.hpp"
#include "graph/community_graph.hpp"
#include "spatial/line_index.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace gp::audit
{

namespace
{

// Why a region cannot form grids on its own, or "" when it can.
std::string whyForced(const BarrierRegion& r, int min_households, int max_households)
{
    if (r.self_sufficient)
        return "";
    if (r.households < min_households)
        return "the land it shares across the barrier holds " + std::to_string(r.households) +
               " households, too few for a grid of its own (min " + std::to_string(min_households) +
               ")";
    return "the land it shares across the barrier holds " + std::to_string(r.households) +
           " households, which no count of grids of " + std::to_string(min_households) + "-" +
           std::to_string(max_households) + " households can hold";
}

double lengthOf(geom::GeosContext& ctx, const GEOSGeometry* g)
{
    double len = 0.0;
    if (g && GEOSLength_r(ctx.handle(), g, &len) != 1)
        len = 0.0;
    return len;
}

// Length of a shared boundary inside the corridor. The community's corridor is large and an
// intersection indexes all of it, so it is first cut to the grid's box (once per grid): the
// boundary lies inside that box, so the length is the same.
double lengthOnCorridor(geom::GeosContext& ctx, const GEOSGeometry* shared,
                        const GEOSGeometry* corridor, const Box& box, geom::GeomPtr& clipped)
{
    const auto h = ctx.handle();
    if (!clipped)
        clipped = geom::checked(
            ctx,
            GEOSClipByRect_r(h, corridor, box.min_corner().x() - 1.0, box.min_corner().y() - 1.0,
                             box.max_corner().x() + 1.0, box.max_corner().y() + 1.0),
            "clip");
    geom::GeomPtr on(GEOSIntersection_r(h, shared, clipped.get()), geom::GeomDeleter{h});
    if (!on) // the clip may leave an invalid sliver: measure against the whole corridor
        on = geom::checked(ctx, GEOSIntersection_r(h, shared, corridor), "intersection");
    return lengthOf(ctx, on.get());
}

// Boundary shared by two grids of each community, and the part of it near a road line (street,
// lane or barrier: every line of a roads layer counts, as in issue 13's measure).
void measureBoundaries(const Plan& plan, double distance, StreetMeasures& m)
{
    geom::GeosContext ctx;
    const auto h = ctx.handle();
    MultiLineString lines;
    for (const auto* set : {&plan.streets, &plan.lanes, &plan.barriers})
        for (const auto& s : *set)
            lines.insert(lines.end(), s.lines.begin(), s.lines.end());
    const spatial::LineIndex index(lines);
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
    {
        const auto& grid = at(plan.grids, g);
        if (grid.community >= 0 && !grid.area.empty())
            at(grids_of, grid.community).push_back(g);
    }
    for (std::size_t c = 0; c < plan.communities.size(); ++c)
    {
        const auto& ids = grids_of[c];
        if (ids.size() < 2)
            continue;
        std::vector<geom::GeomPtr> outlines;
        std::vector<Box> boxes;
        for (int g : ids)
        {
            const auto& area = at(plan.grids, g).area;
            geom::GeomPtr poly = geom::toGeos(ctx, area);
            outlines.push_back(geom::checked(ctx, GEOSBoundary_r(h, poly.get()), "boundary"));
            boxes.push_back(envelopeOf(area));
        }
        const MultiLineString near =
            index.near(envelopeOf(plan.communities[c].area), distance + 1.0);
        geom::GeomPtr corridor;
        if (!near.empty())
        {
            geom::GeomPtr near_lines = geom::toGeos(ctx, near);
            corridor = geom::checked(ctx, GEOSBuffer_r(h, near_lines.get(), distance, 4), "buffer");
        }
        std::vector<geom::GeomPtr> clipped(ids.size()); // the corridor near each grid, on demand
        for (std::size_t i = 0; i < ids.size(); ++i)
            for (std::size_t j = i + 1; j < ids.size(); ++j)
            {
                if (!bg::intersects(boxes[i], boxes[j]))
                    continue;
                geom::GeomPtr shared =
                    geom::checked(ctx, GEOSIntersection_r(h, outlines[i].get(), outlines[j].get()),
                                  "intersection");
                const double len = lengthOf(ctx, shared.get());
                if (len <= 0.0)
                    continue;
                m.interior_boundary_m += len;
                if (corridor)
                    m.on_streets_m +=
                        lengthOnCorridor(ctx, shared.get(), corridor.get(), boxes[i], clipped[i]);
            }
    }
}

// Street blocks with households <= max whose buildings lie in more than one grid.
void measureBlocks(const Plan& plan, int max_households, StreetMeasures& m)
{
    std::vector<std::set<int>> grids_of(plan.street_blocks.size());
    std::vector<std::set<int>> compounds_of(plan.street_blocks.size());
    std::map<int, std::set<int>> blocks_of_compound;
    for (const auto& b : plan.buildings)
    {
        if (b.street_block < 0 || !graph::isGridMember(b))
            continue;
        if (b.grid >= 0)
            at(grids_of, b.street_block).insert(b.grid);
        if (b.compound >= 0)
        {
            at(compounds_of, b.street_block).insert(b.compound);
            blocks_of_compound[b.compound].insert(b.street_block);
        }
    }
    for (std::size_t k = 0; k < plan.street_blocks.size(); ++k)
    {
        const auto& block = plan.street_blocks[k];
        if (block.households <= 0)
            continue;
        ++m.blocks;
        if (block.households > max_households)
            continue;
        ++m.blocks_fitting;
        if (grids_of[k].size() < 2)
            continue;
        SplitBlock split;
        split.block = block.id;
        split.community = at(plan.communities, block.community).id;
        split.households = block.households;
        for (int g : grids_of[k])
            split.grids.push_back(at(plan.grids, g).code);
        std::sort(split.grids.begin(), split.grids.end());
        const bool shared_compound =
            std::any_of(compounds_of[k].begin(), compounds_of[k].end(),
                        [&](int c) { return blocks_of_compound[c].size() > 1; });
        const bool opened =
            std::any_of(plan.issues.begin(), plan.issues.end(),
                        [&](const Issue& i)
                        {
                            return i.reason == "street_block_opened" &&
                                   i.detail.rfind("street block " + block.id + ":", 0) == 0;
                        });
        split.reason =
            opened ? "the bounds forced it: the grids of its community could not meet the bounds "
                     "with it whole (see street_block_opened)"
            : shared_compound
                ? "a compound reaching beyond the block kept its own rule (whole block and "
                  "compound together exceed the max)"
                : "the partition kept it whole; a grid kept or locked from the previous plan "
                  "divides it";
        m.fitting_split.push_back(std::move(split));
    }
}

} // namespace

void classifyCrossings(Plan& plan, int min_households, int max_households)
{
    for (auto& g : plan.grids)
    {
        g.metrics.crossings_forced = g.metrics.crossings_avoidable = 0;
        if (g.kind != GridKind::Residential || g.community < 0)
            continue;
        std::set<int> regions;
        for (int b : g.buildings)
        {
            const auto& building = at(plan.buildings, b);
            if (graph::isGridMember(building) && building.region >= 0 &&
                static_cast<std::size_t>(building.region) < plan.regions.size())
                regions.insert(building.region);
        }
        if (regions.size() < 2)
            continue;
        std::string reason;
        for (int r : regions)
            if (reason.empty())
                reason = whyForced(at(plan.regions, r), min_households, max_households);
        const int crossings = static_cast<int>(regions.size()) - 1;
        Issue issue;
        if (reason.empty())
        {
            g.metrics.crossings_avoidable = crossings;
            issue.reason = "barrier_crossing_avoidable";
            issue.detail = "grid " + g.code + " spans " + std::to_string(regions.size()) +
                           " barrier-enclosed regions although each could form grids on its own";
        }
        else
        {
            g.metrics.crossings_forced = crossings;
            issue.reason = "barrier_crossing_forced";
            issue.cause = "region_cannot_stand_alone";
            issue.detail = "grid " + g.code + " spans " + std::to_string(regions.size()) +
                           " barrier-enclosed regions: " + reason;
        }
        issue.households = g.households;
        issue.community = at(plan.communities, g.community).id;
        issue.grid = g.code;
        issue.area = g.area;
        plan.issues.push_back(std::move(issue));
    }
}

void explainMultipart(Plan& plan)
{
    for (const auto& g : plan.grids)
    {
        if (g.kind != GridKind::Residential || g.area.size() < 2 || g.community < 0)
            continue;
        std::vector<int> held(g.area.size(), 0);
        for (int b : g.buildings)
        {
            const auto& anchor = at(plan.buildings, b).anchor;
            for (std::size_t p = 0; p < g.area.size(); ++p)
                if (bg::covered_by(anchor, g.area[p]))
                {
                    ++held[p];
                    break;
                }
        }
        std::string parts;
        for (std::size_t p = 0; p < g.area.size(); ++p)
            parts += (p ? ", " : "") + std::to_string(static_cast<long long>(bg::area(g.area[p]))) +
                     " m2 with " + std::to_string(held[p]) + " of its buildings";
        Issue issue;
        issue.reason = "grid_multipart";
        issue.detail =
            "grid " + g.code + " is in " + std::to_string(g.area.size()) + " parts (" + parts +
            "): each part holding its buildings is cut off from the rest by other grids' land, "
            "a barrier or the community outline, and a part without them touches no other grid";
        issue.households = g.households;
        issue.community = at(plan.communities, g.community).id;
        issue.grid = g.code;
        issue.area = g.area;
        plan.issues.push_back(std::move(issue));
    }
}

StreetMeasures measureStreets(const Plan& plan, int min_households, int max_households,
                              double street_distance_m)
{
    StreetMeasures m;
    m.street_distance_m = street_distance_m;
    measureBoundaries(plan, street_distance_m, m);
    measureBlocks(plan, max_households, m);
    double pp = 0.0;
    for (const auto& g : plan.grids)
    {
        m.crossings_forced += g.metrics.crossings_forced;
        m.crossings_avoidable += g.metrics.crossings_avoidable;
        if (g.kind != GridKind::Residential)
            continue;
        ++m.grids;
        m.grids_within_bounds += g.households >= min_households && g.households <= max_households;
        m.grids_without_land += g.area.empty() || bg::area(g.area) <= 0.0;
        m.multipart_grids += g.area.size() > 1;
        pp += g.metrics.polsby_popper;
    }
    m.mean_polsby_popper = m.grids > 0 ? pp / m.grids : 0.0;
    return m;
}

} // namespace gp::audit
