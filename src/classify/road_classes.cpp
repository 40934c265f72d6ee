#include "classify/road_classes.hpp"

#include "classify/use_mapping.hpp"
#include "core/error.hpp"

#include <utility>

namespace gp::classify
{

namespace
{

// OSM highway= values (wiki.openstreetmap.org/wiki/Key:highway) and the Chinese urban road
// grades of CJJ 37-2012 (快速路 / 主干路 / 次干路 / 支路) with common variants.
const std::pair<const char*, RoadRole> kBuiltIn[] = {
    {"motorway", RoadRole::Barrier},
    {"motorway_link", RoadRole::Barrier},
    {"trunk", RoadRole::Barrier},
    {"trunk_link", RoadRole::Barrier},
    {"primary", RoadRole::Barrier},
    {"primary_link", RoadRole::Barrier},
    {"expressway", RoadRole::Barrier},
    {"arterial", RoadRole::Barrier},
    {"快速路", RoadRole::Barrier},
    {"高速", RoadRole::Barrier},
    {"高速公路", RoadRole::Barrier},
    {"主干路", RoadRole::Barrier},
    {"主干道", RoadRole::Barrier},
    {"国道", RoadRole::Barrier},
    {"secondary", RoadRole::Street},
    {"secondary_link", RoadRole::Street},
    {"tertiary", RoadRole::Street},
    {"tertiary_link", RoadRole::Street},
    {"residential", RoadRole::Street},
    {"unclassified", RoadRole::Street},
    {"living_street", RoadRole::Street},
    {"road", RoadRole::Street},
    {"collector", RoadRole::Street},
    {"local", RoadRole::Street},
    {"次干路", RoadRole::Street},
    {"次干道", RoadRole::Street},
    {"支路", RoadRole::Street},
    {"省道", RoadRole::Street},
    {"县道", RoadRole::Street},
    {"乡道", RoadRole::Street},
    {"service", RoadRole::Lane},
    {"footway", RoadRole::Lane},
    {"path", RoadRole::Lane},
    {"pedestrian", RoadRole::Lane},
    {"track", RoadRole::Lane},
    {"cycleway", RoadRole::Lane},
    {"steps", RoadRole::Lane},
    {"bridleway", RoadRole::Lane},
    {"alley", RoadRole::Lane},
    {"街巷", RoadRole::Lane},
    {"小区道路", RoadRole::Lane},
    {"内部道路", RoadRole::Lane},
    {"步行道", RoadRole::Lane},
    {"胡同", RoadRole::Lane},
    {"巷", RoadRole::Lane},
    {"construction", RoadRole::Ignore},
    {"proposed", RoadRole::Ignore},
    {"abandoned", RoadRole::Ignore},
    {"platform", RoadRole::Ignore},
    {"raceway", RoadRole::Ignore},
    {"bus_stop", RoadRole::Ignore},
    {"elevator", RoadRole::Ignore},
    {"corridor", RoadRole::Ignore},
    {"escape", RoadRole::Ignore},
    {"rest_area", RoadRole::Ignore},
};

// Barrier roads of the main class: crossed last (RoadClasses::barrierStrength).
const char* const kMainRoads[] = {"motorway",   "motorway_link", "trunk",
                                  "trunk_link", "expressway",    "快速路",
                                  "高速",       "高速公路",      "国道"};

} // namespace

const char* toString(RoadRole role)
{
    switch (role)
    {
    case RoadRole::Barrier:
        return "barrier";
    case RoadRole::Street:
        return "street";
    case RoadRole::Lane:
        return "lane";
    case RoadRole::Ignore:
        return "ignore";
    }
    return "street";
}

RoadClasses::RoadClasses(const std::map<std::string, std::string>& overrides)
{
    for (const auto& [value, role] : kBuiltIn)
        m_table[value] = role;
    for (const auto& [value, role_name] : overrides)
    {
        const std::string name = classify::normalizeUseValue(role_name);
        RoadRole role = RoadRole::Street;
        if (name == "barrier")
            role = RoadRole::Barrier;
        else if (name == "street")
            role = RoadRole::Street;
        else if (name == "lane")
            role = RoadRole::Lane;
        else if (name == "ignore")
            role = RoadRole::Ignore;
        else
            throw ConfigError("--road-class " + value + "=" + role_name +
                              ": the role must be barrier, street, lane or ignore");
        m_table[classify::normalizeUseValue(value)] = role;
    }
}

bool RoadClasses::known(std::string_view raw) const
{
    return m_table.find(classify::normalizeUseValue(raw)) != m_table.end();
}

int RoadClasses::barrierStrength(std::string_view raw) const
{
    const std::string value = classify::normalizeUseValue(raw);
    for (const char* main : kMainRoads)
        if (value == main)
            return 2;
    return 1;
}

RoadRole RoadClasses::roleOf(std::string_view raw) const
{
    const std::string value = classify::normalizeUseValue(raw);
    const auto it = m_table.find(value);
    return it == m_table.end() ? RoadRole::Street : it->second;
}

} // namespace gp::classify
