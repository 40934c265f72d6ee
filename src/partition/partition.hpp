// Splits one community's unit graph into contiguous parts whose weights lie within the bounds.
#pragma once

#include "partition/unit_graph.hpp"

#include <string>
#include <vector>

namespace gp::partition
{

// Why a part could not be brought within the bounds.
enum class ViolationCause
{
    CommunityTooSmall, // the whole connected community holds fewer than min households
    UnitOverMax,       // one indivisible unit alone holds more than max
    IsolatedCluster,   // a cluster cut off from the rest holds too few
    NoFeasibleCut,     // the bounds could not be met by any contiguous split found
};

struct PartViolation
{
    int part = 0;
    ViolationCause cause = ViolationCause::NoFeasibleCut;
    std::string detail;
};

struct PartitionResult
{
    std::vector<int> part_of; // per unit: part index in [0, parts)
    int parts = 0;
    std::vector<PartViolation> violations;
};

// Deterministic for a given graph, bounds and seed.
PartitionResult partitionGraph(const UnitGraph& graph, const Bounds& bounds, unsigned seed);

const char* toString(ViolationCause cause);

} // namespace gp::partition
