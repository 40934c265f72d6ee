// Building use classes from OSM values, Chinese land-use words, class names and overrides.
#include "classify/use_mapping.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using gp::BuildingUse;
using gp::classify::UseMapping;
using Overrides = std::map<std::string, std::string>;

TEST_CASE("OSM building values map to use classes", "[classify]")
{
    const UseMapping mapping;
    CHECK(mapping.classify("apartments") == BuildingUse::Residential);
    CHECK(mapping.classify("residential") == BuildingUse::Residential);
    CHECK(mapping.classify("house") == BuildingUse::Residential);
    CHECK(mapping.classify("semidetached_house") == BuildingUse::Residential);
    CHECK(mapping.classify("terrace") == BuildingUse::Residential);
    CHECK(mapping.classify("dormitory") == BuildingUse::Residential);
    CHECK(mapping.classify("bungalow") == BuildingUse::Residential);
    // most untagged urban buildings in OSM are dwellings
    CHECK(mapping.classify("yes") == BuildingUse::Residential);
    CHECK(mapping.classify("commercial") == BuildingUse::Commercial);
    CHECK(mapping.classify("retail") == BuildingUse::Commercial);
    CHECK(mapping.classify("kiosk") == BuildingUse::Commercial);
    CHECK(mapping.classify("hotel") == BuildingUse::Commercial);
    CHECK(mapping.classify("supermarket") == BuildingUse::Commercial);
    CHECK(mapping.classify("marketplace") == BuildingUse::Market);
    CHECK(mapping.classify("market") == BuildingUse::Market);
    CHECK(mapping.classify("office") == BuildingUse::Office);
    CHECK(mapping.classify("industrial") == BuildingUse::Industrial);
    CHECK(mapping.classify("warehouse") == BuildingUse::Industrial);
    CHECK(mapping.classify("factory") == BuildingUse::Industrial);
    CHECK(mapping.classify("school") == BuildingUse::Education);
    CHECK(mapping.classify("university") == BuildingUse::Education);
    CHECK(mapping.classify("kindergarten") == BuildingUse::Education);
    CHECK(mapping.classify("public") == BuildingUse::Public);
    CHECK(mapping.classify("hospital") == BuildingUse::Public);
    CHECK(mapping.classify("church") == BuildingUse::Public);
    CHECK(mapping.classify("cathedral") == BuildingUse::Public);
    CHECK(mapping.classify("train_station") == BuildingUse::Public);
    CHECK(mapping.classify("garage") == BuildingUse::Other);
    CHECK(mapping.classify("roof") == BuildingUse::Other);
    CHECK(mapping.classify("collapsed") == BuildingUse::Other);
    CHECK(mapping.classify("transformer_tower") == BuildingUse::Other);
}

TEST_CASE("Chinese land-use words map to use classes", "[classify]")
{
    const UseMapping mapping;
    CHECK(mapping.classify("住宅") == BuildingUse::Residential);
    CHECK(mapping.classify("公寓") == BuildingUse::Residential);
    CHECK(mapping.classify("平房") == BuildingUse::Residential);
    CHECK(mapping.classify("办公") == BuildingUse::Office);
    CHECK(mapping.classify("商务楼宇") == BuildingUse::Office);
    CHECK(mapping.classify("市场") == BuildingUse::Market);
    CHECK(mapping.classify("农贸市场") == BuildingUse::Market);
    CHECK(mapping.classify("商业") == BuildingUse::Commercial);
    CHECK(mapping.classify("酒店") == BuildingUse::Commercial);
    CHECK(mapping.classify("厂房") == BuildingUse::Industrial);
    CHECK(mapping.classify("学校") == BuildingUse::Education);
    CHECK(mapping.classify("医院") == BuildingUse::Public);

    SECTION("compound values are matched by the longest word inside")
    {
        CHECK(mapping.classify("城镇住宅用地") == BuildingUse::Residential);
        CHECK(mapping.classify("二类居住用地") == BuildingUse::Residential);
        CHECK(mapping.classify("大型农贸市场") == BuildingUse::Market); // 农贸市场 beats 市场
        CHECK(mapping.classify("商住楼") == BuildingUse::Residential);  // mixed use holds homes
    }
    SECTION("traditional characters")
    {
        CHECK(mapping.classify("辦公") == BuildingUse::Office);
        CHECK(mapping.classify("商業") == BuildingUse::Commercial);
    }
}

