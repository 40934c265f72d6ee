#include "partition/exact_columns.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>

namespace gp::partition
{

namespace
{

// ESU from one root: sets whose lowest unit is `root`.
class Enumerator
{
  public:
    Enumerator(const LocalGraph& g, const Bounds& bounds, long long cap,
               std::vector<std::vector<int>>& out)
        : m_bounds(bounds), m_cap(cap), m_out(out), m_adj(g.weight.size()), m_weight(g.weight),
          m_near(g.weight.size(), 0)
    {
        for (const auto& [a, b] : g.links)
        {
            m_adj[a].push_back(b);
            m_adj[b].push_back(a);
        }
    }

    bool run()
    {
        for (int root = 0; root < static_cast<int>(m_weight.size()); ++root)
        {
            if (m_weight[root] > m_bounds.max)
                continue;
            m_root = root;
            m_set.assign(1, root);
            mark(root, 1);
            std::vector<int> ext;
            for (int u : m_adj[root])
                if (u > root)
                    ext.push_back(u);
            const bool ok = extend(ext, m_weight[root]);
            mark(root, -1);
            if (!ok)
                return false;
        }
        return true;
    }

  private:
    void mark(int u, int delta)
    {
        m_near[u] += delta;
        for (int v : m_adj[u])
            m_near[v] += delta;
    }

    bool extend(std::vector<int> ext, long long weight)
    {
        if (weight >= m_bounds.min)
        {
            if (static_cast<long long>(m_out.size()) >= m_cap)
                return false;
            m_out.push_back(m_set);
        }
        while (!ext.empty())
        {
            const int w = ext.back();
            ext.pop_back();
            if (weight + m_weight[w] > m_bounds.max)
                continue;
            std::vector<int> next = ext;
            for (int u : m_adj[w])
                if (u > m_root && m_near[u] == 0) // exclusive: not in or next to the set yet
                    next.push_back(u);
            m_set.push_back(w);
            mark(w, 1);
            const bool ok = extend(std::move(next), weight + m_weight[w]);
            mark(w, -1);
            m_set.pop_back();
            if (!ok)
                return false;
        }
        return true;
    }

    const Bounds& m_bounds;
    long long m_cap;
    std::vector<std::vector<int>>& m_out;
    std::vector<std::vector<int>> m_adj;
    const std::vector<int>& m_weight;
    std::vector<int> m_near; // units of the set and their neighbours, counted
    std::vector<int> m_set;
    int m_root = 0;
};

void onNode(glp_tree* tree, void* info)
{
    auto* budget = static_cast<NodeBudget*>(info);
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    int active = 0, alive = 0, total = 0;
    glp_ios_tree_size(tree, &active, &alive, &total);
    if (const int best = glp_ios_best_node(tree); best > 0)
        budget->bound = glp_ios_node_bound(tree, best);
    if (total > budget->node_limit)
        glp_ios_terminate(tree);
}

} // namespace

int nodeLimitFor(const ExactOptions& options, long long nonzeros)
{
    const long long by_work = options.work_limit / std::max<long long>(1, nonzeros);
    return static_cast<int>(
        std::max<long long>(1, std::min<long long>(options.node_limit, by_work)));
}

int runBranchAndCut(glp_prob* lp, const ExactOptions& options, NodeBudget& budget)
{
    budget.node_limit = std::min(budget.node_limit, nodeLimitFor(options, glp_get_num_nz(lp)));
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = static_cast<int>(std::min(2e9, options.seconds * 1000.0));
    parm.cb_func = onNode;
    parm.cb_info = &budget;
    return glp_intopt(lp, &parm);
}

ExactStatus statusOf(int code, glp_prob* lp, bool& hit_time_limit)
{
    const int status = glp_mip_status(lp);
    hit_time_limit = code == GLP_ETMLIM;
    if (code == GLP_ENOPFS || (code == 0 && status == GLP_NOFEAS))
        return ExactStatus::Infeasible;
    if (code == 0 && status == GLP_OPT)
        return ExactStatus::Optimal;
    return status == GLP_FEAS ? ExactStatus::Feasible : ExactStatus::Unknown;
}

bool enumerateParts(const LocalGraph& g, const Bounds& bounds, long long cap,
                    std::vector<std::vector<int>>& parts)
{
    parts.clear();
    return Enumerator(g, bounds, cap, parts).run();
}

ExactResult solveByColumns(const LocalGraph& g, const std::vector<std::vector<int>>& parts,
                           const ExactOptions& options)
{
    ExactResult result;
    const int n = static_cast<int>(g.weight.size());
    const int cols = static_cast<int>(parts.size());
    // A unit no feasible part covers: no plan (and GLPK needs no columns to say so).
    std::vector<char> covered(n, 0);
    for (const auto& p : parts)
        for (int u : p)
            covered[u] = 1;
    if (cols == 0 || std::find(covered.begin(), covered.end(), 0) != covered.end())
    {
        result.status = ExactStatus::Infeasible;
        return result;
    }
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    glp_add_rows(lp, n + (options.parts > 0 ? 1 : 0));
    for (int u = 0; u < n; ++u)
        glp_set_row_bnds(lp, u + 1, GLP_FX, 1.0, 1.0); // every unit in exactly one part
    if (options.parts > 0)
        glp_set_row_bnds(lp, n + 1, GLP_FX, options.parts, options.parts);
    glp_add_cols(lp, cols);
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    std::vector<char> in(n, 0);
    for (int c = 0; c < cols; ++c)
    {
        glp_set_col_kind(lp, c + 1, GLP_BV);
        for (int u : parts[c])
            in[u] = 1;
        int boundary = 0; // links leaving the part: each cut link is counted by both its parts
        for (const auto& [a, b] : g.links)
            boundary += in[a] != in[b];
        for (int u : parts[c])
        {
            in[u] = 0;
            ia.push_back(u + 1);
            ja.push_back(c + 1);
            ar.push_back(1.0);
        }
        if (options.parts > 0)
        {
            ia.push_back(n + 1);
            ja.push_back(c + 1);
            ar.push_back(1.0);
        }
        glp_set_obj_coef(lp, c + 1, options.minimise_cut ? 0.5 * boundary : 0.0);
    }
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    NodeBudget budget{options.node_limit};
    const int code = runBranchAndCut(lp, options, budget);
    result.status = statusOf(code, lp, result.hit_time_limit);
    if (result.status == ExactStatus::Optimal || result.status == ExactStatus::Feasible)
    {
        result.part_of.assign(n, -1);
        for (int c = 0; c < cols; ++c)
            if (glp_mip_col_val(lp, c + 1) > 0.5)
            {
                for (int u : parts[c])
                    result.part_of[u] = result.parts;
                ++result.parts;
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

} // namespace gp::partition
