#include "io/layer_reader.hpp"

#include "core/error.hpp"
#include "core/parallel.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace gp::io
{

namespace
{

std::string where(const std::string& role, const std::string& path)
{
    return role + " source '" + redactConnection(path) + "'";
}

template <typename RingT>
void readRing(const OGRLinearRing* ring, RingT& out)
{
    out.clear();
    out.reserve(static_cast<std::size_t>(ring->getNumPoints()));
    for (int i = 0; i < ring->getNumPoints(); ++i)
        out.emplace_back(ring->getX(i), ring->getY(i));
}

void appendPolygon(const OGRPolygon* poly, MultiPolygon& out)
{
    if (poly->IsEmpty() || !poly->getExteriorRing())
        return;
    Polygon p;
    readRing(poly->getExteriorRing(), p.outer());
    p.inners().resize(static_cast<std::size_t>(poly->getNumInteriorRings()));
    for (int i = 0; i < poly->getNumInteriorRings(); ++i)
        readRing(poly->getInteriorRing(i), p.inners()[static_cast<std::size_t>(i)]);
    bg::correct(p);
    out.push_back(std::move(p));
}

void appendLine(const OGRSimpleCurve* curve, MultiLineString& out)
{
    LineString line;
    for (int i = 0; i < curve->getNumPoints(); ++i)
        line.emplace_back(curve->getX(i), curve->getY(i));
    if (line.size() >= 2)
        out.push_back(std::move(line));
}

// Closed lines as polygon outlines: CAD drawings (GDAL's DXF driver reads a closed LWPOLYLINE
// as a LineString) draw compounds and communities that way. Open lines are left as they are
// (not areas); a (multi)line with closed parts becomes a (multi)polygon of those parts, which
// then gets the validity check and repair every polygon gets.
OGRGeometryUniquePtr closedLinesAsPolygons(OGRGeometryUniquePtr geom)
{
    auto ringOf = [](const OGRLineString* line) -> OGRPolygon* {
        if (line->getNumPoints() < 4 || !line->get_IsClosed())
            return nullptr;
        auto* ring = new OGRLinearRing();
        ring->addSubLineString(line);
        auto* poly = new OGRPolygon();
        poly->addRingDirectly(ring);
        return poly;
    };
    const auto type = wkbFlatten(geom->getGeometryType());
    if (type == wkbLineString)
    {
        if (OGRPolygon* poly = ringOf(geom->toLineString()))
            return OGRGeometryUniquePtr(poly);
    }
    else if (type == wkbMultiLineString)
    {
        auto polys = std::make_unique<OGRMultiPolygon>();
        for (const auto* line : *geom->toMultiLineString())
            if (OGRPolygon* poly = ringOf(line))
                polys->addGeometryDirectly(poly);
        if (!polys->IsEmpty())
            return OGRGeometryUniquePtr(polys.release());
    }
    return geom;
}

// Walks any geometry, collecting polygons, lines (polygon outlines too, for barriers) and points.
void collect(const OGRGeometry* g, GeometryKind kind, FeatureRecord& rec)
{
    const auto type = wkbFlatten(g->getGeometryType());
    switch (type)
    {
    case wkbPolygon:
        if (kind == GeometryKind::Lineal)
        {
            const auto* poly = g->toPolygon();
            for (const auto* ring : *poly)
                appendLine(ring, rec.lines);
        }
        else
            appendPolygon(g->toPolygon(), rec.polygons);
        break;
    case wkbLineString:
        if (kind == GeometryKind::Lineal)
            appendLine(g->toLineString(), rec.lines);
        break;
    case wkbPoint:
        if (kind == GeometryKind::PolygonalOrPoint && !g->IsEmpty() && !rec.point)
            rec.point = Point(g->toPoint()->getX(), g->toPoint()->getY());
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint:
    case wkbGeometryCollection:
        for (const auto* part : *g->toGeometryCollection())
            collect(part, kind, rec);
        break;
    default:
        break;
    }
}

// Polygons reach the plan from (Multi)Polygons and from inside GeometryCollections: both need
// the validity check, or an invalid footprint inside a collection slips through unrepaired.
bool isPolygonal(const OGRGeometry* g)
{
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbGeometryCollection)
        for (const auto* part : *g->toGeometryCollection())
            if (isPolygonal(part))
                return true;
    return t == wkbPolygon || t == wkbMultiPolygon;
}

} // namespace

