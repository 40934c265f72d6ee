// Splits one community's unit graph into contiguous parts whose weights lie within the bounds.
#pragma once

#include "partition/ejection.hpp"
#include "partition/exact.hpp"
#include "partition/unit_graph.hpp"

#include <string>
#include <vector>

namespace gp::partition
{

// Why a part could not be brought within the bounds. Every cause but NotFound is a fact about
// the input, not about the search.
enum class ViolationCause
{
    CommunityTooSmall, // the whole connected community holds fewer than min households
    UnitOverMax,       // one indivisible unit alone holds more than max
    IsolatedCluster,   // a cluster cut off from the rest holds too few
    NoCountFits,       // no part count k has k x min <= households <= k x max
    ProvenInfeasible,  // the exact model proved that no contiguous plan fits the bounds
    NotFound,          // the search (and the exact model, if tried) stopped at its limits
};

struct PartViolation
{
    int part = 0;
    ViolationCause cause = ViolationCause::NotFound;
    std::string detail;
    std::string advice, advice_zh; // what would make a plan feasible, when it is known here
};

// The partitioner's own options: the repair searches and the exact model.
struct PartitionOptions
{
    EjectionOptions chains;
    ExactOptions exact; // proofs for small parts and the repair of neighbourhoods
    bool exact_repair = true;
};

struct PartitionResult
{
    std::vector<int> part_of; // per unit: part index in [0, parts)
    int parts = 0;
    std::vector<PartViolation> violations;
};

// Deterministic for a given graph, bounds, seed and options (unless the exact model's wall-clock
// limit, a safety net behind its node budget, is reached).
PartitionResult partitionGraph(const UnitGraph& graph, const Bounds& bounds, unsigned seed,
                               const PartitionOptions& options = {});

const char* toString(ViolationCause cause);
// The cause named by toString(), if any.
bool causeFromString(const std::string& text, ViolationCause& cause);

} // namespace gp::partition
