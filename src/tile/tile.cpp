#include "tile/tile.hpp"

#include "core/error.hpp"
#include "spatial/barrier_faces.hpp"
#include "tile/tiling.hpp"

namespace gp::tile
{

using geom::checked;
using geom::GeomPtr;
using geom::GeosContext;
using internal::kFallbackGrid;
using internal::Region;

namespace
{

void validate(const TileInput& in)
{
    const std::size_t n = in.grid_of.size();
    if (in.footprints.size() != n || in.anchors.size() != n)
        throw InputError("tile: footprints, anchors and grid_of must have one entry per building");
    if (in.grid_count < 0)
        throw InputError("tile: negative grid count");
    for (std::size_t b = 0; b < n; ++b)
        if (in.grid_of[b] < -1 || in.grid_of[b] >= in.grid_count)
            throw InputError("tile: building " + std::to_string(b) + " has grid " +
                             std::to_string(in.grid_of[b]) + " outside [-1, " +
                             std::to_string(in.grid_count) + ")");
}

// The community as a valid GEOS polygon (repaired with a note if it was not), or null when it
// has no area.
GeomPtr validCommunity(GeosContext& ctx, const MultiPolygon& area, TileResult& result)
{
    const auto h = ctx.handle();
    GeomPtr community = geom::toGeos(ctx, area);
    if (GEOSisValid_r(h, community.get()) != 1)
    {
        GeomPtr fixed = checked(ctx, GEOSMakeValid_r(h, community.get()), "makeValid");
        community = geom::toGeos(ctx, geom::toMultiPolygon(ctx, fixed.get()));
        result.notes.push_back("community polygon was invalid and was repaired");
    }
    if (GEOSisEmpty_r(h, community.get()) == 1 || areaOf(ctx, community.get()) <= 0.0)
    {
        result.notes.push_back("community has no area");
        return nullptr;
    }
    return community;
}

// The lines that cut the community into blocks: barriers, and streets when there are any.
const MultiLineString* blockLines(const TileInput& in, MultiLineString& storage)
{
    if (!in.streets || in.streets->empty())
        return in.barriers;
    if (in.barriers)
        storage = *in.barriers;
    storage.insert(storage.end(), in.streets->begin(), in.streets->end());
    return &storage;
}

} // namespace

TileResult tileCommunity(GeosContext& ctx, const TileInput& in)
{
    validate(in);
    TileResult result;
    result.grids.assign(static_cast<std::size_t>(in.grid_count), MultiPolygon{});
    if (in.grid_count == 0 || !in.community || in.community->empty())
        return result;
    GeomPtr community = validCommunity(ctx, *in.community, result);
    if (!community)
        return result;
    internal::Tiling t(ctx, in, result);
    t.spacing = in.sample_spacing > 0.0 ? in.sample_spacing : 10.0;

    MultiLineString lines;
    // Blocks: faces of the community outline noded with the barriers and streets inside it.
    spatial::BlockSplit split =
        spatial::splitIntoBlocks(ctx, community.get(), blockLines(in, lines), &t.noding_fell_back);
    t.linework.push_back(std::move(split.lines));
    t.blocks.geoms = std::move(split.faces);
    t.blocks.build(ctx);

    // Linework: a pure block goes whole to its grid; mixed blocks get grid-boundary edges.
    internal::locateBuildingsInBlocks(t);
    internal::markMixedBlocks(t);
    internal::addLanesInMixedBlocks(t);
    internal::collectSites(t);
    internal::addGridBoundaries(t);
    internal::addCutFootprints(t);

    // Faces: label, fill, repair, dissolve.
    internal::labelFaces(t);
    internal::pinAnchors(t);
    internal::fillEmptyBlocks(t);
    internal::giveLandToEmptyGrids(t);
    internal::mergeDetachedPieces(t);
    internal::dissolveGrids(t);
    return result;
}

namespace
{
constexpr const char* kKeptPiecesText =
    " detached pieces kept (they hold its buildings or touch no other grid)";
}

std::string keptPiecesNote(int grid, int kept)
{
    return "grid " + std::to_string(grid) + ": " + std::to_string(kept) + kKeptPiecesText;
}

bool isKeptPiecesNote(const std::string& note, int grid)
{
    return note.starts_with("grid " + std::to_string(grid) + ": ") &&
           note.ends_with(kKeptPiecesText);
}

} // namespace gp::tile
