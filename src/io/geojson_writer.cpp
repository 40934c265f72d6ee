#include "io/geojson_writer.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <ogr_geometry.h>

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

OGRFieldType ogrType(FieldType t)
{
    switch (t)
    {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::String: return OFTString;
    }
    return OFTString;
}

} // namespace

void writeGeoJson(const FeatureTable& table, const std::string& path, const std::string& working_crs_wkt)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    auto fail = [&](const std::string& what) {
        throw OutputError("cannot write '" + path + "': " + what +
                          (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
    };
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver)
        fail("GDAL has no GeoJSON driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        fail("cannot create the file");

    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    OGRSpatialReference working;
    working.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (working.importFromWkt(working_crs_wkt.c_str()) != OGRERR_NONE)
        fail("the working CRS cannot be read back");
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(
        OGRCreateCoordinateTransformation(&working, wgs84.get()));
    if (!to_wgs84)
        fail("cannot transform to EPSG:4326");

    const char* options[] = {"RFC7946=YES", "WRITE_NAME=YES", "COORDINATE_PRECISION=7", nullptr};
    OGRLayer* layer = ds->CreateLayer(table.name.c_str(), wgs84.get(), wkbUnknown,
                                      const_cast<char**>(options));
    if (!layer)
        fail("cannot create layer " + table.name);
    for (const auto& [name, type] : table.fields)
    {
        OGRFieldDefn defn(name.c_str(), ogrType(type));
        if (layer->CreateField(&defn) != OGRERR_NONE)
            fail("cannot create field " + name);
    }
    for (const auto& row : table.rows)
    {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (std::size_t i = 0; i < row.values.size(); ++i)
        {
            const int idx = static_cast<int>(i);
            std::visit(
                [&](const auto& v) {
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
            if (g->transform(to_wgs84.get()) != OGRERR_NONE)
                fail("cannot reproject a feature to EPSG:4326");
            f->SetGeometryDirectly(g.release());
        }
        if (layer->CreateFeature(f.get()) != OGRERR_NONE)
            fail("cannot write a feature");
    }
    ds.reset(); // closes the file; write errors surface here for GeoJSON
    if (capture.failed())
        fail("closing the file failed");
}

} // namespace gp::io
