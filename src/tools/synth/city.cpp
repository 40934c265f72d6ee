#include "tools/synth/city.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gp::synth
{

namespace
{

// Layout: square cells of 250 m between local roads; a community is 2 x 2 cells between
// collectors; arterials every 8 cells. South-west corner in UTM 50N (a city in the North China
// plain); rows grow northwards.
constexpr double kCell = 250.0;
constexpr double kCommunity = 2 * kCell;
constexpr double kX0 = 430000.0, kY0 = 4390000.0;
constexpr double kRoadMargin = 12.0;      // half a local road plus the setback
constexpr double kExpectedPerCell = 90.0; // mean buildings per cell over the kind mix below
constexpr double kInvalidShare = 0.001;
// River: a meander running north-south through the middle column of cells.
constexpr double kRiverAmplitude = 140.0, kRiverWavelength = 2400.0, kRiverHalfWidth = 35.0;

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
struct Rng
{
    std::uint64_t state;
    explicit Rng(std::uint64_t s) : state(s) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int integer(int lo, int hi)
    {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
};

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
{
    Rng r(seed ^ (a * 0xD6E8FEB86659FD93ULL) ^ (b * 0xA0761D6478BD642FULL));
    r.next();
    return r.next();
}

struct Box
{
    double x0, y0, x1, y1;
};

using Ring = std::vector<std::pair<double, double>>;

struct Building
{
    Ring ring; // open ring, counter-clockwise
    const char* use = "住宅";
    int floors = -1;     // -1: null
    double height = -1;  // < 0: null
    int households = -1; // -1: null
};

enum class Kind
{
    Compound,
    Lanes,
    Village,
    Office,
    Market,
    Campus,
    Green
};

bool isResidentialKind(Kind k)
{
    return k == Kind::Compound || k == Kind::Lanes || k == Kind::Village;
}

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

// Chinese numerals 1..9999 (一, 十二, 一百零五, ...), as in 第十二社区.
std::string chineseNumber(int n)
{
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char* units[] = {"", "十", "百", "千"};
    if (n <= 0 || n > 9999)
        return std::to_string(n);
    if (n >= 10 && n < 20)
        return std::string("十") + (n % 10 ? digits[n % 10] : "");
    std::string out;
    int d[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    bool zero = false, started = false;
    for (int i = 0; i < 4; ++i)
    {
        if (d[i] == 0)
        {
            zero = started;
            continue;
        }
        if (zero)
            out += digits[0];
        zero = false;
        started = true;
        out += digits[d[i]];
        out += units[3 - i];
    }
    return out;
}

constexpr const char* kRoadStems[] = {
    "长宁", "中山", "人民", "解放", "建设", "和平", "胜利", "新华", "东风", "朝阳", "光明", "幸福",
    "文化", "复兴", "延安", "南京", "淮海", "黄河", "长江", "西湖", "滨江", "望江", "青年", "团结",
    "红旗", "友谊", "振兴", "兴业", "民主", "永安", "安康", "富民", "工农", "春晖", "秀水", "金山"};
constexpr const char* kCompoundStems[] = {
    "阳光", "翠苑", "金桥", "锦绣", "华庭", "丽景", "御景", "碧水", "绿城", "星河", "龙湖", "明珠",
    "世纪", "东方", "春江", "秋水", "芳草", "紫荆", "桂花", "梧桐", "香樟", "玉兰", "海棠", "松涛"};
constexpr const char* kCompoundSuffixes[] = {"花园", "小区", "家园", "新村",
                                             "苑",   "公寓", "嘉园", "雅居"};
constexpr std::size_t kRoadStemCount = std::size(kRoadStems);
constexpr std::size_t kCompoundStemCount = std::size(kCompoundStems);

std::string roadName(int index, const char* suffix)
{
    const auto stem = kRoadStems[static_cast<std::size_t>(index) % kRoadStemCount];
    const int round = index / static_cast<int>(kRoadStemCount);
    static const char* sides[] = {"", "东", "西", "南", "北", "中"};
    return std::string(stem) + (round < 6 ? sides[round] : chineseNumber(round)) + suffix;
}

// One Shapefile layer, written feature by feature with one reused OGRFeature.
class ShapeWriter
{
  public:
    ShapeWriter(const std::string& dir, const std::string& name, OGRwkbGeometryType type,
                const std::vector<std::tuple<const char*, OGRFieldType, int, int>>& fields)
    {
        const std::string path = dir + "/" + name + ".shp";
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix"})
            std::filesystem::remove(dir + "/" + name + ext);
        auto* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        if (!driver)
            throw std::runtime_error("GDAL has no ESRI Shapefile driver");
        m_ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!m_ds)
            throw std::runtime_error("cannot create " + path + ": " + CPLGetLastErrorMsg());
        OGRSpatialReference srs;
        srs.importFromEPSG(32650);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        // A fixed DBF date: otherwise the header carries today's date and runs differ.
        const char* options[] = {"ENCODING=UTF-8", "DBF_DATE_LAST_UPDATE=2024-01-01", nullptr};
        m_layer = m_ds->CreateLayer(name.c_str(), &srs, type, const_cast<char**>(options));
        if (!m_layer)
            throw std::runtime_error("cannot create layer " + path + ": " + CPLGetLastErrorMsg());
        for (const auto& [field, ftype, width, precision] : fields)
        {
            OGRFieldDefn defn(field, ftype);
            defn.SetWidth(width);
            defn.SetPrecision(precision);
            if (m_layer->CreateField(&defn) != OGRERR_NONE)
                throw std::runtime_error("cannot create field " + std::string(field) + " in " +
                                         path);
        }
        m_feature.reset(OGRFeature::CreateFeature(m_layer->GetLayerDefn()));
    }

    // The feature to fill; all fields null.
    OGRFeature& next()
    {
        for (int i = 0; i < m_feature->GetFieldCount(); ++i)
            m_feature->SetFieldNull(i);
        m_feature->SetFID(OGRNullFID);
        return *m_feature;
    }

    void write(OGRGeometry* geometry)
    {
        m_feature->SetGeometryDirectly(geometry);
        if (m_layer->CreateFeature(m_feature.get()) != OGRERR_NONE)
            throw std::runtime_error(std::string("cannot write a feature: ") +
                                     CPLGetLastErrorMsg());
        ++m_count;
    }

    int count() const { return m_count; }

  private:
    GDALDatasetUniquePtr m_ds;
    OGRLayer* m_layer = nullptr;
    OGRFeatureUniquePtr m_feature;
    int m_count = 0;
};

OGRPolygon* polygon(const Ring& ring)
{
    auto* lr = new OGRLinearRing;
    lr->setNumPoints(static_cast<int>(ring.size()) + 1, FALSE);
    for (std::size_t i = 0; i <= ring.size(); ++i)
    {
        const auto& p = ring[i % ring.size()];
        lr->setPoint(static_cast<int>(i), p.first, p.second);
    }
    auto* poly = new OGRPolygon;
    poly->addRingDirectly(lr);
    return poly;
}

OGRLineString* line(const std::vector<std::pair<double, double>>& pts)
{
    auto* ls = new OGRLineString;
    ls->setNumPoints(static_cast<int>(pts.size()), FALSE);
    for (std::size_t i = 0; i < pts.size(); ++i)
        ls->setPoint(static_cast<int>(i), pts[i].first, pts[i].second);
    return ls;
}

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

double riverX(double y, double x_mid)
{
    return x_mid + kRiverAmplitude * std::sin(2 * std::numbers::pi * (y - kY0) / kRiverWavelength);
}

// Whether the river band (plus a bank) touches the cell.
bool riverCrosses(const Box& cell, double x_mid)
{
    double lo = 1e300, hi = -1e300;
    for (int i = 0; i <= 10; ++i)
    {
        const double x = riverX(cell.y0 + (cell.y1 - cell.y0) * i / 10, x_mid);
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    const double bank = kRiverHalfWidth + 15;
    return hi + bank > cell.x0 && lo - bank < cell.x1;
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

    ShapeWriter buildings(dir, "buildings", wkbPolygon,
                          {{"bld_id", OFTString, 10, 0},
                           {"use", OFTString, 16, 0},
                           {"floors", OFTInteger, 3, 0},
                           {"height", OFTReal, 6, 1},
                           {"households", OFTInteger, 5, 0}});
    ShapeWriter compounds(
        dir, "compounds", wkbPolygon,
        {{"cmp_id", OFTString, 8, 0}, {"name", OFTString, 40, 0}, {"kind", OFTString, 8, 0}});
    ShapeWriter communities(dir, "communities", wkbPolygon,
                            {{"comm_id", OFTString, 8, 0}, {"name", OFTString, 48, 0}});

    CitySummary summary;
    const std::uint64_t seed = options.seed;
    std::vector<Building> cell_buildings;
    char id[32];
    int community = 0;
    int last_row = 0, last_col = 0;
    for (int row = 0; summary.buildings < options.buildings; ++row)
        for (int col = 0; col < width && summary.buildings < options.buildings; ++col, ++community)
        {
            last_row = row;
            last_col = col;
            const double cx = kX0 + col * kCommunity, cy = kY0 + row * kCommunity;
            // Kinds of the four cells; at least two residential ones (a community has homes).
            Rng kind_rng(mixSeed(seed, 1, static_cast<std::uint64_t>(community)));
            std::array<Kind, 4> kinds{};
            std::array<Box, 4> boxes{};
            std::array<bool, 4> wet{};
            int residential = 0;
            for (int q = 0; q < 4; ++q)
            {
                const double x0 = cx + (q % 2) * kCell, y0 = cy + (q / 2) * kCell;
                boxes[static_cast<std::size_t>(q)] = {x0 + kRoadMargin, y0 + kRoadMargin,
                                                      x0 + kCell - kRoadMargin,
                                                      y0 + kCell - kRoadMargin};
                wet[static_cast<std::size_t>(q)] =
                    riverCrosses({x0, y0, x0 + kCell, y0 + kCell}, x_mid);
                kinds[static_cast<std::size_t>(q)] =
                    wet[static_cast<std::size_t>(q)] ? Kind::Green : pickKind(kind_rng);
                residential += isResidentialKind(kinds[static_cast<std::size_t>(q)]);
            }
            for (int q = 0; q < 4 && residential < 2; ++q)
                if (!wet[static_cast<std::size_t>(q)] &&
                    !isResidentialKind(kinds[static_cast<std::size_t>(q)]))
                {
                    kinds[static_cast<std::size_t>(q)] = Kind::Compound;
                    ++residential;
                }

            for (int q = 0; q < 4 && summary.buildings < options.buildings; ++q)
            {
                Rng rng(mixSeed(seed, 2,
                                static_cast<std::uint64_t>(community) * 4 +
                                    static_cast<std::uint64_t>(q)));
                const Kind kind = kinds[static_cast<std::size_t>(q)];
                const Box& b = boxes[static_cast<std::size_t>(q)];
                cell_buildings.clear();
                switch (kind)
                {
                case Kind::Compound:
                    apartments(rng, b, cell_buildings);
                    break;
                case Kind::Lanes:
                    lanes(rng, b, cell_buildings);
                    break;
                case Kind::Village:
                    village(rng, b, cell_buildings);
                    break;
                case Kind::Office:
                    offices(rng, b, cell_buildings);
                    break;
                case Kind::Market:
                    market(rng, b, cell_buildings);
                    break;
                case Kind::Campus:
                    campus(rng, b, cell_buildings);
                    break;
                case Kind::Green:
                    green(rng, b, cell_buildings);
                    break;
                }
                ++summary.cells;
                const auto keep = static_cast<std::size_t>(
                    std::min<long long>(static_cast<long long>(cell_buildings.size()),
                                        options.buildings - summary.buildings));
                cell_buildings.resize(keep);
                if (cell_buildings.empty())
                    continue;
                Box hull{1e300, 1e300, -1e300, -1e300};
                for (auto& bld : cell_buildings)
                {
                    for (const auto& [x, y] : bld.ring)
                        hull = {std::min(hull.x0, x), std::min(hull.y0, y), std::max(hull.x1, x),
                                std::max(hull.y1, y)};
                    ++summary.buildings;
                    std::snprintf(id, sizeof id, "B%07lld", summary.buildings);
                    auto& f = buildings.next();
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
                    buildings.write(polygon(bld.ring));
                }
                if (isResidentialKind(kind))
                {
                    const Box outline{
                        std::max(b.x0 - 4, hull.x0 - 6), std::max(b.y0 - 4, hull.y0 - 6),
                        std::min(b.x1 + 4, hull.x1 + 6), std::min(b.y1 + 4, hull.y1 + 6)};
                    auto& f = compounds.next();
                    std::snprintf(id, sizeof id, "K%06d", compounds.count() + 1);
                    f.SetField(0, id);
                    const std::string stem = kCompoundStems[rng.next() % kCompoundStemCount];
                    const std::string name =
                        kind == Kind::Compound
                            ? stem + kCompoundSuffixes[rng.next() % std::size(kCompoundSuffixes)]
                        : kind == Kind::Lanes ? stem + "里"
                                              : stem + "村";
                    f.SetField(1, name.c_str());
                    f.SetField(2, kind == Kind::Compound ? "小区"
                                  : kind == Kind::Lanes  ? "里弄"
                                                         : "村");
                    compounds.write(polygon(rect(outline.x0, outline.y0, outline.x1, outline.y1)));
                }
            }

            auto& f = communities.next();
            std::snprintf(id, sizeof id, "C%05d", community + 1);
            f.SetField(0, id);
            const std::string name =
                roadName(col + row * 3, "路") + "第" +
                chineseNumber(community / static_cast<int>(kRoadStemCount) + 1) + "社区";
            f.SetField(1, name.c_str());
            communities.write(polygon(rect(cx, cy, cx + kCommunity, cy + kCommunity)));
        }
    summary.communities = communities.count();
    summary.compounds = compounds.count();

    // The street: every full row of communities plus the filled part of the last row.
    const double full_top = kY0 + last_row * kCommunity, top = full_top + kCommunity;
    const double last_east = kX0 + (last_col + 1) * kCommunity;
    const double east =
        last_row == 0 ? last_east : kX0 + width * kCommunity; // one row: as far as it got
    {
        ShapeWriter street(dir, "street", wkbPolygon,
                           {{"name", OFTString, 24, 0}, {"code", OFTString, 12, 0}});
        auto& f = street.next();
        f.SetField(0, "长宁街道");
        f.SetField(1, "310105001");
        if (last_row == 0 || last_east >= east)
            street.write(polygon(rect(kX0, kY0, east, top)));
        else
            street.write(polygon({{kX0, kY0},
                                  {east, kY0},
                                  {east, full_top},
                                  {last_east, full_top},
                                  {last_east, top},
                                  {kX0, top}}));
    }

    // Roads on every cell edge: arterials every 8 cells, collectors on community edges, locals
    // between; each clipped to the street's outline and, as road centre lines come (e.g. OSM
    // ways), one feature per block edge. The river last.
    ShapeWriter barriers(dir, "barriers", wkbLineString,
                         {{"class", OFTString, 10, 0}, {"name", OFTString, 32, 0}});
    auto road_class = [](int i) {
        return i % 8 == 0 ? "arterial" : i % 2 == 0 ? "collector" : "local";
    };
    auto road_suffix = [](int i) { return i % 8 == 0 ? "大道" : i % 2 == 0 ? "路" : "街"; };
    const int columns = static_cast<int>(std::lround((east - kX0) / kCell)),
              rows = (last_row + 1) * 2;
    for (int i = 0; i <= columns; ++i)
    {
        const double x = kX0 + i * kCell;
        const double end = x <= last_east + 1e-6 ? top : full_top;
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
        const double end = y > full_top + 1e-6 ? last_east : east;
        const std::string name = roadName(j + 7, road_suffix(j));
        for (double x = kX0; x < end - 1e-6; x += kCell)
        {
            auto& f = barriers.next();
            f.SetField(0, road_class(j));
            f.SetField(1, name.c_str());
            barriers.write(line({{x, y}, {x + kCell, y}}));
        }
    }
    {
        std::vector<std::pair<double, double>> river;
        for (double y = kY0 - 200; y <= top + 200; y += 50)
            river.emplace_back(riverX(y, x_mid), y);
        auto& f = barriers.next();
        f.SetField(0, "river");
        f.SetField(1, "清水河");
        barriers.write(line(river));
    }
    summary.barriers = barriers.count();
    return summary;
}

} // namespace gp::synth
