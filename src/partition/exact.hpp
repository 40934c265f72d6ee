// The exact partition model for small parts. Pieces of up to 64 units are first searched
// combinatorially (exact_cover.hpp): a plan, or a proof that none exists, without an LP. Past
// that search's budget, or to minimise cut links, a mixed-integer program whose feasible solutions
// are exactly the contiguous plans with every part in [min, max], in one of two forms. First the
// set-partitioning form over enumerated feasible parts (exact_columns.hpp); when those are too
// many, an assignment model whose contiguity is the single-commodity flow formulation (Shirabe
// 2005, 2009) as compared by Validi, Buchanan & Lykhovyd (2022), "Imposing contiguity constraints
// in political districting models", Operations Research 70(2): each part has one root that sends
// one unit of flow to every other unit of the part, over links whose ends are in the same part.
// Solved with GLPK's branch and cut, stopped by a node budget (deterministic) and a wall-clock
// limit (a safety net only).
#pragma once

#include "partition/adjacency.hpp"
#include "partition/unit_graph.hpp"

#include <vector>

namespace gp::partition
{

struct ExactOptions
{
    // GLPK on either form is quick only on small models (measured: the flow form finds no plan
    // for a 5x5 grid of 20-80 households per unit in 20 s; the columns form needs 51k columns
    // there), so both are capped and anything larger is TooLarge rather than a long wait.
    int max_units = 200;           // larger unit sets are not attempted (status TooLarge)
    long long max_columns = 5000;  // feasible parts enumerated before the flow form is tried
    long long max_variables = 150; // the flow form's unit x part-slot variables at most
    int node_limit = 5000;         // branch-and-bound nodes; the deterministic stop
    // GLPK's cost per node grows with the model (each node re-solves an LP over its nonzeros),
    // so nodes x nonzeros is capped too: a model of thousands of columns gets fewer nodes rather
    // than running into the wall-clock limit (measured before exact_cover: a 16-unit piece of
    // 990 households, 29,593 nonzeros, hit the 10 s limit at 4 s CPU; 67 nodes cost 0.3 s).
    long long work_limit = 2'000'000;
    double seconds = 10.0;     // wall-clock limit per solve; reaching it gives Unknown
    bool minimise_cut = false; // optimise cut links (else stop at the first plan)
    int parts = 0;             // part count to use; 0: any count that can fit
};

enum class ExactStatus
{
    Optimal,    // a plan, proven to cut the fewest links (or any plan, without minimise_cut)
    Feasible,   // a plan, but the search stopped before proving it optimal
    Infeasible, // proven: no contiguous plan has every part within the bounds
    Unknown,    // the node budget or the time limit ran out before either
    TooLarge,   // not attempted: above max_units or max_variables
};

struct ExactResult
{
    ExactStatus status = ExactStatus::Unknown;
    std::vector<int> part_of; // per unit of the input set (same order); empty without a plan
    int parts = 0;
    int cut_edges = -1;          // links between different parts in the plan found
    double bound = 0.0;          // lower bound on cut links (with minimise_cut)
    bool hit_time_limit = false; // the wall-clock limit, not the node budget, stopped it
};

// Solves the model on the connected set `units` (ascending indices into graph) with the links
// among them. Thread-safe (solves are serialised: GLPK keeps global state).
ExactResult solveExact(const UnitGraph& graph, const Adjacency& adjacency,
                       const std::vector<int>& units, const Bounds& bounds,
                       const ExactOptions& options = {});

const char* toString(ExactStatus status);

} // namespace gp::partition
