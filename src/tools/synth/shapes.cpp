#include "tools/synth/shapes.hpp"

#include <ogr_spatialref.h>

#include <filesystem>
#include <stdexcept>

namespace gp::synth
{

ShapeWriter::ShapeWriter(const std::string& dir, const std::string& name, OGRwkbGeometryType type,
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
            throw std::runtime_error("cannot create field " + std::string(field) + " in " + path);
    }
    m_feature.reset(OGRFeature::CreateFeature(m_layer->GetLayerDefn()));
}

OGRFeature& ShapeWriter::next()
{
    for (int i = 0; i < m_feature->GetFieldCount(); ++i)
        m_feature->SetFieldNull(i);
    m_feature->SetFID(OGRNullFID);
    return *m_feature;
}

void ShapeWriter::write(OGRGeometry* geometry)
{
    m_feature->SetGeometryDirectly(geometry);
    if (m_layer->CreateFeature(m_feature.get()) != OGRERR_NONE)
        throw std::runtime_error(std::string("cannot write a feature: ") + CPLGetLastErrorMsg());
    ++m_count;
}

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

} // namespace gp::synth
