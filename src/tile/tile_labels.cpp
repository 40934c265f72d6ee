// The face steps of tileCommunity: node all linework once, label every face with a grid, give
// empty blocks and detached pieces to a neighbour, and dissolve each grid's faces.
#include "core/index.hpp"
#include "tile/tiling.hpp"

#include "core/parallel.hpp"

#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

namespace gp::tile::internal
{

using geom::GeomPtr;

namespace
{

// Detached-piece repair rounds; each round only moves pieces to a neighbour, so few suffice.
constexpr int kMaxCleanupRounds = 8;

std::string gridNote(int grid, const std::string& text)
{
    return "grid " + std::to_string(grid) + ": " + text;
}

// The grid of a face at interior point p in block blk: the building whose cut footprint holds
// it (pin), else the block's grid, else the nearest site of the block.
std::pair<int, int> faceGrid(Tiling& t, const Point& p, int blk)
{
    const auto h = t.ctx.handle();
    int pin = -1;
    GeomPtr pt = geom::toGeos(t.ctx, p);
    for (int f : t.footprints.candidates(p))
        if (GEOSPreparedContains_r(h, t.footprints.prepared[f].get(), pt.get()) == 1)
        {
            const int g = t.in.grid_of[t.footprint_building[f]];
            if (pin < 0)
                pin = g;
            else if (g != pin)
                ++t.footprint_conflicts;
        }
    int grid = -1;
    if (pin >= 0)
        grid = pin;
    else if (t.block_grid[blk] >= 0)
        grid = t.block_grid[blk];
    else if (!t.block_sites[blk].empty())
    {
        std::vector<SiteEntry> nearest;
        t.siteTree(blk).query(bgi::nearest(p, 1), std::back_inserter(nearest));
        grid = t.in.grid_of[nearest.front().second];
    }
    return {grid, pin};
}

} // namespace

// One noded face set for everything: no two grids can ever overlap. Faces outside the
// community are dropped; every other face gets its first label.
void labelFaces(Tiling& t)
{
    auto& ctx = t.ctx;
    const auto h = ctx.handle();
    GeomPtr noded;
    {
        GeomPtr all = geom::makeCollection(ctx, GEOS_GEOMETRYCOLLECTION, std::move(t.linework));
        t.linework.clear();
        noded = nodeLines(ctx, all.get(), kFallbackGrid, &t.noding_fell_back);
    }
    t.face_set = polygonize(ctx, noded.get());
    noded.reset();
    for (int i = 0, n = GEOSGetNumGeometries_r(h, t.face_set.get()); i < n; ++i)
    {
        const GEOSGeometry* face = GEOSGetGeometryN_r(h, t.face_set.get(), i);
        const Point p = interiorPoint(ctx, face);
        const int blk = t.blocks.locateFace(ctx, face, p);
        if (blk < 0)
            continue;
        const auto [grid, pin] = faceGrid(t, p, blk);
        t.faces.push_back(face);
        t.label.push_back(grid);
        t.pinned.push_back(pin);
        t.face_area.push_back(areaOf(ctx, face));
    }
}

namespace
{

// The face holding point p (lowest index; else the lowest one touching it), or -1. Faces can
// be whole blocks holding many anchors: each is prepared once, when first asked.
int faceAt(Tiling& t, const BoxTree& face_tree, std::vector<PreparedPtr>& prepared_faces,
           const Point& p)
{
    const auto h = t.ctx.handle();
    std::vector<BoxEntry> hits;
    face_tree.query(bgi::intersects(p), std::back_inserter(hits));
    std::vector<int> ids;
    for (const auto& hit : hits)
        ids.push_back(hit.second);
    std::sort(ids.begin(), ids.end());
    GeomPtr pt = geom::toGeos(t.ctx, p);
    auto face_prepared = [&](int f)
    {
        if (!prepared_faces[f])
            prepared_faces[f] = prepare(t.ctx, t.faces[f]);
        return prepared_faces[f].get();
    };
    for (int f : ids)
        if (GEOSPreparedContains_r(h, face_prepared(f), pt.get()) == 1)
            return f;
    for (int f : ids)
        if (GEOSPreparedIntersects_r(h, face_prepared(f), pt.get()) == 1)
            return f;
    return -1;
}

} // namespace

// Anchors pin their face too (point-only buildings have no footprint to do it); then the face
// graph is built for the repair steps.
void pinAnchors(Tiling& t)
{
    const std::size_t nf = t.faces.size();
    const std::size_t nb = t.buildingCount();
    t.anchor_face.assign(nb, -1);
    std::vector<BoxEntry> entries;
    for (std::size_t f = 0; f < nf; ++f)
        entries.emplace_back(envelopeOf(t.ctx, t.faces[f]), static_cast<int>(f));
    const BoxTree face_tree(entries.begin(), entries.end());
    std::vector<PreparedPtr> prepared_faces(nf);
    for (std::size_t b = 0; b < nb; ++b)
    {
        const int g = t.in.grid_of[b];
        if (g < 0)
            continue;
        const int found = faceAt(t, face_tree, prepared_faces, t.in.anchors[b]);
        if (found < 0)
            continue;
        t.anchor_face[b] = found;
        if (t.pinned[found] < 0)
        {
            t.pinned[found] = g;
            t.label[found] = g;
        }
        else if (t.pinned[found] != g)
            ++t.footprint_conflicts;
    }
    if (t.footprint_conflicts > 0)
        t.note(std::to_string(t.footprint_conflicts) +
               " places where buildings of different grids overlap; the lower building index keeps "
               "the overlap");
    t.adj = faceAdjacency(t.ctx, t.faces);
}

namespace
{

// The grid an empty block joins: one whose separate pieces it touches (it joins them into one
// grid polygon; most pieces touched first, then the lower grid), else the grid sharing the
// longest border; -1 if it has no labelled neighbour.
int joiningGrid(const Tiling& t, const std::vector<int>& comp, const std::vector<int>& piece_of)
{
    std::map<int, std::vector<int>> touched; // grid -> its pieces the block touches
    for (int f : comp)
        for (const auto& [g, len] : at(t.adj, f))
            if (at(t.label, g) >= 0 && at(piece_of, g) >= 0)
                touched[at(t.label, g)].push_back(at(piece_of, g));
    int best = -1;
    std::size_t best_pieces = 1;
    for (auto& [grid, pieces] : touched)
    {
        std::sort(pieces.begin(), pieces.end());
        pieces.erase(std::unique(pieces.begin(), pieces.end()), pieces.end());
        if (pieces.size() > best_pieces)
        {
            best = grid;
            best_pieces = pieces.size();
        }
    }
    return best >= 0 ? best : longestBorderGrid(comp, t.label, t.adj, -1);
}

} // namespace

// Faces of blocks without grid buildings go, block by block, to the grid whose pieces they join,
// else to the grid sharing the longest border; repeat so that chains of empty blocks fill from
// their neighbours. A part with no labelled neighbour (e.g. a separate part of the community)
// goes to the nearest site's grid.
void fillEmptyBlocks(Tiling& t)
{
    auto& ctx = t.ctx;
    const std::size_t nf = t.faces.size();
    std::vector<int> block_of(nf, -1);
    for (std::size_t f = 0; f < nf; ++f)
        if (t.label[f] < 0)
            block_of[f] = t.blocks.locateFace(ctx, t.faces[f], interiorPoint(ctx, t.faces[f]));
    std::vector<bool> unlabeled(nf);
    for (std::size_t f = 0; f < nf; ++f)
        unlabeled[f] = t.label[f] < 0;
    auto comps =
        components(t.adj, unlabeled, [&](int a, int b) { return block_of[a] == block_of[b]; });
    std::vector<int> piece_of(nf, -1); // the piece of its grid each labelled face lies in
    {
        std::vector<bool> labelled(nf);
        for (std::size_t f = 0; f < nf; ++f)
            labelled[f] = t.label[f] >= 0;
        const auto pieces =
            components(t.adj, labelled, [&](int a, int b) { return t.label[a] == t.label[b]; });
        for (std::size_t p = 0; p < pieces.size(); ++p)
            for (int f : pieces[p])
                at(piece_of, f) = static_cast<int>(p);
    }
    int absorbed = 0;
    bool changed = true;
    std::vector<bool> done(comps.size(), false);
    while (changed)
    {
        changed = false;
        for (std::size_t c = 0; c < comps.size(); ++c)
        {
            if (done[c])
                continue;
            const int g = joiningGrid(t, comps[c], piece_of);
            if (g < 0)
                continue;
            for (int f : comps[c])
                t.label[f] = g;
            done[c] = true;
            changed = true;
            ++absorbed;
        }
    }
    int isolated = 0;
    for (std::size_t c = 0; c < comps.size(); ++c)
    {
        if (done[c])
            continue;
        int g = 0;
        if (!t.allSites().empty())
        {
            std::vector<SiteEntry> nearest;
            t.allSites().query(bgi::nearest(interiorPoint(ctx, t.faces[comps[c].front()]), 1),
                               std::back_inserter(nearest));
            g = t.in.grid_of[nearest.front().second];
        }
        for (int f : comps[c])
            t.label[f] = g;
        ++isolated;
    }
    if (absorbed > 0)
        t.note(std::to_string(absorbed) +
               " blocks without grid buildings absorbed by a neighbouring grid");
    if (isolated > 0)
        t.note(std::to_string(isolated) +
               " isolated parts without grid buildings given to the nearest grid");
}

namespace
{

// The face a grid without land takes: the nearest to one of its buildings' anchors among faces
// whose grid keeps another face, preferring faces no building pins; -1 if there is none.
int nearestSpareFace(Tiling& t, int g, const std::vector<int>& face_count)
{
    const auto h = t.ctx.handle();
    std::vector<GeomPtr> anchors;
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
        if (t.in.grid_of[b] == g)
            anchors.push_back(geom::toGeos(t.ctx, t.in.anchors[b]));
    int best = -1;
    std::tuple<int, double, int> best_key{2, 0.0, 0};
    for (std::size_t f = 0; f < t.faces.size(); ++f)
    {
        if (at(face_count, t.label[f]) < 2)
            continue;
        double d = std::numeric_limits<double>::infinity();
        for (const auto& a : anchors)
        {
            double df = 0.0;
            if (GEOSDistance_r(h, t.faces[f], a.get(), &df) == 1)
                d = std::min(d, df);
        }
        const std::tuple<int, double, int> key{t.pinned[f] >= 0 ? 1 : 0, d, static_cast<int>(f)};
        if (best < 0 || key < best_key)
        {
            best = static_cast<int>(f);
            best_key = key;
        }
    }
    return best;
}

// The half-plane of points nearer to `a` than to `b` (or, when they coincide, east of a), as a
// polygon large enough to cover `box`.
GeomPtr halfPlaneToward(geom::GeosContext& ctx, const Point& a, const Point& b, const Box& box)
{
    double nx = a.x() - b.x(), ny = a.y() - b.y();
    const double len = std::hypot(nx, ny);
    if (len > 0.0)
        nx /= len, ny /= len;
    else
        nx = 1.0, ny = 0.0;
    const Point mid = len > 0.0 ? Point((a.x() + b.x()) / 2, (a.y() + b.y()) / 2) : a;
    const double reach = bg::distance(box.min_corner(), box.max_corner()) +
                         bg::distance(mid, box.min_corner()) + 1.0;
    const double tx = -ny * reach, ty = nx * reach; // along the bisector
    MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {{mid.x() + tx, mid.y() + ty},
                     {mid.x() + tx + nx * reach, mid.y() + ty + ny * reach},
                     {mid.x() - tx + nx * reach, mid.y() - ty + ny * reach},
                     {mid.x() - tx, mid.y() - ty},
                     {mid.x() + tx, mid.y() + ty}};
    bg::correct(mp);
    return geom::toGeos(ctx, mp);
}

// The point of `face` nearest to `p` (p itself when inside).
Point nearestPointOf(Tiling& t, const GEOSGeometry* face, const GEOSGeometry* p,
                     const Point& fallback)
{
    const auto h = t.ctx.handle();
    GEOSCoordSequence* seq = GEOSNearestPoints_r(h, face, p);
    if (!seq)
        return fallback;
    double x = fallback.x(), y = fallback.y();
    GEOSCoordSeq_getXY_r(h, seq, 0, &x, &y);
    GEOSCoordSeq_destroy_r(h, seq);
    return Point(x, y);
}

// Last resort for a grid without land when no face can be spared: the face nearest to its first
// building is cut along the bisector between that building's anchor and the nearest anchor of
// the face's grid; the part on its side becomes a new face of the grid. Returns the new face's
// index, or -1.
int carveFace(Tiling& t, int g)
{
    auto& ctx = t.ctx;
    const auto h = ctx.handle();
    int first = -1;
    for (std::size_t b = 0; b < t.buildingCount() && first < 0; ++b)
        if (t.in.grid_of[b] == g)
            first = static_cast<int>(b);
    if (first < 0 || t.faces.empty())
        return -1;
    const Point anchor = at(t.in.anchors, first);
    GeomPtr pa = geom::toGeos(ctx, anchor);
    int f = -1;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < t.faces.size(); ++k)
    {
        double d = 0.0;
        if (GEOSDistance_r(h, t.faces[k], pa.get(), &d) == 1 && d < best)
            best = d, f = static_cast<int>(k);
    }
    if (f < 0)
        return -1;
    const int donor = at(t.label, f);
    const Point a = nearestPointOf(t, at(t.faces, f), pa.get(), anchor);
    Point other = a;
    double near = std::numeric_limits<double>::infinity();
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
        if (t.in.grid_of[b] == donor && bg::distance(a, t.in.anchors[b]) < near)
            near = bg::distance(a, t.in.anchors[b]), other = t.in.anchors[b];
    const Box box = envelopeOf(ctx, at(t.faces, f));
    GeomPtr half = halfPlaneToward(ctx, a, other, box);
    GeomPtr piece =
        geom::checked(ctx, GEOSIntersection_r(h, at(t.faces, f), half.get()), "intersection");
    GeomPtr rest =
        geom::checked(ctx, GEOSDifference_r(h, at(t.faces, f), half.get()), "difference");
    if (areaOf(ctx, piece.get()) <= 0.0 || areaOf(ctx, rest.get()) <= 0.0)
        return -1;
    at(t.face_area, f) = areaOf(ctx, rest.get());
    at(t.faces, f) = rest.get();
    t.carved.push_back(std::move(rest));
    t.faces.push_back(piece.get());
    t.face_area.push_back(areaOf(ctx, piece.get()));
    t.carved.push_back(std::move(piece));
    t.label.push_back(donor);
    t.pinned.push_back(-1);
    return static_cast<int>(t.faces.size()) - 1;
}

} // namespace

