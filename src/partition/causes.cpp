#include "partition/causes.hpp"

#include <algorithm>

namespace gp::partition
{

namespace
{

std::string households(long long h)
{
    return std::to_string(h) + " households";
}

std::string range(const Bounds& b)
{
    return "[" + std::to_string(b.min) + ", " + std::to_string(b.max) + "]";
}

// "min <= X (k grids)" / "max >= Y (k grids)": the bounds change that lets a count fit.
void adviseBounds(PartViolation& v, const Bounds& bounds, const Bounds& works, long long total)
{
    if (works.min != bounds.min)
    {
        const long long k = works.min > 0 ? total / works.min : 1;
        v.advice = "lower the minimum to " + std::to_string(works.min) + " (then " +
                   std::to_string(k) + " grids fit)";
        v.advice_zh = "将户数下限降至 " + std::to_string(works.min) + "（可划为 " +
                      std::to_string(k) + " 个网格）";
    }
    else
    {
        v.advice = "raise the maximum to " + std::to_string(works.max);
        v.advice_zh = "将户数上限提高至 " + std::to_string(works.max);
    }
}

} // namespace

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
    case ViolationCause::NoCountFits:
        return "no_count_fits";
    case ViolationCause::ProvenInfeasible:
        return "proven_infeasible";
    case ViolationCause::NotFound:
        return "not_found";
    }
    return "not_found";
}

bool causeFromString(const std::string& text, ViolationCause& cause)
{
    for (auto c : {ViolationCause::CommunityTooSmall, ViolationCause::UnitOverMax,
                   ViolationCause::IsolatedCluster, ViolationCause::NoCountFits,
                   ViolationCause::ProvenInfeasible, ViolationCause::NotFound})
    {
        if (text == toString(c))
        {
            cause = c;
            return true;
        }
    }
    return false;
}

bool countFits(long long h, const Bounds& bounds)
{
    const long long low = std::max<long long>(1, (h + bounds.max - 1) / bounds.max);
    const long long high = bounds.min > 0 ? h / bounds.min : h;
    return low <= high;
}

LabelNote isolatedClusterNote(int units, long long weight, const Bounds& bounds,
                              bool behind_heavy_unit)
{
    return {ViolationCause::IsolatedCluster,
            "cluster of " + std::to_string(units) + " units holds " + std::to_string(weight) +
                " households, below min " + std::to_string(bounds.min) +
                (behind_heavy_unit ? ", cut off from the rest by an over-max unit"
                                   : ", with no link to the rest of the community")};
}

PartViolation communityTooSmall(long long total, const Bounds& bounds)
{
    return {0, ViolationCause::CommunityTooSmall,
            "community holds " + std::to_string(total) + " households, below min " +
                std::to_string(bounds.min),
            "", ""};
}

PartViolation unitOverMax(int part, int unit, const UnitGraph& graph,
                          const std::vector<int>& part_units, long long weight,
                          const Bounds& bounds)
{
    std::string detail = "unit " + std::to_string(unit) + " holds " +
                         std::to_string(graph.units[unit].weight) + " households, above max " +
                         std::to_string(bounds.max);
    if (part_units.size() > 1)
    {
        detail += " (with " + std::to_string(part_units.size() - 1) +
                  " units cut off behind it, the part holds " + std::to_string(weight) + ")";
    }
    return {part, ViolationCause::UnitOverMax, detail, "", ""};
}

std::optional<Bounds> nearestFeasibleBounds(const UnitGraph& graph, const Adjacency& adjacency,
                                            const std::vector<int>& units, const Bounds& bounds,
                                            const ExactOptions& options)
{
    for (int step : {10, 25, 50, 100, 200})
    {
        for (bool lower_min : {true, false})
        {
            Bounds wider = bounds;
            (lower_min ? wider.min : wider.max) += lower_min ? -std::min(step, bounds.min) : step;
            if (wider.min == bounds.min && lower_min)
                continue;
            const ExactResult r = solveExact(graph, adjacency, units, wider, options);
            if (!r.part_of.empty())
                return wider;
        }
    }
    return std::nullopt;
}

PartViolation explainPart(int part, long long w, const Bounds& bounds, const PieceFacts& piece,
                          const ExactOptions& options)
{
    PartViolation v;
    v.part = part;
    const std::string where = "part holds " + households(w) + ", " +
                              (w < bounds.min ? "below min " + std::to_string(bounds.min)
                                              : "above max " + std::to_string(bounds.max)) +
                              "; its connected piece of " + std::to_string(piece.units) +
                              " units holds " + households(piece.households);
    if (!countFits(piece.households, bounds))
    {
        const long long h = piece.households;
        const long long k_low = std::max<long long>(1, (h + bounds.max - 1) / bounds.max);
        const long long k_high = std::max<long long>(1, bounds.min > 0 ? h / bounds.min : 1);
        Bounds lower = bounds, higher = bounds;
        lower.min = static_cast<int>(h / k_low);
        higher.max = static_cast<int>((h + k_high - 1) / k_high);
        v.cause = ViolationCause::NoCountFits;
        v.detail = where + ": no count k of grids has k x " + std::to_string(bounds.min) +
                   " <= " + std::to_string(h) + " <= k x " + std::to_string(bounds.max);
        const bool lower_is_nearer = bounds.min - lower.min <= higher.max - bounds.max;
        adviseBounds(v, bounds, lower_is_nearer ? lower : higher, h);
        return v;
    }
    if (piece.exact && piece.exact->status == ExactStatus::Infeasible)
    {
        v.cause = ViolationCause::ProvenInfeasible;
        v.detail = where + ": the exact model proves no contiguous plan has every grid in " +
                   range(bounds);
        if (piece.nearest)
            adviseBounds(v, bounds, *piece.nearest, piece.households);
        return v;
    }
    v.cause = ViolationCause::NotFound;
    if (!piece.exact || piece.exact->status == ExactStatus::TooLarge)
        v.detail = where + ": the repair found no plan within " + range(bounds) +
                   " and the piece is too large for the exact model (over " +
                   std::to_string(options.max_units) + " units (--exact-max-units), or over " +
                   std::to_string(options.max_columns) + " feasible grids to choose from)";
    else
        v.detail = where + ": the exact model stopped at its " +
                   (piece.exact->hit_time_limit ? "time limit (--exact-seconds)" : "node budget") +
                   " before finding a plan or proving there is none";
    // Only the option that stopped the search is worth raising; a node budget has no option.
    if (piece.units > static_cast<std::size_t>(std::max(0, options.max_units)))
    {
        v.advice = "run with --exact-max-units " + std::to_string(piece.units) +
                   " (the exact model may still be out of reach)";
        v.advice_zh = "以 --exact-max-units " + std::to_string(piece.units) +
                      " 重试（精确模型仍可能无法求解）";
    }
    else if (piece.exact && piece.exact->hit_time_limit)
    {
        v.advice = "run with a larger --exact-seconds";
        v.advice_zh = "增大 --exact-seconds 后重试";
    }
    return v;
}

} // namespace gp::partition
