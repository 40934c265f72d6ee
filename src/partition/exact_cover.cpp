#include "partition/exact_cover.hpp"

#include "core/index.hpp"
#include "partition/causes.hpp"

#include <bit>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace gp::partition
{

namespace
{

using Mask = std::uint64_t;

Mask bit(int u)
{
    return Mask{1} << u;
}

int lowest(Mask m)
{
    return std::countr_zero(m);
}

constexpr int kAnyCount = -1; // parts_left when the count of parts is free

class CoverSearch
{
  public:
    enum class Outcome
    {
        Found,
        None,
        Stopped
    };

    CoverSearch(const LocalGraph& g, const Bounds& bounds, long long set_limit)
        : m_weight(g.weight), m_adj(g.weight.size(), 0), m_bounds(bounds), m_limit(set_limit)
    {
        for (const auto& [a, b] : g.links)
        {
            m_adj[a] |= bit(b);
            m_adj[b] |= bit(a);
        }
    }

    // Covers `free` with connected sets within the bounds (exactly `parts_left` of them unless
    // kAnyCount); on Found, `chosen` holds the sets.
    Outcome cover(Mask free, int parts_left)
    {
        if (free == 0)
            return parts_left == kAnyCount || parts_left == 0 ? Outcome::Found : Outcome::None;
        const std::vector<Mask> pieces = components(free);
        if (!piecesFit(pieces, parts_left))
            return Outcome::None;
        if (parts_left != kAnyCount || pieces.size() == 1)
            return branch(free, parts_left);
        // Pieces apart from each other are independent: each must be covered on its own.
        const std::size_t mark = chosen.size();
        for (Mask piece : pieces)
            if (const Outcome r = branch(piece, kAnyCount); r != Outcome::Found)
            {
                chosen.resize(mark);
                return r;
            }
        return Outcome::Found;
    }

    std::vector<Mask> chosen;

  private:
    // Every connected set holding the lowest unit of `free`, each followed by the rest.
    Outcome branch(Mask free, int parts_left)
    {
        if (m_impossible.count({free, parts_left}))
            return Outcome::None;
        const std::size_t mark = chosen.size();
        const int root = lowest(free);
        if (m_weight[root] > m_bounds.max)
            return Outcome::None; // a unit over the maximum fits in no part
        const Outcome r = grow(free, bit(root), m_adj[root] & free, m_adj[root] | bit(root),
                               m_weight[root], parts_left);
        if (r != Outcome::Found)
            chosen.resize(mark);
        if (r == Outcome::None)
            m_impossible.insert({free, parts_left});
        return r;
    }

    // ESU step: `ext` holds the units that may join `set` next (neighbours of its last units,
    // not next to any earlier unit, so each connected set is made once); `near` is the set and
    // its neighbours.
    Outcome grow(Mask free, Mask set, Mask ext, Mask near, long long weight, int parts_left)
    {
        if (++m_tried > m_limit)
            return Outcome::Stopped;
        if (weight >= m_bounds.min && parts_left != 0)
        {
            chosen.push_back(set);
            const Outcome r =
                cover(free & ~set, parts_left == kAnyCount ? kAnyCount : parts_left - 1);
            if (r != Outcome::None)
                return r;
            chosen.pop_back();
        }
        while (ext != 0)
        {
            const int w = lowest(ext);
            ext &= ~bit(w);
            if (weight + m_weight[w] > m_bounds.max)
                continue;
            const Mask next = ext | (m_adj[w] & free & ~near);
            const Outcome r = grow(free, set | bit(w), next, near | m_adj[w] | bit(w),
                                   weight + m_weight[w], parts_left);
            if (r != Outcome::None)
                return r;
        }
        return Outcome::None;
    }

    std::vector<Mask> components(Mask free) const
    {
        std::vector<Mask> pieces;
        while (free != 0)
        {
            Mask piece = bit(lowest(free));
            Mask frontier = piece;
            while (frontier != 0)
            {
                const int u = lowest(frontier);
                frontier &= ~bit(u);
                const Mask fresh = m_adj[u] & free & ~piece;
                piece |= fresh;
                frontier |= fresh;
            }
            pieces.push_back(piece);
            free &= ~piece;
        }
        return pieces;
    }

    // Each piece holds households some count of parts can take, and (with a fixed count) the
    // counts can add up to the parts left.
    bool piecesFit(const std::vector<Mask>& pieces, int parts_left) const
    {
        long long fewest = 0, most = 0;
        for (Mask piece : pieces)
        {
            long long h = 0;
            for (Mask m = piece; m != 0; m &= m - 1)
                h += m_weight[lowest(m)];
            if (!countFits(h, m_bounds))
                return false;
            // Counts it can take: by households, and never more parts than units.
            fewest += (h + m_bounds.max - 1) / m_bounds.max;
            most += m_bounds.min > 0 ? h / m_bounds.min : std::popcount(piece);
        }
        return parts_left == kAnyCount || (fewest <= parts_left && parts_left <= most);
    }

    const std::vector<int>& m_weight;
    std::vector<Mask> m_adj;
    Bounds m_bounds;
    long long m_limit;
    long long m_tried = 0;
    std::set<std::pair<Mask, int>> m_impossible; // (units, parts left) proven not coverable
};

} // namespace

ExactResult solveByCover(const LocalGraph& g, const Bounds& bounds, int parts, long long set_limit)
{
    ExactResult result;
    const int n = static_cast<int>(g.weight.size());
    if (n > 64 || bounds.max <= 0)
    {
        result.status = ExactStatus::TooLarge;
        return result;
    }
    const Mask all = n == 64 ? ~Mask{0} : bit(n) - 1;
    CoverSearch search(g, bounds, set_limit);
    switch (search.cover(all, parts > 0 ? parts : kAnyCount))
    {
    case CoverSearch::Outcome::None:
        result.status = ExactStatus::Infeasible;
        return result;
    case CoverSearch::Outcome::Stopped:
        result.status = ExactStatus::Unknown;
        return result;
    case CoverSearch::Outcome::Found:
        break;
    }
    result.status = ExactStatus::Optimal;
    result.part_of.assign(static_cast<std::size_t>(n), -1);
    for (Mask set : search.chosen)
    {
        for (Mask m = set; m != 0; m &= m - 1)
            at(result.part_of, lowest(m)) = result.parts;
        ++result.parts;
    }
    result.cut_edges = 0;
    for (const auto& [a, b] : g.links)
        result.cut_edges += result.part_of[a] != result.part_of[b];
    return result;
}

} // namespace gp::partition
