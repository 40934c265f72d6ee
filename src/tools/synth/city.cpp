// The synthetic city written community by community (see city.hpp): each community is 2 x 2
// cells whose kinds are drawn from its own seed, each cell's buildings from the cell's seed, so
// the files depend only on the seed and the size.
#include "tools/synth/city.hpp"

#include "tools/synth/parts.hpp"
#include "tools/synth/shapes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace gp::synth
{

namespace
{

// The four cells of one community: inner boxes (inside the road margin) and kinds.
struct CommunityCells
{
    std::array<Kind, 4> kinds{};
    std::array<Box, 4> boxes{};
};

// Kinds of the four cells; at least two residential ones (a community has homes). A cell the
// river touches is green.
CommunityCells communityCells(std::uint64_t seed, int community, double cx, double cy, double x_mid)
{
    Rng kind_rng(mixSeed(seed, 1, static_cast<std::uint64_t>(community)));
    CommunityCells cells;
    std::array<bool, 4> wet{};
    int residential = 0;
    for (std::size_t q = 0; q < 4; ++q)
    {
        const double x0 = cx + static_cast<double>(q % 2) * kCell,
                     y0 = cy + static_cast<double>(q / 2) * kCell;
        cells.boxes[q] = {x0 + kRoadMargin, y0 + kRoadMargin, x0 + kCell - kRoadMargin,
                          y0 + kCell - kRoadMargin};
        wet[q] = riverCrosses({x0, y0, x0 + kCell, y0 + kCell}, x_mid);
        cells.kinds[q] = wet[q] ? Kind::Green : pickKind(kind_rng);
        residential += isResidentialKind(cells.kinds[q]);
    }
    for (std::size_t q = 0; q < 4 && residential < 2; ++q)
        if (!wet[q] && !isResidentialKind(cells.kinds[q]))
        {
            cells.kinds[q] = Kind::Compound;
            ++residential;
        }
    return cells;
}

// The output layers of the buildings, compounds and communities, written as the rows grow.
struct CityLayers
{
    ShapeWriter buildings;
    ShapeWriter compounds;
    ShapeWriter communities;
};

// Writes one building feature (a few 4-corner footprints become bow-ties: invalid on purpose)
// and counts it.
void writeBuilding(ShapeWriter& layer, Building& bld, Rng& rng, CitySummary& summary)
{
    char id[32];
    ++summary.buildings;
    std::snprintf(id, sizeof id, "B%07lld", summary.buildings);
    auto& f = layer.next();
    f.SetField(0, id);
    f.SetField(1, bld.use);
    if (bld.floors >= 0)
        f.SetField(2, bld.floors);
    if (bld.height >= 0)
        f.SetField(3, bld.height);
    if (bld.households >= 0)
    {
        f.SetField(4, bld.households);
        ++summary.households_given;
        summary.households += bld.households;
    }
    if (bld.ring.size() == 4 && rng.chance(kInvalidShare))
    {
        std::swap(bld.ring[2], bld.ring[3]); // a bow-tie: the ring crosses itself
        ++summary.invalid;
    }
    layer.write(polygon(bld.ring));
}

// The compound outline of a residential cell: the buildings' hull grown a little, within the
// cell's box grown a little.
void writeCompound(ShapeWriter& layer, const Box& b, const Box& hull, Kind kind, Rng& rng)
{
    const Box outline{std::max(b.x0 - 4, hull.x0 - 6), std::max(b.y0 - 4, hull.y0 - 6),
                      std::min(b.x1 + 4, hull.x1 + 6), std::min(b.y1 + 4, hull.y1 + 6)};
    char id[32];
    auto& f = layer.next();
    std::snprintf(id, sizeof id, "K%06d", layer.count() + 1);
    f.SetField(0, id);
    const std::string name = compoundName(rng, kind);
    f.SetField(1, name.c_str());
    f.SetField(2, kind == Kind::Compound ? "小区" : kind == Kind::Lanes ? "里弄" : "村");
    layer.write(polygon(rect(outline.x0, outline.y0, outline.x1, outline.y1)));
}

// Cell q of a community: its buildings (no more than `limit` in all) and, when residential,
// its compound.
void writeCell(CityLayers& layers, const CommunityCells& cells, std::size_t q, std::uint64_t seed,
               int community, long long limit, CitySummary& summary)
{
    Rng rng(mixSeed(seed, 2, static_cast<std::uint64_t>(community) * 4 + q));
    const Kind kind = cells.kinds[q];
    const Box& b = cells.boxes[q];
    std::vector<Building> cell_buildings;
    cellBuildings(kind, rng, b, cell_buildings);
    ++summary.cells;
    const auto keep = static_cast<std::size_t>(std::min<long long>(
        static_cast<long long>(cell_buildings.size()), limit - summary.buildings));
    cell_buildings.resize(keep);
    if (cell_buildings.empty())
        return;
    Box hull{1e300, 1e300, -1e300, -1e300};
    for (auto& bld : cell_buildings)
    {
        for (const auto& [x, y] : bld.ring)
            hull = {std::min(hull.x0, x), std::min(hull.y0, y), std::max(hull.x1, x),
                    std::max(hull.y1, y)};
        writeBuilding(layers.buildings, bld, rng, summary);
    }
    if (isResidentialKind(kind))
        writeCompound(layers.compounds, b, hull, kind, rng);
}

void writeCommunity(ShapeWriter& layer, int community, int row, int col, double cx, double cy)
{
    char id[32];
    auto& f = layer.next();
    std::snprintf(id, sizeof id, "C%05d", community + 1);
    f.SetField(0, id);
    const std::string name = communityName(community, row, col);
    f.SetField(1, name.c_str());
    layer.write(polygon(rect(cx, cy, cx + kCommunity, cy + kCommunity)));
}

// How far the communities reach: every full row plus the filled part of the last row.
struct Extent
{
    double full_top;  // top of the last full row
    double top;       // top of the last row
    double last_east; // east end of the last row
    double east;      // east end of the full rows
    int last_row;
};

Extent extentOf(int width, int last_row, int last_col)
{
    Extent e;
    e.last_row = last_row;
    e.full_top = kY0 + last_row * kCommunity;
    e.top = e.full_top + kCommunity;
    e.last_east = kX0 + (last_col + 1) * kCommunity;
    e.east = last_row == 0 ? e.last_east : kX0 + width * kCommunity; // one row: as far as it got
    return e;
}

void writeStreet(const std::string& dir, const Extent& e)
{
    ShapeWriter street(dir, "street", wkbPolygon,
                       {{"name", OFTString, 24, 0}, {"code", OFTString, 12, 0}});
    auto& f = street.next();
    f.SetField(0, "长宁街道");
    f.SetField(1, "310105001");
    if (e.last_row == 0 || e.last_east >= e.east)
        street.write(polygon(rect(kX0, kY0, e.east, e.top)));
    else
        street.write(polygon({{kX0, kY0},
                              {e.east, kY0},
                              {e.east, e.full_top},
                              {e.last_east, e.full_top},
                              {e.last_east, e.top},
                              {kX0, e.top}}));
}

// Roads on every cell edge: arterials every 8 cells, collectors on community edges, locals
// between; each clipped to the street's outline and, as road centre lines come (e.g. OSM
// ways), one feature per block edge.
void writeRoads(ShapeWriter& barriers, const Extent& e)
{
    auto road_class = [](int i) {
        return i % 8 == 0 ? "arterial" : i % 2 == 0 ? "collector" : "local";
    };
    auto road_suffix = [](int i) { return i % 8 == 0 ? "大道" : i % 2 == 0 ? "路" : "街"; };
    const int columns = static_cast<int>(std::lround((e.east - kX0) / kCell)),
              rows = (e.last_row + 1) * 2;
    for (int i = 0; i <= columns; ++i)
    {
        const double x = kX0 + i * kCell;
        const double end = x <= e.last_east + 1e-6 ? e.top : e.full_top;
        const std::string name = roadName(i, road_suffix(i));
        for (double y = kY0; y < end - 1e-6; y += kCell)
        {
            auto& f = barriers.next();
            f.SetField(0, road_class(i));
            f.SetField(1, name.c_str());
            barriers.write(line({{x, y}, {x, y + kCell}}));
        }
    }
    for (int j = 0; j <= rows; ++j)
    {
        const double y = kY0 + j * kCell;
        const double end = y > e.full_top + 1e-6 ? e.last_east : e.east;
        const std::string name = roadName(j + 7, road_suffix(j));
        for (double x = kX0; x < end - 1e-6; x += kCell)
        {
            auto& f = barriers.next();
            f.SetField(0, road_class(j));
            f.SetField(1, name.c_str());
            barriers.write(line({{x, y}, {x + kCell, y}}));
        }
    }
}

void writeRiver(ShapeWriter& barriers, const Extent& e, double x_mid)
{
    std::vector<std::pair<double, double>> river;
    for (double y = kY0 - 200; y <= e.top + 200; y += 50)
        river.emplace_back(riverX(y, x_mid), y);
    auto& f = barriers.next();
    f.SetField(0, "river");
    f.SetField(1, "清水河");
    barriers.write(line(river));
}

} // namespace

CitySummary writeCity(const CityOptions& options)
{
    if (options.buildings < 1 || options.buildings > 5'000'000)
        throw std::runtime_error("--buildings must be between 1 and 5000000");
    GDALAllRegister();
    std::filesystem::create_directories(options.out_dir);
    const std::string& dir = options.out_dir;

    // Width in communities from the expected size: a roughly square city.
    const double cells_needed = static_cast<double>(options.buildings) / kExpectedPerCell;
    const int width = std::max(1, static_cast<int>(std::lround(std::sqrt(cells_needed) / 2)));
    const double x_mid = kX0 + width * kCommunity / 2 + kCell / 2 * (width % 2 == 0 ? 1 : 0);

    CityLayers layers{
        ShapeWriter(dir, "buildings", wkbPolygon,
                    {{"bld_id", OFTString, 10, 0},
                     {"use", OFTString, 16, 0},
                     {"floors", OFTInteger, 3, 0},
                     {"height", OFTReal, 6, 1},
                     {"households", OFTInteger, 5, 0}}),
        ShapeWriter(
            dir, "compounds", wkbPolygon,
            {{"cmp_id", OFTString, 8, 0}, {"name", OFTString, 40, 0}, {"kind", OFTString, 8, 0}}),
        ShapeWriter(dir, "communities", wkbPolygon,
                    {{"comm_id", OFTString, 8, 0}, {"name", OFTString, 48, 0}})};

    CitySummary summary;
    int community = 0, last_row = 0, last_col = 0;
    for (int row = 0; summary.buildings < options.buildings; ++row)
        for (int col = 0; col < width && summary.buildings < options.buildings; ++col, ++community)
        {
            last_row = row;
            last_col = col;
            const double cx = kX0 + col * kCommunity, cy = kY0 + row * kCommunity;
            const CommunityCells cells = communityCells(options.seed, community, cx, cy, x_mid);
            for (std::size_t q = 0; q < 4 && summary.buildings < options.buildings; ++q)
                writeCell(layers, cells, q, options.seed, community, options.buildings, summary);
            writeCommunity(layers.communities, community, row, col, cx, cy);
        }
    summary.communities = layers.communities.count();
    summary.compounds = layers.compounds.count();

    const Extent extent = extentOf(width, last_row, last_col);
    writeStreet(dir, extent);
    ShapeWriter barriers(dir, "barriers", wkbLineString,
                         {{"class", OFTString, 10, 0}, {"name", OFTString, 32, 0}});
    writeRoads(barriers, extent);
    writeRiver(barriers, extent, x_mid); // the river last
    summary.barriers = barriers.count();
    return summary;
}

} // namespace gp::synth
