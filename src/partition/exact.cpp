#include "partition/exact.hpp"

#include "partition/exact_columns.hpp"
#include "partition/exact_cover.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

namespace gp::partition
{

const char* toString(ExactStatus status)
{
    switch (status)
    {
    case ExactStatus::Optimal:
        return "optimal";
    case ExactStatus::Feasible:
        return "feasible";
    case ExactStatus::Infeasible:
        return "infeasible";
    case ExactStatus::Unknown:
        return "unknown";
    case ExactStatus::TooLarge:
        return "too_large";
    }
    return "unknown";
}

namespace
{

// The model's columns: x(v,j) unit v in slot j, r(v,j) v is slot j's root, z(j) slot j used,
// y(e) link e cut, f(a) flow on arc a (two arcs per link). GLPK numbers columns from 1.
struct Layout
{
    int n = 0, k = 0, m = 0;
    int x(int v, int j) const { return 1 + v * k + j; }
    int r(int v, int j) const { return 1 + n * k + v * k + j; }
    int z(int j) const { return 1 + 2 * n * k + j; }
    int y(int e) const { return 1 + 2 * n * k + k + e; }
    int f(int a) const { return 1 + 2 * n * k + k + m + a; }
    int columns() const { return 2 * n * k + k + 3 * m; }
};

// Rows gathered as triplets, loaded into GLPK at once.
struct Rows
{
    glp_prob* lp;
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};

    void add(const std::vector<std::pair<int, double>>& terms, int type, double lo, double hi)
    {
        const int row = glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, row, type, lo, hi);
        for (const auto& [col, coef] : terms)
        {
            ia.push_back(row);
            ja.push_back(col);
            ar.push_back(coef);
        }
    }
};

LocalGraph localGraph(const UnitGraph& graph, const Adjacency& adjacency,
                      const std::vector<int>& units)
{
    LocalGraph local;
    std::unordered_map<int, int> index;
    for (int i = 0; i < static_cast<int>(units.size()); ++i)
    {
        index.emplace(units[i], i);
        local.weight.push_back(graph.units[units[i]].weight);
        local.total += graph.units[units[i]].weight;
    }
    for (int i = 0; i < static_cast<int>(units.size()); ++i)
    {
        for (int s = adjacency.begin(units[i]); s < adjacency.end(units[i]); ++s)
        {
            auto it = index.find(adjacency.target(s));
            if (it != index.end() && it->second > i &&
                (local.links.empty() || local.links.back() != std::make_pair(i, it->second)))
            {
                local.links.emplace_back(i, it->second);
            }
        }
    }
    return local;
}

// Cut indicators and flow: y(e) marks a link between slots, and flow from each slot's root
// reaches every other unit of the slot over uncut links only.
void addLinkRows(Rows& rows, const Layout& L, const LocalGraph& g)
{
    std::vector<std::vector<std::pair<int, double>>> net(L.n);
    for (int e = 0; e < L.m; ++e)
    {
        const auto [a, b] = g.links[e];
        for (int j = 0; j < L.k; ++j)
        {
            // y(e) >= |x(a,j) - x(b,j)|: a link between slots is cut.
            rows.add({{L.y(e), 1.0}, {L.x(a, j), -1.0}, {L.x(b, j), 1.0}}, GLP_LO, 0.0, 0.0);
            rows.add({{L.y(e), 1.0}, {L.x(b, j), -1.0}, {L.x(a, j), 1.0}}, GLP_LO, 0.0, 0.0);
        }
        // Flow only over uncut links: f(a->b) + f(b->a) <= (n - 1)(1 - y(e)).
        rows.add({{L.f(2 * e), 1.0}, {L.f(2 * e + 1), 1.0}, {L.y(e), double(L.n - 1)}}, GLP_UP, 0.0,
                 double(L.n - 1));
        net[b].emplace_back(L.f(2 * e), 1.0); // arc 2e: a -> b
        net[a].emplace_back(L.f(2 * e), -1.0);
        net[a].emplace_back(L.f(2 * e + 1), 1.0); // arc 2e+1: b -> a
        net[b].emplace_back(L.f(2 * e + 1), -1.0);
    }
    for (int v = 0; v < L.n; ++v)
    {
        // A unit that is no root takes in at least one unit of flow more than it sends on.
        auto t = net[v];
        for (int j = 0; j < L.k; ++j)
            t.emplace_back(L.r(v, j), double(L.n));
        rows.add(t, GLP_LO, 1.0, 0.0);
    }
}

