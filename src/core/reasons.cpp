#include "core/reasons.hpp"

#include <stdexcept>

namespace gp
{

namespace
{

// Urgency: what a planner must fix first (bounds, then lost buildings, then coverage, then
// notes); reasons added later share the last place.
constexpr int kLast = 13;

const std::vector<ReasonInfo> kReasons = {
    {Reason::GridUnderMin, "grid_under_min", "Grid under the minimum", "网格户数低于下限", 1},
    {Reason::GridOverMax, "grid_over_max", "Grid over the maximum", "网格户数高于上限", 0},
    {Reason::BuildingOutsideCommunities, "building_outside_communities",
     "Building outside every community", "建筑不在任何社区内", 2},
    {Reason::BuildingStraddlesCommunities, "building_straddles_communities",
     "Building across a community line", "建筑跨社区边界", 8},
    {Reason::GeometryRepaired, "geometry_repaired", "Geometry repaired", "几何已修复", 11},
    {Reason::FeatureSkipped, "feature_skipped", "Feature skipped", "要素被跳过", 10},
    {Reason::ValueIgnored, "value_ignored", "Value ignored", "属性值被忽略", 9},
    {Reason::DedicatedCandidateUnfolded, "dedicated_candidate_unfolded",
     "Non-residential building in no grid", "非住宅建筑未并入网格", 3},
    {Reason::StreetNotCovered, "street_not_covered", "Street land in no community",
     "街道范围内未被社区覆盖", 4},
    {Reason::CommunityGap, "community_gap", "Gap between communities", "社区之间的缝隙", 5},
    {Reason::CommunitiesOverlap, "communities_overlap", "Communities overlap", "社区边界重叠", 6},
    {Reason::GridCrossesBarrier, "grid_crosses_barrier", "Grid crosses a barrier",
     "网格跨越道路或河流", 7},
    {Reason::TilingNote, "tiling_note", "Tiling note", "切分说明", 12},
    {Reason::SpecialAreaOverlap, "special_area_overlap", "Special areas overlap", "专属区域重叠",
     kLast},
    {Reason::SpecialAreaOutside, "special_area_outside", "Special area in no community",
     "专属区域不在任何社区内", kLast},
    {Reason::LockedGridOutOfBounds, "locked_grid_out_of_bounds", "Locked grid outside the bounds",
     "锁定网格户数超出范围", kLast},
    {Reason::UseWithHouseholds, "use_with_households", "Other use with households: a home",
     "非住宅用途但有户数，按住宅划分", 9},
    {Reason::OverlappingFootprints, "overlapping_footprints", "Overlapping footprints merged",
     "重叠建筑轮廓已合并", 9},
    {Reason::DuplicateId, "duplicate_id", "Duplicate building id", "建筑编号重复", 9},
    {Reason::EmptyId, "empty_id", "Building without an id", "建筑编号为空", 9},
    {Reason::RegisterKeyUnmatched, "register_key_unmatched", "Register key matching no building",
     "登记表键值无对应建筑", 3},
    {Reason::RegisterNoRow, "register_no_row", "Building without a register row",
     "建筑在登记表中无记录", 3},
    {Reason::RegisterRowIgnored, "register_row_ignored", "Register row ignored", "登记表记录被忽略",
     9},
    {Reason::BarrierCrossingForced, "barrier_crossing_forced",
     "Barrier crossing forced by the bounds", "因户数范围被迫跨越分隔线", 7},
    {Reason::BarrierCrossingAvoidable, "barrier_crossing_avoidable", "Avoidable barrier crossing",
     "可避免的跨分隔线", 7},
    {Reason::GridMultipart, "grid_multipart", "Grid in several pieces", "网格由多块组成", 12},
    {Reason::StreetBlockOpened, "street_block_opened", "Street block opened for the bounds",
     "为满足户数范围拆分街坊", 12},
    // gridplan review (issue 15): what a hand edit broke
    {Reason::GridNotContiguous, "grid_not_contiguous", "Grid not in one piece", "网格不连续", 1},
    {Reason::GridCrossesCommunity, "grid_crosses_community", "Grid across a community outline",
     "网格跨越社区边界", 1},
    {Reason::GridsOverlap, "grids_overlap", "Grids overlap", "网格相互重叠", 1},
    {Reason::GridGap, "grid_gap", "Community land in no grid", "社区内有未划入网格的空隙", 1},
    {Reason::BuildingInNoGrid, "building_in_no_grid", "Building with households in no grid",
     "有户建筑未划入网格", 1},
    {Reason::BuildingInTwoGrids, "building_in_two_grids", "Building in two grids",
     "建筑同时属于两个网格", 1},
    {Reason::GridCodeDuplicate, "grid_code_duplicate", "Grid code used twice", "网格编码重复", 1},
    {Reason::GridCodeMissing, "grid_code_missing", "Grid without a code", "网格缺少编码", 1},
    {Reason::GridCodeMalformed, "grid_code_malformed", "Grid code not in the scheme",
     "网格编码不符合编码规则", 1},
    {Reason::GridLowCompactness, "grid_low_compactness", "Grid of low compactness",
     "网格形状不紧凑", kLast},
    {Reason::StreetBlockSplit, "street_block_split", "Street block split though it fits one grid",
     "可容于一个网格的街坊被拆分", kLast},
    {Reason::CompoundSplit, "compound_split", "Compound split though it fits one grid",
     "可容于一个网格的小区被拆分", kLast},
};

} // namespace

const std::vector<ReasonInfo>& reasonTable()
{
    return kReasons;
}

const ReasonInfo& infoOf(Reason reason)
{
    const auto i = static_cast<std::size_t>(reason);
    if (i >= kReasons.size() || kReasons[i].reason != reason)
        throw std::logic_error("reason table out of enum order");
    return kReasons[i];
}

const char* toString(Reason reason)
{
    return infoOf(reason).code;
}

std::optional<Reason> reasonFromString(std::string_view code)
{
    for (const auto& r : kReasons)
        if (code == r.code)
            return r.reason;
    return std::nullopt;
}

} // namespace gp
