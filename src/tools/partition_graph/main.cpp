// gridplan-partition-graph: runs gridplan's partition and improve stages on a unit graph stored
// as a METIS graph file (written by `gridplan partition --export-graph`), so that it can be timed
// and judged against gpmetis on exactly the same input (scripts/bench_peers.sh). Writes one part
// id per vertex line, as gpmetis does, and prints the partition time.
#include "core/error.hpp"
#include "improve/groups.hpp"
#include "partition/graph_io.hpp"
#include "partition/partition.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"gridplan-partition-graph: gridplan's partition + improve on a METIS graph file"};
    std::string graph_path, xy_path, out_path;
    gp::partition::Bounds bounds;
    unsigned seed = 1;
    int threads = 0;
    app.add_option("graph", graph_path, "METIS graph (fmt 011: household weights, link kinds)")
        ->required();
    app.add_option("xy", xy_path, "Unit positions, one \"x y\" line per vertex")->required();
    app.add_option("--out", out_path, "Part id per vertex, one per line")->required();
    app.add_option("--min", bounds.min, "Fewest households per part")->capture_default_str();
    app.add_option("--max", bounds.max, "Most households per part")->capture_default_str();
    app.add_option("--target", bounds.target, "Preferred households per part")
        ->capture_default_str();
    app.add_option("--seed", seed, "Seed")->capture_default_str();
    app.add_option("-j,--jobs", threads, "Threads for improve (default: every core)");
    CLI11_PARSE(app, argc, argv);
    try
    {
        const gp::partition::UnitGraph graph = gp::partition::readMetisGraph(graph_path, xy_path);
        // METIS reports CPU time (GKlib's CPU timers); std::clock() is this process's CPU time
        // over all its threads, so the two compare on a loaded machine too.
        const std::clock_t cpu_start = std::clock();
        const auto start = std::chrono::steady_clock::now();
        auto result = gp::partition::partitionGraph(graph, bounds, seed);
        const auto split = std::chrono::steady_clock::now();
        // As the pipeline does for one community: improve in groups of parts on every core.
        gp::improve::improveByGroups(graph, bounds, result, {}, {48, 2, threads});
        const auto end = std::chrono::steady_clock::now();
        const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        const double seconds = std::chrono::duration<double>(end - start).count();
        const double improve_seconds = std::chrono::duration<double>(end - split).count();
        std::ofstream out(out_path);
        for (int p : result.part_of)
            out << p << '\n';
        if (!out.flush())
            throw gp::OutputError("cannot write " + out_path);
        std::printf("{\"vertices\": %zu, \"parts\": %d, \"violations\": %zu, \"seconds\": %.3f, "
                    "\"improve_seconds\": %.3f, \"cpu_seconds\": %.3f}\n",
                    graph.units.size(), result.parts, result.violations.size(), seconds,
                    improve_seconds, cpu_seconds);
        return 0;
    }
    catch (const gp::InputError& e)
    {
        std::cerr << "gridplan-partition-graph: input error: " << e.what() << '\n';
        return 1;
    }
    catch (const std::exception& e)
    {
        std::cerr << "gridplan-partition-graph: error: " << e.what() << '\n';
        return 1;
    }
}
