// Raw building-use values (OSM building=..., Chinese land-use words, our class names) -> the
// BuildingUse class. A built-in table plus the user's overrides from PartitionConfig::use_mapping.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gp::classify
{

// Trims ASCII whitespace, no-break spaces (U+00A0) and ideographic spaces (U+3000) at both ends
// and lowercases ASCII letters only, so UTF-8 text (住宅, São) passes through byte for byte.
std::string normalizeUseValue(std::string_view raw);

// "residential", "Office ", ... (the names toString(BuildingUse) gives) -> the class.
std::optional<BuildingUse> parseUseClass(std::string_view name);

// The class names accepted by parseUseClass, comma separated, for error messages.
std::string useClassNames();

class UseMapping
{
  public:
    // The built-in table only.
    UseMapping();
    // The built-in table with the overrides ("raw value" -> "class name") on top.
    // Throws ConfigError naming the entry when a class name is unknown.
    explicit UseMapping(const std::map<std::string, std::string>& overrides);
    static UseMapping fromConfig(const PartitionConfig& config)
    {
        return UseMapping(config.use_mapping);
    }

    // The class of a raw value:
    // - empty (no use field, or a null value): Residential, the planner's default assumption;
    // - a value in the table (overrides first);
    // - "a;b" (OSM multi-value): the class of "a" when "a" is known;
    // - non-ASCII text containing a table word (城镇住宅用地 -> 住宅): the longest such word;
    // - anything else: Other.
    BuildingUse classify(std::string_view raw) const;

    // As classify(), but nullopt for a present value that nothing matched.
    std::optional<BuildingUse> lookup(std::string_view raw) const;

    const std::map<std::string, BuildingUse>& table() const { return m_table; }

  private:
    // normalized value -> class; std::map so every scan is in a fixed order
    std::map<std::string, BuildingUse> m_table;
};

} // namespace gp::classify
