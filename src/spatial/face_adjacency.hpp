// Which faces of one polygonization share an edge, and how long: the tile stage merges and
// labels faces by it, and graph/ links street blocks by it. Below both graph/ and tile/.
#pragma once

#include "geom/geos.hpp"

#include <utility>
#include <vector>

namespace gp::spatial
{

// Per face: (neighbouring face, length of the shared border), neighbours ascending.
using FaceAdjacency = std::vector<std::vector<std::pair<int, double>>>;

// Face adjacency of faces of one polygonization (they share exactly equal segments).
FaceAdjacency faceAdjacency(geom::GeosContext& ctx, const std::vector<const GEOSGeometry*>& faces);

} // namespace gp::spatial