InputLayer::InputLayer(const LayerSource& source, std::string role, const std::string& assume_crs)
    : m_source(source), m_role(std::move(role))
{
    m_dataset = openVector(source.path, m_role);
    m_layer = pickLayer(*m_dataset, source.path, source.layer, m_role);
    if (!source.where.empty())
    {
        GdalErrorCapture capture;
        // Some drivers (GPKG, SQLite) only complain when the first feature is fetched.
        bool ok = m_layer->SetAttributeFilter(source.where.c_str()) == OGRERR_NONE;
        if (ok)
        {
            OGRFeatureUniquePtr probe(m_layer->GetNextFeature());
            m_layer->ResetReading();
            ok = !capture.failed();
        }
        if (!ok)
            throw ConfigError("in " + where(m_role, source.path) + ": invalid --where filter '" +
                              source.where + "': " + capture.lastMessage());
    }
    // GCJ-02 / BD-09 are WGS 84 lon/lat with a shift PROJ does not know: read as EPSG:4326,
    // the shift removed per vertex in read().
    auto useCrs = [&](const std::string& text) {
        const auto shift = parseLonLatShift(text);
        m_shift = shift.value_or(LonLatShift::None);
        m_srs = spatialRefFromUser(shift ? "EPSG:4326" : text);
    };
    if (!source.crs.empty())
        useCrs(source.crs);
    else if (const OGRSpatialReference* srs = m_layer->GetSpatialRef())
    {
        m_srs.reset(srs->Clone());
        m_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    else if (!assume_crs.empty())
        useCrs(assume_crs);
    else
        throw InputError("in " + where(m_role, source.path) + " layer '" + m_layer->GetName() +
                         "': no CRS (a Shapefile needs its .prj, a DXF drawing never has one); "
                         "name one with --assume-crs, e.g. --assume-crs EPSG:4326 (or GCJ02 / "
                         "BD09 for outlines traced on Amap / Baidu maps)");
}

OGREnvelope InputLayer::extent()
{
    OGREnvelope env;
    if (m_layer->GetExtent(&env, TRUE) != OGRERR_NONE)
        throw InputError("in " + where(m_role, m_source.path) + ": cannot compute the extent (empty layer?)");
    return env;
}

std::optional<Point> InputLayer::typicalCentre()
{
    constexpr std::size_t kSample = 2001;
    std::vector<double> xs, ys;
    m_layer->ResetReading();
    for (auto& feature : *m_layer)
    {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty())
            continue;
        OGREnvelope env;
        g->getEnvelope(&env);
        const double x = (env.MinX + env.MaxX) / 2, y = (env.MinY + env.MaxY) / 2;
        if (std::isfinite(x) && std::isfinite(y))
        {
            xs.push_back(x);
            ys.push_back(y);
        }
        if (xs.size() == kSample)
            break;
    }
    m_layer->ResetReading();
    if (xs.empty())
        return std::nullopt;
    const auto mid = static_cast<std::ptrdiff_t>(xs.size() / 2);
    std::nth_element(xs.begin(), xs.begin() + mid, xs.end());
    std::nth_element(ys.begin(), ys.begin() + mid, ys.end());
    return Point(xs[static_cast<std::size_t>(mid)], ys[static_cast<std::size_t>(mid)]);
}

