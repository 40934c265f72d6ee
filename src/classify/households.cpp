#include "classify/households.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace gp::classify
{

namespace
{

// The outcome of reading one numeric field.
struct Reading
{
    std::optional<double> value;   // usable value
    std::optional<ValueNote> note; // present but unusable
};

bool isBlank(std::string_view text)
{
    return normalizeUseValue(text).empty();
}

// Reads a field that must be a positive measure (floors, height): 0 or empty means unknown.
Reading readPositive(const std::optional<std::string>& raw, const char* field, double max,
                     std::initializer_list<std::string_view> units)
{
    Reading out;
    if (!raw || isBlank(*raw))
        return out;
    const std::optional<double> v = parseMeasure(*raw, units);
    if (!v)
        out.note = ValueNote{field, *raw, "not a number"};
    else if (*v < 0)
        out.note = ValueNote{field, *raw, "negative"};
    else if (*v > max)
        out.note = ValueNote{field, *raw, "implausibly large"};
    else if (*v > 0)
        out.value = *v;
    return out;
}

Reading readHouseholds(const std::optional<std::string>& raw)
{
    Reading out;
    if (!raw || isBlank(*raw))
        return out;
    const std::optional<double> v = parseMeasure(*raw, {"户", "戶"});
    if (!v)
        out.note = ValueNote{"households", *raw, "not a number"};
    else if (*v < 0)
        out.note = ValueNote{"households", *raw, "negative"};
    else if (std::floor(*v) != *v)
        out.note = ValueNote{"households", *raw, "not a whole number"};
    else if (*v > kMaxHouseholds)
        out.note = ValueNote{"households", *raw, "implausibly large"};
    else
        out.value = *v; // 0 is a valid count: an empty building
    return out;
}

} // namespace

std::string describe(const ValueNote& note)
{
    if (note.field == "use")
        return "use '" + note.value + "' " + note.problem;
    return note.field + " value '" + note.value + "' ignored: " + note.problem;
}

std::optional<double> parseMeasure(std::string_view text,
                                   std::initializer_list<std::string_view> units)
{
    // normalizeUseValue trims blanks (ASCII, U+00A0, U+3000) and lowercases ASCII ("12 M").
    const std::string s = normalizeUseValue(text);
    std::size_t begin = 0;
    if (!s.empty() && s[0] == '+')
        begin = 1;
    // from_chars would also take "inf" and "nan"; only digits and one point are numbers here.
    if (begin >= s.size())
        return std::nullopt;
    const char lead = s[begin];
    if (!(std::isdigit(static_cast<unsigned char>(lead)) || lead == '.' ||
          (lead == '-' && begin == 0)))
        return std::nullopt;
    double value = 0.0;
    const char* first = s.data() + begin;
    const char* last = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::fixed);
    if (ec != std::errc() || !std::isfinite(value))
        return std::nullopt;
    const std::string rest = normalizeUseValue(std::string_view(ptr, last - ptr));
    if (rest.empty())
        return value;
    for (std::string_view unit : units)
        if (rest == unit)
            return value;
    return std::nullopt;
}

HouseholdEstimator::HouseholdEstimator(const HouseholdEstimate& params) : m_params(params)
{
    if (params.usable_ratio <= 0 || params.dwelling_m2 <= 0 || params.floor_height_m <= 0)
        throw ConfigError("household estimate: usable ratio, dwelling size and storey height "
                          "must be positive");
    for (const auto& [value, floors] : params.default_floors)
    {
        if (!(floors > 0) || floors > kMaxFloors)
            throw ConfigError("default floors for '" + value + "' must be in (0, " +
                              std::to_string(static_cast<int>(kMaxFloors)) + "], got " +
                              std::to_string(floors));
        // "*" stays "*"; map order makes the first of two keys equal after normalizing win.
        m_default_floors.emplace(normalizeUseValue(value), floors);
    }
}

