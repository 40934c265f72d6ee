// The causes of parts left outside the bounds, stated as facts with the numbers behind them and,
// where the partitioner can tell, what would make a plan feasible.
#pragma once

#include "partition/exact.hpp"
#include "partition/partition.hpp"

#include <optional>
#include <string>
#include <vector>

namespace gp::partition
{

// A cause known when a label was made.
struct LabelNote
{
    ViolationCause cause;
    std::string detail;
};

// Whether some part count k has k x min <= households <= k x max.
bool countFits(long long households, const Bounds& bounds);

LabelNote isolatedClusterNote(int units, long long households, const Bounds& bounds,
                              bool behind_heavy_unit);
PartViolation communityTooSmall(long long households, const Bounds& bounds);
PartViolation unitOverMax(int part, int unit, const UnitGraph& graph,
                          const std::vector<int>& part_units, long long households,
                          const Bounds& bounds);

// The smallest widening of the bounds (lower min or higher max, in steps) under which the exact
// model finds a plan for `units`; nullopt when none within the steps tried does.
std::optional<Bounds> nearestFeasibleBounds(const UnitGraph& graph, const Adjacency& adjacency,
                                            const std::vector<int>& units, const Bounds& bounds,
                                            const ExactOptions& options);

// What is known about a part out of bounds in a piece (a connected set of units) that the repair
// could not fix: no count fits, the exact model's proof, or that the search stopped.
struct PieceFacts
{
    std::size_t units = 0;
    long long households = 0;
    const ExactResult* exact = nullptr; // the exact model on the piece, if run
    std::optional<Bounds> nearest;      // from nearestFeasibleBounds, if known
};
PartViolation explainPart(int part, long long households, const Bounds& bounds,
                          const PieceFacts& piece, const ExactOptions& options);

} // namespace gp::partition
