#include "io/china_coords.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace gp::io
{

namespace
{

constexpr double kPi = 3.14159265358979323846;
// Krasovsky 1940 ellipsoid, as the GCJ-02 formulas use it.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
constexpr double kXPi = kPi * 3000.0 / 180.0;

double transformLat(double x, double y)
{
    double r =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double transformLon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

void wgs84ToGcj02(double& lon, double& lat)
{
    if (outOfChina(lon, lat))
        return;
    double d_lat = transformLat(lon - 105.0, lat - 35.0);
    double d_lon = transformLon(lon - 105.0, lat - 35.0);
    const double rad_lat = lat / 180.0 * kPi;
    double magic = std::sin(rad_lat);
    magic = 1 - kEe * magic * magic;
    const double sqrt_magic = std::sqrt(magic);
    d_lat = (d_lat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
    d_lon = (d_lon * 180.0) / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
    lat += d_lat;
    lon += d_lon;
}

void gcj02ToBd09(double& lon, double& lat)
{
    const double x = lon, y = lat;
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kXPi);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kXPi);
    lon = z * std::cos(theta) + 0.0065;
    lat = z * std::sin(theta) + 0.006;
}

// Solves forward(w) = target for w by fixed-point iteration w -= forward(w) - target: the
// forward maps are a few hundred metres of slowly varying offset, so each step gains about
// three orders of magnitude. 1e-10 degrees is about 0.01 mm.
template <typename Forward>
void invert(Forward forward, double& lon, double& lat)
{
    const double target_lon = lon, target_lat = lat;
    double w_lon = lon, w_lat = lat;
    for (int i = 0; i < 30; ++i)
    {
        double f_lon = w_lon, f_lat = w_lat;
        forward(f_lon, f_lat);
        const double d_lon = f_lon - target_lon, d_lat = f_lat - target_lat;
        w_lon -= d_lon;
        w_lat -= d_lat;
        if (std::abs(d_lon) < 1e-10 && std::abs(d_lat) < 1e-10)
            break;
    }
    lon = w_lon;
    lat = w_lat;
}

} // namespace

std::optional<LonLatShift> parseLonLatShift(const std::string& name)
{
    std::string key;
    for (char c : name)
        if (c != '-' && c != '_' && c != ' ')
            key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (key == "GCJ02")
        return LonLatShift::Gcj02;
    if (key == "BD09")
        return LonLatShift::Bd09;
    return std::nullopt;
}

const char* toString(LonLatShift shift)
{
    switch (shift)
    {
    case LonLatShift::Gcj02:
        return "GCJ02";
    case LonLatShift::Bd09:
        return "BD09";
    case LonLatShift::None:
        break;
    }
    return "WGS84";
}

bool outOfChina(double lon, double lat)
{
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

void shiftFromWgs84(LonLatShift shift, double& lon, double& lat)
{
    if (shift == LonLatShift::None || outOfChina(lon, lat))
        return;
    wgs84ToGcj02(lon, lat);
    if (shift == LonLatShift::Bd09)
        gcj02ToBd09(lon, lat);
}

void shiftToWgs84(LonLatShift shift, double& lon, double& lat)
{
    if (shift == LonLatShift::None || !std::isfinite(lon) || !std::isfinite(lat))
        return;
    invert([shift](double& x, double& y) { shiftFromWgs84(shift, x, y); }, lon, lat);
}

ShiftedTransform::ShiftedTransform(LonLatShift remove_before,
                                   std::unique_ptr<OGRCoordinateTransformation> inner,
                                   LonLatShift apply_after)
    : m_before(remove_before), m_after(apply_after), m_inner(std::move(inner))
{
    if (!m_inner)
    {
        m_wgs84 = std::make_unique<OGRSpatialReference>();
        m_wgs84->importFromEPSG(4326);
        m_wgs84->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
}

OGRSpatialReference* ShiftedTransform::GetSourceCS()
{
    return m_inner ? m_inner->GetSourceCS() : m_wgs84.get();
}

OGRSpatialReference* ShiftedTransform::GetTargetCS()
{
    return m_inner ? m_inner->GetTargetCS() : m_wgs84.get();
}

int ShiftedTransform::Transform(int count, double* x, double* y, double* z, double* t, int* success)
{
    for (int i = 0; i < count; ++i)
        shiftToWgs84(m_before, x[i], y[i]);
    int ok = TRUE;
    if (m_inner)
        ok = m_inner->Transform(count, x, y, z, t, success);
    else if (success)
        std::fill(success, success + count, TRUE);
    for (int i = 0; i < count; ++i)
        if (!success || success[i])
            shiftFromWgs84(m_after, x[i], y[i]);
    return ok;
}

OGRCoordinateTransformation* ShiftedTransform::Clone() const
{
    return new ShiftedTransform(
        m_before,
        std::unique_ptr<OGRCoordinateTransformation>(m_inner ? m_inner->Clone() : nullptr),
        m_after);
}

OGRCoordinateTransformation* ShiftedTransform::GetInverse() const
{
    std::unique_ptr<OGRCoordinateTransformation> inverse;
    if (m_inner)
    {
        inverse.reset(m_inner->GetInverse());
        if (!inverse)
            return nullptr;
    }
    return new ShiftedTransform(m_after, std::move(inverse), m_before);
}

} // namespace gp::io
