// Households and floors from the households field, the floors field, the height or defaults.
#include "classify/households.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using gp::Building;
using gp::BuildingUse;
using gp::HouseholdEstimate;
using gp::HouseholdsSource;
using gp::classify::estimateHouseholds;
using gp::classify::RawHouseholdFields;

namespace
{

Building makeBuilding(double area_m2, std::string use_value,
                      BuildingUse use = BuildingUse::Residential)
{
    Building b;
    b.id = "b1";
    b.area_m2 = area_m2;
    b.use_value = std::move(use_value);
    b.use = use;
    return b;
}

} // namespace

TEST_CASE("households from the households field", "[classify]")
{
    Building b = makeBuilding(400, "住宅");
    RawHouseholdFields raw;
    raw.households = "120";
    raw.floors = "6";
    const auto notes = estimateHouseholds(b, raw, HouseholdEstimate{});
    CHECK(notes.empty());
    CHECK(b.households == 120);
    CHECK(b.households_source == HouseholdsSource::Field);
    CHECK(b.floors == 6.0); // stated floors are kept for the report
    CHECK(b.floors_source == "field");

    SECTION("units, blanks and a zero count")
    {
        raw.households = " 320户 ";
        estimateHouseholds(b, raw, HouseholdEstimate{});
        CHECK(b.households == 320);
        raw.households = "0";
        estimateHouseholds(b, raw, HouseholdEstimate{});
        CHECK(b.households == 0);
        CHECK(b.households_source == HouseholdsSource::Field);
    }
    SECTION("the field counts for non-residential buildings too")
    {
        Building shop = makeBuilding(400, "商业", BuildingUse::Commercial);
        raw.households = "12";
        estimateHouseholds(shop, raw, HouseholdEstimate{});
        CHECK(shop.households == 12);
        CHECK(shop.households_source == HouseholdsSource::Field);
    }
}

TEST_CASE("households estimated from the floors field", "[classify]")
{
    Building b = makeBuilding(300, "apartments");
    RawHouseholdFields raw;
    raw.floors = "4";
    const auto notes = estimateHouseholds(b, raw, HouseholdEstimate{});
    CHECK(notes.empty());
    CHECK(b.floors == 4.0);
    CHECK(b.floors_source == "field");
    // 4 x 300 x 0.75 / 90 = 10
    CHECK(b.households == 10);
    CHECK(b.households_source == HouseholdsSource::Estimated);

    raw.floors = "6层";
    estimateHouseholds(b, raw, HouseholdEstimate{});
    CHECK(b.households == 15);
}

TEST_CASE("households estimated from the height", "[classify]")
{
    Building b = makeBuilding(200, "residential");
    RawHouseholdFields raw;
    raw.height = "17.5 m"; // 17.5 / 3 = 5.83 -> 6 floors
    estimateHouseholds(b, raw, HouseholdEstimate{});
    CHECK(b.floors == 6.0);
    CHECK(b.floors_source == "height");
    CHECK(b.households == 10); // 6 x 200 x 0.75 / 90 = 10
    CHECK(b.households_source == HouseholdsSource::Estimated);

    SECTION("a low height still makes one floor")
    {
        raw.height = "1";
        estimateHouseholds(b, raw, HouseholdEstimate{});
        CHECK(b.floors == 1.0);
    }
    SECTION("the floors field wins over the height")
    {
        raw.floors = "2";
        estimateHouseholds(b, raw, HouseholdEstimate{});
        CHECK(b.floors == 2.0);
        CHECK(b.floors_source == "field");
    }
    SECTION("the storey height is a parameter")
    {
        HouseholdEstimate params;
        params.floor_height_m = 3.5;
        estimateHouseholds(b, raw, params);
        CHECK(b.floors == 5.0);
    }
}