void buildModel(glp_prob* lp, const Layout& L, const LocalGraph& g, const Bounds& bounds,
                int min_parts, bool minimise_cut)
{
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_cols(lp, L.columns());
    for (int c = 1; c <= 2 * L.n * L.k + L.k; ++c)
    {
        glp_set_col_kind(lp, c, GLP_BV);
    }
    // Slots are ordered by their lowest unit, so unit v can only be in slots 0..v; the first
    // min_parts slots are used and a used slot is never followed by an unused one.
    for (int v = 0; v < L.n; ++v)
    {
        for (int j = v + 1; j < L.k; ++j)
        {
            glp_set_col_bnds(lp, L.x(v, j), GLP_FX, 0.0, 0.0);
            glp_set_col_bnds(lp, L.r(v, j), GLP_FX, 0.0, 0.0);
        }
    }
    for (int j = 0; j < min_parts; ++j)
    {
        glp_set_col_bnds(lp, L.z(j), GLP_FX, 1.0, 1.0);
    }
    for (int e = 0; e < L.m; ++e)
    {
        glp_set_col_bnds(lp, L.y(e), GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(lp, L.y(e), minimise_cut ? 1.0 : 0.0);
        glp_set_col_bnds(lp, L.f(2 * e), GLP_LO, 0.0, 0.0);
        glp_set_col_bnds(lp, L.f(2 * e + 1), GLP_LO, 0.0, 0.0);
    }
    Rows rows{lp};
    for (int v = 0; v < L.n; ++v)
    {
        std::vector<std::pair<int, double>> t;
        for (int j = 0; j < L.k; ++j)
            t.emplace_back(L.x(v, j), 1.0);
        rows.add(t, GLP_FX, 1.0, 1.0); // every unit in one slot
        for (int j = 0; j < L.k; ++j)
            rows.add({{L.r(v, j), 1.0}, {L.x(v, j), -1.0}}, GLP_UP, 0.0, 0.0); // root in its slot
    }
    for (int j = 0; j < L.k; ++j)
    {
        std::vector<std::pair<int, double>> roots{{L.z(j), -1.0}},
            wmin{{L.z(j), -double(bounds.min)}}, wmax{{L.z(j), -double(bounds.max)}},
            used{{L.z(j), -double(L.n)}};
        for (int v = 0; v < L.n; ++v)
        {
            roots.emplace_back(L.r(v, j), 1.0);
            wmin.emplace_back(L.x(v, j), g.weight[v]);
            wmax.emplace_back(L.x(v, j), g.weight[v]);
            used.emplace_back(L.x(v, j), 1.0);
        }
        rows.add(roots, GLP_FX, 0.0, 0.0); // one root per used slot
        rows.add(wmin, GLP_LO, 0.0, 0.0);  // households >= min when used
        rows.add(wmax, GLP_UP, 0.0, 0.0);  // households <= max when used
        rows.add(used, GLP_UP, 0.0, 0.0);  // no unit in an unused slot
        if (j + 1 < L.k)
            rows.add({{L.z(j), 1.0}, {L.z(j + 1), -1.0}}, GLP_LO, 0.0, 0.0);
    }
    addLinkRows(rows, L, g);
    glp_load_matrix(lp, static_cast<int>(rows.ia.size()) - 1, rows.ia.data(), rows.ja.data(),
                    rows.ar.data());
}

std::mutex& solverMutex()
{
    static std::mutex m;
    return m;
}

// The flow model on `g` with part counts min_parts..slots; the caller holds the solver lock.
ExactResult solveByFlow(const LocalGraph& g, const Bounds& bounds, const ExactOptions& options,
                        int min_parts, int slots)
{
    ExactResult result;
    const int n = static_cast<int>(g.weight.size());
    const Layout L{n, slots, static_cast<int>(g.links.size())};
    glp_prob* lp = glp_create_prob();
    buildModel(lp, L, g, bounds, min_parts, options.minimise_cut);
    NodeBudget budget{options.node_limit};
    const int code = runBranchAndCut(lp, options, budget);
    result.status = statusOf(code, lp, result.hit_time_limit);
    if (result.status == ExactStatus::Optimal || result.status == ExactStatus::Feasible)
    {
        std::vector<int> slot_part(slots, -1);
        result.part_of.assign(n, 0);
        for (int v = 0; v < n; ++v)
            for (int j = 0; j < slots; ++j)
                if (glp_mip_col_val(lp, L.x(v, j)) > 0.5)
                {
                    if (slot_part[j] < 0)
                        slot_part[j] = result.parts++;
                    result.part_of[v] = slot_part[j];
                }
        result.cut_edges = 0;
        for (const auto& [a, b] : g.links)
            result.cut_edges += result.part_of[a] != result.part_of[b];
        result.bound = result.status == ExactStatus::Optimal
                           ? result.cut_edges
                           : std::min<double>(result.cut_edges, std::ceil(budget.bound - 1e-6));
    }
    glp_delete_prob(lp);
    return result;
}

} // namespace

ExactResult solveExact(const UnitGraph& graph, const Adjacency& adjacency,
                       const std::vector<int>& units, const Bounds& bounds,
                       const ExactOptions& options)
{
    ExactResult result;
    const LocalGraph g = localGraph(graph, adjacency, units);
    const int n = static_cast<int>(units.size());
    // Part counts that could fit: ceil(H / max) .. floor(H / min).
    const long long low = std::max<long long>(1, (g.total + bounds.max - 1) / bounds.max);
    const long long high = std::min<long long>(n, bounds.min > 0 ? g.total / bounds.min : n);
    const int min_parts = static_cast<int>(options.parts > 0 ? options.parts : low);
    const int slots = static_cast<int>(options.parts > 0 ? options.parts : high);
    if (n == 0 || slots < min_parts || options.parts > n)
    {
        result.status = ExactStatus::Infeasible; // no count of parts can hold the households
        return result;
    }
    if (n > options.max_units)
    {
        result.status = ExactStatus::TooLarge;
        return result;
    }
    // Small pieces: the combinatorial search first. Its plan is the answer unless cut links are
    // to be minimised; its proof of infeasibility is the answer either way.
    if (ExactResult cover = solveByCover(g, bounds, options.parts);
        cover.status == ExactStatus::Infeasible ||
        (cover.status == ExactStatus::Optimal && !options.minimise_cut))
        return cover;
    std::vector<std::vector<int>> parts;
    const bool enumerated = enumerateParts(g, bounds, options.max_columns, parts);
    if (!enumerated && static_cast<long long>(n) * slots > options.max_variables)
    {
        result.status = ExactStatus::TooLarge;
        return result;
    }
    std::lock_guard<std::mutex> lock(solverMutex());
    glp_term_out(GLP_OFF);
    result = enumerated ? solveByColumns(g, parts, options)
                        : solveByFlow(g, bounds, options, min_parts, slots);
    glp_free_env(); // GLPK's environment is per thread: free it before a worker thread ends
    return result;
}

} // namespace gp::partition
