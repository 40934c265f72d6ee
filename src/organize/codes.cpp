#include "organize/codes.hpp"
#include "core/index.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace gp::organize
{

namespace
{

Point centreOf(const MultiPolygon& mp, const Point& fallback)
{
    if (mp.empty() || bg::area(mp) <= 0)
        return fallback;
    Point c(0, 0);
    bg::centroid(mp, c);
    return c;
}

// Rows about as tall as the average item is wide, so a roughly square set gets square rows.
double rowHeightFor(const std::vector<Point>& points)
{
    if (points.size() < 2)
        return 1.0;
    double min_y = points[0].y(), max_y = min_y;
    for (const auto& p : points)
    {
        min_y = std::min(min_y, p.y());
        max_y = std::max(max_y, p.y());
    }
    const double rows = std::max(1.0, std::round(std::sqrt(static_cast<double>(points.size()))));
    return std::max(1.0, (max_y - min_y) / rows);
}

std::string format(const char* pattern, int value)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, pattern, value);
    return buf;
}

} // namespace

std::vector<int> readingOrder(const std::vector<Point>& points, double row_height)
{
    std::vector<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    if (points.empty())
        return order;
    double max_y = points[0].y();
    for (const auto& p : points)
        max_y = std::max(max_y, p.y());
    auto row = [&](int i)
    { return static_cast<long>(std::floor((max_y - at(points, i).y()) / row_height)); };
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b)
                     {
                         const long ra = row(a), rb = row(b);
                         if (ra != rb)
                             return ra < rb;
                         const double xa = at(points, a).x(), xb = at(points, b).x();
                         if (xa != xb)
                             return xa < xb;
                         return a < b;
                     });
    return order;
}

