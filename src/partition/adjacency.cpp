#include "partition/adjacency.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace gp::partition
{

Adjacency::Adjacency(const UnitGraph& graph)
{
    const int n = static_cast<int>(graph.units.size());
    m_offsets.assign(n + 1, 0);
    for (const Edge& e : graph.edges)
    {
        if (e.a < 0 || e.b < 0 || e.a >= n || e.b >= n)
        {
            throw std::out_of_range("unit graph edge " + std::to_string(e.a) + "-" +
                                    std::to_string(e.b) + " refers to a missing unit");
        }
        if (e.a == e.b)
        {
            continue;
        }
        ++m_offsets[e.a + 1];
        ++m_offsets[e.b + 1];
    }
    for (int u = 0; u < n; ++u)
    {
        m_offsets[u + 1] += m_offsets[u];
    }
    m_targets.resize(m_offsets[n]);
    m_edges.resize(m_offsets[n]);
    std::vector<int> fill(m_offsets.begin(), m_offsets.end() - 1);
    for (int id = 0; id < static_cast<int>(graph.edges.size()); ++id)
    {
        const Edge& e = graph.edges[id];
        if (e.a == e.b)
        {
            continue;
        }
        m_targets[fill[e.a]] = e.b;
        m_edges[fill[e.a]++] = id;
        m_targets[fill[e.b]] = e.a;
        m_edges[fill[e.b]++] = id;
    }
    std::vector<std::pair<int, int>> scratch;
    for (int u = 0; u < n; ++u)
    {
        scratch.clear();
        for (int s = m_offsets[u]; s < m_offsets[u + 1]; ++s)
        {
            scratch.emplace_back(m_targets[s], m_edges[s]);
        }
        std::sort(scratch.begin(), scratch.end());
        for (int i = 0; i < static_cast<int>(scratch.size()); ++i)
        {
            m_targets[m_offsets[u] + i] = scratch[i].first;
            m_edges[m_offsets[u] + i] = scratch[i].second;
        }
    }
}

std::vector<std::vector<int>> connectedComponents(const Adjacency& adjacency,
                                                  const std::vector<char>& keep)
{
    const int n = adjacency.size();
    auto kept = [&](int u) { return keep.empty() || keep[u]; };
    std::vector<char> seen(n, 0);
    std::vector<std::vector<int>> components;
    std::vector<int> queue;
    for (int start = 0; start < n; ++start)
    {
        if (seen[start] || !kept(start))
        {
            continue;
        }
        queue.assign(1, start);
        seen[start] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head)
        {
            const int u = queue[head];
            for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
            {
                const int v = adjacency.target(s);
                if (!seen[v] && kept(v))
                {
                    seen[v] = 1;
                    queue.push_back(v);
                }
            }
        }
        std::sort(queue.begin(), queue.end());
        components.push_back(queue);
    }
    return components;
}

ContiguityCheck::ContiguityCheck(const Adjacency& adjacency)
    : m_adjacency(adjacency), m_seen(adjacency.size(), 0)
{
}

bool ContiguityCheck::staysConnectedWithout(int u, const std::vector<int>& part_of)
{
    const int part = part_of[u];
    m_targets.clear();
    for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
    {
        const int v = m_adjacency.target(s);
        if (part_of[v] == part && (m_targets.empty() || m_targets.back() != v))
        {
            m_targets.push_back(v);
        }
    }
    if (m_targets.size() <= 1)
    {
        return true;
    }
    ++m_stamp;
    m_seen[u] = m_stamp;
    m_seen[m_targets[0]] = m_stamp;
    m_queue.assign(1, m_targets[0]);
    std::size_t found = 1;
    for (std::size_t head = 0; head < m_queue.size() && found < m_targets.size(); ++head)
    {
        const int w = m_queue[head];
        for (int s = m_adjacency.begin(w); s < m_adjacency.end(w); ++s)
        {
            const int v = m_adjacency.target(s);
            if (m_seen[v] == m_stamp || part_of[v] != part)
            {
                continue;
            }
            m_seen[v] = m_stamp;
            m_queue.push_back(v);
            if (std::binary_search(m_targets.begin(), m_targets.end(), v))
            {
                ++found;
            }
        }
    }
    return found == m_targets.size();
}

} // namespace gp::partition
