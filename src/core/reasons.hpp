// The fixed vocabulary of issue reasons (gaps.geojson "reason", report.json "issues_by_reason",
// README "Reasons in gaps.geojson"): one table giving each reason its code, its planner-facing
// label in English and Chinese, and its place in the work list. The writers, the HTML report and
// the labels all read this table; checkPlan (core/plan_check.hpp) reports any issue whose reason
// is not in it, and the tests run checkPlan after every stage, so an unknown reason cannot pass
// through silently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gp
{

enum class Reason
{
    GridUnderMin,
    GridOverMax,
    BuildingOutsideCommunities,
    BuildingStraddlesCommunities,
    GeometryRepaired,
    FeatureSkipped,
    ValueIgnored,
    DedicatedCandidateUnfolded,
    StreetNotCovered,
    CommunityGap,
    CommunitiesOverlap,
    GridCrossesBarrier,
    TilingNote,
    SpecialAreaOverlap,
    SpecialAreaOutside,
    LockedGridOutOfBounds,
    UseWithHouseholds,
    OverlappingFootprints,
    DuplicateId,
    EmptyId,
    RegisterKeyUnmatched,
    RegisterNoRow,
    RegisterRowIgnored,
    BarrierCrossingForced,
    BarrierCrossingAvoidable,
    GridMultipart,
    StreetBlockOpened,
    // gridplan review (issue 15): problems of a hand-edited plan
    GridNotContiguous,
    GridCrossesCommunity,
    GridsOverlap,
    GridGap,
    BuildingInNoGrid,
    BuildingInTwoGrids,
    GridCodeDuplicate,
    GridCodeMissing,
    GridCodeMalformed,
    GridLowCompactness,
    StreetBlockSplit,
    CompoundSplit,
};

struct ReasonInfo
{
    Reason reason;
    const char* code;     // as written: "grid_under_min"
    const char* label_en; // "Grid under the minimum"
    const char* label_zh; // "网格户数低于下限"
    int urgency;          // work-list order in report.html: lower first
};

// Every reason, in enum order.
const std::vector<ReasonInfo>& reasonTable();
const ReasonInfo& infoOf(Reason reason);
const char* toString(Reason reason);
// nullopt for a text that is no reason.
std::optional<Reason> reasonFromString(std::string_view code);

} // namespace gp