TEST_CASE("households estimated from default floors", "[classify]")
{
    const HouseholdEstimate params;
    RawHouseholdFields raw;

    Building flats = makeBuilding(180, "Apartments");
    estimateHouseholds(flats, raw, params);
    CHECK(flats.floors == 5.0);
    CHECK(flats.floors_source == "default:apartments");
    CHECK(flats.households == 8); // 5 x 180 x 0.75 / 90 = 7.5 -> 8
    CHECK(flats.households_source == HouseholdsSource::Estimated);

    Building tower = makeBuilding(600, "住宅");
    estimateHouseholds(tower, raw, params);
    CHECK(tower.floors_source == "default:住宅");
    CHECK(tower.households == 30); // 6 x 600 x 0.75 / 90

    Building other = makeBuilding(90, "dormitory"); // residential, no own default -> "*"
    estimateHouseholds(other, raw, params);
    CHECK(other.floors == 3.0);
    CHECK(other.floors_source == "default:*");
    CHECK(other.households == 2); // 3 x 90 x 0.75 / 90 = 2.25

    Building unnamed = makeBuilding(30, ""); // no use field at all
    estimateHouseholds(unnamed, raw, params);
    CHECK(unnamed.floors_source == "default:*");
    CHECK(unnamed.households == 1); // 0.75 rounds to 1, and a dwelling holds at least one

    SECTION("without a fallback entry nothing is estimated")
    {
        HouseholdEstimate no_star;
        no_star.default_floors = {{"apartments", 5.0}};
        estimateHouseholds(other, raw, no_star);
        CHECK(other.households == 0);
        CHECK(other.households_source == HouseholdsSource::None);
    }
}

TEST_CASE("small footprints and non-residential buildings hold no households", "[classify]")
{
    const HouseholdEstimate params;
    RawHouseholdFields raw;

    Building shed = makeBuilding(12, "yes");
    estimateHouseholds(shed, raw, params);
    CHECK(shed.households == 0);
    CHECK(shed.households_source == HouseholdsSource::None);
    CHECK(shed.floors == 0.0); // no default floors invented for it

    Building shop = makeBuilding(2000, "commercial", BuildingUse::Commercial);
    raw.floors = "5";
    estimateHouseholds(shop, raw, params);
    CHECK(shop.households == 0);
    CHECK(shop.households_source == HouseholdsSource::None);
    CHECK(shop.floors == 5.0); // stated floors kept: dedicated grids are sized by floor area

    Building office = makeBuilding(2000, "办公", BuildingUse::Office);
    estimateHouseholds(office, RawHouseholdFields{}, params);
    CHECK(office.households == 0);
    CHECK(office.floors == 0.0);
}

TEST_CASE("unusable field values are reported and ignored", "[classify]")
{
    const HouseholdEstimate params;
    Building b = makeBuilding(300, "apartments");

    SECTION("a negative household count")
    {
        RawHouseholdFields raw;
        raw.households = "-9999";
        raw.floors = "4";
        const auto notes = estimateHouseholds(b, raw, params);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].field == "households");
        CHECK(notes[0].value == "-9999");
        CHECK(notes[0].problem == "negative");
        CHECK(gp::classify::describe(notes[0]) == "households value '-9999' ignored: negative");
        CHECK(b.households == 10); // estimated from the floors instead
        CHECK(b.households_source == HouseholdsSource::Estimated);
    }
    SECTION("an absurd household count")
    {
        RawHouseholdFields raw;
        raw.households = "999999";
        const auto notes = estimateHouseholds(b, raw, params);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].problem == "implausibly large");
        CHECK(b.households_source == HouseholdsSource::Estimated);
        CHECK(b.floors_source == "default:apartments");
    }
    SECTION("fractions and text")
    {
        RawHouseholdFields raw;
        raw.households = "12.5";
        raw.floors = "four";
        raw.height = "-3";
        const auto notes = estimateHouseholds(b, raw, params);
        REQUIRE(notes.size() == 3);
        CHECK(notes[0].problem == "not a whole number");
        CHECK(notes[1].field == "floors");
        CHECK(notes[1].problem == "not a number");
        CHECK(notes[2].field == "height");
        CHECK(notes[2].problem == "negative");
        CHECK(b.floors_source == "default:apartments");
    }
    SECTION("absurd floors and height")
    {
        RawHouseholdFields raw;
        raw.floors = "999";
        raw.height = "5000";
        const auto notes = estimateHouseholds(b, raw, params);
        CHECK(notes.size() == 2);
        CHECK(b.floors_source == "default:apartments");
    }
    SECTION("empty values and zero floors are simply unknown")
    {
        RawHouseholdFields raw;
        raw.households = "";
        raw.floors = "0";
        raw.height = "  ";
        const auto notes = estimateHouseholds(b, raw, params);
        CHECK(notes.empty());
        CHECK(b.floors_source == "default:apartments");
    }
}

