// The status vocabularies (core/statuses): every code reads back to its status, the tables are
// in enum order with distinct codes and both labels, and a text that is no status is refused.
#include "core/statuses.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

namespace
{

template <typename Status>
void checkVocabulary(std::size_t expected_size)
{
    const auto& table = gp::statusTable<Status>();
    REQUIRE(table.size() == expected_size);
    std::set<std::string> codes;
    for (std::size_t i = 0; i < table.size(); ++i)
    {
        const auto& row = table[i];
        CHECK(static_cast<std::size_t>(row.status) == i);
        CHECK(std::string(gp::toString(row.status)) == row.code);
        CHECK(gp::statusFromString<Status>(row.code) == row.status);
        CHECK(std::string(row.label_en).size() > 0);
        CHECK(std::string(row.label_zh).size() > 0);
        codes.insert(row.code);
    }
    CHECK(codes.size() == table.size());
    CHECK_FALSE(gp::statusFromString<Status>(""));
    CHECK_FALSE(gp::statusFromString<Status>("unknown"));
}

} // namespace

TEST_CASE("core: compound statuses round-trip and refuse unknown codes", "[core][statuses]")
{
    checkVocabulary<gp::CompoundStatus>(4);
    CHECK(std::string(gp::toString(gp::CompoundStatus::Whole)) == "whole");
    CHECK(gp::statusFromString<gp::CompoundStatus>("split") == gp::CompoundStatus::Split);
    CHECK_FALSE(gp::statusFromString<gp::CompoundStatus>("Whole")); // codes are lower case
    CHECK_FALSE(gp::statusFromString<gp::CompoundStatus>("kept"));  // another vocabulary's
}

TEST_CASE("core: grid change statuses round-trip and refuse unknown codes", "[core][statuses]")
{
    checkVocabulary<gp::GridChangeStatus>(8);
    CHECK(std::string(gp::toString(gp::GridChangeStatus::Resized)) == "resized");
    CHECK(gp::statusFromString<gp::GridChangeStatus>("retired") == gp::GridChangeStatus::Retired);
    CHECK(std::string(gp::infoOf(gp::GridChangeStatus::Locked).label_zh) == "已锁定");
    CHECK(gp::statusFromString<gp::GridChangeStatus>("redrawn") == gp::GridChangeStatus::Redrawn);
    CHECK_FALSE(gp::statusFromString<gp::GridChangeStatus>("moved"));
    CHECK_FALSE(gp::statusFromString<gp::GridChangeStatus>("kept "));
}

TEST_CASE("core: building change statuses round-trip and refuse unknown codes", "[core][statuses]")
{
    checkVocabulary<gp::BuildingChangeStatus>(3);
    CHECK(std::string(gp::toString(gp::BuildingChangeStatus::Moved)) == "moved");
    CHECK(gp::statusFromString<gp::BuildingChangeStatus>("removed") ==
          gp::BuildingChangeStatus::Removed);
    CHECK_FALSE(gp::statusFromString<gp::BuildingChangeStatus>("resized"));
}
