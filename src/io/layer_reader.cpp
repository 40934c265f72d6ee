#include "io/layer_reader.hpp"
#include "core/index.hpp"

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

// GDAL builds a Shapefile's side-file names (.prj, .dbf, .cpg) in 2,048-byte buffers: past that a
// .prj that exists is not found. Said with the error it causes.
std::string longPathNote(const std::string& path)
{
    if (path.size() < 1900)
        return "";
    return " (the path is " + std::to_string(path.size()) +
           " bytes long: GDAL does not find a Shapefile's .prj past about 2,000 bytes; move the "
           "data to a "
           "shorter path or link it from one)";
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
    auto ringOf = [](const OGRLineString* line) -> OGRPolygon*
    {
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
    auto useCrs = [&](const std::string& text)
    {
        const auto shift = parseLonLatShift(text);
        m_shift = shift.value_or(LonLatShift::None);
        m_srs = spatialRefFromUser(shift ? "EPSG:4326" : text);
    };
    // An engineering (LOCAL_CS) CRS is not tied to the globe: like a missing one, --assume-crs says
    // which CRS the coordinates are really in.
    const OGRSpatialReference* own = m_layer->GetSpatialRef();
    if (!source.crs.empty())
        useCrs(source.crs);
    else if (own && !own->IsLocal())
    {
        m_srs.reset(own->Clone());
        m_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    else if (!assume_crs.empty())
        useCrs(assume_crs);
    else if (own)
        throw InputError(
            "in " + where(m_role, source.path) + " layer '" + m_layer->GetName() + "': its CRS '" +
            (own->GetName() ? own->GetName() : "") +
            "' is an engineering (LOCAL_CS) CRS, not tied to the globe; name the CRS its "
            "coordinates are in with --assume-crs (it replaces a LOCAL_CS), e.g. "
            "--assume-crs EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)");
    else
        throw InputError("in " + where(m_role, source.path) + " layer '" + m_layer->GetName() +
                         "': no CRS (a Shapefile needs its .prj, a DXF drawing never has one); "
                         "name one with --assume-crs, e.g. --assume-crs EPSG:4326 (or GCJ02 / "
                         "BD09 for outlines traced on Amap / Baidu maps)" +
                         longPathNote(source.path));
}

OGREnvelope InputLayer::extent()
{
    OGREnvelope env;
    if (m_layer->GetExtent(&env, TRUE) != OGRERR_NONE)
        throw InputError("in " + where(m_role, m_source.path) +
                         ": cannot compute the extent (empty layer?)");
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
    return Point(at(xs, mid), at(ys, mid));
}

namespace
{

// Indices of the requested fields, the id field and the name field in the layer definition.
struct FieldIndices
{
    std::vector<int> values;
    int id = -1;
    int name = -1;
};

FieldIndices findFields(OGRFeatureDefn& defn, const LayerSource& source,
                        const std::vector<std::string>& fields, const std::string& context)
{
    auto fieldIndex = [&](const std::string& name)
    {
        const int idx = defn.GetFieldIndex(name.c_str());
        if (idx >= 0)
            return idx;
        std::string names;
        for (int i = 0; i < defn.GetFieldCount(); ++i)
            names += (i ? ", " : "") + std::string(defn.GetFieldDefn(i)->GetNameRef());
        // Non-ASCII names that do not match usually mean an undeclared DBF encoding.
        auto ascii = [](const std::string& t)
        {
            return std::all_of(t.begin(), t.end(),
                               [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        };
        const bool encoding_hint = !ascii(name) || !ascii(names);
        throw InputError("in " + context + ": no field named '" + name + "' (fields: " + names +
                         ")" +
                         (encoding_hint ? "; if the names look garbled the file's text encoding "
                                          "is not declared (no .cpg): name it with "
                                          "--source-encoding, e.g. --source-encoding GBK"
                                        : ""));
    };
    FieldIndices out;
    for (const auto& f : fields)
        out.values.push_back(fieldIndex(f));
    out.id = source.id_field.empty() ? -1 : fieldIndex(source.id_field);
    if (!source.name_field.empty())
        out.name = fieldIndex(source.name_field);
    else
        for (const char* candidate : {"name", "NAME", "Name", "名称"})
            if ((out.name = defn.GetFieldIndex(candidate)) >= 0)
                break;
    return out;
}

// Per worker thread: to the working CRS (null when it is the layer's) and on to WGS 84, where
// the outputs are also written. Transformations are not thread-safe, hence one set each.
struct Transforms
{
    std::unique_ptr<OGRCoordinateTransformation> to_working, to_wgs84;
};

std::vector<Transforms> makeTransforms(const OGRSpatialReference& from, LonLatShift shift,
                                       const OGRSpatialReference& working, int threads,
                                       const std::string& context)
{
    GdalErrorCapture capture;
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (!from.IsSame(&working))
    {
        transform.reset(OGRCreateCoordinateTransformation(&from, &working));
        if (!transform)
            throw InputError("in " + context + ": cannot transform from " + describeSrs(from) +
                             " to " + describeSrs(working) + ": " + capture.lastMessage());
    }
    // GCJ-02 / BD-09 input: the shift is removed before the CRS transformation.
    if (shift != LonLatShift::None)
        transform =
            std::make_unique<ShiftedTransform>(shift, std::move(transform), LonLatShift::None);
    SpatialRefPtr wgs84 = spatialRefFromUser("EPSG:4326");
    std::unique_ptr<OGRCoordinateTransformation> to_wgs84(
        OGRCreateCoordinateTransformation(&working, wgs84.get()));
    std::vector<Transforms> per_worker(static_cast<std::size_t>(resolveThreads(threads)));
    for (auto& t : per_worker)
    {
        t.to_working.reset(transform ? transform->Clone() : nullptr);
        t.to_wgs84.reset(to_wgs84 ? to_wgs84->Clone() : nullptr);
    }
    return per_worker;
}

// Outputs are also written in WGS 84: a feature that cannot get there (coordinates far off the
// CRS's domain, NaN) is skipped rather than failing the whole run at the end.
bool onTheGlobe(const OGRGeometry& g, OGRCoordinateTransformation* ct)
{
    OGREnvelope env;
    g.getEnvelope(&env);
    double xs[2] = {env.MinX, env.MaxX}, ys[2] = {env.MinY, env.MaxY};
    for (double v : {env.MinX, env.MaxX, env.MinY, env.MaxY})
        if (!std::isfinite(v))
            return false;
    return !ct || (ct->Transform(2, xs, ys) && std::isfinite(xs[0]) && std::isfinite(xs[1]) &&
                   std::isfinite(ys[0]) && std::isfinite(ys[1]));
}

void addPolygons(const OGRGeometry& g, OGRMultiPolygon& out)
{
    const auto t = wkbFlatten(g.getGeometryType());
    if (t == wkbPolygon && !g.IsEmpty())
        out.addGeometry(&g);
    else if (t == wkbMultiPolygon || t == wkbGeometryCollection)
        for (const auto* part : *g.toGeometryCollection())
            addPolygons(*part, out);
}

// The polygons of g, wherever they sit (a GeometryCollection's too), as one valid MultiPolygon:
// each invalid part repaired with make-valid, overlapping parts merged by a union, so every
// geometry type gives the same footprint and no land is counted twice. `what` says what was done.
std::unique_ptr<OGRGeometry> validPolygons(const OGRGeometry& g, std::string& what, bool& merged)
{
    auto all = std::make_unique<OGRMultiPolygon>();
    addPolygons(g, *all);
    if (all->IsValid())
        return all;
    auto parts = std::make_unique<OGRMultiPolygon>();
    bool repaired = false;
    for (const auto* part : *all)
    {
        if (part->IsValid())
        {
            parts->addGeometry(part);
            continue;
        }
        repaired = true;
        if (OGRGeometryUniquePtr fixed(part->MakeValid()); fixed)
            addPolygons(*fixed, *parts);
    }
    if (parts->IsEmpty())
        return nullptr;
    if (parts->IsValid())
    {
        what = "invalid geometry repaired with make-valid";
        return parts;
    }
    // Valid parts that overlap one another: their union is the footprint.
    OGRGeometryUniquePtr unioned(parts->UnionCascaded());
    auto out = std::make_unique<OGRMultiPolygon>();
    if (unioned)
        addPolygons(*unioned, *out);
    if (out->IsEmpty() || !out->IsValid())
        return nullptr;
    merged = true;
    what = std::to_string(parts->getNumGeometries()) +
           " overlapping parts merged into one footprint" +
           (repaired ? " (invalid parts repaired with make-valid)" : "");
    return out;
}

// A feature read but not yet converted; conversion runs on worker threads.
struct Pending
{
    FeatureRecord rec;
    OGRGeometryUniquePtr geom;
    std::string skipped;       // why the feature is skipped; empty when it is kept
    std::string repaired;      // what repairing the geometry did; empty when nothing
    bool merged_parts = false; // ... and it merged overlapping parts (overlapping_footprints)
};

// Fills rec's geometry from p.geom, or says in p.skipped why it cannot.
void convert(Pending& p, const Transforms& t, GeometryKind kind, const std::string& working_name)
{
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
    // A collection is valid when each part is, even if its parts overlap: its polygons are
    // checked as one MultiPolygon like a MultiPolygon's, never passed through as they are.
    if (kind != GeometryKind::Lineal && isPolygonal(geom.get()) &&
        (wkbFlatten(geom->getGeometryType()) == wkbGeometryCollection || !geom->IsValid()))
    {
        auto fixed = validPolygons(*geom, p.repaired, p.merged_parts);
        if (!fixed)
        {
            p.skipped = "invalid geometry that make-valid could not repair";
            return;
        }
        geom.reset(fixed.release());
    }
    collect(geom.get(), kind, p.rec);
    const bool usable = kind == GeometryKind::Lineal ? !p.rec.lines.empty()
                        : kind == GeometryKind::Polygonal
                            ? !p.rec.polygons.empty()
                            : (!p.rec.polygons.empty() || p.rec.point.has_value());
    if (!usable)
        p.skipped = std::string("geometry type ") + OGRGeometryTypeToName(geom->getGeometryType()) +
                    " is not usable here";
}

// The attributes of one feature; its geometry is taken for conversion.
Pending readFeature(OGRFeature& feature, const FieldIndices& indices)
{
    Pending p;
    FeatureRecord& rec = p.rec;
    rec.fid = feature.GetFID();
    if (indices.id >= 0)
    {
        rec.id =
            feature.IsFieldSetAndNotNull(indices.id) ? feature.GetFieldAsString(indices.id) : "";
        // A blank id cannot name the feature in outputs or re-runs: a stable stand-in, flagged.
        rec.id_empty =
            std::all_of(rec.id.begin(), rec.id.end(), [](char c) { return c == ' ' || c == '\t'; });
        if (rec.id_empty)
            rec.id = "FID:" + std::to_string(rec.fid);
    }
    else
        rec.id = std::to_string(rec.fid);
    if (indices.name >= 0 && feature.IsFieldSetAndNotNull(indices.name))
        rec.name = feature.GetFieldAsString(indices.name);
    for (int idx : indices.values)
        rec.values.push_back(feature.IsFieldSetAndNotNull(idx)
                                 ? std::optional<std::string>(feature.GetFieldAsString(idx))
                                 : std::nullopt);
    p.geom.reset(feature.StealGeometry());
    return p;
}

// What converting a batch needs besides the batch.
struct BatchContext
{
    GeometryKind kind;
    std::string role, file, working_name;
    std::vector<Transforms> transforms;
    int threads;
};

// Converts a batch on worker threads, then keeps its records in FID order with their issues.
void finishBatch(std::vector<Pending>& batch, BatchContext& ctx, LayerRecords& out)
{
    parallelFor(batch.size(), ctx.threads,
                [&](std::size_t i, int worker)
                { convert(batch[i], at(ctx.transforms, worker), ctx.kind, ctx.working_name); });
    for (auto& p : batch)
    {
        const std::string feature =
            ctx.role + " feature " + p.rec.id + " (FID " + std::to_string(p.rec.fid) + ")";
        Issue issue;
        if (!p.skipped.empty())
        {
            issue.reason = "feature_skipped";
            issue.detail = feature + " in '" + ctx.file + "': " + p.skipped;
            ++out.info.features_skipped;
        }
        else if (!p.repaired.empty())
        {
            const bool merged = p.merged_parts;
            issue.reason = merged ? "overlapping_footprints" : "geometry_repaired";
            issue.detail = feature + " in '" + ctx.file + "': " + p.repaired;
            issue.detail_zh =
                ctx.role + " 图层要素 " + p.rec.id + "（FID " + std::to_string(p.rec.fid) + "）" +
                (merged ? "的重叠部分已合并为一个轮廓" : "几何无效，已自动修复（make-valid）");
        }
        if (!issue.reason.empty())
        {
            if (ctx.role == "buildings")
                issue.buildings.push_back(p.rec.id);
            out.issues.push_back(std::move(issue));
        }
        if (p.skipped.empty())
            out.features.push_back(std::move(p.rec));
    }
    batch.clear();
}

} // namespace

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
    const std::string context = where(m_role, m_source.path) + " layer '" + out.info.layer + "'";
    const FieldIndices indices = findFields(*m_layer->GetLayerDefn(), m_source, fields, context);
    BatchContext ctx{
        kind,
        m_role,
        out.info.path,
        describeSrs(working),
        makeTransforms(*m_srs, m_shift, working, threads, where(m_role, m_source.path)),
        threads};

    // Read errors (a truncated .shp or .dbf) fail the run: a half-read layer would give a plan
    // that silently misses buildings. Errors of make-valid and reprojection are captured apart.
    GdalErrorCapture read_errors;
    auto failIfReadError = [&](const std::string& at)
    {
        if (read_errors.failed())
            throw InputError("cannot read " + where(m_role, m_source.path) + " " + at + ": " +
                             read_errors.lastMessage() + " (damaged or truncated file?)");
    };
    // Features are read in batches (GDAL reading is serial) and each batch converted in parallel.
    constexpr std::size_t kBatch = 4096;
    std::vector<Pending> batch;
    batch.reserve(kBatch);
    m_layer->ResetReading();
    std::int64_t last_fid = -1;
    // Counting costs a pass on some drivers: only when someone watches.
    const GIntBig count = progress ? m_layer->GetFeatureCount(TRUE) : 0;
    ProgressTask task(progress, "load " + m_role, count > 0 ? static_cast<std::size_t>(count) : 0);
    for (auto& feature : *m_layer)
    {
        task.stepQuietly();
        failIfReadError("at feature FID " + std::to_string(feature->GetFID()));
        last_fid = feature->GetFID();
        batch.push_back(readFeature(*feature, indices));
        ++out.info.features_read;
        if (batch.size() == kBatch)
            finishBatch(batch, ctx, out);
    }
    finishBatch(batch, ctx, out);
    task.finish();
    failIfReadError("after feature FID " + std::to_string(last_fid));
    if (m_role == "buildings" && out.features.empty())
        throw InputError(context + " holds no usable building (" +
                         std::to_string(out.info.features_read) + " features read" +
                         (m_source.where.empty() ? "" : " with the --where filter") + ", " +
                         std::to_string(out.info.features_skipped) + " skipped)");
    return out;
}

} // namespace gp::io