TEST_CASE("parseMeasure reads plain numbers with optional units", "[classify]")
{
    using gp::classify::parseMeasure;
    CHECK(parseMeasure("12") == 12.0);
    CHECK(parseMeasure(" 12.5 ") == 12.5);
    CHECK(parseMeasure("+3") == 3.0);
    CHECK(parseMeasure("-3") == -3.0);
    CHECK(parseMeasure("12 m", {"m"}) == 12.0);
    CHECK(parseMeasure("12M", {"m"}) == 12.0);
    CHECK(parseMeasure("30米", {"m", "米"}) == 30.0);
    CHECK_FALSE(parseMeasure("12 m").has_value());
    CHECK_FALSE(parseMeasure("12 ft", {"m"}).has_value());
    CHECK_FALSE(parseMeasure("4;5").has_value());
    CHECK_FALSE(parseMeasure("nan").has_value());
    CHECK_FALSE(parseMeasure("inf").has_value());
    CHECK_FALSE(parseMeasure("1e3").has_value());
    CHECK_FALSE(parseMeasure("").has_value());
    CHECK_FALSE(parseMeasure("+-3").has_value());
}

TEST_CASE("classifyBuildings runs the stage over all buildings", "[classify]")
{
    std::vector<Building> buildings = {
        makeBuilding(300, "apartments", BuildingUse::Other), // use is recomputed
        makeBuilding(300, "Loja São João"),                  // unknown -> Other, name intact
        makeBuilding(400, "住宅"),
        makeBuilding(400, "市场"),
    };
    std::vector<RawHouseholdFields> raw(4);
    raw[2].households = "-1";
    const gp::classify::UseMapping uses;
    const auto notes = gp::classify::classifyBuildings(buildings, raw, uses, HouseholdEstimate{});

    CHECK(buildings[0].use == BuildingUse::Residential);
    CHECK(buildings[0].households == 13); // 5 x 300 x 0.75 / 90 = 12.5 -> 13
    CHECK(buildings[1].use == BuildingUse::Other);
    CHECK(buildings[1].use_value == "Loja São João");
    CHECK(buildings[1].households == 0);
    CHECK(buildings[2].use == BuildingUse::Residential);
    CHECK(buildings[2].households == 20); // 6 x 400 x 0.75 / 90
    CHECK(buildings[3].use == BuildingUse::Market);
    CHECK(buildings[3].households_source == HouseholdsSource::None);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].building == 2);
    CHECK(notes[0].note.field == "households");

    SECTION("no raw fields at all")
    {
        const auto none = gp::classify::classifyBuildings(buildings, {}, uses, HouseholdEstimate{});
        CHECK(none.empty());
        CHECK(buildings[2].households_source == HouseholdsSource::Estimated);
    }
    SECTION("a raw vector of the wrong size is a programming error")
    {
        std::vector<RawHouseholdFields> short_raw(2);
        CHECK_THROWS_AS(
            gp::classify::classifyBuildings(buildings, short_raw, uses, HouseholdEstimate{}),
            std::invalid_argument);
    }
}

TEST_CASE("bad estimate parameters are ConfigErrors", "[classify]")
{
    HouseholdEstimate params;
    params.default_floors["villa"] = 0.0;
    CHECK_THROWS_AS(gp::classify::HouseholdEstimator(params), gp::ConfigError);
    HouseholdEstimate zero_dwelling;
    zero_dwelling.dwelling_m2 = 0.0;
    CHECK_THROWS_AS(gp::classify::HouseholdEstimator(zero_dwelling), gp::ConfigError);
}