std::optional<std::pair<std::string, double>>
HouseholdEstimator::defaultFloors(std::string_view use_value) const
{
    const std::string key = normalizeUseValue(use_value);
    if (const auto it = m_default_floors.find(key); it != m_default_floors.end() && !key.empty())
        return *it;
    if (const auto it = m_default_floors.find("*"); it != m_default_floors.end())
        return *it;
    return std::nullopt;
}

std::vector<ValueNote> HouseholdEstimator::apply(Building& building,
                                                 const RawHouseholdFields& raw) const
{
    std::vector<ValueNote> notes;
    building.households = 0;
    building.households_source = HouseholdsSource::None;
    building.floors = 0.0;
    building.floors_source.clear();

    const Reading households = readHouseholds(raw.households);
    const Reading floors = readPositive(raw.floors, "floors", kMaxFloors, {"层", "層", "f"});
    const Reading height = readPositive(raw.height, "height", kMaxHeightM, {"m", "米"});
    for (const Reading* r : {&households, &floors, &height})
        if (r->note)
            notes.push_back(*r->note);

    // Floors that the data states are kept for every building (dedicated grids use floor area).
    if (floors.value)
    {
        building.floors = *floors.value;
        building.floors_source = "field";
    }
    else if (height.value)
    {
        building.floors = std::max(1.0, std::round(*height.value / m_params.floor_height_m));
        building.floors_source = "height";
    }

    if (households.value)
    {
        building.households = static_cast<int>(*households.value);
        building.households_source = HouseholdsSource::Field;
        return notes;
    }
    // Only dwellings are estimated, and only footprints big enough to hold one (not sheds).
    if (building.use != BuildingUse::Residential || !(building.area_m2 >= m_params.min_area_m2))
        return notes;

    if (building.floors <= 0)
    {
        const auto fallback = defaultFloors(building.use_value);
        if (!fallback)
            return notes; // nothing to estimate from
        building.floors = fallback->second;
        building.floors_source = "default:" + fallback->first;
    }
    const double estimate =
        building.floors * building.area_m2 * m_params.usable_ratio / m_params.dwelling_m2;
    // The cap only keeps lround defined on absurd areas (a wrong CRS); real values are far below.
    building.households = static_cast<int>(std::lround(std::clamp(estimate, 1.0, 1e9)));
    building.households_source = HouseholdsSource::Estimated;
    return notes;
}

std::vector<ValueNote> estimateHouseholds(Building& building, const RawHouseholdFields& raw,
                                          const HouseholdEstimate& params)
{
    return HouseholdEstimator(params).apply(building, raw);
}

std::vector<BuildingNote> classifyBuildings(std::vector<Building>& buildings,
                                            const std::vector<RawHouseholdFields>& raw,
                                            const UseMapping& uses, const HouseholdEstimate& params)
{
    if (!raw.empty() && raw.size() != buildings.size())
        throw std::invalid_argument("classifyBuildings: " + std::to_string(raw.size()) +
                                    " raw field sets for " + std::to_string(buildings.size()) +
                                    " buildings");
    const HouseholdEstimator estimator(params);
    const RawHouseholdFields none;
    std::vector<BuildingNote> notes;
    for (std::size_t i = 0; i < buildings.size(); ++i)
    {
        Building& building = buildings[i];
        building.use = uses.classify(building.use_value);
        for (ValueNote& note : estimator.apply(building, raw.empty() ? none : raw[i]))
            notes.push_back(BuildingNote{i, std::move(note)});
        if (building.use != BuildingUse::Residential && building.households > 0 &&
            building.households_source == HouseholdsSource::Field)
        {
            const std::string was = toString(building.use);
            building.use = BuildingUse::Residential;
            notes.push_back(
                BuildingNote{i,
                             {"use", building.use_value,
                              "(" + was + ") has " + std::to_string(building.households) +
                                  " households from the households field: partitioned as a home"},
                             "use_with_households"});
        }
    }
    return notes;
}

} // namespace gp::classify
