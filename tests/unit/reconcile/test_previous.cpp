// Reading a previous run back (reconcile/previous): a grid written without geometry (several
// building records sharing one footprint leave all but one of their grids without land) is still
// a grid of the previous run, with its figures and its buildings.
#include "reconcile/previous.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace gp;

namespace
{

void write(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

const char* kSquare =
    R"({"type": "Polygon", "coordinates": [[[114.0, 30.0], [114.001, 30.0], [114.001, 30.001], [114.0, 30.001], [114.0, 30.0]]]})";

} // namespace

TEST_CASE("a previous grid without geometry is read from its properties", "[reconcile]")
{
    test::TempDir dir("previous-null-grid");
    const std::string d = dir.path().string();
    write(
        d + "/grids.geojson",
        std::string(R"({"type": "FeatureCollection", "features": [)") +
            R"({"type": "Feature", "properties": {"grid_code": "S-01-01-001", "kind": "residential", "community": "C1", "households": 400, "area_m2": 0, "polsby_popper": 0, "cut_edges": 2, "barrier_crossings": 0, "dedicated_type": null, "floor_area_m2": null, "folded_buildings": 0, "folded_floor_area_m2": 0}, "geometry": null},)" +
            R"({"type": "Feature", "properties": {"grid_code": "S-01-01-002", "kind": "residential", "community": "C1", "households": 400, "area_m2": 12000.5}, "geometry": )" +
            kSquare + "}]}");
    write(
        d + "/buildings.geojson",
        std::string(R"({"type": "FeatureCollection", "features": [)") +
            R"({"type": "Feature", "properties": {"building_id": "T-1", "grid_code": "S-01-01-001", "community": "C1", "households": 400}, "geometry": )" +
            kSquare + "}," +
            R"({"type": "Feature", "properties": {"building_id": "T-2", "grid_code": "S-01-01-002", "community": "C1", "households": 400}, "geometry": )" +
            kSquare + "}]}");
    write(
        d + "/communities.geojson",
        std::string(
            R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"community": "C1", "community_code": "S-01-01"}, "geometry": )") +
            kSquare + "}]}");
    write(d + "/gaps.geojson", R"({"type": "FeatureCollection", "features": []})");
    write(d + "/report.json",
          R"({"options": {"min": 300, "max": 500}, "codes": {"retired": ["S-01-01-009"]}})");

    const auto prev = reconcile::loadPrevious(d, "EPSG:32650");
    REQUIRE(prev.grids.size() == 2);
    const auto& landless = prev.grids.at("S-01-01-001");
    CHECK(landless.area.empty());
    CHECK(landless.households == 400);
    CHECK(landless.community == "C1");
    CHECK(landless.cut_edges == 2);
    CHECK(landless.buildings == std::vector<std::string>{"T-1"});
    const auto& with_land = prev.grids.at("S-01-01-002");
    CHECK_FALSE(with_land.area.empty());
    CHECK(with_land.area_m2 == Approx(12000.5));
    CHECK(with_land.buildings == std::vector<std::string>{"T-2"});
    CHECK(prev.min_households == 300);
    CHECK(prev.max_households == 500);
    CHECK(prev.retired == std::set<std::string>{"S-01-01-009"});
}
