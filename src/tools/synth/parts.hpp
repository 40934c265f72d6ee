// Internals of gridplan-synth shared by its files: the layout constants, the seeded random
// numbers, the building and cell types, names, and the river. Not part of the gridplan core.
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace gp::synth
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

inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0)
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

inline bool isResidentialKind(Kind k)
{
    return k == Kind::Compound || k == Kind::Lanes || k == Kind::Village;
}

// The kind of a cell, drawn from the mix of a Chinese street (half apartment compounds).
Kind pickKind(Rng& rng);

// Open rings, counter-clockwise.
Ring rect(double x0, double y0, double x1, double y1);
Ring rotatedRect(double cx, double cy, double w, double h, double angle);

// The buildings of one cell of `kind`, inside the cell's inner box `b` (cells.cpp).
void cellBuildings(Kind kind, Rng& rng, const Box& b, std::vector<Building>& out);

// Chinese numerals 1..9999 (一, 十二, 一百零五, ...), as in 第十二社区.
std::string chineseNumber(int n);
// The name of road `index` with `suffix` (路, 街, 大道): a stem, then a side or a number.
std::string roadName(int index, const char* suffix);
// The name of community `community` at (row, col): its road and a number (长宁路第一社区).
std::string communityName(int community, int row, int col);
// A compound's name for a residential kind: a stem and a suffix (花园, 里, 村, ...).
std::string compoundName(Rng& rng, Kind kind);

inline double riverX(double y, double x_mid)
{
    return x_mid + kRiverAmplitude * std::sin(2 * std::numbers::pi * (y - kY0) / kRiverWavelength);
}

// Whether the river band (plus a bank) touches the cell.
inline bool riverCrosses(const Box& cell, double x_mid)
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

} // namespace gp::synth