namespace
{

bool isNational(const CodeScheme& scheme)
{
    return scheme.scheme != "gridplan";
}

bool allDigits(const std::string& s, std::size_t n)
{
    return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string describe(const Community& c)
{
    return "community " + c.id + (c.name.empty() || c.name == c.id ? "" : " (" + c.name + ")");
}

// The 12-digit code of a community under a national scheme: administrative + street + the
// community's own 3 digits (from its field, else its number in reading order).
std::string nationalCommunityCode(const Community& c, const CodeScheme& scheme, int number)
{
    const std::string street = scheme.admin_code + scheme.street_number;
    if (scheme.community_code_field.empty())
    {
        if (number > 999)
            throw InputError("more than 999 communities: the community part of --code-scheme " +
                             scheme.scheme +
                             " codes has 3 digits; give codes with --community-code-field");
        return street + format("%03d", number);
    }
    std::string v = c.code_value;
    v.erase(0, v.find_first_not_of(" \t"));
    v.erase(v.find_last_not_of(" \t") + 1);
    if (allDigits(v, 3))
        return street + v;
    if (allDigits(v, 12))
    {
        if (v.compare(0, 9, street) != 0)
            throw InputError(describe(c) + ": its " + scheme.community_code_field + " '" + v +
                             "' is not a community of street " + street +
                             " (--admin-code + --street-number)");
        return v;
    }
    throw InputError(describe(c) + ": its " + scheme.community_code_field + " '" + c.code_value +
                     "' is not a 3-digit community code nor a 12-digit statistical code");
}

// Every community's grids in reading order (residential and dedicated together).
std::vector<std::vector<int>> gridsInReadingOrder(const Plan& plan)
{
    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        at(grids_of, at(plan.grids, g).community).push_back(g);
    for (auto& grids : grids_of)
    {
        std::vector<Point> centres;
        for (int g : grids)
        {
            const auto& grid = at(plan.grids, g);
            // Fallback: mean of the grid's building anchors (before tiling there is no polygon).
            Point mean(0, 0);
            for (int b : grid.buildings)
                bg::add_point(mean, at(plan.buildings, b).anchor);
            if (!grid.buildings.empty())
                bg::divide_value(mean, static_cast<double>(grid.buildings.size()));
            centres.push_back(centreOf(grid.area, mean));
        }
        std::vector<int> ordered;
        for (int k : readingOrder(centres, rowHeightFor(centres)))
            ordered.push_back(at(grids, k));
        grids = std::move(ordered);
    }
    return grids_of;
}

} // namespace

std::string gridCodePrefix(const CodeScheme& scheme, const std::string& community_code,
                           bool dedicated)
{
    if (scheme.scheme == "cjt349")
        return scheme.service_code + community_code;
    if (isNational(scheme))
        return community_code;
    return community_code + (dedicated ? "-D" : "-");
}

int gridSequenceWidth(const CodeScheme& scheme, bool dedicated)
{
    if (scheme.scheme == "cjt349")
        return 2;
    if (isNational(scheme))
        return 3;
    return dedicated ? 2 : 3;
}

namespace
{

// Areas in reading order: "<top>-AA".
std::vector<std::string> areaCodes(const Plan& plan, const std::string& top)
{
    std::vector<Point> area_centres;
    for (const auto& a : plan.areas)
        area_centres.push_back(centreOf(a.area, Point(0, 0)));
    const auto area_order = readingOrder(area_centres, rowHeightFor(area_centres));
    std::vector<std::string> area_code(plan.areas.size());
    for (std::size_t k = 0; k < area_order.size(); ++k)
        at(area_code, area_order[k]) = top + "-" + format("%02d", static_cast<int>(k) + 1);
    return area_code;
}

// Communities in reading order within their area: "<area>-CC", or under a national scheme the
// 12-digit code (numbered across areas in area order when no code field is given).
std::vector<std::string> communityCodes(const Plan& plan, const std::vector<std::string>& area_code,
                                        const std::string& street_code, const CodeScheme& scheme)
{
    const bool national = isNational(scheme);
    std::vector<std::vector<int>> communities_of(std::max<std::size_t>(1, plan.areas.size()));
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        at(communities_of, std::max(0, at(plan.communities, c).area_grid)).push_back(c);
    std::vector<std::string> code(plan.communities.size());
    std::map<std::string, const Community*> holder; // national codes must be unique
    int number = 0;
    for (std::size_t a = 0; a < communities_of.size(); ++a)
    {
        std::vector<Point> centres;
        for (int c : communities_of[a])
            centres.push_back(centreOf(at(plan.communities, c).area, Point(0, 0)));
        const auto order = readingOrder(centres, rowHeightFor(centres));
        const std::string prefix = a < area_code.size() ? area_code[a] : street_code + "-01";
        for (std::size_t k = 0; k < order.size(); ++k)
        {
            const int c = at(communities_of[a], order[k]);
            const auto& comm = at(plan.communities, c);
            if (!national)
            {
                at(code, c) = prefix + "-" + format("%02d", static_cast<int>(k) + 1);
                continue;
            }
            at(code, c) = nationalCommunityCode(comm, scheme, ++number);
            if (const auto [it, fresh] = holder.emplace(at(code, c), &comm); !fresh)
                throw InputError(describe(*it->second) + " and " + describe(comm) +
                                 " have the same code " + at(code, c));
        }
    }
    return code;
}

// The grids of one community numbered in reading order, into `grid_code`.
void numberGrids(const Plan& plan, int community, const std::vector<int>& grids,
                 const std::string& community_code, const CodeScheme& scheme,
                 std::vector<std::string>& grid_code)
{
    if (isNational(scheme))
    {
        // One sequence for every grid of the community, dedicated ones included.
        const int width = gridSequenceWidth(scheme, false);
        const int most = width == 2 ? 99 : 999;
        if (static_cast<int>(grids.size()) > most)
            throw InputError(describe(at(plan.communities, community)) + " has " +
                             std::to_string(grids.size()) + " grids, more than the " +
                             std::to_string(width) + " sequence digits of --code-scheme " +
                             scheme.scheme + " codes allow (" + std::to_string(most) +
                             "); split the community or raise --min/--max");
        int seq = 0;
        for (int g : grids)
            at(grid_code, g) = gridCodePrefix(scheme, community_code, false) +
                               format(width == 2 ? "%02d" : "%03d", ++seq);
        return;
    }
    // Residential grids 001, 002, ...; dedicated grids D01, D02, ... in the same reading order.
    int residential = 0, dedicated = 0;
    for (int g : grids)
        at(grid_code, g) =
            community_code + "-" +
            (at(plan.grids, g).kind == GridKind::Dedicated ? "D" + format("%02d", ++dedicated)
                                                           : format("%03d", ++residential));
}

} // namespace

CodePlan planCodes(const Plan& plan, const std::string& street_code, const CodeScheme& scheme)
{
    const std::string top =
        isNational(scheme) ? scheme.admin_code + scheme.street_number : street_code;
    CodePlan codes;
    codes.area_codes = areaCodes(plan, top);
    codes.community_codes = communityCodes(plan, codes.area_codes, street_code, scheme);
    codes.grids_in_reading_order = gridsInReadingOrder(plan);
    codes.grid_codes.resize(plan.grids.size());
    for (std::size_t c = 0; c < codes.grids_in_reading_order.size(); ++c)
        numberGrids(plan, static_cast<int>(c), codes.grids_in_reading_order[c],
                    codes.community_codes[c], scheme, codes.grid_codes);
    return codes;
}

void writeCodes(Plan& plan, const CodePlan& codes)
{
    for (int a = 0; a < static_cast<int>(plan.areas.size()); ++a)
        at(plan.areas, a).code = at(codes.area_codes, a);
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        at(plan.communities, c).code = at(codes.community_codes, c);
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        at(plan.grids, g).code = at(codes.grid_codes, g);
}

void assignCodes(Plan& plan, const std::string& street_code, const CodeScheme& scheme)
{
    writeCodes(plan, planCodes(plan, street_code, scheme));
}

} // namespace gp::organize
