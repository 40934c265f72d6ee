#include "partition/graph_io.hpp"

#include "core/error.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace gp::partition
{

namespace
{

int kindWeight(EdgeKind kind)
{
    return kind == EdgeKind::CrossesBarrier ? 1 : kind == EdgeKind::CrossesCompound ? 2 : 3;
}

EdgeKind kindOf(int weight)
{
    return weight == 1   ? EdgeKind::CrossesBarrier
           : weight == 2 ? EdgeKind::CrossesCompound
                         : EdgeKind::Open;
}

// The next line that is not a comment (METIS comments start with %).
bool nextLine(std::istream& in, std::string& line, int& number)
{
    while (std::getline(in, line))
    {
        ++number;
        if (line.empty() || line[0] != '%')
            return true;
    }
    return false;
}

} // namespace

void writeMetisGraph(const UnitGraph& graph, const std::string& path, const std::string& xy_path)
{
    const std::size_t n = graph.units.size();
    std::vector<std::vector<std::pair<int, int>>> adj(n);
    for (const Edge& e : graph.edges)
    {
        adj[e.a].emplace_back(e.b + 1, kindWeight(e.kind));
        adj[e.b].emplace_back(e.a + 1, kindWeight(e.kind));
    }
    std::ofstream out(path, std::ios::binary);
    out << n << ' ' << graph.edges.size() << " 011\n";
    for (std::size_t u = 0; u < n; ++u)
    {
        out << graph.units[u].weight;
        for (const auto& [v, w] : adj[u])
            out << ' ' << v << ' ' << w;
        out << '\n';
    }
    std::ofstream xy(xy_path, std::ios::binary);
    xy.precision(12);
    for (const Unit& unit : graph.units)
        xy << unit.x << ' ' << unit.y << '\n';
    if (!out.flush() || !xy.flush())
        throw OutputError("cannot write the unit graph to " + path + " / " + xy_path);
}

UnitGraph readMetisGraph(const std::string& path, const std::string& xy_path)
{
    std::ifstream in(path);
    std::ifstream xy(xy_path);
    if (!in || !xy)
        throw InputError("cannot open " + (!in ? path : xy_path));
    std::string line;
    int number = 0;
    long long n = 0, m = 0;
    std::string fmt;
    if (!nextLine(in, line, number) || !(std::istringstream(line) >> n >> m >> fmt) || n < 0 ||
        fmt != "011")
        throw InputError(path + ": line " + std::to_string(number) +
                         ": expected \"<vertices> <edges> 011\"");
    UnitGraph graph;
    graph.units.resize(static_cast<std::size_t>(n));
    for (long long u = 0; u < n; ++u)
    {
        if (!nextLine(in, line, number))
            throw InputError(path + ": " + std::to_string(n) + " vertices announced, " +
                             std::to_string(u) + " found");
        std::istringstream fields(line);
        long long v = 0, w = 0;
        if (!(fields >> graph.units[u].weight) || graph.units[u].weight < 0)
            throw InputError(path + ": line " + std::to_string(number) + ": no vertex weight");
        while (fields >> v >> w)
        {
            if (v < 1 || v > n || v - 1 == u)
                throw InputError(path + ": line " + std::to_string(number) + ": neighbour " +
                                 std::to_string(v) + " out of range");
            if (v - 1 > u)
                graph.edges.push_back({static_cast<int>(u), static_cast<int>(v - 1), 0.0,
                                       kindOf(static_cast<int>(w))});
        }
        if (!(xy >> graph.units[u].x >> graph.units[u].y))
            throw InputError(xy_path + ": no position for vertex " + std::to_string(u + 1));
    }
    if (static_cast<long long>(graph.edges.size()) != m)
        throw InputError(path + ": " + std::to_string(m) + " edges announced, " +
                         std::to_string(graph.edges.size()) + " found");
    for (Edge& e : graph.edges)
        e.length = std::hypot(graph.units[e.a].x - graph.units[e.b].x,
                              graph.units[e.a].y - graph.units[e.b].y);
    return graph;
}

} // namespace gp::partition