TEST_CASE("class names map to themselves", "[classify]")
{
    const UseMapping mapping;
    for (BuildingUse use : {BuildingUse::Residential, BuildingUse::Commercial, BuildingUse::Market,
                            BuildingUse::Office, BuildingUse::Industrial, BuildingUse::Education,
                            BuildingUse::Public, BuildingUse::Other})
    {
        CHECK(mapping.classify(gp::toString(use)) == use);
        CHECK(gp::classify::parseUseClass(gp::toString(use)) == use);
    }
    CHECK_FALSE(gp::classify::parseUseClass("shop").has_value());
}

TEST_CASE("use values are matched case-insensitively and trimmed", "[classify]")
{
    const UseMapping mapping;
    CHECK(mapping.classify("  Apartments ") == BuildingUse::Residential);
    CHECK(mapping.classify("OFFICE") == BuildingUse::Office);
    CHECK(mapping.classify("\tSchool\n") == BuildingUse::Education);
    CHECK(mapping.classify("\xE3\x80\x80住宅\xE3\x80\x80") == BuildingUse::Residential); // U+3000
    CHECK(mapping.classify("\xC2\xA0Market") == BuildingUse::Market);                    // U+00A0
    CHECK(mapping.classify("residential;retail") == BuildingUse::Residential);
}

TEST_CASE("normalizing keeps UTF-8 intact", "[classify]")
{
    using gp::classify::normalizeUseValue;
    CHECK(normalizeUseValue(" São Nicolau ") == "são nicolau");
    CHECK(normalizeUseValue("VITÓRIA") == "vitÓria"); // only ASCII letters are lowered
    CHECK(normalizeUseValue("住宅") == "住宅");
    CHECK(normalizeUseValue("\xE3\x80\x80\xE3\x80\x80") == "");
    CHECK(normalizeUseValue("") == "");
}

TEST_CASE("empty and unknown use values", "[classify]")
{
    const UseMapping mapping;
    // no use field, or a null value: the planner's default, a dwelling
    CHECK(mapping.classify("") == BuildingUse::Residential);
    CHECK(mapping.classify("   ") == BuildingUse::Residential);
    // a value nobody knows: not counted as homes
    CHECK(mapping.classify("6") == BuildingUse::Other);
    CHECK(mapping.classify("spaceport") == BuildingUse::Other);
    CHECK(mapping.classify("未知用途") == BuildingUse::Other);
    CHECK_FALSE(mapping.lookup("spaceport").has_value());
    CHECK(mapping.lookup("yes") == BuildingUse::Residential);
}

TEST_CASE("use mapping overrides take precedence", "[classify]")
{
    const UseMapping mapping({{"kiosk", "residential"},
                              {"Yes", "Other"},
                              {"art_gallery", "public"},
                              {"社区用房", "public"}});
    CHECK(mapping.classify("kiosk") == BuildingUse::Residential);
    CHECK(mapping.classify("yes") == BuildingUse::Other);
    CHECK(mapping.classify("YES ") == BuildingUse::Other);
    CHECK(mapping.classify("art_gallery") == BuildingUse::Public);
    CHECK(mapping.classify("社区用房") == BuildingUse::Public);
    CHECK(mapping.classify("apartments") == BuildingUse::Residential); // untouched

    gp::PartitionConfig config;
    config.use_mapping = {{"", "other"}};
    const UseMapping empty_is_other = UseMapping::fromConfig(config);
    CHECK(empty_is_other.classify("") == BuildingUse::Other);
}

TEST_CASE("an unknown class in an override is a ConfigError naming it", "[classify]")
{
    REQUIRE_THROWS_AS(UseMapping(Overrides{{"kiosk", "shop"}}), gp::ConfigError);
    REQUIRE_THROWS_WITH(UseMapping(Overrides{{"kiosk", "shop"}}),
                        Catch::Contains("'shop'") && Catch::Contains("kiosk") &&
                            Catch::Contains("residential"));
    REQUIRE_THROWS_WITH(UseMapping(Overrides{{"菜场", "菜市场"}}), Catch::Contains("'菜市场'"));
}
