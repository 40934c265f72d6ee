#include "organize/codes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
    auto row = [&](int i) {
        return static_cast<long>(std::floor((max_y - points[static_cast<std::size_t>(i)].y()) / row_height));
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const long ra = row(a), rb = row(b);
        if (ra != rb)
            return ra < rb;
        const double xa = points[static_cast<std::size_t>(a)].x(), xb = points[static_cast<std::size_t>(b)].x();
        if (xa != xb)
            return xa < xb;
        return a < b;
    });
    return order;
}

void assignCodes(Plan& plan, const std::string& street_code)
{
    // Areas in reading order, then communities in reading order within their area.
    std::vector<Point> area_centres;
    for (const auto& a : plan.areas)
        area_centres.push_back(centreOf(a.area, Point(0, 0)));
    const auto area_order = readingOrder(area_centres, rowHeightFor(area_centres));
    std::vector<std::string> area_code(plan.areas.size());
    for (std::size_t k = 0; k < area_order.size(); ++k)
    {
        auto& area = plan.areas[static_cast<std::size_t>(area_order[k])];
        area.code = street_code + "-" + format("%02d", static_cast<int>(k) + 1);
        area_code[static_cast<std::size_t>(area_order[k])] = area.code;
    }
    std::vector<std::vector<int>> communities_of(std::max<std::size_t>(1, plan.areas.size()));
    for (int c = 0; c < static_cast<int>(plan.communities.size()); ++c)
        communities_of[static_cast<std::size_t>(std::max(0, plan.communities[static_cast<std::size_t>(c)].area_grid))].push_back(c);
    for (std::size_t a = 0; a < communities_of.size(); ++a)
    {
        std::vector<Point> centres;
        for (int c : communities_of[a])
            centres.push_back(centreOf(plan.communities[static_cast<std::size_t>(c)].area, Point(0, 0)));
        const auto order = readingOrder(centres, rowHeightFor(centres));
        const std::string prefix = a < area_code.size() ? area_code[a] : street_code + "-01";
        for (std::size_t k = 0; k < order.size(); ++k)
            plan.communities[static_cast<std::size_t>(communities_of[a][static_cast<std::size_t>(order[k])])].code =
                prefix + "-" + format("%02d", static_cast<int>(k) + 1);
    }

    std::vector<std::vector<int>> grids_of(plan.communities.size());
    for (int g = 0; g < static_cast<int>(plan.grids.size()); ++g)
        grids_of[static_cast<std::size_t>(plan.grids[static_cast<std::size_t>(g)].community)].push_back(g);
    for (std::size_t c = 0; c < grids_of.size(); ++c)
    {
        std::vector<Point> centres;
        for (int g : grids_of[c])
        {
            const auto& grid = plan.grids[static_cast<std::size_t>(g)];
            // Fallback: mean of the grid's building anchors (before tiling there is no polygon).
            Point mean(0, 0);
            for (int b : grid.buildings)
                bg::add_point(mean, plan.buildings[static_cast<std::size_t>(b)].anchor);
            if (!grid.buildings.empty())
                bg::divide_value(mean, static_cast<double>(grid.buildings.size()));
            centres.push_back(centreOf(grid.area, mean));
        }
        // Residential grids 001, 002, ...; dedicated grids D01, D02, ... in the same reading order.
        const auto order = readingOrder(centres, rowHeightFor(centres));
        int residential = 0, dedicated = 0;
        for (int k : order)
        {
            auto& grid = plan.grids[static_cast<std::size_t>(grids_of[c][static_cast<std::size_t>(k)])];
            grid.code = plan.communities[c].code + "-" +
                        (grid.kind == GridKind::Dedicated ? "D" + format("%02d", ++dedicated)
                                                          : format("%03d", ++residential));
        }
    }
}

} // namespace gp::organize
