// The lon/lat systems of Chinese web maps, which PROJ does not define: GCJ-02 (the national
// obfuscation used by Amap/Gaode, Tencent and Google in China) and BD-09 (Baidu's further shift
// of GCJ-02). Both are WGS 84 lon/lat moved by a smooth offset of 100-700 m. Forward formulas
// as published (the widely used eviltransform / coordtransform code: Krasovsky a = 6378245.0,
// ee = 0.00669342162296594323; BD-09 with x_pi = pi * 3000 / 180); inverses by fixed-point
// iteration to well under a millimetre. Outside China's box points are left as they are, as the
// published formulas do.
#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <memory>
#include <optional>
#include <string>

namespace gp::io
{

enum class LonLatShift
{
    None,  // WGS 84 (or any CRS PROJ knows)
    Gcj02, // GCJ-02
    Bd09,  // BD-09
};

// "GCJ02" / "GCJ-02" / "BD09" / "BD-09" (any case) -> the shift; nullopt for any other text.
std::optional<LonLatShift> parseLonLatShift(const std::string& name);
const char* toString(LonLatShift shift); // "WGS84", "GCJ02", "BD09"

// Whether the published formulas leave (lon, lat) unshifted (outside China's bounding box).
bool outOfChina(double lon, double lat);

// WGS 84 lon/lat -> the shifted system, in place (the published forward formulas).
void shiftFromWgs84(LonLatShift shift, double& lon, double& lat);
// The shifted system -> WGS 84, in place: the forward formula inverted by iteration.
void shiftToWgs84(LonLatShift shift, double& lon, double& lat);

// A coordinate transformation with a lon/lat shift removed before `inner` and/or applied after
// it: (shifted lon/lat -> WGS 84 -> working CRS) for inputs, (working -> WGS 84 -> shifted) for
// outputs. `inner` may be null (the identity, WGS 84 lon/lat on both sides).
class ShiftedTransform : public OGRCoordinateTransformation
{
  public:
    ShiftedTransform(LonLatShift remove_before, std::unique_ptr<OGRCoordinateTransformation> inner,
                     LonLatShift apply_after);
    OGRSpatialReference* GetSourceCS() override;
    OGRSpatialReference* GetTargetCS() override;
    int Transform(int count, double* x, double* y, double* z, double* t, int* success) override;
    OGRCoordinateTransformation* Clone() const override;
    OGRCoordinateTransformation* GetInverse() const override;

  private:
    LonLatShift m_before, m_after;
    std::unique_ptr<OGRCoordinateTransformation> m_inner;
    std::unique_ptr<OGRSpatialReference> m_wgs84; // source/target when there is no inner step
};

} // namespace gp::io
