#include "partition/partition.hpp"

#include "core/error.hpp"
#include "partition/adjacency.hpp"
#include "partition/recursive_bisection.hpp"
#include "partition/repair.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace gp::partition
{

const char* toString(ViolationCause cause)
{
    switch (cause)
    {
    case ViolationCause::CommunityTooSmall:
        return "community_too_small";
    case ViolationCause::UnitOverMax:
        return "unit_over_max";
    case ViolationCause::IsolatedCluster:
        return "isolated_cluster";
    case ViolationCause::NoFeasibleCut:
        return "no_feasible_cut";
    }
    return "unknown";
}

namespace
{

struct LabelNote
{
    ViolationCause cause;
    std::string detail;
};

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

} // namespace

PartitionResult partitionGraph(const UnitGraph& graph, const Bounds& bounds, unsigned seed)
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
    const Adjacency adjacency(graph);
    std::vector<int> labels(n, -1);
    std::vector<std::optional<LabelNote>> notes;
    int next_label = 0;
    auto note = [&](int label, ViolationCause cause, std::string detail)
    {
        if (static_cast<int>(notes.size()) <= label)
        {
            notes.resize(label + 1);
        }
        notes[label] = LabelNote{cause, std::move(detail)};
    };

    std::vector<int> everything(n);
    for (int u = 0; u < n; ++u)
    {
        everything[u] = u;
    }
    const long long total = weightOf(graph, everything);
    if (total < bounds.min)
    {
        // Nothing to split: the whole community is one (possibly scattered) part.
        result.part_of.assign(n, 0);
        result.parts = 1;
        result.violations.push_back({0, ViolationCause::CommunityTooSmall,
                                     "community holds " + std::to_string(total) +
                                         " households, below min " + std::to_string(bounds.min)});
        return result;
    }

    // Indivisible units above max stand alone; the rest is partitioned around them.
    std::vector<char> keep(n, 1);
    std::vector<int> heavy_label(n, -1);
    for (int u = 0; u < n; ++u)
    {
        if (graph.units[u].weight > bounds.max)
        {
            keep[u] = 0;
            heavy_label[u] = next_label;
            labels[u] = next_label++;
        }
    }
    const bool has_heavy = next_label > 0;
    const auto components = connectedComponents(adjacency, has_heavy ? keep : std::vector<char>{});

    RecursiveBisection bisection(graph, adjacency, bounds, seed, labels, next_label);
    for (const std::vector<int>& component : components)
    {
        const long long weight = weightOf(graph, component);
        if (weight >= bounds.min)
        {
            bisection.run(component,
                          choosePartCount(weight, static_cast<int>(component.size()), bounds));
            continue;
        }
        // Too small to stand alone. Cut off only by over-max units: if folding it into one of
        // them adds fewer households to that violation than it lacks on its own, fold it in.
        int heavy_neighbour = -1;
        for (int u : component)
        {
            for (int s = adjacency.begin(u); s < adjacency.end(u); ++s)
            {
                const int v = adjacency.target(s);
                if (heavy_label[v] >= 0 && (heavy_neighbour < 0 || v < heavy_neighbour))
                {
                    heavy_neighbour = v;
                }
            }
        }
        if (heavy_neighbour >= 0 && weight < bounds.min - weight)
        {
            for (int u : component)
            {
                labels[u] = heavy_label[heavy_neighbour];
            }
            continue;
        }
        const int label = next_label++;
        for (int u : component)
        {
            labels[u] = label;
        }
        note(label, ViolationCause::IsolatedCluster,
             "cluster of " + std::to_string(component.size()) + " units holds " +
                 std::to_string(weight) + " households, below min " + std::to_string(bounds.min) +
                 (heavy_neighbour >= 0 ? ", cut off from the rest by an over-max unit"
                                       : ", with no link to the rest of the community"));
    }

    // Bisection may leave parts just outside the bounds; shift boundary units to fix them. Parts
    // that are violations by nature (over-max units, isolated clusters) stay as they are.
    std::vector<char> frozen(next_label, 0);
    for (int label = 0; label < next_label; ++label)
    {
        frozen[label] = label < static_cast<int>(notes.size()) && notes[label].has_value();
    }
    for (int u = 0; u < n; ++u)
    {
        if (heavy_label[u] >= 0)
        {
            frozen[heavy_label[u]] = 1;
        }
    }
    repairBounds(graph, adjacency, bounds, labels, next_label, frozen);

    // Number parts by their lowest unit so the numbering does not depend on the recursion.
    std::vector<int> renumber(next_label, -1);
    result.part_of.assign(n, -1);
    for (int u = 0; u < n; ++u)
    {
        int& part = renumber[labels[u]];
        if (part < 0)
        {
            part = result.parts++;
        }
        result.part_of[u] = part;
    }
    std::vector<long long> part_weight(result.parts, 0);
    std::vector<int> part_units(result.parts, 0);
    for (int u = 0; u < n; ++u)
    {
        part_weight[result.part_of[u]] += graph.units[u].weight;
        ++part_units[result.part_of[u]];
    }
    for (int u = 0; u < n; ++u)
    {
        if (heavy_label[u] < 0)
        {
            continue;
        }
        const int part = renumber[heavy_label[u]];
        std::string detail = "unit " + std::to_string(u) + " holds " +
                             std::to_string(graph.units[u].weight) + " households, above max " +
                             std::to_string(bounds.max);
        if (part_units[part] > 1)
        {
            detail += " (with " + std::to_string(part_units[part] - 1) +
                      " units cut off behind it, the part holds " +
                      std::to_string(part_weight[part]) + ")";
        }
        result.violations.push_back({part, ViolationCause::UnitOverMax, detail});
    }
    for (int label = 0; label < static_cast<int>(notes.size()); ++label)
    {
        if (notes[label] && renumber[label] >= 0)
        {
            result.violations.push_back(
                {renumber[label], notes[label]->cause, notes[label]->detail});
        }
    }
    std::vector<char> explained(result.parts, 0);
    for (const PartViolation& v : result.violations)
    {
        explained[v.part] = 1;
    }
    for (int part = 0; part < result.parts; ++part)
    {
        const long long w = part_weight[part];
        if (explained[part] || (w >= bounds.min && w <= bounds.max))
        {
            continue;
        }
        result.violations.push_back(
            {part, ViolationCause::NoFeasibleCut,
             "part holds " + std::to_string(w) + " households, " +
                 (w < bounds.min ? "below min " + std::to_string(bounds.min)
                                 : "above max " + std::to_string(bounds.max)) +
                 "; no contiguous split within bounds was found"});
    }
    std::stable_sort(result.violations.begin(), result.violations.end(),
                     [](const PartViolation& a, const PartViolation& b)
                     {
                         return a.part < b.part;
                     });
    return result;
}

} // namespace gp::partition
