#include "tile/tile_parts.hpp"

#include <cmath>
#include <map>

namespace gp::tile::internal
{

using geom::GeosContext;

// The grid (other than `except`) sharing the longest border with the faces of `comp`, or -1.
int longestBorderGrid(const std::vector<int>& comp, const std::vector<int>& label,
                      const FaceAdjacency& adj, int except)
{
    std::map<int, double> border;
    for (int f : comp)
        for (const auto& [g, len] : adj[f])
            if (label[g] >= 0 && label[g] != except)
                border[label[g]] += len;
    int best = -1;
    double best_len = 0.0;
    for (const auto& [grid, len] : border) // ascending grid: ties go to the lower index
        if (len > best_len)
        {
            best = grid;
            best_len = len;
        }
    return best;
}

} // namespace gp::tile::internal
