#include "classify/use_mapping.hpp"

#include "core/error.hpp"

#include <array>
#include <utility>

namespace gp::classify
{

namespace
{

struct Entry
{
    const char* value;
    BuildingUse use;
};

using U = BuildingUse;

// Built-in table. OSM values follow the building=* key on the OSM wiki (Map features); "yes"
// counts as residential because in OSM most untagged urban buildings are dwellings. Chinese
// words are the ones Chinese land-use and building registers use (simplified, and traditional
// where the characters differ). Mixed commercial/residential buildings (商住) hold households,
// so they are residential.
constexpr Entry kBuiltIn[] = {
    // residential
    {"residential", U::Residential},
    {"apartments", U::Residential},
    {"house", U::Residential},
    {"detached", U::Residential},
    {"semidetached_house", U::Residential},
    {"semi_detached", U::Residential},
    {"terrace", U::Residential},
    {"terraced_house", U::Residential},
    {"dormitory", U::Residential},
    {"bungalow", U::Residential},
    {"cabin", U::Residential},
    {"farm", U::Residential},
    {"houseboat", U::Residential},
    {"static_caravan", U::Residential},
    {"yes", U::Residential},
    {"住宅", U::Residential},
    {"居住", U::Residential},
    {"公寓", U::Residential},
    {"宿舍", U::Residential},
    {"别墅", U::Residential},
    {"別墅", U::Residential},
    {"农房", U::Residential},
    {"農房", U::Residential},
    {"平房", U::Residential},
    {"民房", U::Residential},
    {"住宅楼", U::Residential},
    {"住宅樓", U::Residential},
    {"居民楼", U::Residential},
    {"居民樓", U::Residential},
    {"商住", U::Residential},
    // commercial
    {"commercial", U::Commercial},
    {"retail", U::Commercial},
    {"kiosk", U::Commercial},
    {"hotel", U::Commercial},
    {"supermarket", U::Commercial},
    {"shop", U::Commercial},
    {"shops", U::Commercial},
    {"mall", U::Commercial},
    {"department_store", U::Commercial},
    {"restaurant", U::Commercial},
    {"商业", U::Commercial},
    {"商業", U::Commercial},
    {"商铺", U::Commercial},
    {"商舖", U::Commercial},
    {"商场", U::Commercial},
    {"商場", U::Commercial},
    {"商店", U::Commercial},
    {"酒店", U::Commercial},
    {"宾馆", U::Commercial},
    {"賓館", U::Commercial},
    {"购物中心", U::Commercial},
    {"購物中心", U::Commercial},
    {"餐饮", U::Commercial},
    {"餐飲", U::Commercial},
    // market
    {"market", U::Market},
    {"marketplace", U::Market},
    {"市场", U::Market},
    {"市場", U::Market},
    {"农贸市场", U::Market},
    {"農貿市場", U::Market},
    {"菜市场", U::Market},
    {"菜市場", U::Market},
    {"集贸市场", U::Market},
    // office
    {"office", U::Office},
    {"offices", U::Office},
    {"办公", U::Office},
    {"辦公", U::Office},
    {"办公楼", U::Office},
    {"辦公樓", U::Office},
    {"写字楼", U::Office},
    {"寫字樓", U::Office},
    {"商务楼宇", U::Office},
    {"商務樓宇", U::Office},
    {"商务楼", U::Office},
    {"商務樓", U::Office},
    // industrial
    {"industrial", U::Industrial},
    {"warehouse", U::Industrial},
    {"factory", U::Industrial},
    {"manufacture", U::Industrial},
    {"depot", U::Industrial},
    {"工业", U::Industrial},
    {"工業", U::Industrial},
    {"厂房", U::Industrial},
    {"廠房", U::Industrial},
    {"工厂", U::Industrial},
    {"工廠", U::Industrial},
    {"仓储", U::Industrial},
    {"倉儲", U::Industrial},
    {"仓库", U::Industrial},
    {"倉庫", U::Industrial},
    {"物流", U::Industrial},
    // education
    {"education", U::Education},
    {"school", U::Education},
    {"university", U::Education},
    {"college", U::Education},
    {"kindergarten", U::Education},
    {"学校", U::Education},
    {"學校", U::Education},
    {"教育", U::Education},
    {"校园", U::Education},
    {"校園", U::Education},
    {"幼儿园", U::Education},
    {"幼兒園", U::Education},
    {"大学", U::Education},
    {"大學", U::Education},
    {"中学", U::Education},
    {"中學", U::Education},
    {"小学", U::Education},
    {"小學", U::Education},
    // public
    {"public", U::Public},
    {"government", U::Public},
    {"civic", U::Public},
    {"hospital", U::Public},
    {"clinic", U::Public},
    {"church", U::Public},
    {"chapel", U::Public},
    {"cathedral", U::Public},
    {"mosque", U::Public},
    {"temple", U::Public},
    {"synagogue", U::Public},
    {"shrine", U::Public},
    {"monastery", U::Public},
    {"convent", U::Public},
    {"religious", U::Public},
    {"train_station", U::Public},
    {"transportation", U::Public},
    {"fire_station", U::Public},
    {"townhall", U::Public},
    {"museum", U::Public},
    {"library", U::Public},
    {"sports_hall", U::Public},
    {"stadium", U::Public},
    {"公共", U::Public},
    {"医院", U::Public},
    {"醫院", U::Public},
    {"政府", U::Public},
    {"社区服务", U::Public},
    {"社區服務", U::Public},
    {"卫生", U::Public},
    {"衛生", U::Public},
    {"文化", U::Public},
    {"体育", U::Public},
    {"體育", U::Public},
    // other: structures without households, counted nowhere
    {"other", U::Other},
    {"garage", U::Other},
    {"garages", U::Other},
    {"carport", U::Other},
    {"parking", U::Other},
    {"roof", U::Other},
    {"shed", U::Other},
    {"hut", U::Other},
    {"ruins", U::Other},
    {"collapsed", U::Other},
    {"construction", U::Other},
    {"transformer_tower", U::Other},
    {"service", U::Other},
    {"tower", U::Other},
    {"water_tower", U::Other},
    {"bunker", U::Other},
    {"greenhouse", U::Other},
    {"barn", U::Other},
    {"stable", U::Other},
    {"toilets", U::Other},
    {"container", U::Other},
    {"bridge", U::Other},
    {"车库", U::Other},
    {"車庫", U::Other},
    {"棚", U::Other},
    {"其他", U::Other},
};

constexpr std::array<std::pair<const char*, BuildingUse>, 8> kClassNames = {{
    {"residential", U::Residential},
    {"commercial", U::Commercial},
    {"market", U::Market},
    {"office", U::Office},
    {"industrial", U::Industrial},
    {"education", U::Education},
    {"public", U::Public},
    {"other", U::Other},
}};

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a blank (ASCII space, U+00A0, U+3000) starting at s[i], 0 if none.
std::size_t blankAt(std::string_view s, std::size_t i)
{
    if (isAsciiSpace(s[i]))
        return 1;
    if (s.substr(i, 2) == "\xC2\xA0")
        return 2;
    if (s.substr(i, 3) == "\xE3\x80\x80")
        return 3;
    return 0;
}

// Length of a blank ending just before s[end], 0 if none.
std::size_t blankBefore(std::string_view s, std::size_t end)
{
    if (end >= 1 && isAsciiSpace(s[end - 1]))
        return 1;
    if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0")
        return 2;
    if (end >= 3 && s.substr(end - 3, 3) == "\xE3\x80\x80")
        return 3;
    return 0;
}

bool hasNonAscii(std::string_view s)
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

} // namespace

std::string normalizeUseValue(std::string_view raw)
{
    std::size_t begin = 0;
    std::size_t end = raw.size();
    while (begin < end)
    {
        const std::size_t n = blankAt(raw, begin);
        if (n == 0)
            break;
        begin += n;
    }
    while (end > begin)
    {
        const std::size_t n = blankBefore(raw.substr(0, end), end);
        if (n == 0 || end - n < begin)
            break;
        end -= n;
    }
    std::string out(raw.substr(begin, end - begin));
    // Only ASCII letters change; bytes >= 0x80 (UTF-8 sequences) are copied as they are.
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::optional<BuildingUse> parseUseClass(std::string_view name)
{
    const std::string key = normalizeUseValue(name);
    for (const auto& [text, use] : kClassNames)
        if (key == text)
            return use;
    return std::nullopt;
}

std::string useClassNames()
{
    std::string out;
    for (const auto& entry : kClassNames)
    {
        if (!out.empty())
            out += ", ";
        out += entry.first;
    }
    return out;
}

UseMapping::UseMapping()
{
    for (const Entry& entry : kBuiltIn)
        m_table.emplace(entry.value, entry.use);
}

UseMapping::UseMapping(const std::map<std::string, std::string>& overrides) : UseMapping()
{
    for (const auto& [value, class_name] : overrides)
    {
        const std::optional<BuildingUse> use = parseUseClass(class_name);
        if (!use)
            throw ConfigError("use mapping '" + value + "=" + class_name +
                              "': unknown use class '" + class_name + "' (expected one of " +
                              useClassNames() + ")");
        m_table[normalizeUseValue(value)] = *use;
    }
}

std::optional<BuildingUse> UseMapping::lookup(std::string_view raw) const
{
    const std::string key = normalizeUseValue(raw);
    // An override for the empty value wins; otherwise no value means the default: a dwelling.
    if (const auto it = m_table.find(key); it != m_table.end())
        return it->second;
    if (key.empty())
        return BuildingUse::Residential;

    // OSM multi-values ("residential;retail"): the first one states the main use.
    if (const std::size_t semi = key.find(';'); semi != std::string::npos && semi > 0)
    {
        const std::string first = normalizeUseValue(std::string_view(key).substr(0, semi));
        if (const auto it = m_table.find(first); it != m_table.end())
            return it->second;
    }

    // Chinese values are often compounds (城镇住宅用地, 二类居住用地): the longest table word
    // inside wins, ties go to the earliest one in the value, then to the table order.
    if (hasNonAscii(key))
    {
        const std::pair<const std::string, BuildingUse>* best = nullptr;
        std::size_t best_pos = 0;
        for (const auto& entry : m_table)
        {
            if (!hasNonAscii(entry.first))
                continue;
            const std::size_t pos = key.find(entry.first);
            if (pos == std::string::npos)
                continue;
            if (best == nullptr || entry.first.size() > best->first.size() ||
                (entry.first.size() == best->first.size() && pos < best_pos))
            {
                best = &entry;
                best_pos = pos;
            }
        }
        if (best != nullptr)
            return best->second;
    }
    return std::nullopt;
}

BuildingUse UseMapping::classify(std::string_view raw) const
{
    return lookup(raw).value_or(BuildingUse::Other);
}

} // namespace gp::classify