// A grid whose buildings hold no face (they lie outside the community, in a hole of it, or
// under a building of another grid) takes the nearest face another grid can spare, so that
// every grid has land.
void giveLandToEmptyGrids(Tiling& t)
{
    std::vector<int> face_count(static_cast<std::size_t>(t.in.grid_count), 0);
    for (int l : t.label)
        ++at(face_count, l);
    std::vector<bool> has_building(static_cast<std::size_t>(t.in.grid_count), false);
    for (int g : t.in.grid_of)
        if (g >= 0)
            at(has_building, g) = true;
    bool carved = false;
    for (int g = 0; g < t.in.grid_count; ++g)
    {
        if (at(face_count, g) > 0 || !at(has_building, g))
            continue;
        int f = nearestSpareFace(t, g, face_count);
        if (f < 0)
        {
            f = carveFace(t, g);
            if (f < 0)
                continue;
            carved = true;
            ++at(face_count, at(t.label, f));
        }
        const int from = at(t.label, f);
        --at(face_count, from);
        ++at(face_count, g);
        at(t.label, f) = g;
        at(t.pinned, f) = g;
        t.note(
            gridNote(g, "no land of its own (its buildings lie outside the community, in a hole of "
                        "it, or under another grid's building): took the nearest face of grid " +
                            std::to_string(from)));
    }
    if (carved) // new faces: their neighbours are found again
        t.adj = faceAdjacency(t.ctx, t.faces);
}

