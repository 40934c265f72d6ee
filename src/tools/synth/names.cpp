// Names of the synthetic city: Chinese numerals, road names and compound names.
#include "tools/synth/parts.hpp"

#include <iterator>

namespace gp::synth
{

namespace
{

constexpr const char* kRoadStems[] = {
    "长宁", "中山", "人民", "解放", "建设", "和平", "胜利", "新华", "东风", "朝阳", "光明", "幸福",
    "文化", "复兴", "延安", "南京", "淮海", "黄河", "长江", "西湖", "滨江", "望江", "青年", "团结",
    "红旗", "友谊", "振兴", "兴业", "民主", "永安", "安康", "富民", "工农", "春晖", "秀水", "金山"};
constexpr const char* kCompoundStems[] = {
    "阳光", "翠苑", "金桥", "锦绣", "华庭", "丽景", "御景", "碧水", "绿城", "星河", "龙湖", "明珠",
    "世纪", "东方", "春江", "秋水", "芳草", "紫荆", "桂花", "梧桐", "香樟", "玉兰", "海棠", "松涛"};
constexpr const char* kCompoundSuffixes[] = {"花园", "小区", "家园", "新村",
                                             "苑",   "公寓", "嘉园", "雅居"};
constexpr std::size_t kRoadStemCount = std::size(kRoadStems);
constexpr std::size_t kCompoundStemCount = std::size(kCompoundStems);

} // namespace

std::string roadName(int index, const char* suffix)
{
    const auto stem = kRoadStems[static_cast<std::size_t>(index) % kRoadStemCount];
    const int round = index / static_cast<int>(kRoadStemCount);
    static const char* sides[] = {"", "东", "西", "南", "北", "中"};
    return std::string(stem) + (round < 6 ? sides[round] : chineseNumber(round)) + suffix;
}

std::string chineseNumber(int n)
{
    static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char* units[] = {"", "十", "百", "千"};
    if (n <= 0 || n > 9999)
        return std::to_string(n);
    if (n >= 10 && n < 20)
        return std::string("十") + (n % 10 ? digits[n % 10] : "");
    std::string out;
    int d[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    bool zero = false, started = false;
    for (int i = 0; i < 4; ++i)
    {
        if (d[i] == 0)
        {
            zero = started;
            continue;
        }
        if (zero)
            out += digits[0];
        zero = false;
        started = true;
        out += digits[d[i]];
        out += units[3 - i];
    }
    return out;
}

std::string communityName(int community, int row, int col)
{
    return roadName(col + row * 3, "路") + "第" +
           chineseNumber(community / static_cast<int>(kRoadStemCount) + 1) + "社区";
}

std::string compoundName(Rng& rng, Kind kind)
{
    const std::string stem = kCompoundStems[rng.next() % kCompoundStemCount];
    return kind == Kind::Compound
               ? stem + kCompoundSuffixes[rng.next() % std::size(kCompoundSuffixes)]
           : kind == Kind::Lanes ? stem + "里"
                                 : stem + "村";
}

} // namespace gp::synth
