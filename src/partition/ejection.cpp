#include "partition/ejection.hpp"

#include <algorithm>
#include <tuple>

namespace gp::partition
{

bool partConnected(const Adjacency& adjacency, const std::vector<int>& part_of, int part,
                   const std::vector<int>& members)
{
    if (members.empty())
    {
        return true;
    }
    std::vector<int> queue{members.front()};
    std::vector<int> seen{members.front()};
    for (std::size_t head = 0; head < queue.size(); ++head)
    {
        const int u = queue[head];
        for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
        {
            const int v = adjacency.target(s);
            if (part_of[v] != part)
            {
                continue;
            }
            auto it = std::lower_bound(seen.begin(), seen.end(), v);
            if (it == seen.end() || *it != v)
            {
                seen.insert(it, v);
                queue.push_back(v);
            }
        }
    }
    return queue.size() == members.size();
}

namespace
{

// Depth-first search for one chain, by iterative deepening so short chains win.
class ChainSearch
{
  public:
    ChainSearch(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                std::vector<int>& part_of, int parts, const std::vector<char>& frozen,
                const EjectionOptions& options)
        : m_graph(graph), m_adjacency(adjacency), m_bounds(bounds), m_part_of(part_of),
          m_frozen(frozen), m_options(options), m_contiguity(adjacency), m_weight(parts, 0),
          m_members(parts), m_delta(parts, 0), m_out(parts, 0), m_in_chain(parts, 0),
          m_moved(graph.units.size(), 0)
    {
        for (int u = 0; u < static_cast<int>(part_of.size()); ++u)
        {
            m_weight[part_of[u]] += graph.units[u].weight;
            m_members[part_of[u]].push_back(u);
        }
    }

    long long weight(int part) const { return m_weight[part]; }

    // Finds and applies one chain starting at `part`; false when none helps.
    bool fixPart(int part)
    {
        m_origin = part;
        m_pull = m_weight[part] < m_bounds.min;
        m_budget = m_options.search_budget;
        for (int depth = 1; depth <= m_options.max_depth && m_budget > 0; ++depth)
        {
            m_chain.clear();
            m_in_chain[part] = 1;
            const bool found = extend(part, depth);
            m_in_chain[part] = 0;
            if (found && apply())
            {
                return true;
            }
        }
        return false;
    }

  private:
    struct Candidate
    {
        long long score = 0; // households outside the bounds at both ends after the move
        int unit = 0;
        int from = 0;
        int to = 0;

        bool operator<(const Candidate& o) const
        {
            return std::tie(score, unit, to) < std::tie(o.score, o.unit, o.to);
        }
    };

    long long now(int part) const { return m_weight[part] + m_delta[part]; }

    // Whether `unit` has a neighbour in `part` that stays there (not one the chain moves away).
    bool touchesStaying(int unit, int part) const
    {
        for (int s = m_adjacency.begin(unit); s < m_adjacency.end(unit); ++s)
        {
            const int v = m_adjacency.target(s);
            if (m_part_of[v] == part && !m_moved[v])
            {
                return true;
            }
        }
        return false;
    }

    // The moves that continue a chain at part c: pull a unit into c, or push one out of it.
    std::vector<Candidate> candidates(int c)
    {
        std::vector<Candidate> out;
        for (int x : m_members[c])
        {
            if (m_moved[x])
            {
                continue;
            }
            for (int s = m_adjacency.begin(x); s < m_adjacency.end(x); ++s)
            {
                const int y = m_adjacency.target(s);
                const int q = m_part_of[y];
                if (q == c || m_frozen[q] || m_moved[y])
                {
                    continue;
                }
                const bool closes = q == m_origin; // a swap or cycle back to the start
                if (m_in_chain[q] && !closes)
                {
                    continue;
                }
                const int unit = m_pull ? y : x;
                const int from = m_pull ? q : c;
                const int to = m_pull ? c : q;
                const long long w = m_graph.units[unit].weight;
                Candidate cand;
                cand.unit = unit;
                cand.from = from;
                cand.to = to;
                cand.score =
                    outsideBounds(now(from) - w, m_bounds) + outsideBounds(now(to) + w, m_bounds);
                out.push_back(cand);
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end(),
                              [](const Candidate& a, const Candidate& b)
                              { return a.unit == b.unit && a.to == b.to; }),
                  out.end());
        return out;
    }

    bool feasibleMove(const Candidate& cand)
    {
        if (static_cast<int>(m_members[cand.from].size()) - m_out[cand.from] <= 1)
        {
            return false;
        }
        if (!touchesStaying(cand.unit, cand.to))
        {
            return false;
        }
        return m_contiguity.staysConnectedWithout(cand.unit, m_part_of);
    }

