// The unit graph as a METIS graph file (Karypis & Kumar, METIS 5 manual, section 4.1.1), so
// that gridplan and other partitioners (gpmetis) can be run on exactly the same graph
// (scripts/bench_peers.sh). Vertex weights are households; edge weights encode the link kind as
// a cut cost for METIS: 3 open, 2 across compounds, 1 across a barrier. Unit positions go to a
// companion file, one "x y" line per vertex.
#pragma once

#include "partition/unit_graph.hpp"

#include <string>

namespace gp::partition
{

// Writes <path> (METIS, fmt 011) and <xy_path>. Throws OutputError naming the file on failure.
void writeMetisGraph(const UnitGraph& graph, const std::string& path, const std::string& xy_path);

// Reads what writeMetisGraph wrote. Throws InputError naming the file and line on bad input.
UnitGraph readMetisGraph(const std::string& path, const std::string& xy_path);

} // namespace gp::partition
