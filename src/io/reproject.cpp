#include "io/reproject.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace gp::io
{

namespace
{

using TransformPtr = std::unique_ptr<OGRCoordinateTransformation>;

std::string percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", fraction * 100.0);
    return buf;
}

bool isCgcs2000(const OGRSpatialReference& srs)
{
    const char* datum = srs.GetAttrValue("DATUM");
    std::string d = datum ? datum : "";
    std::transform(d.begin(), d.end(), d.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return d.find("china") != std::string::npos && d.find("2000") != std::string::npos;
}

// The buildings' centre as WGS 84 lon/lat; false when it is not on the globe (a corrupt vertex,
// a wrong CRS).
bool centreLonLat(const OGRSpatialReference& source, const Point& centre, double& lon, double& lat)
{
    lon = centre.x();
    lat = centre.y();
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    if (!source.IsSame(wgs84.get()))
    {
        GdalErrorCapture quiet;
        TransformPtr ct(OGRCreateCoordinateTransformation(&source, wgs84.get()));
        if (!ct || !ct->Transform(1, &lon, &lat))
            return false;
    }
    // A zone number computed from 1e300 would overflow.
    return std::abs(lon) <= 180.0 && std::abs(lat) <= 90.0;
}

// The CGCS2000 3-degree Gauss-Krueger zone for CGCS2000 data inside China's zones (EPSG:4534
// is central meridian 75E ... EPSG:4554 is 135E, no zone prefix in the easting), else UTM.
std::string fallbackCrs(const OGRSpatialReference& source, double lon, double lat,
                        std::string& what)
{
    if (isCgcs2000(source) && lon >= 73.5 && lon < 136.5)
    {
        const int zone = static_cast<int>(std::floor((lon - 73.5) / 3.0));
        what = "the CGCS2000 3-degree Gauss-Krueger zone (central meridian " +
               std::to_string(75 + 3 * zone) + "E)";
        return "EPSG:" + std::to_string(4534 + zone);
    }
    const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    what = "the local UTM zone " + std::to_string(zone) + (lat >= 0 ? "N" : "S");
    return "EPSG:" + std::to_string((lat >= 0 ? 32600 : 32700) + zone);
}

} // namespace

double scaleErrorAt(const OGRSpatialReference& projected, double lon, double lat)
{
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    // A transverse Mercator on the CRS's own datum, true scale at the point: projected -> local
    // is then a change of projection only.
    SpatialRefPtr geog(projected.CloneGeogCS());
    geog->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    double glon = lon, glat = lat;
    TransformPtr to_geog(OGRCreateCoordinateTransformation(wgs84.get(), geog.get()));
    if (!to_geog || !to_geog->Transform(1, &glon, &glat))
        throw InputError("cannot measure the scale of " + describeSrs(projected) + " at the data");
    SpatialRefPtr local(projected.CloneGeogCS());
    local->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    local->SetProjCS("local transverse Mercator");
    local->SetTM(glat, glon, 1.0, 0.0, 0.0);
    local->SetLinearUnits(SRS_UL_METER, 1.0);

    TransformPtr to_projected(OGRCreateCoordinateTransformation(geog.get(), &projected));
    TransformPtr to_local(OGRCreateCoordinateTransformation(&projected, local.get()));
    double cx = glon, cy = glat;
    if (!to_projected || !to_local || !to_projected->Transform(1, &cx, &cy))
        throw InputError("cannot measure the scale of " + describeSrs(projected) + " at the data");
    const double step = 10.0 / projected.GetLinearUnits(); // 10 m in the CRS's units
    double xs[3] = {cx, cx + step, cx}, ys[3] = {cy, cy, cy + step};
    if (!to_local->Transform(3, xs, ys) ||
        !std::all_of(xs, xs + 3, [](double v) { return std::isfinite(v); }) ||
        !std::all_of(ys, ys + 3, [](double v) { return std::isfinite(v); }))
        throw InputError("cannot measure the scale of " + describeSrs(projected) + " at the data");
    const double ux = xs[1] - xs[0], uy = ys[1] - ys[0]; // the CRS's x step on the ground
    const double vx = xs[2] - xs[0], vy = ys[2] - ys[0]; // its y step
    const double nominal = 10.0;
    const double kx = nominal / std::hypot(ux, uy), ky = nominal / std::hypot(vx, vy);
    return std::max(std::abs(kx - 1), std::abs(ky - 1));
}

WorkingCrs chooseWorkingCrs(const OGRSpatialReference& source, const std::optional<Point>& centre,
                            const std::string& buildings_path, const std::string& user_choice)
{
    double lon = 0, lat = 0;
    const bool metric = source.IsProjected() && std::abs(source.GetLinearUnits() - 1.0) < 1e-9;
    if (!user_choice.empty())
    {
        auto srs = spatialRefFromUser(user_choice);
        if (!srs->IsProjected())
            throw ConfigError("--working-crs '" + user_choice +
                              "' is not a projected (metric) CRS");
        // No building geometry (the load refuses the layer next) or none on the globe (skipped
        // feature by feature as the load reads them): nothing to measure the scale at.
        if (!centre || !centreLonLat(source, *centre, lon, lat))
            return {std::move(srs),
                    "chosen with --working-crs (scale not checked: no building on the globe)"};
        const double error = scaleErrorAt(*srs, lon, lat);
        if (error > kMaxScaleError)
            throw ConfigError("--working-crs '" + user_choice + "' is off true scale by " +
                              percent(error) + " at the data (more than " +
                              percent(kMaxScaleError) +
                              "): areas and households would be wrong; leave --working-crs out to "
                              "use the local UTM zone");
        return {std::move(srs),
                "chosen with --working-crs (scale error at the data " + percent(error) + ")"};
    }
    const bool located = centre && centreLonLat(source, *centre, lon, lat);
    if (!located && metric)
        return {SpatialRefPtr(source.Clone()),
                "the buildings' CRS (scale not checked: no building on the globe)"};
    if (!centre)
        throw InputError("buildings source '" + redactConnection(buildings_path) +
                         "' holds no geometry to choose a working CRS by (empty layer?)");
    if (!located)
        throw InputError("cannot locate the buildings on the globe to choose a working CRS: the "
                         "centre of buildings source '" +
                         redactConnection(buildings_path) +
                         "' is not a longitude/latitude (a corrupt vertex or a wrong CRS?); name a "
                         "metric CRS with --working-crs");
    std::string why;
    if (metric)
    {
        const double error = scaleErrorAt(source, lon, lat);
        if (error <= kMaxScaleError)
        {
            SpatialRefPtr srs(source.Clone());
            srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            return {std::move(srs),
                    "the buildings' CRS (scale error at the data " + percent(error) + ")"};
        }
        why = "the buildings' CRS " + describeSrs(source) + " is off true scale by " +
              percent(error) + " at the data (more than " + percent(kMaxScaleError) + "), so ";
    }
    else if (source.IsProjected())
        why = "the buildings' CRS " + describeSrs(source) + " is not in metres, so ";
    else
        why = "the buildings are in lon/lat (" + describeSrs(source) + "), so ";
    std::string what;
    const std::string code = fallbackCrs(source, lon, lat, what);
    auto srs = spatialRefFromUser(code);
    const double error = scaleErrorAt(*srs, lon, lat);
    return {std::move(srs),
            why + what + " " + code + " is used (scale error at the data " + percent(error) + ")"};
}

Box boxToWgs84(const Box& box, const std::string& working_crs_wkt)
{
    ensureGdalRegistered();
    OGRSpatialReference working;
    working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (working.importFromWkt(working_crs_wkt.c_str()) != OGRERR_NONE)
        throw OutputError("the working CRS cannot be read back for the map extent");
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(
        OGRCreateCoordinateTransformation(&working, wgs84.get()));
    if (!to_wgs84)
        throw OutputError("cannot transform the map extent to EPSG:4326");
    const double x0 = box.min_corner().x(), y0 = box.min_corner().y();
    const double x1 = box.max_corner().x(), y1 = box.max_corner().y();
    double xs[8] = {x0, x1, x0, x1, (x0 + x1) / 2, (x0 + x1) / 2, x0, x1};
    double ys[8] = {y0, y0, y1, y1, y0, y1, (y0 + y1) / 2, (y0 + y1) / 2};
    if (!to_wgs84->Transform(8, xs, ys))
        throw OutputError("cannot transform the map extent to EPSG:4326");
    return Box(Point(*std::min_element(xs, xs + 8), *std::min_element(ys, ys + 8)),
               Point(*std::max_element(xs, xs + 8), *std::max_element(ys, ys + 8)));
}

} // namespace gp::io
