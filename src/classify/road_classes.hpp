// Road classes (issue 13): one roads layer with a class field (OSM highway=, Chinese road grades)
// split into barriers (grids should not cross them), streets (grid boundaries follow them) and
// lanes (large blocks are divided along them first). A built-in table plus the user's overrides.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gp::classify
{

enum class RoadRole
{
    Barrier,
    Street,
    Lane,
    Ignore,
};

const char* toString(RoadRole role);

class RoadClasses
{
  public:
    // The built-in table with the overrides ("raw value" -> "barrier|street|lane|ignore") on top.
    // Throws ConfigError naming the entry when a role is unknown.
    explicit RoadClasses(const std::map<std::string, std::string>& overrides = {});

    // The role of a raw value (trimmed, ASCII lowercased): the table entry; any other value
    // (an empty one too) is a street: a road is a road.
    RoadRole roleOf(std::string_view raw) const;
    // For a barrier road: 2 for the main classes (motorway, trunk, expressway, 快速路, 高速, 国道
    // and their links), 1 for the others (primary, arterial, 主干路, overrides), so that a forced
    // crossing goes across the lesser road (Barrier::strength).
    int barrierStrength(std::string_view raw) const;
    // Whether the value is in the table (built-in or override).
    bool known(std::string_view raw) const;

  private:
    std::map<std::string, RoadRole, std::less<>> m_table;
};

} // namespace gp::classify
