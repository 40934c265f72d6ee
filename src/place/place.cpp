#include "place/place.hpp"

#include "core/parallel.hpp"
#include "geom/prepared.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gp::place
{

namespace
{

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
    return buf;
}

// The area (index) holding most of the building; -1 when none. `share` gets its fraction.
int bestArea(const geom::PreparedAreas& areas, const GEOSGeometry* g, double footprint_area,
             double& share)
{
    share = 0.0;
    const auto candidates = areas.candidates(g);
    for (int c : candidates)
        if (areas.covers(c, g))
        {
            share = 1.0;
            return c;
        }
    int best = -1;
    double best_area = 0.0;
    for (int c : candidates)
    {
        if (!areas.intersects(c, g))
            continue;
        const double a = footprint_area > 0 ? areas.overlapArea(c, g) : 1.0;
        if (a > best_area)
        {
            best_area = a;
            best = c;
        }
    }
    if (best >= 0)
        share = footprint_area > 0 ? best_area / footprint_area : 1.0;
    return best;
}

} // namespace

PlaceStats placeBuildings(Plan& plan, int threads)
{
    PlaceStats stats;
    std::vector<const MultiPolygon*> community_areas;
    for (const auto& c : plan.communities)
        community_areas.push_back(&c.area);
    std::vector<const MultiPolygon*> compound_areas;
    for (const auto& c : plan.compounds)
        compound_areas.push_back(&c.area);

    // Compounds belong to the community holding most of their area.
    {
        geom::GeosContext ctx;
        geom::PreparedAreas communities(ctx, community_areas);
        for (auto& compound : plan.compounds)
        {
            auto g = geom::toGeos(ctx, compound.area);
            double share = 0;
            compound.community = bestArea(communities, g.get(), bg::area(compound.area), share);
        }
    }

    // Buildings are placed in contiguous slices on worker threads, each with its own GEOS
    // context and prepared areas (GEOS prepared geometries are not shared between threads).
    const std::size_t n = plan.buildings.size();
    std::vector<double> shares(n, 0.0);
    const std::size_t slices = std::max<std::size_t>(
        1, std::min<std::size_t>(n / 64, static_cast<std::size_t>(resolveThreads(threads))));
    parallelFor(
        slices, threads,
        [&](std::size_t slice, int)
        {
            geom::GeosContext ctx;
            geom::PreparedAreas communities(ctx, community_areas);
            geom::PreparedAreas compounds(ctx, compound_areas);
            for (std::size_t i = n * slice / slices, end = n * (slice + 1) / slices; i < end; ++i)
            {
                auto& b = plan.buildings[i];
                auto g = b.footprint.empty() ? geom::toGeos(ctx, b.anchor)
                                             : geom::toGeos(ctx, b.footprint);
                b.community = bestArea(communities, g.get(), b.area_m2, shares[i]);
                if (b.community < 0)
                    continue;
                // Compound by the anchor point, within the same community only.
                auto anchor = geom::toGeos(ctx, b.anchor);
                for (int c : compounds.candidates(anchor.get()))
                    if (plan.compounds[static_cast<std::size_t>(c)].community == b.community &&
                        compounds.covers(c, anchor.get()))
                    {
                        b.compound = c;
                        break;
                    }
            }
        });

    // Issues in building order.
    for (std::size_t i = 0; i < n; ++i)
    {
        const auto& b = plan.buildings[i];
        if (b.community < 0)
        {
            ++stats.outside;
            Issue issue;
            issue.reason = "building_outside_communities";
            issue.detail = "building " + b.id + " lies outside every community";
            issue.detail_zh = "楼栋 " + b.id + " 不在任何社区内";
            issue.households = b.households;
            issue.buildings.push_back(b.id);
            issue.area = b.footprint;
            plan.issues.push_back(std::move(issue));
            continue;
        }
        ++stats.placed;
        if (shares[i] < 0.99)
        {
            ++stats.straddling;
            const auto& c = plan.communities[static_cast<std::size_t>(b.community)];
            Issue issue;
            issue.reason = "building_straddles_communities";
            issue.detail = "building " + b.id + " straddles a community boundary; placed in " +
                           c.id + (c.name.empty() ? "" : " (" + c.name + ")") + " which holds " +
                           percent(shares[i]) + " of its footprint";
            issue.detail_zh = "楼栋 " + b.id + " 跨社区边界；已归入占其占地 " + percent(shares[i]) +
                              " 的社区 " + c.id + (c.name.empty() ? "" : "（" + c.name + "）");
            issue.community = c.id;
            issue.households = b.households;
            issue.buildings.push_back(b.id);
            issue.area = b.footprint;
            plan.issues.push_back(std::move(issue));
        }
    }
    return stats;
}

} // namespace gp::place
