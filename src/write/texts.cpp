#include "write/texts.hpp"

#include "core/reasons.hpp"

#include "core/error.hpp"

#include <map>
#include <utility>

namespace gp::write
{

namespace
{

const Texts kEnglish{
    .html_lang = "en",
    .title = "Micro-grid plan",
    .summary = "Summary",
    .map = "Map of grids",
    .map_note = "Grids coloured by households against the bounds; dedicated grids hatched; "
                "problems to look at in red; thick lines are community boundaries.",
    .histogram = "Households per grid",
    .histogram_note = "Residential grids by household count; the dashed lines are the bounds.",
    .communities = "Communities",
    .grids = "Grids",
    .work_list = "Work list",
    .work_list_note = "Every problem the run found, most urgent first: grids outside the bounds, "
                      "buildings in no grid, then notes on the data and the tiling.",
    .parameters = "Parameters of the run",
    .inputs = "Inputs",
    .no_issues = "No problems found.",
    .grid_code = "Grid code",
    .community = "Community",
    .community_code = "Community code",
    .name = "Name",
    .kind = "Kind",
    .households = "Households",
    .buildings = "Buildings",
    .bounds = "Bounds",
    .compactness = "Compactness (Polsby-Popper)",
    .issues = "Issues",
    .reason = "Problem",
    .cause = "Cause",
    .detail = "Detail",
    .grid_count = "Grids",
    .within_count = "Within bounds",
    .dedicated_count = "Dedicated grids",
    .residential_grids = "Residential grids",
    .households_in_grids = "Households in grids",
    .within_pct = "Households in grids within bounds",
    .street_covered = "Street area covered by communities",
    .mean_compactness = "Mean compactness (Polsby-Popper)",
    .option = "Option",
    .value = "Value",
    .role = "Role",
    .path = "Path",
    .layer = "Layer",
    .filter = "Filter",
    .crs = "CRS",
    .features_read = "Features read",
    .features_skipped = "Skipped",
    .working_crs = "Working CRS",
    .street_code = "Street code",
    .version = "gridplan version",
    .grids_axis = "grids",
    .households_axis = "households",
    .residential = "residential",
    .dedicated = "dedicated",
    .under = "under the minimum",
    .within = "within the bounds",
    .over = "over the maximum",
    .min_bound = "min",
    .max_bound = "max",
    .target = "target",
    .layer_gaps = "Problems (gaps)",
    .layer_dedicated = "Dedicated grids",
    .layer_grids_band = "Grids by households",
    .layer_grids_kind = "Grids by kind",
    .layer_buildings = "Buildings by grid",
    .layer_communities = "Communities",
    .layer_areas = "Area grids",
    .layer_compounds = "Compounds",
    .layer_blocks = "Blocks",
    .no_grid = "in no grid",
    .other = "other",
    .households_unit = " hh",
};

const Texts kChinese{
    .html_lang = "zh-CN",
    .title = "微网格划分方案",
    .summary = "概况",
    .map = "网格分布图",
    .map_note = "网格按户数与上下限着色；专属网格用斜线表示；红色为需核查的问题；粗线为社区边界。",
    .histogram = "各网格户数分布",
    .histogram_note = "住宅网格按户数统计；虚线为户数上下限。",
    .communities = "社区",
    .grids = "网格清单",
    .work_list = "待办问题清单",
    .work_list_note =
        "本次划分发现的全部问题，按紧急程度排列：超出户数范围的网格、未划入网格的建筑，"
        "然后是数据和切分的说明。",
    .parameters = "运行参数",
    .inputs = "输入数据",
    .no_issues = "未发现问题。",
    .grid_code = "网格编码",
    .community = "社区",
    .community_code = "社区编码",
    .name = "名称",
    .kind = "类型",
    .households = "户数",
    .buildings = "建筑数",
    .bounds = "户数范围",
    .compactness = "紧凑度（Polsby-Popper）",
    .issues = "问题",
    .reason = "问题",
    .cause = "原因",
    .detail = "说明",
    .grid_count = "网格数",
    .within_count = "户数达标",
    .dedicated_count = "专属网格",
    .residential_grids = "住宅网格",
    .households_in_grids = "网格内户数",
    .within_pct = "达标网格内户数占比",
    .street_covered = "社区覆盖街道面积",
    .mean_compactness = "平均紧凑度（Polsby-Popper）",
    .option = "参数",
    .value = "取值",
    .role = "用途",
    .path = "路径",
    .layer = "图层",
    .filter = "筛选条件",
    .crs = "坐标系",
    .features_read = "读入要素",
    .features_skipped = "跳过",
    .working_crs = "计算坐标系",
    .street_code = "街道编码",
    .version = "gridplan 版本",
    .grids_axis = "网格数",
    .households_axis = "户数",
    .residential = "住宅",
    .dedicated = "专属",
    .under = "低于下限",
    .within = "在范围内",
    .over = "高于上限",
    .min_bound = "下限",
    .max_bound = "上限",
    .target = "目标",
    .layer_gaps = "问题（缺口）",
    .layer_dedicated = "专属网格",
    .layer_grids_band = "网格（按户数）",
    .layer_grids_kind = "网格（按类型）",
    .layer_buildings = "建筑（按网格）",
    .layer_communities = "社区",
    .layer_areas = "片区",
    .layer_compounds = "小区",
    .layer_blocks = "街坊",
    .no_grid = "未入网格",
    .other = "其他",
    .households_unit = " 户",
};

using Labels = std::map<std::string, std::pair<const char*, const char*>>; // en, zh

const Labels kDedicatedTypes = {
    {"office", {"office", "商务楼宇"}},     {"market", {"market", "市场"}},
    {"commercial", {"commercial", "商业"}}, {"industrial", {"industrial", "工业园区"}},
    {"campus", {"campus", "校园"}},         {"public", {"public", "公共机构"}},
    {"park", {"park", "公园绿地"}},         {"other", {"other", "其他"}},
};

std::string lookup(const Labels& labels, const std::string& key, const std::string& lang)
{
    const auto it = labels.find(key);
    if (it == labels.end())
        return key;
    return lang == "zh" ? it->second.second : it->second.first;
}

} // namespace

const Texts& textsFor(const std::string& lang)
{
    if (lang == "en")
        return kEnglish;
    if (lang == "zh")
        return kChinese;
    throw ConfigError("--lang must be en or zh, got '" + lang + "'");
}

std::string reasonLabel(const std::string& reason, const std::string& lang)
{
    const auto known = reasonFromString(reason);
    if (!known)
        return reason;
    return lang == "zh" ? infoOf(*known).label_zh : infoOf(*known).label_en;
}

std::string dedicatedTypeLabel(const std::string& type, const std::string& lang)
{
    return lookup(kDedicatedTypes, type, lang);
}

} // namespace gp::write
