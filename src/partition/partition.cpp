#include "partition/partition.hpp"

#include "core/error.hpp"
#include "partition/adjacency.hpp"
#include "partition/causes.hpp"
#include "partition/neighbourhood.hpp"
#include "partition/recursive_bisection.hpp"
#include "partition/repair.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace gp::partition
{

namespace
{

long long weightOf(const UnitGraph& graph, const std::vector<int>& units)
{
    long long total = 0;
    for (int u : units)
    {
        total += graph.units[u].weight;
    }
    return total;
}

// k in [ceil(W/max), floor(W/min)] closest to W/target; when that range is empty, the count
// whose parts miss the bounds by fewer households in total (fewer parts on a tie).
int choosePartCount(long long weight, int units, const Bounds& bounds)
{
    const long long low = std::max<long long>(1, (weight + bounds.max - 1) / bounds.max);
    const long long high = bounds.min > 0 ? weight / bounds.min : weight;
    long long k = 1;
    if (low <= high)
    {
        const double target =
            bounds.target >= bounds.min && bounds.target <= bounds.max && bounds.target > 0
                ? bounds.target
                : 0.5 * (bounds.min + bounds.max);
        k = std::clamp<long long>(std::llround(static_cast<double>(weight) / target), low, high);
    }
    else
    {
        const long long over = std::max<long long>(1, high);
        const long long over_excess = weight - over * bounds.max;
        const long long under_excess = low * bounds.min - weight;
        k = under_excess < over_excess ? low : over;
    }
    return static_cast<int>(std::clamp<long long>(k, 1, std::max(1, units)));
}

// One connected piece of the community (over-max units taken out) and what is known about it.
struct Piece
{
    std::vector<int> units; // ascending
    long long weight = 0;
    std::optional<ExactResult> exact; // the exact model on the whole piece, when run
    std::optional<Bounds> nearest;    // the nearest bounds with a plan, when proven infeasible
};

// The steps of partitionGraph, sharing the labels they write.
class Partitioner
{
  public:
    Partitioner(const UnitGraph& graph, const Bounds& bounds, const PartitionOptions& options)
        : m_graph(graph), m_adjacency(graph), m_bounds(bounds), m_options(options),
          m_labels(graph.units.size(), -1), m_heavy(graph.units.size(), -1),
          m_piece_of_unit(graph.units.size(), -1)
    {
    }

    void setAsideHeavyUnits();
    void bisectPieces(unsigned seed);
    void repair();
    void solveStubbornPieces();
    PartitionResult result() const;

  private:
    void placeSmallPiece(const std::vector<int>& units, long long weight);
    std::vector<char> frozen() const;
    std::vector<long long> labelWeights() const;
    std::vector<int> pieceOfLabel() const;
    void relabel(const std::vector<int>& units, const ExactResult& plan);

    const UnitGraph& m_graph;
    Adjacency m_adjacency;
    Bounds m_bounds;
    const PartitionOptions& m_options;
    std::vector<int> m_labels;
    int m_next_label = 0;
    std::vector<int> m_heavy;                      // per unit: its own label if over max, else -1
    std::vector<std::optional<LabelNote>> m_notes; // per label: a cause known when it was made
    std::vector<Piece> m_pieces;
    std::vector<int> m_piece_of_unit; // per unit: its piece, -1 outside every piece
};

// Indivisible units above max stand alone; the rest is partitioned around them.
void Partitioner::setAsideHeavyUnits()
{
    for (int u = 0; u < static_cast<int>(m_graph.units.size()); ++u)
    {
        if (m_graph.units[u].weight > m_bounds.max)
        {
            m_heavy[u] = m_next_label;
            m_labels[u] = m_next_label++;
        }
    }
}

void Partitioner::bisectPieces(unsigned seed)
{
    std::vector<char> keep(m_graph.units.size(), 1);
    for (std::size_t u = 0; u < keep.size(); ++u)
    {
        keep[u] = m_heavy[u] < 0;
    }
    RecursiveBisection bisection(m_graph, m_adjacency, m_bounds, seed, m_labels, m_next_label);
    for (std::vector<int>& units : connectedComponents(m_adjacency, keep))
    {
        const long long weight = weightOf(m_graph, units);
        if (weight < m_bounds.min)
        {
            placeSmallPiece(units, weight);
            continue;
        }
        bisection.run(units, choosePartCount(weight, static_cast<int>(units.size()), m_bounds));
        for (int u : units)
        {
            m_piece_of_unit[u] = static_cast<int>(m_pieces.size());
        }
        m_pieces.push_back({std::move(units), weight, std::nullopt, std::nullopt});
    }
}

// A piece too small to stand alone. Cut off only by over-max units: if folding it into one of
// them adds fewer households to that violation than it lacks on its own, fold it in.
void Partitioner::placeSmallPiece(const std::vector<int>& units, long long weight)
{
    int heavy_neighbour = -1;
    for (int u : units)
    {
        for (int s = m_adjacency.begin(u); s < m_adjacency.end(u); ++s)
        {
            const int v = m_adjacency.target(s);
            if (m_heavy[v] >= 0 && (heavy_neighbour < 0 || v < heavy_neighbour))
            {
                heavy_neighbour = v;
            }
        }
    }
    if (heavy_neighbour >= 0 && weight < m_bounds.min - weight)
    {
        for (int u : units)
        {
            m_labels[u] = m_heavy[heavy_neighbour];
        }
        return;
    }
    const int label = m_next_label++;
    for (int u : units)
    {
        m_labels[u] = label;
    }
    m_notes.resize(m_next_label);
    m_notes[label] =
        isolatedClusterNote(static_cast<int>(units.size()), weight, m_bounds, heavy_neighbour >= 0);
}

// Parts that are violations by nature (over-max units, isolated clusters) stay as they are.
std::vector<char> Partitioner::frozen() const
{
    std::vector<char> frozen(m_next_label, 0);
    for (int label = 0; label < m_next_label; ++label)
    {
        frozen[label] = label < static_cast<int>(m_notes.size()) && m_notes[label].has_value();
    }
    for (int h : m_heavy)
    {
        if (h >= 0)
        {
            frozen[h] = 1;
        }
    }
    return frozen;
}

std::vector<long long> Partitioner::labelWeights() const
{
    std::vector<long long> weight(m_next_label, 0);
    for (std::size_t u = 0; u < m_labels.size(); ++u)
    {
        weight[m_labels[u]] += m_graph.units[u].weight;
    }
    return weight;
}

// Bisection may leave parts just outside the bounds: single boundary moves first, then ejection
// chains through parts at a bound, then whole neighbourhoods re-solved by the exact model.
void Partitioner::repair()
{
    std::vector<char> frozen_labels = frozen();
    repairBounds(m_graph, m_adjacency, m_bounds, m_labels, m_next_label, frozen_labels);
    repairByChains(m_graph, m_adjacency, m_bounds, m_labels, m_next_label, frozen_labels,
                   m_options.chains);
    if (m_options.exact_repair)
    {
        repairNeighbourhoods(m_graph, m_adjacency, m_bounds, m_labels, m_next_label, frozen_labels,
                             m_options.exact);
    }
}

// Per label: the piece its units belong to (-1 for over-max units and small pieces).
std::vector<int> Partitioner::pieceOfLabel() const
{
    std::vector<int> piece(m_next_label, -1);
    for (std::size_t u = 0; u < m_labels.size(); ++u)
    {
        if (m_piece_of_unit[u] >= 0)
        {
            piece[m_labels[u]] = m_piece_of_unit[u];
        }
    }
    return piece;
}

void Partitioner::relabel(const std::vector<int>& units, const ExactResult& plan)
{
    const int first = m_next_label;
    m_next_label += plan.parts;
    for (std::size_t i = 0; i < units.size(); ++i)
    {
        m_labels[units[i]] = first + plan.part_of[i];
    }
}

// A piece still out of bounds after the repair gets the exact model when small enough: its plan
// if one exists, else the proof that none does.
void Partitioner::solveStubbornPieces()
{
    const std::vector<long long> weight = labelWeights();
    const std::vector<int> piece_of = pieceOfLabel();
    std::vector<char> bad(m_pieces.size(), 0);
    for (int label = 0; label < m_next_label; ++label)
    {
        if (piece_of[label] >= 0 && outsideBounds(weight[label], m_bounds) > 0)
        {
            bad[piece_of[label]] = 1;
        }
    }
    for (std::size_t p = 0; p < m_pieces.size(); ++p)
    {
        Piece& piece = m_pieces[p];
        if (!bad[p] || !countFits(piece.weight, m_bounds))
        {
            continue;
        }
        piece.exact = solveExact(m_graph, m_adjacency, piece.units, m_bounds, m_options.exact);
        if (!piece.exact->part_of.empty())
        {
            relabel(piece.units, *piece.exact);
        }
        else if (piece.exact->status == ExactStatus::Infeasible)
        {
            piece.nearest =
                nearestFeasibleBounds(m_graph, m_adjacency, piece.units, m_bounds, m_options.exact);
        }
    }
}

PartitionResult Partitioner::result() const
{
    // Number parts by their lowest unit so the numbering does not depend on the search.
    PartitionResult result;
    const int n = static_cast<int>(m_labels.size());
    std::vector<int> renumber(m_next_label, -1);
    std::vector<int> label_of_part;
    result.part_of.assign(n, -1);
    for (int u = 0; u < n; ++u)
    {
        int& part = renumber[m_labels[u]];
        if (part < 0)
        {
            part = result.parts++;
            label_of_part.push_back(m_labels[u]);
        }
        result.part_of[u] = part;
    }
    const std::vector<int> piece_of = pieceOfLabel();
    std::vector<long long> part_weight(result.parts, 0);
    std::vector<std::vector<int>> part_units(result.parts);
    for (int u = 0; u < n; ++u)
    {
        part_weight[result.part_of[u]] += m_graph.units[u].weight;
        part_units[result.part_of[u]].push_back(u);
    }
    for (int part = 0; part < result.parts; ++part)
    {
        const int label = label_of_part[part];
        const long long w = part_weight[part];
        const bool noted = label < static_cast<int>(m_notes.size()) && m_notes[label];
        int heavy = -1;
        for (int u : part_units[part])
        {
            heavy = m_heavy[u] == label ? u : heavy;
        }
        if (heavy >= 0)
        {
            result.violations.push_back(
                unitOverMax(part, heavy, m_graph, part_units[part], w, m_bounds));
        }
        else if (noted)
        {
            result.violations.push_back(
                {part, m_notes[label]->cause, m_notes[label]->detail, "", ""});
        }
        else if (outsideBounds(w, m_bounds) > 0)
        {
            const Piece* p = piece_of[label] >= 0 ? &m_pieces[piece_of[label]] : nullptr;
            PieceFacts facts{part_units[part].size(), w, nullptr, std::nullopt};
            if (p)
            {
                facts = {p->units.size(), p->weight, p->exact ? &*p->exact : nullptr, p->nearest};
            }
            result.violations.push_back(explainPart(part, w, m_bounds, facts, m_options.exact));
        }
    }
    return result;
}

} // namespace

PartitionResult partitionGraph(const UnitGraph& graph, const Bounds& bounds, unsigned seed,
                               const PartitionOptions& options)
{
    if (bounds.max < 1 || bounds.min < 0 || bounds.min > bounds.max)
    {
        throw ConfigError("household bounds must satisfy 0 <= min <= max and max >= 1 (got min " +
                          std::to_string(bounds.min) + ", max " + std::to_string(bounds.max) + ")");
    }
    PartitionResult result;
    const int n = static_cast<int>(graph.units.size());
    if (n == 0)
    {
        return result;
    }
    long long total = 0;
    for (const Unit& unit : graph.units)
    {
        total += unit.weight;
    }
    if (total < bounds.min)
    {
        // Nothing to split: the whole community is one (possibly scattered) part.
        result.part_of.assign(n, 0);
        result.parts = 1;
        result.violations.push_back(communityTooSmall(total, bounds));
        return result;
    }
    Partitioner partitioner(graph, bounds, options);
    partitioner.setAsideHeavyUnits();
    partitioner.bisectPieces(seed);
    partitioner.repair();
    partitioner.solveStubbornPieces();
    return partitioner.result();
}

} // namespace gp::partition
