// Splitting a community outline by barrier lines into faces (street blocks, 街廓): the tile
// stage tiles block by block, and graph/blocks infers building clusters from the same faces when
// no compound layer is given. Below both graph/ and tile/ so neither includes the other.
#pragma once

#include "core/geometry.hpp"
#include "geom/geos.hpp"

#include <vector>

namespace gp::spatial
{

// The community's outline and the barriers inside it, noded (`lines`), and the faces of that
// linework lying inside the community (`faces`), in GEOS polygonize order.
// *noding_fell_back (if not null) is set when noding needed snap-rounding.
struct BlockSplit
{
    geom::GeomPtr lines;
    std::vector<geom::GeomPtr> faces;
};
BlockSplit splitIntoBlocks(geom::GeosContext& ctx, const GEOSGeometry* community,
                           const MultiLineString* barriers, bool* noding_fell_back);

} // namespace gp::spatial
