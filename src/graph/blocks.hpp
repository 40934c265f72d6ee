// Inferred building clusters for inputs without a compound layer: each community is cut into
// blocks by the barrier lines (roads, rivers, rail), and every residential building is put in
// the block holding its anchor. The graph stage then treats blocks like compounds.
#pragma once

#include "core/model.hpp"

namespace gp::graph
{

// Fills plan.blocks (faces of each community outline noded with the barriers inside it, in
// community order, then polygonize order) and Building::block for every grid member. Does
// nothing when the plan has compounds. Deterministic.
void inferBlocks(Plan& plan);

// The key the graph stage compares to tell whether two buildings share a cluster: the compound
// when a compound layer is given, else the inferred block (-1: none).
inline int clusterOf(const Plan& plan, const Building& b)
{
    return plan.compounds.empty() ? b.block : b.compound;
}

} // namespace gp::graph
