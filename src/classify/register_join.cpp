#include "classify/register_join.hpp"
#include "core/index.hpp"

#include <algorithm>
#include <map>

namespace gp::classify
{

namespace
{

// One UTF-8 code point starting at text[i] (advancing i), or the byte itself when malformed.
std::uint32_t nextCodePoint(std::string_view text, std::size_t& i, std::size_t& length)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size())
    {
        length = 1;
        return 0xFFFFFFFF; // malformed: kept as the byte it is
    }
    std::uint32_t cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
    {
        if ((byte(i + k) & 0xC0) != 0x80)
        {
            length = 1;
            return 0xFFFFFFFF;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    return cp;
}

bool isSpace(std::uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 ||
           cp == 0xFEFF;
}

std::string rowsText(const std::vector<std::int64_t>& rows)
{
    std::string out;
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i)
        out += (i ? ", " : "") + std::to_string(rows[i]);
    if (rows.size() > 10)
        out += ", ... (" + std::to_string(rows.size()) + " rows)";
    return out;
}

} // namespace

std::string normaliseKey(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();)
    {
        std::size_t length = 1;
        const std::uint32_t cp = nextCodePoint(text, i, length);
        if (cp != 0xFFFFFFFF && isSpace(cp))
            pending_space = true;
        else
        {
            if (pending_space && !out.empty())
                out += ' ';
            pending_space = false;
            if (cp >= 0xFF01 && cp <= 0xFF5E) // full-width forms of ASCII '!'..'~'
                out += static_cast<char>(cp - 0xFEE0);
            else
                out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

RegisterJoin joinRegister(std::vector<Building>& buildings,
                          const std::vector<std::optional<std::string>>& keys,
                          const RegisterTable& table, std::vector<Issue>& issues)
{
    RegisterJoin join;
    join.path = table.path;
    join.rows_read = table.rows_read;
    join.rows_ignored = static_cast<std::int64_t>(table.ignored.size());
    for (const auto& issue : table.ignored)
        issues.push_back(issue);

    struct Entry
    {
        std::string shown; // the key as first written in the register
        std::int64_t households = 0;
        std::vector<std::int64_t> rows;
    };
    std::map<std::string, Entry> by_key; // sorted: issues come out in key order
    for (const auto& row : table.rows)
    {
        auto& e = by_key[normaliseKey(row.key)];
        if (e.rows.empty())
            e.shown = row.key;
        e.households += row.households;
        e.rows.push_back(row.row);
    }
    join.keys = static_cast<std::int64_t>(by_key.size());

    std::map<std::string, std::vector<int>> buildings_of;
    for (std::size_t b = 0; b < buildings.size() && b < keys.size(); ++b)
    {
        const std::string key = keys[b] ? normaliseKey(*keys[b]) : std::string();
        if (!key.empty())
            ++join.buildings_with_key;
        if (!key.empty() && by_key.count(key))
            buildings_of[key].push_back(static_cast<int>(b));
        else
            join.unmatched_buildings.emplace_back(static_cast<int>(b), keys[b].value_or(""));
    }

    for (const auto& [key, entry] : by_key)
    {
        const auto it = buildings_of.find(key);
        if (it == buildings_of.end())
        {
            ++join.keys_unmatched;
            join.rows_unmatched += static_cast<std::int64_t>(entry.rows.size());
            join.households_unmatched += entry.households;
            Issue issue;
            issue.reason = "register_key_unmatched";
            issue.households =
                static_cast<int>(std::min<std::int64_t>(entry.households, 1'000'000'000));
            issue.detail = "households register '" + table.path + "': key '" + entry.shown +
                           "' (row " + rowsText(entry.rows) + ", " +
                           std::to_string(entry.households) + " households) matches no building";
            issue.detail_zh = "住户登记表 '" + table.path + "'：键值 '" + entry.shown + "'（第 " +
                              rowsText(entry.rows) + " 行，" + std::to_string(entry.households) +
                              " 户）找不到对应的建筑";
            issues.push_back(std::move(issue));
            continue;
        }
        ++join.keys_matched;
        const auto& owners = it->second;
        if (owners.size() > 1)
            ++join.keys_on_several_buildings;
        // Split evenly; the remainder goes to the first buildings, so the sum is exact.
        const auto n = static_cast<std::int64_t>(owners.size());
        for (std::int64_t k = 0; k < n; ++k)
        {
            const std::int64_t share = entry.households / n + (k < entry.households % n ? 1 : 0);
            at(buildings, at(owners, k)).inputs.households = std::to_string(share);
            ++join.buildings_matched;
        }
        join.households_joined += entry.households;
    }
    return join;
}

void finishRegisterJoin(Plan& plan, const std::string& key_field)
{
    if (!plan.register_join)
        return;
    auto& join = *plan.register_join;
    std::vector<const std::string*> unmatched(plan.buildings.size(),
                                              nullptr); // its key, when no row
    for (const auto& [b, key] : join.unmatched_buildings)
        at(unmatched, b) = &key;
    join.buildings_without_row = 0;
    for (std::size_t b = 0; b < plan.buildings.size(); ++b)
    {
        auto& building = plan.buildings[b];
        if (!unmatched[b])
        {
            if (building.households_source == HouseholdsSource::Field)
                building.households_source = HouseholdsSource::Register;
            continue;
        }
        if (building.use != BuildingUse::Residential)
            continue; // shops and sheds have no register rows
        ++join.buildings_without_row;
        Issue issue;
        issue.reason = "register_no_row";
        issue.households = building.households;
        issue.detail = "building " + building.id + ": no row in households register '" + join.path +
                       "' (" + key_field + " = '" + *unmatched[b] + "'); households " +
                       toString(building.households_source);
        issue.detail_zh =
            "建筑 " + building.id + " 在住户登记表 '" + join.path + "' 中没有记录；户数为" +
            (building.households_source == HouseholdsSource::Estimated ? "估算值" : "字段值");
        issue.buildings.push_back(building.id);
        if (!building.footprint.empty())
            issue.area = building.footprint;
        plan.issues.push_back(std::move(issue));
    }
}

} // namespace gp::classify