namespace
{

// One repair round: for each grid in pieces, keep the piece holding most of its buildings (then
// the largest); a piece holding none of its buildings goes to the neighbour sharing the longest
// border. Returns whether any piece moved.
bool mergeRound(Tiling& t, std::vector<int>& merged)
{
    const std::size_t nf = t.faces.size();
    const std::vector<bool> all_faces(nf, true);
    const auto comps =
        components(t.adj, all_faces, [&](int a, int b) { return t.label[a] == t.label[b]; });
    std::vector<int> comp_of(nf, -1);
    for (std::size_t c = 0; c < comps.size(); ++c)
        for (int f : comps[c])
            comp_of[f] = static_cast<int>(c);
    std::vector<int> buildings(comps.size(), 0);
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
        if (t.anchor_face[b] >= 0 && t.label[t.anchor_face[b]] == t.in.grid_of[b])
            ++buildings[comp_of[t.anchor_face[b]]];
    std::vector<std::vector<int>> by_grid(static_cast<std::size_t>(t.in.grid_count));
    for (std::size_t c = 0; c < comps.size(); ++c)
        by_grid[t.label[comps[c].front()]].push_back(static_cast<int>(c));
    auto area = [&](int c)
    {
        double a = 0.0;
        for (int f : comps[c])
            a += t.face_area[f];
        return a;
    };
    bool changed = false;
    for (int g = 0; g < t.in.grid_count; ++g)
    {
        const auto& list = by_grid[g];
        if (list.size() < 2)
            continue;
        int keep = list.front();
        for (int c : list)
            if (std::make_pair(buildings[c], area(c)) > std::make_pair(buildings[keep], area(keep)))
                keep = c;
        for (int c : list)
        {
            if (c == keep)
                continue;
            const bool holds_building = std::any_of(comps[c].begin(), comps[c].end(),
                                                    [&](int f) { return t.pinned[f] == g; });
            if (holds_building)
                continue;
            const int to = longestBorderGrid(comps[c], t.label, t.adj, g);
            if (to < 0)
                continue;
            for (int f : comps[c])
                t.label[f] = to;
            ++merged[g];
            changed = true;
        }
    }
    return changed;
}

} // namespace

