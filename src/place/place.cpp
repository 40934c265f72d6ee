#include "place/place.hpp"

#include "core/index.hpp"
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

std::vector<const MultiPolygon*> areasOf(const auto& features)
{
    std::vector<const MultiPolygon*> areas;
    for (const auto& f : features)
        areas.push_back(&f.area);
    return areas;
}

// Compounds belong to the community holding most of their area.
void placeCompounds(Plan& plan, const std::vector<const MultiPolygon*>& community_areas)
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

// Each building to the community holding most of its footprint and to the compound of that
// community holding its anchor point. Contiguous slices on worker threads, each with its own GEOS
// context and prepared areas (GEOS prepared geometries are not shared between threads). Returns
// the share of each building's footprint in its community.
std::vector<double>
placeInCommunities(Plan& plan, const std::vector<const MultiPolygon*>& community_areas, int threads)
{
    const auto compound_areas = areasOf(plan.compounds);
    const std::size_t n = plan.buildings.size();
    std::vector<double> shares(n, 0.0);
    const std::size_t slices = std::max<std::size_t>(
        1, std::min<std::size_t>(n / 64, static_cast<std::size_t>(resolveThreads(threads))));
    parallelFor(slices, threads,
                [&](std::size_t slice, int)
                {
                    geom::GeosContext ctx;
                    geom::PreparedAreas communities(ctx, community_areas);
                    geom::PreparedAreas compounds(ctx, compound_areas);
                    for (std::size_t i = n * slice / slices, end = n * (slice + 1) / slices;
                         i < end; ++i)
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
                            if (at(plan.compounds, c).community == b.community &&
                                compounds.covers(c, anchor.get()))
                            {
                                b.compound = c;
                                break;
                            }
                    }
                });
    return shares;
}

Issue outsideIssue(const Building& b)
{
    Issue issue;
    issue.reason = "building_outside_communities";
    issue.detail = "building " + b.id + " lies outside every community";
    issue.detail_zh = "楼栋 " + b.id + " 不在任何社区内";
    issue.households = b.households;
    issue.buildings.push_back(b.id);
    issue.area = b.footprint;
    return issue;
}

Issue straddlesIssue(const Building& b, const Community& c, double share)
{
    Issue issue;
    issue.reason = "building_straddles_communities";
    issue.detail = "building " + b.id + " straddles a community boundary; placed in " + c.id +
                   (c.name.empty() ? "" : " (" + c.name + ")") + " which holds " + percent(share) +
                   " of its footprint";
    issue.detail_zh = "楼栋 " + b.id + " 跨社区边界；已归入占其占地 " + percent(share) +
                      " 的社区 " + c.id + (c.name.empty() ? "" : "（" + c.name + "）");
    issue.community = c.id;
    issue.households = b.households;
    issue.buildings.push_back(b.id);
    issue.area = b.footprint;
    return issue;
}

} // namespace

PlaceStats placeBuildings(Plan& plan, int threads)
{
    const auto community_areas = areasOf(plan.communities);
    placeCompounds(plan, community_areas);
    const std::vector<double> shares = placeInCommunities(plan, community_areas, threads);

    // Issues in building order.
    PlaceStats stats;
    for (std::size_t i = 0; i < plan.buildings.size(); ++i)
    {
        const auto& b = plan.buildings[i];
        if (b.community < 0)
        {
            ++stats.outside;
            plan.issues.push_back(outsideIssue(b));
            continue;
        }
        ++stats.placed;
        if (shares[i] < 0.99)
        {
            ++stats.straddling;
            plan.issues.push_back(straddlesIssue(b, at(plan.communities, b.community), shares[i]));
        }
    }
    return stats;
}

} // namespace gp::place
