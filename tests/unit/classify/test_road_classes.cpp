// The road class table of issue 13: OSM highway= values and Chinese road grades to barrier /
// street / lane / ignore, with overrides.
#include "classify/road_classes.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using gp::classify::RoadClasses;
using gp::classify::RoadRole;

TEST_CASE("built-in road classes", "[streets][classify]")
{
    const RoadClasses classes;
    CHECK(classes.roleOf("primary") == RoadRole::Barrier);
    CHECK(classes.roleOf(" Motorway_Link ") == RoadRole::Barrier);
    CHECK(classes.roleOf("快速路") == RoadRole::Barrier);
    CHECK(classes.roleOf("主干路") == RoadRole::Barrier);
    CHECK(classes.roleOf("secondary") == RoadRole::Street);
    CHECK(classes.roleOf("residential") == RoadRole::Street);
    CHECK(classes.roleOf("次干路") == RoadRole::Street);
    CHECK(classes.roleOf("支路") == RoadRole::Street);
    CHECK(classes.roleOf("service") == RoadRole::Lane);
    CHECK(classes.roleOf("footway") == RoadRole::Lane);
    CHECK(classes.roleOf("街巷") == RoadRole::Lane);
    CHECK(classes.roleOf("小区道路") == RoadRole::Lane);
    CHECK(classes.roleOf("proposed") == RoadRole::Ignore);
    CHECK(classes.roleOf("something_else") == RoadRole::Street);
    CHECK(classes.roleOf("") == RoadRole::Street);
    CHECK(!classes.known("something_else"));
}

TEST_CASE("road class overrides", "[streets][classify]")
{
    const RoadClasses classes({{"次干路", "barrier"}, {"Service", "ignore"}, {"kerb", "Lane"}});
    CHECK(classes.roleOf("次干路") == RoadRole::Barrier);
    CHECK(classes.roleOf("service") == RoadRole::Ignore);
    CHECK(classes.roleOf("kerb") == RoadRole::Lane);
    const std::map<std::string, std::string> bad{{"residential", "wall"}};
    CHECK_THROWS_AS(RoadClasses(bad), gp::ConfigError);
}

TEST_CASE("barrier roads of the main class are crossed last", "[streets][classify]")
{
    const RoadClasses classes(std::map<std::string, std::string>{{"次干路", "barrier"}});
    CHECK(classes.barrierStrength("motorway") == 2);
    CHECK(classes.barrierStrength("Trunk_Link") == 2);
    CHECK(classes.barrierStrength("快速路") == 2);
    CHECK(classes.barrierStrength("国道") == 2);
    CHECK(classes.barrierStrength("primary") == 1);
    CHECK(classes.barrierStrength("主干路") == 1);
    CHECK(classes.barrierStrength("次干路") == 1);
}
