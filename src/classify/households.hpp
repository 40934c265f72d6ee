// Households and floors per building: the households field when it holds a usable count, else for
// dwellings floors x footprint x usable ratio / dwelling size (HouseholdEstimate), with floors from
// the floors field, the height, or a default per use value. Records where each number came from.
#pragma once

#include "classify/use_mapping.hpp"
#include "core/config.hpp"
#include "core/model.hpp"

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gp::classify
{

// Plausibility limits: a value beyond them is a sentinel or a typo and is treated as missing.
inline constexpr double kMaxHouseholds = 10000; // one building; the largest towers hold ~2,000
inline constexpr double kMaxFloors = 200;       // the tallest buildings have ~160 storeys
inline constexpr double kMaxHeightM = 1000;     // the tallest building is 828 m

// The raw text of one building's optional fields; nullopt when the field is not configured or
// the value is null. Numbers read by GDAL can be passed as their text.
struct RawHouseholdFields
{
    std::optional<std::string> households;
    std::optional<std::string> floors;
    std::optional<std::string> height;
};

// A field value that was present but could not be used (the building was estimated instead).
struct ValueNote
{
    std::string field;   // "households", "floors" or "height"
    std::string value;   // the raw text, unchanged
    std::string problem; // "not a number", "negative", "not a whole number", "implausibly large"
};

// "households value '-3' ignored: negative"
std::string describe(const ValueNote& note);

// A plain decimal number, optionally followed by one of the units ("12", " 12.5 m", "6层"),
// surrounding blanks allowed; nullopt for anything else (locale-independent).
std::optional<double> parseMeasure(std::string_view text,
                                   std::initializer_list<std::string_view> units = {});

class HouseholdEstimator
{
  public:
    // Throws ConfigError when a parameter cannot give an estimate (e.g. default floors <= 0).
    explicit HouseholdEstimator(const HouseholdEstimate& params);

    // Sets building.households, households_source, floors and floors_source from the raw fields,
    // building.use, use_value and area_m2. Returns the field values it had to ignore.
    std::vector<ValueNote> apply(Building& building, const RawHouseholdFields& raw) const;

    // The default floors for a raw use value and the key that gave them ("apartments" or "*");
    // nullopt when neither the value nor "*" has an entry.
    std::optional<std::pair<std::string, double>> defaultFloors(std::string_view use_value) const;

  private:
    HouseholdEstimate m_params;
    std::map<std::string, double> m_default_floors; // keys normalized as use values
};

// One building, without keeping an estimator around.
std::vector<ValueNote> estimateHouseholds(Building& building, const RawHouseholdFields& raw,
                                          const HouseholdEstimate& params);

struct BuildingNote
{
    std::size_t building; // index into the buildings vector
    ValueNote note;
    std::string reason = "value_ignored"; // or "use_with_households" (README "Reasons")
};

// The whole stage: use from use_value, then households and floors, for every building. A building
// of another use with households from the field is a home (综合楼 with 20 households): it is made
// Residential, so it is partitioned, and noted as "use_with_households"; use_value keeps its use.
// raw is empty (no household/floors/height fields) or holds one entry per building.
std::vector<BuildingNote> classifyBuildings(std::vector<Building>& buildings,
                                            const std::vector<RawHouseholdFields>& raw,
                                            const UseMapping& uses,
                                            const HouseholdEstimate& params);

} // namespace gp::classify