// Detached pieces: repair rounds until nothing moves, then a note per grid still in pieces.
void mergeDetachedPieces(Tiling& t)
{
    std::vector<int> merged(static_cast<std::size_t>(t.in.grid_count), 0);
    for (int round = 0; round < kMaxCleanupRounds; ++round)
        if (!mergeRound(t, merged))
            break;
    const std::vector<bool> all_faces(t.faces.size(), true);
    std::vector<int> piece_count(static_cast<std::size_t>(t.in.grid_count), 0);
    for (const auto& comp :
         components(t.adj, all_faces, [&](int a, int b) { return t.label[a] == t.label[b]; }))
        ++piece_count[t.label[comp.front()]];
    for (int g = 0; g < t.in.grid_count; ++g)
    {
        if (merged[g] > 0)
            t.note(
                gridNote(g, std::to_string(merged[g]) + " detached pieces merged into neighbours"));
        if (piece_count[g] > 1)
            t.note(keptPiecesNote(g, piece_count[g] - 1));
        if (piece_count[g] == 0)
            t.note(gridNote(g, "no area (no buildings inside the community)"));
    }
}

namespace
{

// One grid's dissolved polygon, and whether the coverage union fell back or it was repaired.
struct Dissolved
{
    MultiPolygon area;
    bool fell_back = false;
    bool repaired = false;
};

// Dissolves one grid's faces (clones, owned here) in the worker's own GEOS context.
Dissolved dissolveOne(geom::GeosContext& ctx, std::vector<GeomPtr> parts)
{
    Dissolved out;
    GeomPtr grid = dissolve(ctx, std::move(parts), &out.fell_back);
    if (GEOSisValid_r(ctx.handle(), grid.get()) != 1) // never hand on an invalid grid polygon
    {
        grid = geom::checked(ctx, GEOSMakeValid_r(ctx.handle(), grid.get()), "makeValid");
        out.repaired = true;
    }
    out.area = geom::toMultiPolygon(ctx, grid.get());
    return out;
}

} // namespace