    // Whether the chain so far lowers the households outside the bounds without pushing any
    // part that was within them out.
    bool helps() const
    {
        long long before = 0, after = 0;
        std::vector<int> touched;
        for (const UnitMove& m : m_chain)
        {
            touched.push_back(m.from);
            touched.push_back(m.to);
        }
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        for (int p : touched)
        {
            const long long b = outsideBounds(m_weight[p], m_bounds);
            const long long a = outsideBounds(now(p), m_bounds);
            if (b == 0 && a > 0)
            {
                return false;
            }
            before += b;
            after += a;
        }
        return after < before;
    }

    bool extend(int c, int depth)
    {
        const std::vector<Candidate> cands = candidates(c);
        int tried = 0;
        for (const Candidate& cand : cands)
        {
            if (tried >= m_options.per_level || m_budget <= 0)
            {
                break;
            }
            --m_budget;
            if (!feasibleMove(cand))
            {
                continue;
            }
            ++tried;
            push(cand);
            if (helps())
            {
                return true;
            }
            const int next = m_pull ? cand.from : cand.to;
            if (depth > 1 && next != m_origin && extend(next, depth - 1))
            {
                return true;
            }
            pop();
        }
        return false;
    }

    void push(const Candidate& cand)
    {
        const long long w = m_graph.units[cand.unit].weight;
        m_chain.push_back({cand.unit, cand.from, cand.to});
        m_delta[cand.from] -= w;
        m_delta[cand.to] += w;
        m_moved[cand.unit] = 1;
        ++m_out[cand.from];
        m_in_chain[m_pull ? cand.from : cand.to] += 1;
    }

    void pop()
    {
        const UnitMove m = m_chain.back();
        m_chain.pop_back();
        const long long w = m_graph.units[m.unit].weight;
        m_delta[m.from] += w;
        m_delta[m.to] -= w;
        m_moved[m.unit] = 0;
        --m_out[m.from];
        m_in_chain[m_pull ? m.from : m.to] -= 1;
    }

    // Applies the chain found; undoes it if a part it touched fell apart.
    bool apply()
    {
        const std::vector<UnitMove> chain = m_chain;
        while (!m_chain.empty())
        {
            pop();
        }
        for (const UnitMove& m : chain)
        {
            move(m.unit, m.from, m.to);
        }
        bool ok = true;
        for (const UnitMove& m : chain)
        {
            ok = ok && partConnected(m_adjacency, m_part_of, m.from, m_members[m.from]) &&
                 partConnected(m_adjacency, m_part_of, m.to, m_members[m.to]);
        }
        if (!ok)
        {
            for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            {
                move(it->unit, it->to, it->from);
            }
        }
        return ok;
    }

    void move(int unit, int from, int to)
    {
        const long long w = m_graph.units[unit].weight;
        m_weight[from] -= w;
        m_weight[to] += w;
        m_part_of[unit] = to;
        auto& src = m_members[from];
        src.erase(std::lower_bound(src.begin(), src.end(), unit));
        auto& dst = m_members[to];
        dst.insert(std::lower_bound(dst.begin(), dst.end(), unit), unit);
    }

    const UnitGraph& m_graph;
    const Adjacency& m_adjacency;
    const Bounds& m_bounds;
    std::vector<int>& m_part_of;
    const std::vector<char>& m_frozen;
    const EjectionOptions& m_options;
    ContiguityCheck m_contiguity;
    std::vector<long long> m_weight;
    std::vector<std::vector<int>> m_members; // ascending
    std::vector<long long> m_delta;          // weight change of the chain being built
    std::vector<int> m_out;                  // units the chain takes out of each part
    std::vector<int> m_in_chain;
    std::vector<char> m_moved;
    std::vector<UnitMove> m_chain;
    int m_origin = 0;
    bool m_pull = true;
    int m_budget = 0;
};

} // namespace

int repairByChains(const UnitGraph& graph, const Adjacency& adjacency, const Bounds& bounds,
                   std::vector<int>& part_of, int parts, const std::vector<char>& frozen,
                   const EjectionOptions& options)
{
    ChainSearch search(graph, adjacency, bounds, part_of, parts, frozen, options);
    int applied = 0;
    for (int round = 0; round < options.rounds; ++round)
    {
        int this_round = 0;
        for (int p = 0; p < parts; ++p)
        {
            while (!frozen[p] && outsideBounds(search.weight(p), bounds) > 0 && search.fixPart(p))
            {
                ++this_round;
            }
        }
        applied += this_round;
        if (this_round == 0)
        {
            break;
        }
    }
    return applied;
}

} // namespace gp::partition
