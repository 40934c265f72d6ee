// The linework steps of tileCommunity: which blocks each building lies in, which blocks are
// shared by several grids, the Voronoi sites and grid-boundary edges of those blocks, and the
// footprint outlines a boundary could cut.
#include "core/index.hpp"
#include "tile/tiling.hpp"

#include "core/parallel.hpp"

#include <iterator>
#include <tuple>

namespace gp::tile::internal
{

using geom::checked;
using geom::GeomPtr;

// The blocks each grid building lies in: one for nearly all, more for a building across a
// barrier (interiors overlap; a footprint that only touches a block is not in it).
void locateBuildingsInBlocks(Tiling& t)
{
    auto& ctx = t.ctx;
    const auto h = ctx.handle();
    const auto& in = t.in;
    const std::size_t nb = t.buildingCount();
    t.footprint_geos.clear();
    t.footprint_geos.resize(nb);
    t.in_blocks.assign(nb, {});
    for (std::size_t b = 0; b < nb; ++b)
    {
        if (in.grid_of[b] < 0)
            continue;
        auto& ids_out = t.in_blocks[b];
        if (in.footprints[b] && !in.footprints[b]->empty())
        {
            GeomPtr fp = geom::toGeos(ctx, *in.footprints[b]);
            if (GEOSisEmpty_r(h, fp.get()) != 1)
            {
                std::vector<BoxEntry> hits;
                t.blocks.tree.query(bgi::intersects(envelopeOf(ctx, fp.get())),
                                    std::back_inserter(hits));
                std::vector<int> ids;
                for (const auto& hit : hits)
                    ids.push_back(hit.second);
                std::sort(ids.begin(), ids.end());
                if (ids.size() == 1 &&
                    GEOSPreparedContains_r(h, t.blocks.prepared[ids[0]].get(), fp.get()) == 1)
                    ids_out = ids;
                else
                    for (int k : ids)
                        if (GEOSPreparedIntersects_r(h, t.blocks.prepared[k].get(), fp.get()) ==
                                1 &&
                            GEOSPreparedTouches_r(h, t.blocks.prepared[k].get(), fp.get()) != 1)
                            ids_out.push_back(k);
                t.footprint_geos[b] = std::move(fp);
            }
        }
        if (ids_out.empty())
        {
            const int k = t.blocks.locate(ctx, in.anchors[b], true);
            if (k >= 0)
                ids_out.push_back(k);
        }
    }
}

namespace
{

// Of the blocks building b lies in, the one holding its anchor, else the first.
int homeBlock(Tiling& t, std::size_t b)
{
    const auto& ks = t.in_blocks[b];
    const int k = t.blocks.locate(t.ctx, t.in.anchors[b], true);
    return std::find(ks.begin(), ks.end(), k) != ks.end() ? k : ks.front();
}

} // namespace

// A block is pure when all the grid buildings in it belong to one grid: it goes to that grid
// whole, with no Voronoi edges and no footprint outlines. Only mixed blocks are divided. A
// building across a block outline (a street or barrier line through its footprint) counts in
// its home block, the one holding its anchor: the rest of its footprint is pinned to its grid
// as it is, without dividing the block across the line between grids.
void markMixedBlocks(Tiling& t)
{
    const std::size_t nblocks = t.blocks.geoms.size();
    t.block_grid.assign(nblocks, -1);
    t.mixed.assign(nblocks, false);
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
        for (int k : t.in_blocks[b].size() > 1 ? std::vector<int>{homeBlock(t, b)} : t.in_blocks[b])
        {
            if (t.block_grid[k] < 0 && !t.mixed[k])
                t.block_grid[k] = t.in.grid_of[b];
            else if (t.block_grid[k] != t.in.grid_of[b])
                t.mixed[k] = true;
        }
    for (std::size_t k = 0; k < nblocks; ++k)
        if (t.mixed[k])
            t.block_grid[k] = -1;
}

// Lanes join the linework only inside mixed blocks (clipped to them): a pure block stays one
// face, a divided block gets faces along its lanes.
void addLanesInMixedBlocks(Tiling& t)
{
    if (!t.in.lanes || t.in.lanes->empty())
        return;
    auto& ctx = t.ctx;
    const auto h = ctx.handle();
    GeomPtr lanes;
    for (std::size_t k = 0; k < t.blocks.geoms.size(); ++k)
    {
        if (!t.mixed[k])
            continue;
        if (!lanes)
            lanes = geom::toGeos(ctx, *t.in.lanes);
        GeomPtr inside = checked(ctx, GEOSIntersection_r(h, lanes.get(), t.blocks.geoms[k].get()),
                                 "intersection(lanes)");
        if (GEOSisEmpty_r(h, inside.get()) != 1)
            t.linework.push_back(std::move(inside));
    }
}

namespace
{

// The block (of those building b lies in) a sample point of it belongs to: the first holding
// it, else the first touching it; -1 if none.
int blockOfSample(Tiling& t, const std::vector<int>& ks, const Point& p)
{
    if (ks.size() == 1)
        return ks.front();
    const auto h = t.ctx.handle();
    GeomPtr pt = geom::toGeos(t.ctx, p);
    auto first = [&](auto&& test)
    {
        for (int k : ks)
            if (test(t.blocks.prepared[k].get(), pt.get()) == 1)
                return k;
        return -1;
    };
    const int blk = first([&](auto* g, auto* q) { return GEOSPreparedContains_r(h, g, q); });
    return blk >= 0 ? blk
                    : first([&](auto* g, auto* q) { return GEOSPreparedIntersects_r(h, g, q); });
}

} // namespace

// Voronoi sites per block: outline samples of the buildings in mixed blocks, where cells decide
// the boundary; anchors alone elsewhere (they only label the block's faces). One site per
// location; the lowest building index keeps a shared vertex.
void collectSites(Tiling& t)
{
    const std::size_t nblocks = t.blocks.geoms.size();
    t.block_sites.assign(nblocks, {});
    std::vector<Point> samples;
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
    {
        const auto& ks = t.in_blocks[b];
        if (ks.empty())
            continue;
        const bool divided = std::any_of(ks.begin(), ks.end(), [&](int k) { return t.mixed[k]; });
        if (!divided)
        {
            t.block_sites[ks.front()].emplace_back(t.in.anchors[b], static_cast<int>(b));
            continue;
        }
        sampleBuilding(t.in.footprints[b], t.in.anchors[b], t.spacing, samples);
        for (const Point& p : samples)
            if (const int blk = blockOfSample(t, ks, p); blk >= 0)
                t.block_sites[blk].emplace_back(p, static_cast<int>(b));
    }
    t.site_trees.clear();
    t.site_trees.resize(nblocks);
    t.global_sites.reset();
    for (auto& sites : t.block_sites)
    {
        std::sort(sites.begin(), sites.end(),
                  [](const SiteEntry& a, const SiteEntry& b)
                  {
                      return std::make_tuple(a.first.x(), a.first.y(), a.second) <
                             std::make_tuple(b.first.x(), b.first.y(), b.second);
                  });
        sites.erase(std::unique(sites.begin(), sites.end(),
                                [](const SiteEntry& a, const SiteEntry& b) {
                                    return a.first.x() == b.first.x() && a.first.y() == b.first.y();
                                }),
                    sites.end());
    }
}

const SiteTree& Tiling::siteTree(int blk)
{
    auto& tree = at(site_trees, blk);
    if (!tree)
    {
        const auto& sites = at(block_sites, blk);
        tree.emplace(sites.begin(), sites.end());
    }
    return *tree;
}

const SiteTree& Tiling::allSites()
{
    if (!global_sites)
    {
        std::vector<SiteEntry> all;
        for (const auto& sites : block_sites)
            all.insert(all.end(), sites.begin(), sites.end());
        global_sites.emplace(all.begin(), all.end());
    }
    return *global_sites;
}

namespace
{

// The Voronoi edges between sites of different grids in block k (empty unless it is mixed).
// Pure computation on the block's sites: safe to run for several blocks at once.
std::vector<Segment> blockBoundaryEdges(const Tiling& t, std::size_t k, const Box& block_box)
{
    const auto& sites = t.block_sites[k];
    if (!t.mixed[k] || sites.size() < 2)
        return {};
    std::vector<Point> points;
    std::vector<int> grids;
    points.reserve(sites.size());
    grids.reserve(sites.size());
    for (const auto& site : sites)
    {
        points.push_back(site.first);
        grids.push_back(t.in.grid_of[site.second]);
    }
    return gridBoundaryEdges(points, grids, block_box);
}

} // namespace

// Per mixed block, the Voronoi edges between sites of different grids join the linework. The
// diagrams are built in parallel (the bulk of the step) and turned into GEOS lines in block
// order, so the linework is the same for any number of threads.
void addGridBoundaries(Tiling& t)
{
    auto& ctx = t.ctx;
    const std::size_t nblocks = t.blocks.geoms.size();
    std::vector<Box> block_boxes;
    block_boxes.reserve(nblocks);
    for (std::size_t k = 0; k < nblocks; ++k)
        block_boxes.push_back(envelopeOf(ctx, t.blocks.geoms[k].get()));
    std::vector<std::vector<Segment>> block_edges(nblocks);
    parallelFor(nblocks, t.in.threads,
                [&](std::size_t k, int)
                { block_edges[k] = blockBoundaryEdges(t, k, block_boxes[k]); });
    t.boundaries.clear();
    t.boundaries.resize(nblocks);
    for (std::size_t k = 0; k < nblocks; ++k)
    {
        const auto& edges = block_edges[k];
        if (edges.empty())
            continue;
        t.linework.push_back(blockLinework(ctx, edges, block_boxes[k]));
        auto& boundary = t.boundaries[k].emplace();
        boundary.lines = linesOf(ctx, edges);
        boundary.prepared = prepare(ctx, boundary.lines.get());
        std::vector<BoxEntry> boxes;
        boxes.reserve(edges.size());
        for (std::size_t e = 0; e < edges.size(); ++e)
            boxes.emplace_back(Box(Point(edges[e].x1, std::min(edges[e].y1, edges[e].y2)),
                                   Point(edges[e].x2, std::max(edges[e].y1, edges[e].y2))),
                               static_cast<int>(e));
        boundary.boxes = BoxTree(boxes.begin(), boxes.end());
    }
}

// Footprints a grid boundary could cut (across blocks, or crossed by a boundary edge): their
// outlines join the linework so that a face is either wholly inside such a footprint (and then
// forced to its grid) or outside it. Any other footprint lies inside one face already.
void addCutFootprints(Tiling& t)
{
    auto& ctx = t.ctx;
    const auto h = ctx.handle();
    for (std::size_t b = 0; b < t.buildingCount(); ++b)
    {
        if (!t.footprint_geos[b])
            continue;
        const auto& ks = t.in_blocks[b];
        auto crossed = [&](int k)
        {
            const auto& boundary = t.boundaries[k];
            if (!boundary)
                return false;
            const Box env = envelopeOf(ctx, t.footprint_geos[b].get());
            if (boundary->boxes.qbegin(bgi::intersects(env)) == boundary->boxes.qend())
                return false;
            return GEOSPreparedIntersects_r(h, boundary->prepared.get(),
                                            t.footprint_geos[b].get()) == 1;
        };
        const bool cut = ks.size() > 1 || (ks.size() == 1 && crossed(ks[0]));
        if (!cut)
            continue;
        t.linework.push_back(
            checked(ctx, GEOSBoundary_r(h, t.footprint_geos[b].get()), "boundary(footprint)"));
        t.footprints.geoms.push_back(std::move(t.footprint_geos[b]));
        t.footprint_building.push_back(static_cast<int>(b));
    }
    t.footprints.build(ctx);
}

} // namespace gp::tile::internal
