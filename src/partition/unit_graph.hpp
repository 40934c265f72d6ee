// The graph the partitioner works on: one node per indivisible unit (a building, or a whole
// compound kept together), weighted by households; edges join spatial neighbours.
// Built by graph/ from geometry; the partitioner itself knows no geometry beyond node positions.
#pragma once

#include <vector>

namespace gp::partition
{

enum class EdgeKind
{
    Open,            // neighbours with nothing in between
    CrossesCompound, // neighbours in different compounds (or one in none)
    CrossesBarrier,  // the link crosses a road / river / rail barrier
};

struct Unit
{
    double x = 0.0; // position (metres, working CRS) used for compactness
    double y = 0.0;
    int weight = 0; // households
};

struct Edge
{
    int a = 0;
    int b = 0;
    double length = 0.0; // metres between the units
    EdgeKind kind = EdgeKind::Open;
};

struct UnitGraph
{
    std::vector<Unit> units;
    std::vector<Edge> edges; // undirected, a != b, no duplicates
};

struct Bounds
{
    int min = 300;
    int max = 500;
    int target = 400;
};

} // namespace gp::partition
