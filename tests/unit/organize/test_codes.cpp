#include "organize/codes.hpp"

#include <catch2/catch.hpp>

TEST_CASE("reading order: rows north to south, west to east within a row", "[organize]")
{
    // A 3x3 layout, given shuffled; y grows northwards.
    const std::vector<gp::Point> pts = {{200, 0}, {0, 200}, {100, 100}, {0, 0},    {200, 200},
                                        {100, 0}, {0, 100}, {200, 100}, {100, 200}};
    const auto order = gp::organize::readingOrder(pts, 50.0);
    const std::vector<int> expected = {1, 8, 4, 6, 2, 7, 3, 5, 0};
    CHECK(order == expected);
}

TEST_CASE("reading order tolerates small vertical jitter within a row", "[organize]")
{
    const std::vector<gp::Point> pts = {{100, 98}, {0, 102}, {50, 55}, {0, 49}};
    const auto order = gp::organize::readingOrder(pts, 40.0);
    const std::vector<int> expected = {1, 0, 3, 2};
    CHECK(order == expected);
}
