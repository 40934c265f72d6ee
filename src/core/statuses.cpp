#include "core/statuses.hpp"

#include <cstddef>
#include <stdexcept>

namespace gp
{

namespace
{

const std::vector<StatusInfo<CompoundStatus>> kCompound = {
    {CompoundStatus::Whole, "whole", "Kept whole in one grid", "完整位于一个网格"},
    {CompoundStatus::Merged, "merged", "Whole, sharing its grid", "完整位于一个网格（与其他合并）"},
    {CompoundStatus::Split, "split", "Split between grids", "分属多个网格"},
    {CompoundStatus::Empty, "empty", "No households in a grid", "网格中无住户"},
};

const std::vector<StatusInfo<GridChangeStatus>> kGridChange = {
    {GridChangeStatus::Kept, "kept", "Kept as it was", "保持不变"},
    {GridChangeStatus::Resized, "resized", "Same code, buildings changed", "编号不变，建筑有增减"},
    {GridChangeStatus::Split, "split", "Split into several grids", "拆分为多个网格"},
    {GridChangeStatus::Merged, "merged", "Merged from several grids", "由多个网格合并"},
    {GridChangeStatus::New, "new", "New grid", "新增网格"},
    {GridChangeStatus::Retired, "retired", "Code retired", "编号已停用"},
    {GridChangeStatus::Locked, "locked", "Locked", "已锁定"},
    {GridChangeStatus::Redrawn, "redrawn", "Same buildings, boundary redrawn",
     "建筑不变，边界重绘"},
};

const std::vector<StatusInfo<BuildingChangeStatus>> kBuildingChange = {
    {BuildingChangeStatus::Moved, "moved", "Moved to another grid", "划入其他网格"},
    {BuildingChangeStatus::New, "new", "New building", "新增建筑"},
    {BuildingChangeStatus::Removed, "removed", "Building removed", "建筑已移除"},
};

// The row of `status`; the tables are in enum order, which this checks.
template <typename Status>
const StatusInfo<Status>& rowOf(const std::vector<StatusInfo<Status>>& table, Status status)
{
    const auto i = static_cast<std::size_t>(status);
    if (i >= table.size() || table[i].status != status)
        throw std::logic_error("status table out of enum order");
    return table[i];
}

} // namespace

template <>
const std::vector<StatusInfo<CompoundStatus>>& statusTable<CompoundStatus>()
{
    return kCompound;
}

template <>
const std::vector<StatusInfo<GridChangeStatus>>& statusTable<GridChangeStatus>()
{
    return kGridChange;
}

template <>
const std::vector<StatusInfo<BuildingChangeStatus>>& statusTable<BuildingChangeStatus>()
{
    return kBuildingChange;
}

const StatusInfo<CompoundStatus>& infoOf(CompoundStatus status)
{
    return rowOf(kCompound, status);
}

const StatusInfo<GridChangeStatus>& infoOf(GridChangeStatus status)
{
    return rowOf(kGridChange, status);
}

const StatusInfo<BuildingChangeStatus>& infoOf(BuildingChangeStatus status)
{
    return rowOf(kBuildingChange, status);
}

const char* toString(CompoundStatus status)
{
    return infoOf(status).code;
}

const char* toString(GridChangeStatus status)
{
    return infoOf(status).code;
}

const char* toString(BuildingChangeStatus status)
{
    return infoOf(status).code;
}

} // namespace gp