LayerRecords InputLayer::read(const OGRSpatialReference& working,
                              const std::vector<std::string>& fields, GeometryKind kind,
                              ProgressReporter* progress, int threads)
{
    LayerRecords out;
    out.info.role = m_role;
    out.info.path = redactConnection(m_source.path); // no password in report.json
    out.info.layer = m_layer->GetName();
    out.info.where = m_source.where;
    out.info.crs = m_shift == LonLatShift::None ? describeSrs(*m_srs) : toString(m_shift);

    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    auto fieldIndex = [&](const std::string& name) {
        const int idx = defn->GetFieldIndex(name.c_str());
        if (idx < 0)
        {
            std::string names;
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
            // Non-ASCII names that do not match usually mean an undeclared DBF encoding.
            auto ascii = [](const std::string& t) {
                return std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
            };
            const bool encoding_hint = !ascii(name) || !ascii(names);
            throw InputError("in " + where(m_role, m_source.path) + " layer '" + out.info.layer +
                             "': no field named '" + name + "' (fields: " + names + ")" +
                             (encoding_hint ? "; if the names look garbled the file's text encoding "
                                              "is not declared (no .cpg): name it with "
                                              "--source-encoding, e.g. --source-encoding GBK"
                                            : ""));
        }
        return idx;
    };
    std::vector<int> indices;
    for (const auto& f : fields)
        indices.push_back(fieldIndex(f));
    const int id_index = m_source.id_field.empty() ? -1 : fieldIndex(m_source.id_field);
    int name_index = -1;
    if (!m_source.name_field.empty())
        name_index = fieldIndex(m_source.name_field);
    else
        for (const char* candidate : {"name", "NAME", "Name", "名称"})
            if ((name_index = defn->GetFieldIndex(candidate)) >= 0)
                break;

    GdalErrorCapture capture;
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (!m_srs->IsSame(&working))
    {
        transform.reset(OGRCreateCoordinateTransformation(m_srs.get(), &working));
        if (!transform)
            throw InputError("in " + where(m_role, m_source.path) + ": cannot transform from " +
                             describeSrs(*m_srs) + " to " + describeSrs(working) + ": " +
                             capture.lastMessage());
    }
    if (m_shift != LonLatShift::None)
        transform = std::make_unique<ShiftedTransform>(m_shift, std::move(transform), LonLatShift::None);

    // Outputs are also written in WGS 84: a feature that cannot get there (coordinates far off
    // the CRS's domain, NaN) is skipped here rather than failing the whole run at the end.
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(
        OGRCreateCoordinateTransformation(&working, wgs84.get()));
    const std::string working_name = describeSrs(working);

    // Geometry work (reprojection, validity, repair, conversion) runs on worker threads, each
    // with its own transformations (they are not thread-safe); features come back in order.
    struct Transforms
    {
        std::unique_ptr<OGRCoordinateTransformation> to_working, to_wgs84;
    };
    std::vector<Transforms> per_worker(static_cast<std::size_t>(resolveThreads(threads)));
    for (auto& t : per_worker)
    {
        t.to_working.reset(transform ? transform->Clone() : nullptr);
        t.to_wgs84.reset(to_wgs84 ? to_wgs84->Clone() : nullptr);
    }
    auto onTheGlobe = [](const OGRGeometry& g, OGRCoordinateTransformation* ct) {
        OGREnvelope env;
        g.getEnvelope(&env);
        double xs[2] = {env.MinX, env.MaxX}, ys[2] = {env.MinY, env.MaxY};
        for (double v : {env.MinX, env.MaxX, env.MinY, env.MaxY})
            if (!std::isfinite(v))
                return false;
        return !ct || (ct->Transform(2, xs, ys) && std::isfinite(xs[0]) && std::isfinite(xs[1]) &&
                       std::isfinite(ys[0]) && std::isfinite(ys[1]));
    };
    struct Pending
    {
        FeatureRecord rec;
        OGRGeometryUniquePtr geom;
        std::string skipped; // why the feature is skipped; empty when it is kept
        bool repaired = false;
    };
    // Fills rec's geometry from p.geom, or says in p.skipped why it cannot.
    auto convert = [&](Pending& p, const Transforms& t) {
        GdalErrorCapture own; // GDAL/GEOS messages here are about this feature, not read errors
        OGRGeometryUniquePtr geom = std::move(p.geom);
        if (!geom || geom->IsEmpty())
        {
            p.skipped = "null or empty geometry";
            return;
        }
        if (geom->hasCurveGeometry())
            geom.reset(geom->getLinearGeometry());
        geom->flattenTo2D();
        if (t.to_working && geom->transform(t.to_working.get()) != OGRERR_NONE)
        {
            p.skipped = "cannot reproject to " + working_name;
            return;
        }
        if (!onTheGlobe(*geom, t.to_wgs84.get()))
        {
            p.skipped = "coordinates outside the valid area of " + working_name +
                        " (wrong CRS, or a corrupt vertex?)";
            return;
        }
        if (kind != GeometryKind::Lineal)
            geom = closedLinesAsPolygons(std::move(geom));
        if (kind != GeometryKind::Lineal && isPolygonal(geom.get()) && !geom->IsValid())
        {
            // Self-intersections and the like: repair (GEOS make-valid) and report, never drop silently.
            OGRGeometryUniquePtr fixed(geom->MakeValid());
            if (!fixed || fixed->IsEmpty())
            {
                p.skipped = "invalid geometry that make-valid could not repair";
                return;
            }
            p.repaired = true;
            geom = std::move(fixed);
        }
        collect(geom.get(), kind, p.rec);
        const bool usable = kind == GeometryKind::Lineal ? !p.rec.lines.empty()
                            : kind == GeometryKind::Polygonal
                                ? !p.rec.polygons.empty()
                                : (!p.rec.polygons.empty() || p.rec.point.has_value());
        if (!usable)
            p.skipped = std::string("geometry type ") +
                        OGRGeometryTypeToName(geom->getGeometryType()) + " is not usable here";
    };

    auto skip = [&](const FeatureRecord& rec, const std::string& why) {
        Issue issue;
        issue.reason = "feature_skipped";
        issue.detail = m_role + " feature " + rec.id + " (FID " + std::to_string(rec.fid) + ") in '" +
                       redactConnection(m_source.path) + "': " + why;
        if (m_role == "buildings")
            issue.buildings.push_back(rec.id);
        out.issues.push_back(std::move(issue));
        ++out.info.features_skipped;
    };

    // Read errors (a truncated .shp or .dbf) fail the run: a half-read layer would give a plan
    // that silently misses buildings. Errors of make-valid and reprojection are captured apart.
    GdalErrorCapture read_errors;
    auto failIfReadError = [&](const std::string& at) {
        if (read_errors.failed())
            throw InputError("cannot read " + where(m_role, m_source.path) + " " + at + ": " +
                             read_errors.lastMessage() + " (damaged or truncated file?)");
    };
    // Features are read in batches (GDAL reading is serial) and each batch converted in parallel.
    constexpr std::size_t kBatch = 4096;
    std::vector<Pending> batch;
    batch.reserve(kBatch);
    auto flush = [&] {
        parallelFor(batch.size(), threads, [&](std::size_t i, int worker) {
            convert(batch[i], per_worker[static_cast<std::size_t>(worker)]);
        });
        for (auto& p : batch)
        {
            if (!p.skipped.empty())
            {
                skip(p.rec, p.skipped);
                continue;
            }
            if (p.repaired)
            {
                Issue issue;
                issue.reason = "geometry_repaired";
                issue.detail = m_role + " feature " + p.rec.id + " (FID " + std::to_string(p.rec.fid) +
                               ") in '" + redactConnection(m_source.path) +
                               "': invalid geometry repaired with make-valid";
                issue.detail_zh = m_role + " 图层要素 " + p.rec.id + "（FID " + std::to_string(p.rec.fid) +
                                  "）几何无效，已自动修复（make-valid）";
                if (m_role == "buildings")
                    issue.buildings.push_back(p.rec.id);
                out.issues.push_back(std::move(issue));
            }
            out.features.push_back(std::move(p.rec));
        }
        batch.clear();
    };
    m_layer->ResetReading();
    std::int64_t last_fid = -1;
    // Counting costs a pass on some drivers: only when someone watches.
    const GIntBig count = progress ? m_layer->GetFeatureCount(TRUE) : 0;
    ProgressTask task(progress, "load " + m_role, count > 0 ? static_cast<std::size_t>(count) : 0);
    for (auto& feature : *m_layer)
    {
        task.stepQuietly();
        Pending p;
        FeatureRecord& rec = p.rec;
        rec.fid = feature->GetFID();
        failIfReadError("at feature FID " + std::to_string(rec.fid));
        last_fid = rec.fid;
        rec.id = (id_index >= 0 && feature->IsFieldSetAndNotNull(id_index))
                     ? feature->GetFieldAsString(id_index)
                     : std::to_string(rec.fid);
        if (name_index >= 0 && feature->IsFieldSetAndNotNull(name_index))
            rec.name = feature->GetFieldAsString(name_index);
        for (int idx : indices)
            rec.values.push_back(feature->IsFieldSetAndNotNull(idx)
                                     ? std::optional<std::string>(feature->GetFieldAsString(idx))
                                     : std::nullopt);
        ++out.info.features_read;
        p.geom.reset(feature->StealGeometry());
        batch.push_back(std::move(p));
        if (batch.size() == kBatch)
            flush();
    }
    flush();
    task.finish();
    failIfReadError("after feature FID " + std::to_string(last_fid));
    if (m_role == "buildings" && out.features.empty())
        throw InputError(where(m_role, m_source.path) + " layer '" + out.info.layer +
                         "' holds no usable building (" + std::to_string(out.info.features_read) +
                         " features read" + (m_source.where.empty() ? "" : " with the --where filter") +
                         ", " + std::to_string(out.info.features_skipped) + " skipped)");
    return out;
}

} // namespace gp::io
