#include "io/ogr_layers.hpp"

#include "io/china_coords.hpp"

#include <ogr_geometry.h>

#include <cmath>

namespace gp::io
{

namespace
{

OGRLinearRing* toOgrRing(const auto& ring)
{
    auto* r = new OGRLinearRing();
    r->setNumPoints(static_cast<int>(ring.size()));
    int i = 0;
    for (const auto& p : ring)
        r->setPoint(i++, p.x(), p.y());
    r->closeRings();
    return r;
}

OGRGeometryUniquePtr toOgr(const MultiPolygon& mp)
{
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const auto& poly : mp)
    {
        auto p = std::make_unique<OGRPolygon>();
        p->addRingDirectly(toOgrRing(poly.outer()));
        for (const auto& inner : poly.inners())
            p->addRingDirectly(toOgrRing(inner));
        out->addGeometryDirectly(p.release());
    }
    return OGRGeometryUniquePtr(out.release());
}

double roundTo(double v, double scale)
{
    return std::round(v * scale) / scale;
}

void roundCurve(OGRSimpleCurve& curve, double scale)
{
    for (int i = 0; i < curve.getNumPoints(); ++i)
        curve.setPoint(i, roundTo(curve.getX(i), scale), roundTo(curve.getY(i), scale));
}

// Output geometries are points and (multi)polygons only.
void roundCoordinates(OGRGeometry& g, double scale)
{
    switch (wkbFlatten(g.getGeometryType()))
    {
    case wkbPoint:
    {
        auto* p = g.toPoint();
        p->setX(roundTo(p->getX(), scale));
        p->setY(roundTo(p->getY(), scale));
        break;
    }
    case wkbPolygon:
        for (auto* ring : *g.toPolygon())
            roundCurve(*ring, scale);
        break;
    case wkbMultiPolygon:
        for (auto* part : *g.toMultiPolygon())
            roundCoordinates(*part, scale);
        break;
    default:
        break;
    }
}

} // namespace

ToWgs84::ToWgs84(const std::string& working_crs_wkt,
                 const std::function<void(const std::string&)>& fail)
    : ToWgs84(OutputCrs{working_crs_wkt, ""}, fail)
{
}

ToWgs84::ToWgs84(const OutputCrs& crs, const std::function<void(const std::string&)>& fail)
{
    const auto shift = parseLonLatShift(crs.target);
    m_wgs84 = spatialRefFromUser(crs.target.empty() || shift ? "EPSG:4326" : crs.target);
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    m_lon_lat = m_wgs84->IsSame(wgs84.get());
    OGRSpatialReference working;
    working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (working.importFromWkt(crs.working_wkt.c_str()) != OGRERR_NONE)
        fail("the working CRS cannot be read back");
    m_transform.reset(OGRCreateCoordinateTransformation(&working, m_wgs84.get()));
    if (!m_transform)
        fail("cannot transform to " + (crs.target.empty() ? std::string("EPSG:4326") : crs.target));
    if (shift)
        m_transform =
            std::make_unique<ShiftedTransform>(LonLatShift::None, std::move(m_transform), *shift);
}

OGRwkbGeometryType tableGeometryType(const FeatureTable& table)
{
    bool areas = false, points = false;
    for (const auto& row : table.rows)
    {
        if (row.area && !row.area->empty())
            areas = true;
        else if (row.point)
            points = true;
    }
    if (areas && !points)
        return wkbMultiPolygon;
    if (points && !areas)
        return wkbPoint;
    return wkbUnknown;
}

OGRFieldType ogrType(FieldType t)
{
    switch (t)
    {
    case FieldType::Integer:
        return OFTInteger64;
    case FieldType::Real:
        return OFTReal;
    case FieldType::String:
        return OFTString;
    case FieldType::Json:
        return OFTString;
    }
    return OFTString;
}

void appendRows(OGRLayer& layer, const FeatureTable& table, const ToWgs84& to_wgs84,
                int round_digits, const std::function<void(const std::string&)>& fail,
                ProgressTask* task)
{
    for (const auto& [name, type] : table.fields)
    {
        OGRFieldDefn defn(name.c_str(), ogrType(type));
        if (type == FieldType::Json)
            defn.SetSubType(OFSTJSON);
        if (layer.CreateField(&defn) != OGRERR_NONE)
            fail("cannot create field " + name);
    }
    const double scale = round_digits >= 0 ? std::pow(10.0, round_digits) : 0.0;
    for (const auto& row : table.rows)
    {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        for (std::size_t i = 0; i < row.values.size(); ++i)
        {
            const int idx = static_cast<int>(i);
            std::visit(
                [&](const auto& v)
                {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>)
                        f->SetFieldNull(idx);
                    else if constexpr (std::is_same_v<T, std::int64_t>)
                        f->SetField(idx, static_cast<GIntBig>(v));
                    else if constexpr (std::is_same_v<T, double>)
                        f->SetField(idx, v);
                    else
                        f->SetField(idx, v.c_str());
                },
                row.values[i]);
        }
        OGRGeometryUniquePtr g;
        if (row.area && !row.area->empty())
            g = toOgr(*row.area);
        else if (row.point)
            g.reset(new OGRPoint(row.point->x(), row.point->y()));
        if (g)
        {
            if (g->transform(to_wgs84.transform()) != OGRERR_NONE)
                fail("cannot reproject a feature to the output CRS");
            if (round_digits >= 0)
                roundCoordinates(*g, scale);
            f->SetGeometryDirectly(g.release());
        }
        if (layer.CreateFeature(f.get()) != OGRERR_NONE)
            fail("cannot write a feature");
        if (task)
            task->stepQuietly();
    }
}

} // namespace gp::io
