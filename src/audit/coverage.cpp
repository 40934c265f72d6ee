#include "audit/coverage.hpp"
#include "core/index.hpp"

#include "geom/geos.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace gp::audit
{

namespace
{

using geom::GeomPtr;
using geom::GeosContext;

// A sliver is a gap whose mean width (2 x area / perimeter, exact for a long thin strip) is
// below this: digitising mismatch between neighbouring boundaries rather than open land.
constexpr double kSliverWidthM = 3.0;

std::string metres2(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A valid GEOS copy: repaired with make-valid when the input is not valid.
GeomPtr validGeos(GeosContext& ctx, const MultiPolygon& mp)
{
    auto g = geom::toGeos(ctx, mp);
    if (GEOSisValid_r(ctx.handle(), g.get()) == 1)
        return g;
    return geom::checked(ctx, GEOSMakeValid_r(ctx.handle(), g.get()), "make-valid");
}

GeomPtr unionOf(GeosContext& ctx, const std::vector<const MultiPolygon*>& areas)
{
    std::vector<GeomPtr> parts;
    for (const auto* a : areas)
        parts.push_back(validGeos(ctx, *a));
    auto all = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    return geom::checked(ctx, GEOSUnaryUnion_r(ctx.handle(), all.get()), "union of communities");
}

double areaOf(GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0;
    GEOSArea_r(ctx.handle(), g, &a);
    return a;
}

double lengthOf(GeosContext& ctx, const GEOSGeometry* g)
{
    double l = 0;
    GEOSLength_r(ctx.handle(), g, &l);
    return l;
}

// GEOS extent (bg::envelope on multi-polygons trips GCC's -Wmaybe-uninitialized).
Box boxOf(GeosContext& ctx, const GEOSGeometry* g)
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (GEOSisEmpty_r(ctx.handle(), g) == 0)
    {
        GEOSGeom_getXMin_r(ctx.handle(), g, &x0);
        GEOSGeom_getYMin_r(ctx.handle(), g, &y0);
        GEOSGeom_getXMax_r(ctx.handle(), g, &x1);
        GEOSGeom_getYMax_r(ctx.handle(), g, &y1);
    }
    return Box(Point(x0, y0), Point(x1, y1));
}

struct Context
{
    GeosContext ctx;
    std::vector<GeomPtr> communities; // valid, one per plan community
    std::vector<Box> boxes;
    GeomPtr all; // their union
};

void prepare(const Plan& plan, Context& c)
{
    std::vector<const MultiPolygon*> areas;
    for (const auto& comm : plan.communities)
    {
        areas.push_back(&comm.area);
        c.communities.push_back(validGeos(c.ctx, comm.area));
        c.boxes.push_back(boxOf(c.ctx, c.communities.back().get()));
    }
    c.all = unionOf(c.ctx, areas);
}

// Ids of the communities within 1 cm of the part.
std::vector<int> neighbours(Context& c, const GEOSGeometry* part)
{
    const Box box = boxOf(c.ctx, part);
    std::vector<int> out;
    for (std::size_t i = 0; i < c.communities.size(); ++i)
    {
        const Box& b = c.boxes[i];
        if (b.min_corner().x() > box.max_corner().x() + 0.01 ||
            b.max_corner().x() < box.min_corner().x() - 0.01 ||
            b.min_corner().y() > box.max_corner().y() + 0.01 ||
            b.max_corner().y() < box.min_corner().y() - 0.01)
            continue;
        double d = 0;
        if (GEOSDistance_r(c.ctx.handle(), part, c.communities[i].get(), &d) == 1 && d < 0.01)
            out.push_back(static_cast<int>(i));
    }
    return out;
}

std::string idList(const Plan& plan, const std::vector<int>& indices)
{
    std::string out;
    for (int i : indices)
        out += (out.empty() ? "" : ", ") + at(plan.communities, i).id;
    return out;
}

// Holes of the union, as polygons (islands inside a hole are subtracted again by the caller).
MultiPolygon holesOf(GeosContext& ctx, const GEOSGeometry* all)
{
    MultiPolygon holes;
    for (const auto& p : geom::toMultiPolygon(ctx, all))
        for (const auto& inner : p.inners())
        {
            Polygon h;
            h.outer().assign(inner.begin(), inner.end());
            bg::correct(h);
            holes.push_back(std::move(h));
        }
    return holes;
}

void addGap(Plan& plan, Context& c, const Polygon& poly, bool is_hole, bool has_street,
            CoverageFigures& figures)
{
    auto part = geom::toGeos(c.ctx, poly);
    const double area = areaOf(c.ctx, part.get());
    if (area < kCoverageSliverM2)
        return;
    const auto near = neighbours(c, part.get());
    const double width = 2.0 * area / std::max(lengthOf(c.ctx, part.get()), 1e-9);
    const bool sliver = near.size() >= 2 && width < kSliverWidthM;
    Issue issue;
    if (is_hole || sliver)
    {
        issue.reason = "community_gap";
        issue.detail = std::string(is_hole ? "hole" : "sliver") + " of " + metres2(area) +
                       " m2 between communities" + (near.empty() ? "" : " " + idList(plan, near)) +
                       (has_street ? " inside the street" : "") + " covered by none of them";
        issue.detail_zh = std::string("社区之间") + (has_street ? "（街道范围内）" : "") + "有 " +
                          metres2(area) + " 平方米的" + (is_hole ? "空洞" : "缝隙") +
                          "不属于任何社区" +
                          (near.empty() ? "" : "（邻近 " + idList(plan, near) + "）");
        ++figures.community_gaps;
    }
    else
    {
        issue.reason = "street_not_covered";
        issue.detail = metres2(area) + " m2 of the street not covered by any community" +
                       (near.empty() ? "" : " (next to " + idList(plan, near) + ")");
        issue.detail_zh = "街道内有 " + metres2(area) + " 平方米未被任何社区覆盖" +
                          (near.empty() ? "" : "（邻近 " + idList(plan, near) + "）");
        ++figures.street_not_covered;
    }
    if (!near.empty())
        issue.community = at(plan.communities, near.front()).id;
    issue.area = MultiPolygon{poly};
    plan.issues.push_back(std::move(issue));
}

// Largest first, so the planner sees the big gaps at the top; stable for equal areas.
void sortByArea(MultiPolygon& parts)
{
    std::stable_sort(parts.begin(), parts.end(),
                     [](const Polygon& a, const Polygon& b) { return bg::area(a) > bg::area(b); });
}

} // namespace

CoverageFigures streetCoverage(const Plan& plan)
{
    CoverageFigures figures;
    if (!plan.street || plan.street->empty())
        return figures;
    Context c;
    auto street = validGeos(c.ctx, *plan.street);
    figures.street_area_m2 = areaOf(c.ctx, street.get());
    if (!plan.communities.empty())
    {
        prepare(plan, c);
        auto covered =
            geom::checked(c.ctx, GEOSIntersection_r(c.ctx.handle(), street.get(), c.all.get()),
                          "street coverage");
        figures.covered_m2 = areaOf(c.ctx, covered.get());
    }
    if (*figures.street_area_m2 > 0)
        figures.covered_pct = 100.0 * figures.covered_m2 / *figures.street_area_m2;
    return figures;
}

CoverageFigures auditCoverage(Plan& plan)
{
    CoverageFigures figures = streetCoverage(plan);
    if (plan.communities.empty())
        return figures;
    Context c;
    prepare(plan, c);
    const MultiPolygon holes = holesOf(c.ctx, c.all.get());

    if (plan.street && !plan.street->empty())
    {
        auto street = validGeos(c.ctx, *plan.street);
        auto uncovered =
            geom::checked(c.ctx, GEOSDifference_r(c.ctx.handle(), street.get(), c.all.get()),
                          "street minus communities");
        MultiPolygon parts = geom::toMultiPolygon(c.ctx, uncovered.get());
        sortByArea(parts);
        auto hole_geom = geom::toGeos(c.ctx, holes);
        for (const auto& p : parts)
        {
            // A part lying in a hole of the union is enclosed by communities: a gap between them.
            bool in_hole = false;
            if (!holes.empty())
            {
                auto pg = geom::toGeos(c.ctx, p);
                auto inter = geom::checked(
                    c.ctx, GEOSIntersection_r(c.ctx.handle(), pg.get(), hole_geom.get()),
                    "gap in hole");
                in_hole = areaOf(c.ctx, inter.get()) >= 0.99 * areaOf(c.ctx, pg.get());
            }
            addGap(plan, c, p, in_hole, true, figures);
        }
    }
    else
    {
        // Islands of communities inside a hole are not part of it: subtract the union again.
        auto hole_geom = geom::toGeos(c.ctx, holes);
        auto open =
            geom::checked(c.ctx, GEOSDifference_r(c.ctx.handle(), hole_geom.get(), c.all.get()),
                          "holes minus communities");
        MultiPolygon parts = geom::toMultiPolygon(c.ctx, open.get());
        sortByArea(parts);
        for (const auto& p : parts)
            addGap(plan, c, p, true, false, figures);
    }

    // Overlapping pairs: envelope test first, then the exact shared area.
    for (std::size_t i = 0; i < c.communities.size(); ++i)
        for (std::size_t j = i + 1; j < c.communities.size(); ++j)
        {
            if (!bg::intersects(c.boxes[i], c.boxes[j]))
                continue;
            auto shared = geom::checked(
                c.ctx,
                GEOSIntersection_r(c.ctx.handle(), c.communities[i].get(), c.communities[j].get()),
                "community overlap");
            MultiPolygon area = geom::toMultiPolygon(c.ctx, shared.get());
            const double a = bg::area(area);
            if (a <= kCoverageSliverM2)
                continue;
            const auto& ci = plan.communities[i];
            const auto& cj = plan.communities[j];
            Issue issue;
            issue.reason = "communities_overlap";
            issue.detail = "communities " + ci.id + (ci.name.empty() ? "" : " (" + ci.name + ")") +
                           " and " + cj.id + (cj.name.empty() ? "" : " (" + cj.name + ")") +
                           " overlap by " + metres2(a) +
                           " m2; buildings there go to the one "
                           "holding most of their footprint";
            issue.detail_zh = "社区 " + ci.id + (ci.name.empty() ? "" : "（" + ci.name + "）") +
                              " 与 " + cj.id + (cj.name.empty() ? "" : "（" + cj.name + "）") +
                              " 重叠 " + metres2(a) + " 平方米；重叠处的楼栋归入占其占地最多的社区";
            issue.community = ci.id;
            issue.area = std::move(area);
            plan.issues.push_back(std::move(issue));
            ++figures.communities_overlap;
        }
    return figures;
}

} // namespace gp::audit
