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
    std::vector<Point> community_centres;
    for (const auto& c : plan.communities)
        community_centres.push_back(centreOf(c.area, Point(0, 0)));
    const auto community_order = readingOrder(community_centres, rowHeightFor(community_centres));
    std::vector<int> community_seq(plan.communities.size());
    for (std::size_t k = 0; k < community_order.size(); ++k)
        community_seq[static_cast<std::size_t>(community_order[k])] = static_cast<int>(k) + 1;

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
        const auto order = readingOrder(centres, rowHeightFor(centres));
        for (std::size_t k = 0; k < order.size(); ++k)
        {
            auto& grid = plan.grids[static_cast<std::size_t>(grids_of[c][static_cast<std::size_t>(order[k])])];
            grid.code = street_code + "-" + format("%02d", community_seq[c]) + "-" +
                        format("%03d", static_cast<int>(k) + 1);
        }
    }
}

} // namespace gp::organize