// Dissolve each grid's faces; they are exactly noded, so coverage union applies. The faces are
// cloned here, then the grids are dissolved in parallel (one GEOS context per worker, each
// owning its clones) and the results and notes taken in grid order.
void dissolveGrids(Tiling& t)
{
    const std::size_t ngrids = static_cast<std::size_t>(t.in.grid_count);
    std::vector<std::vector<GeomPtr>> parts(ngrids);
    for (std::size_t f = 0; f < t.faces.size(); ++f)
        parts[t.label[f]].push_back(clone(t.ctx, t.faces[f]));
    std::vector<Dissolved> dissolved(ngrids);
    const int threads = resolveThreads(t.in.threads);
    std::vector<std::unique_ptr<geom::GeosContext>> contexts(static_cast<std::size_t>(threads));
    parallelFor(ngrids, threads,
                [&](std::size_t g, int worker)
                {
                    if (parts[g].empty())
                        return;
                    auto& ctx = at(contexts, worker);
                    if (!ctx)
                        ctx = std::make_unique<geom::GeosContext>();
                    dissolved[g] = dissolveOne(*ctx, std::move(parts[g]));
                });
    bool dissolve_fell_back = false;
    for (std::size_t g = 0; g < ngrids; ++g)
    {
        dissolve_fell_back = dissolve_fell_back || dissolved[g].fell_back;
        if (dissolved[g].repaired)
            t.note(gridNote(static_cast<int>(g), "dissolved polygon was invalid and was repaired"));
        t.result.grids[g] = std::move(dissolved[g].area);
    }
    if (t.noding_fell_back)
        t.note("linework noded with 1 mm snap-rounding after a robustness failure");
    if (dissolve_fell_back)
        t.note("coverage union rejected the faces; used a full union instead");
}

} // namespace gp::tile::internal
