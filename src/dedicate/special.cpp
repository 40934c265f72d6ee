#include "dedicate/special.hpp"

#include "classify/use_mapping.hpp"
#include "core/plan_check.hpp"
#include "dedicate/dedicate.hpp"
#include "geom/prepared.hpp"

#include <cmath>
#include <set>

namespace gp::dedicate
{

namespace
{

using geom::checked;
using geom::GeomPtr;

// A piece of a special area without buildings and smaller than this (m², or this share of the
// whole area) is a digitising sliver along a community boundary, not land of its own.
constexpr double kSliverM2 = 100.0;
constexpr double kSliverShare = 0.02;
// Overlaps between special areas below this many m² are digitising noise, not worth a report.
constexpr double kOverlapReportM2 = 1.0;

// Kinds of open land that no building-use class names.
const std::set<std::string>& parkWords()
{
    static const std::set<std::string> words = {
        "park",          "garden",     "recreation_ground",
        "village_green", "playground", "green",
        "公园",          "公園",       "绿地",
        "綠地",          "游园",       "遊園",
        "广场",          "廣場",       "公共绿地",
    };
    return words;
}

Issue specialIssue(const SpecialArea& s, const char* reason, std::string detail)
{
    Issue issue;
    issue.reason = reason;
    issue.detail = "special area " + s.id + (s.name.empty() ? "" : " (" + s.name + ")") + " from " +
                   s.source + ": " + std::move(detail);
    return issue;
}

GeomPtr unionOf(geom::GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b)
{
    return checked(ctx, GEOSUnion_r(ctx.handle(), a, b), "union of special areas");
}

Issue sliverIssue(const Plan& plan, const SpecialArea& special, int c, double land_m2)
{
    const auto& community = at(plan.communities, c);
    auto issue = specialIssue(special, "tiling_note",
                              "a " + std::to_string(static_cast<long>(std::lround(land_m2))) +
                                  " m² sliver without buildings in community " + community.id +
                                  " was left to that community's residential grids");
    issue.community = community.id;
    return issue;
}

// The communities as GEOS geometries with their boxes, and the buildings placed in each.
struct CommunityIndex
{
    std::vector<GeomPtr> areas;
    std::vector<Box> boxes;
    std::vector<std::vector<int>> buildings; // ascending
};

CommunityIndex indexCommunities(geom::GeosContext& ctx, const Plan& plan)
{
    CommunityIndex index;
    for (const auto& c : plan.communities)
    {
        index.areas.push_back(geom::toGeos(ctx, c.area));
        index.boxes.push_back(c.area.empty() ? Box() : envelopeOf(c.area));
    }
    index.buildings.resize(plan.communities.size());
    for (int b = 0; b < static_cast<int>(plan.buildings.size()); ++b)
        if (const int c = at(plan.buildings, b).community; c >= 0)
            at(index.buildings, c).push_back(b);
    return index;
}

// The part of a special area in community c that no earlier special area claimed; an overlap
// with the claimed land above the report threshold becomes an issue.
GeomPtr unclaimedPiece(geom::GeosContext& ctx, Plan& plan, const SpecialArea& special,
                       const GEOSGeometry* whole, const GEOSGeometry* community,
                       const GeomPtr& claimed, int c)
{
    const auto h = ctx.handle();
    GeomPtr piece = checked(ctx, GEOSIntersection_r(h, whole, community),
                            "intersection of a special area with a community");
    if (!claimed)
        return piece;
    GeomPtr overlap =
        checked(ctx, GEOSIntersection_r(h, piece.get(), claimed.get()), "overlap of special areas");
    double overlap_m2 = 0;
    GEOSArea_r(h, overlap.get(), &overlap_m2);
    if (overlap_m2 > kOverlapReportM2)
    {
        auto issue = specialIssue(special, "special_area_overlap",
                                  std::to_string(static_cast<long>(std::lround(overlap_m2))) +
                                      " m² overlap an earlier special area; that land stays "
                                      "with the earlier one");
        issue.community = at(plan.communities, c).id;
        issue.area = geom::toMultiPolygon(ctx, overlap.get());
        plan.issues.push_back(std::move(issue));
    }
    return checked(ctx, GEOSDifference_r(h, piece.get(), claimed.get()),
                   "difference of special areas");
}

// Of `candidates` (ascending), the buildings in no special area yet whose anchor `land` covers.
std::vector<int> buildingsCoveredBy(geom::GeosContext& ctx, const Plan& plan,
                                    const MultiPolygon& land, const std::vector<int>& candidates)
{
    std::vector<int> held;
    geom::PreparedAreas prepared(ctx, {&land});
    for (int b : candidates)
    {
        const auto& building = at(plan.buildings, b);
        if (building.special >= 0)
            continue;
        const GeomPtr anchor = geom::toGeos(ctx, building.anchor);
        if (prepared.covers(0, anchor.get()))
            held.push_back(b);
    }
    return held;
}

// Appends the dedicated grid of special area s in community c, holding `held`; returns its
// households.
int addSpecialGrid(Plan& plan, int s, int c, const std::vector<int>& held, MultiPolygon land,
                   const DedicatedConfig& dedicated)
{
    const auto& special = at(plan.specials, s);
    Grid grid;
    grid.kind = GridKind::Dedicated;
    grid.dedicated_type = special.kind;
    grid.name = special.name;
    grid.special = s;
    grid.community = c;
    grid.area = std::move(land);
    const int g = static_cast<int>(plan.grids.size());
    plan.grids.push_back(std::move(grid));
    for (int b : held)
    {
        auto& building = at(plan.buildings, b);
        building.special = s;
        assignBuilding(plan, b, g);
        at(plan.grids, g).floor_area_m2 += floorArea(building, dedicated);
    }
    return at(plan.grids, g).households;
}

} // namespace

std::string specialKind(const std::string& raw, const classify::UseMapping& uses)
{
    const std::string value = classify::normalizeUseValue(raw);
    if (parkWords().count(value))
        return "park";
    // Words that name land rather than buildings.
    if (value == "campus" || value == "园区校园" || value == "園區校園")
        return "campus";
    if (value == "military" || value == "cemetery" || value == "部队" || value == "部隊" ||
        value == "墓地" || value == "陵园")
        return "public";
    if (value == "business" || value == "商圈" || value == "商务区" || value == "商務區")
        return "commercial";
    if (value == "产业园" || value == "產業園" || value == "工业园" || value == "工業園")
        return "industrial";
    const auto use = uses.lookup(value);
    return use ? dedicatedType(*use) : "other";
}

SpecialStats carveSpecialAreas(Plan& plan, const SpecialOptions& options)
{
    SpecialStats stats;
    if (plan.specials.empty())
        return stats;
    geom::GeosContext ctx;
    const classify::UseMapping uses(options.use_mapping);
    const CommunityIndex communities = indexCommunities(ctx, plan);
    std::vector<GeomPtr> claimed(plan.communities.size()); // special land cut so far, per community

    for (int s = 0; s < static_cast<int>(plan.specials.size()); ++s)
    {
        auto& special = at(plan.specials, s);
        special.kind = specialKind(special.kind_value, uses);
        if (special.kind == "other" && !special.kind_value.empty())
            plan.issues.push_back(specialIssue(special, "value_ignored",
                                               "kind '" + special.kind_value +
                                                   "' is not a known kind (office, market, "
                                                   "commercial, industrial, campus, park, public); "
                                                   "its grid has dedicated_type other"));
        if (special.area.empty())
            continue;
        const GeomPtr whole = geom::toGeos(ctx, special.area);
        const double whole_area = bg::area(special.area);
        const Box box = envelopeOf(special.area);
        bool made = false;
        for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        {
            if (at(plan.communities, c).area.empty() ||
                !bg::intersects(box, at(communities.boxes, c)))
                continue;
            GeomPtr piece = unclaimedPiece(ctx, plan, special, whole.get(),
                                           at(communities.areas, c).get(), at(claimed, c), c);
            MultiPolygon land = geom::toMultiPolygon(ctx, piece.get());
            const double land_m2 = bg::area(land);
            if (land_m2 <= 0)
                continue;
            const std::vector<int> held =
                buildingsCoveredBy(ctx, plan, land, at(communities.buildings, c));
            if (held.empty() && (land_m2 < kSliverM2 || land_m2 < kSliverShare * whole_area))
            {
                plan.issues.push_back(sliverIssue(plan, special, c, land_m2));
                continue;
            }
            stats.households +=
                addSpecialGrid(plan, s, c, held, std::move(land), options.dedicated);
            auto& taken = at(claimed, c);
            taken = taken ? unionOf(ctx, taken.get(), piece.get()) : std::move(piece);
            stats.buildings += static_cast<int>(held.size());
            ++stats.grids;
            made = true;
        }
        if (!made)
        {
            auto issue = specialIssue(
                special, "special_area_outside",
                "it lies in no community (or only as slivers), so it forms no dedicated grid");
            issue.area = special.area;
            plan.issues.push_back(std::move(issue));
        }
    }
    return stats;
}

MultiPolygon landAfterSpecials(geom::GeosContext& ctx, const Plan& plan, int c,
                               const std::vector<int>& special_grids)
{
    const auto& community = at(plan.communities, c).area;
    std::vector<GeomPtr> cut;
    for (int i : special_grids)
    {
        const auto& g = at(plan.grids, i);
        if (g.special >= 0 && g.community == c && !g.area.empty())
            cut.push_back(geom::toGeos(ctx, g.area));
    }
    if (cut.empty())
        return community;
    const auto h = ctx.handle();
    GeomPtr taken = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(cut));
    taken = checked(ctx, GEOSUnaryUnion_r(h, taken.get()), "union of special-area grids");
    const GeomPtr all = geom::toGeos(ctx, community);
    const GeomPtr rest = checked(ctx, GEOSDifference_r(h, all.get(), taken.get()),
                                 "community minus its special areas");
    return geom::toMultiPolygon(ctx, rest.get());
}

} // namespace gp::dedicate
