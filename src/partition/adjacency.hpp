// Compressed adjacency (CSR) over a UnitGraph, plus the small helpers the partition and improve
// stages share: per-unit mass, deterministic hashing, and membership tests for node subsets.
#pragma once

#include "partition/unit_graph.hpp"

#include <cstdint>
#include <vector>

namespace gp::partition
{

// Neighbour lists in one flat array: the neighbours of u are targets[offsets[u] .. offsets[u+1]),
// each with the id of the UnitGraph edge that joins them. Lists are sorted by neighbour index so
// every traversal is deterministic. Self-loops are dropped; out-of-range ends throw.
class Adjacency
{
  public:
    explicit Adjacency(const UnitGraph& graph);

    int size() const { return static_cast<int>(m_offsets.size()) - 1; }
    int begin(int u) const { return m_offsets[u]; }
    int end(int u) const { return m_offsets[u + 1]; }
    int target(int slot) const { return m_targets[slot]; }
    int edge(int slot) const { return m_edges[slot]; }

  private:
    std::vector<int> m_offsets;
    std::vector<int> m_targets;
    std::vector<int> m_edges;
};

// Mass used for compactness: households, but at least 1 so that empty units still count.
inline double unitMass(const Unit& unit)
{
    return unit.weight > 0 ? unit.weight : 1.0;
}

// SplitMix64 (Steele, Lea & Flood 2014): a platform-independent hash / random stream. Used
// instead of std:: distributions, whose output differs between standard libraries.
inline std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Uniform in [0, 1) from a hash.
inline double unitInterval(std::uint64_t h)
{
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

// Connected components of the units with keep[u] true (all units if keep is empty), each
// sorted ascending, ordered by their lowest unit.
std::vector<std::vector<int>> connectedComponents(const Adjacency& adjacency,
                                                  const std::vector<char>& keep);

// Whether a part stays connected when one unit leaves it. Only the unit's own neighbours in the
// part can lose their link, so a search from one of them stops once it has met all the others
// (usually within a few steps). Reuses its buffers between calls.
class ContiguityCheck
{
  public:
    explicit ContiguityCheck(const Adjacency& adjacency);

    // True when the units of part_of[u]'s part other than u remain as connected as before.
    bool staysConnectedWithout(int u, const std::vector<int>& part_of);

  private:
    const Adjacency& m_adjacency;
    std::vector<int> m_seen;
    int m_stamp = 0;
    std::vector<int> m_queue;
    std::vector<int> m_targets;
};

} // namespace gp::partition
