#include "review/review.hpp"

#include "audit/coverage.hpp"
#include "audit/ground.hpp"
#include "audit/metrics.hpp"
#include "audit/streets.hpp"
#include "core/error.hpp"
#include "core/index.hpp"
#include "graph/blocks.hpp"
#include "graph/community_graph.hpp"
#include "pipeline/run.hpp"
#include "reconcile/previous.hpp"
#include "review/checks.hpp"
#include "review/codes.hpp"
#include "review/diff.hpp"
#include "review/grids.hpp"
#include "review/problems.hpp"

#include <optional>
#include <set>

namespace gp::review
{

namespace
{

void checkOptions(const PartitionConfig& config, const ReviewOptions& options)
{
    if (!options.plan_grids && !options.plan_buildings)
        throw ConfigError("review needs the edited plan: --plan-grids and/or --plan-buildings");
    if ((options.plan_buildings || !options.edited_from.empty()) &&
        config.buildings.id_field.empty())
        throw ConfigError("review matches buildings by id (--plan-buildings, --previous): it "
                          "needs --buildings-id-field (e.g. --buildings-id-field bld_id)");
}

// Households, compactness and the graph edges each grid cuts, as partition measures them.
void scoreGrids(Plan& plan, const PartitionConfig& config)
{
    audit::shapeMetrics(plan);
    for (const auto& cg : graph::buildCommunityGraphs(plan, config.max_households, config.threads))
        audit::edgeMetrics(plan, cg);
}

// The audit's barrier findings (issues from `first` on) become review warnings too.
void adoptWarnings(Plan& plan, std::size_t first)
{
    static const std::set<std::string> kWarnings{"grid_crosses_barrier", "barrier_crossing_forced",
                                                 "barrier_crossing_avoidable"};
    for (std::size_t i = first; i < plan.issues.size(); ++i)
        if (const auto& issue = plan.issues[i]; kWarnings.count(issue.reason))
        {
            ReviewProblem p;
            p.reason = issue.reason;
            p.grid = issue.grid;
            p.detail = issue.detail;
            plan.review->problems.push_back(std::move(p));
            ++plan.review->warnings;
        }
}

// Barrier crossings, and compounds or street blocks that fit one grid yet are split: warnings.
void warnCrossingsAndSplits(Plan& plan, const PartitionConfig& config)
{
    const std::size_t first = plan.issues.size();
    audit::reportGround(plan);
    audit::classifyCrossings(plan, config.min_households, config.max_households);
    adoptWarnings(plan, first);
    for (std::size_t k = 0; k < plan.compound_outcomes.size(); ++k)
        if (const auto& o = plan.compound_outcomes[k]; o.status == CompoundStatus::Split &&
                                                       o.households <= config.max_households &&
                                                       !o.grids.empty())
        {
            Finding f;
            f.violation = false;
            f.reason = Reason::CompoundSplit;
            f.grid = at(plan.grids, o.grids.front()).code;
            f.detail = "compound " + plan.compounds[k].id + " (" + std::to_string(o.households) +
                       " households) fits one grid but is split";
            for (int g : o.grids)
                f.detail += (g == o.grids.front() ? ": " : ", ") + at(plan.grids, g).code;
            f.households = o.households;
            f.where = plan.compounds[k].area;
            record(plan, std::move(f));
        }
    if (!graph::hasStreets(plan) && plan.barriers.empty())
        return;
    const auto& m = plan.street_measures.emplace(
        audit::measureStreets(plan, config.min_households, config.max_households));
    for (const auto& split : m.fitting_split)
    {
        Finding f;
        f.violation = false;
        f.reason = Reason::StreetBlockSplit;
        f.grid = split.grids.empty() ? std::string() : split.grids.front();
        f.detail = "street block " + split.block + " (" + std::to_string(split.households) +
                   " households) fits one grid but is split";
        for (std::size_t i = 0; i < split.grids.size(); ++i)
            f.detail += (i ? ", " : ": ") + split.grids[i];
        f.households = split.households;
        record(plan, std::move(f));
    }
}

} // namespace

Plan reviewPlan(const PartitionConfig& config, const ReviewOptions& options,
                const pipeline::StageLog& log)
{
    checkOptions(config, options);
    Plan plan = pipeline::prepareInputs(config, log);
    std::optional<reconcile::PreviousRun> original;
    if (!options.edited_from.empty())
        original = reconcile::loadPrevious(options.edited_from, plan.working_crs_wkt);
    auto edited = readEdited(options, plan, config.assume_crs);
    auto& review = plan.review.emplace();
    review.plan_grids = options.plan_grids ? options.plan_grids->path : "";
    review.plan_buildings = options.plan_buildings ? options.plan_buildings->path : "";
    review.edited_from = options.edited_from;
    for (auto& issue : edited.read_issues)
        plan.issues.push_back(std::move(issue));

    const reconcile::PreviousRun* before = original ? &*original : nullptr;
    makeGrids(plan, edited, before, config);
    settleCodes(plan, config);
    scoreGrids(plan, config);
    const auto untouched = untouchedGrids(plan, before);
    if (original)
        diffAgainst(plan, *original, untouched);
    if (!edited.grids.empty())
        checkOverlapsAndGaps(plan);
    checkGrids(plan, {config.min_households, config.max_households, !edited.grids.empty()},
               untouched);
    warnCrossingsAndSplits(plan, config);
    audit::auditCoverage(plan);
    pipeline::say(log, "review: " + std::to_string(plan.grids.size()) + " grids, " +
                           std::to_string(plan.review->violations) + " violations, " +
                           std::to_string(plan.review->warnings) + " warnings");
    return plan;
}

} // namespace gp::review
