#include "partition/adjacency.hpp"
#include "partition/ejection.hpp"
#include "partition/neighbourhood.hpp"
#include "unit/partition/graph_builder.hpp"

#include <catch2/catch.hpp>

#include <vector>

using gp::partition::Adjacency;
using gp::partition::Bounds;

TEST_CASE("a neighbourhood re-solved exactly can drop a part that no move can fix",
          "[partition][repair]")
{
    // A path of eight units of 100, bounds 300-400: parts 300 / 200 / 300. The only plans are
    // two parts of 400, so the short middle part has to go, which no move or chain can do.
    const auto g = gp::test::pathGraph(8, 100);
    const Bounds bounds{300, 400, 350};
    std::vector<int> labels = {0, 0, 0, 1, 1, 2, 2, 2};
    std::vector<char> frozen(3, 0);
    std::vector<int> chained = labels;
    CHECK(gp::partition::repairByChains(g, Adjacency(g), bounds, chained, 3, frozen) == 0);
    CHECK(chained == labels);

    int next_label = 3;
    CHECK(gp::partition::repairNeighbourhoods(g, Adjacency(g), bounds, labels, next_label, frozen,
                                              {}) == 1);
    CHECK(next_label == 5);
    CHECK(frozen.size() == 5);
    CHECK(labels == std::vector<int>{3, 3, 3, 3, 4, 4, 4, 4});
}

TEST_CASE("the neighbourhood repair leaves frozen parts and feasible neighbourhoods alone",
          "[partition][repair]")
{
    const auto g = gp::test::pathGraph(8, 100);
    const Bounds bounds{300, 400, 350};
    std::vector<int> labels = {0, 0, 0, 1, 1, 2, 2, 2};
    std::vector<char> frozen = {1, 0, 1}; // the short part's only neighbours are frozen
    int next_label = 3;
    CHECK(gp::partition::repairNeighbourhoods(g, Adjacency(g), bounds, labels, next_label, frozen,
                                              {}) == 0);
    CHECK(labels == std::vector<int>{0, 0, 0, 1, 1, 2, 2, 2});
    CHECK(next_label == 3);
}
