// The buildings of one cell of the synthetic city, by kind: apartment compounds (slabs and
// towers), old lanes, villages, office clusters, markets, campuses and green land.
#include "tools/synth/parts.hpp"

#include <algorithm>
#include <array>

namespace gp::synth
{

namespace
{

// Buildings of one cell, by kind. Coordinates inside the cell's inner box `b`.
void apartments(Rng& rng, const Box& b, std::vector<Building>& out)
{
    const int mode = rng.integer(0, 9); // 0-5 slabs, 6-7 towers, 8-9 mixed
    const bool households_given = rng.chance(0.5);
    const bool height_only = !households_given && rng.chance(0.3);
    auto finish = [&](Building& bld, int floors, int units)
    {
        if (height_only)
            bld.height = std::round(floors * 2.9 * 10) / 10;
        else
            bld.floors = floors;
        if (households_given)
            bld.households = floors * units;
        bld.use = floors >= 10 && rng.chance(0.3) ? "公寓" : "住宅";
    };
    double y = b.y0 + 8;
    for (int row = 0;; ++row)
    {
        const bool tower_row = mode >= 6 && (mode < 8 || row % 2 == 1);
        if (tower_row)
        {
            const double size = rng.range(22, 28), depth = size * rng.range(0.8, 1.0);
            if (y + depth > b.y1 - 8)
                break;
            for (double x = b.x0 + 8; x + size <= b.x1 - 8; x += size + rng.range(15, 25))
            {
                Building bld;
                bld.ring = rect(x, y, x + size, y + depth);
                finish(bld, rng.integer(18, 33), rng.integer(4, 8));
                out.push_back(std::move(bld));
            }
            y += depth + rng.range(22, 30);
            continue;
        }
        const double depth = rng.range(11, 14);
        if (y + depth > b.y1 - 8)
            break;
        double x = b.x0 + 8;
        if (row == 0 && rng.chance(0.5)) // a kindergarten or a community service centre
        {
            const bool kindergarten = rng.chance(0.5);
            const double w = kindergarten ? 30 : 18;
            Building bld;
            bld.ring = rect(x, y, x + w, y + (kindergarten ? 22 : 12));
            bld.use = kindergarten ? "幼儿园" : "社区服务";
            bld.floors = kindergarten ? 3 : 2;
            out.push_back(std::move(bld));
            x += w + rng.range(10, 15);
        }
        for (;;)
        {
            const double length = rng.range(40, 75);
            if (x + length > b.x1 - 8)
                break;
            Building bld;
            bld.ring = rect(x, y, x + length, y + depth);
            const int stairs = std::max(2, static_cast<int>(std::lround(length / 20)));
            finish(bld, rng.integer(6, 18), stairs * 2);
            out.push_back(std::move(bld));
            x += length + rng.range(10, 18);
        }
        y += depth + rng.range(18, 30); // sunlight spacing between slab rows
    }
}

void lanes(Rng& rng, const Box& b, std::vector<Building>& out)
{
    const double pitch = rng.range(15, 18);
    const bool height_only = rng.chance(0.3);
    const bool households_given = rng.chance(0.5); // lane houses hold several families each
    for (double y = b.y0 + 4; y + pitch - 4 <= b.y1 - 4; y += pitch)
    {
        const double depth = pitch - rng.range(3.5, 5);
        const int row_floors = rng.integer(1, 3);
        int k = 0;
        for (double x = b.x0 + 4;;)
        {
            const double w = rng.range(4.5, 7);
            if (x + w > b.x1 - 4)
                break;
            Building bld;
            bld.ring = rect(x, y, x + w - 0.4, y + depth);
            const int floors = std::clamp(row_floors + (rng.chance(0.15) ? 1 : 0), 1, 3);
            bld.use = floors == 1 ? "平房" : "住宅";
            if (height_only)
                bld.height = std::round(floors * 3.1 * 10) / 10;
            else
                bld.floors = floors;
            if (households_given)
                bld.households = floors + rng.integer(0, floors);
            out.push_back(std::move(bld));
            x += w;
            if (++k % 12 == 0)
                x += rng.range(3, 5); // a cross alley
        }
    }
}

void village(Rng& rng, const Box& b, std::vector<Building>& out)
{
    const double pitch = rng.range(15, 19);
    const bool floors_known = rng.chance(0.6);
    for (double y = b.y0 + 8; y + pitch <= b.y1; y += pitch)
        for (double x = b.x0 + 8; x + pitch <= b.x1; x += pitch)
        {
            if (rng.chance(0.18))
                continue;
            const double w = rng.range(8, 12), h = rng.range(8, 11);
            Building bld;
            bld.ring =
                rotatedRect(x + pitch / 2 + rng.range(-1.5, 1.5),
                            y + pitch / 2 + rng.range(-1.5, 1.5), w, h, rng.range(-0.25, 0.25));
            bld.use = "农房";
            if (floors_known)
                bld.floors = rng.integer(2, 3);
            out.push_back(std::move(bld));
        }
}

void offices(Rng& rng, const Box& b, std::vector<Building>& out)
{
    const double pitch = (b.x1 - b.x0) / 3;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
        {
            if (!rng.chance(0.85))
                continue;
            const double w = rng.range(25, 50), h = rng.range(20, 40);
            const double x = b.x0 + j * pitch + (pitch - w) / 2,
                         y = b.y0 + i * pitch + (pitch - h) / 2;
            Building bld;
            bld.ring = rect(x, y, x + w, y + h);
            const bool podium = rng.chance(0.2);
            bld.use = podium ? "商业" : (rng.chance(0.8) ? "商务楼宇" : "办公");
            const int floors = podium ? rng.integer(3, 5) : rng.integer(8, 40);
            if (rng.chance(0.5))
                bld.height = floors * 4.0;
            bld.floors = floors;
            out.push_back(std::move(bld));
        }
}

void market(Rng& rng, const Box& b, std::vector<Building>& out)
{
    const int halls = rng.integer(2, 4);
    const double strip = (b.x1 - b.x0) / halls;
    static const char* uses[] = {"农贸市场", "市场", "商场", "商业"};
    for (int i = 0; i < halls; ++i)
    {
        const double w = std::min(strip - 12, rng.range(40, 80)), h = rng.range(40, 90);
        const double x = b.x0 + i * strip + 6, y = b.y0 + rng.range(10, b.y1 - b.y0 - h - 10);
        Building bld;
        bld.ring = rect(x, y, x + w, y + h);
        bld.use = uses[rng.integer(0, 3)];
        bld.floors = rng.integer(1, 3);
        out.push_back(std::move(bld));
    }
}

void campus(Rng& rng, const Box& b, std::vector<Building>& out)
{
    int row = 0;
    for (double y = b.y0 + 10; y + 18 <= b.y1 - 10; y += rng.range(38, 46), ++row)
    {
        const bool dorms = row >= 3;
        for (double x = b.x0 + 10;;)
        {
            const double length = dorms ? rng.range(50, 65) : rng.range(45, 60);
            if (x + length > b.x1 - 10)
                break;
            Building bld;
            bld.ring = rect(x, y, x + length, y + (dorms ? 13 : 18));
            bld.use = dorms ? "宿舍" : (row == 0 && x == b.x0 + 10 ? "体育" : "学校");
            bld.floors = dorms ? 6 : rng.integer(4, 6);
            out.push_back(std::move(bld));
            x += length + rng.range(15, 25);
        }
    }
}

void green(Rng& rng, const Box& b, std::vector<Building>& out)
{
    if (!rng.chance(0.5))
        return;
    const double x = rng.range(b.x0 + 20, b.x1 - 40), y = rng.range(b.y0 + 20, b.y1 - 40);
    Building bld;
    bld.ring = rect(x, y, x + 15, y + 10);
    bld.use = "公共";
    bld.floors = 1;
    out.push_back(std::move(bld));
}

} // namespace

Kind pickKind(Rng& rng)
{
    const double u = rng.uniform();
    if (u < 0.50)
        return Kind::Compound;
    if (u < 0.64)
        return Kind::Lanes;
    if (u < 0.76)
        return Kind::Village;
    if (u < 0.86)
        return Kind::Office;
    if (u < 0.90)
        return Kind::Market;
    if (u < 0.93)
        return Kind::Campus;
    return Kind::Green;
}

Ring rect(double x0, double y0, double x1, double y1)
{
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

Ring rotatedRect(double cx, double cy, double w, double h, double angle)
{
    const double c = std::cos(angle), s = std::sin(angle);
    Ring r;
    for (auto [dx, dy] : std::array<std::pair<double, double>, 4>{
             {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}}})
        r.emplace_back(cx + dx * c - dy * s, cy + dx * s + dy * c);
    return r;
}

void cellBuildings(Kind kind, Rng& rng, const Box& b, std::vector<Building>& out)
{
    switch (kind)
    {
    case Kind::Compound:
        apartments(rng, b, out);
        break;
    case Kind::Lanes:
        lanes(rng, b, out);
        break;
    case Kind::Village:
        village(rng, b, out);
        break;
    case Kind::Office:
        offices(rng, b, out);
        break;
    case Kind::Market:
        market(rng, b, out);
        break;
    case Kind::Campus:
        campus(rng, b, out);
        break;
    case Kind::Green:
        green(rng, b, out);
        break;
    }
}

} // namespace gp::synth
