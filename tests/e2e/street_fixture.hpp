// Test fixture shared by the end-to-end tests of re-runs, batches and threads: a street of three
// communities with lattices of buildings, written as Shapefiles, and the gridplan arguments to
// partition it.
#pragma once

#include "support/fixtures.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace gp::test::street
{

inline constexpr double kX0 = 500000, kY0 = 3300000;

// A street of three 400 x 600 m communities C1, C2, C3 side by side; in each an 8 x 8 lattice
// of 20 x 20 m buildings of 25 households (1600 households, 4 grids of 400) in its southern
// 400 m. Building ids are "<community>-<row>-<col>", rows from the south.
struct Street
{
    bool estate_in_c2 = false; // 32 more buildings (800 households) in C2's empty north
    bool merge_c1_c2 = false;  // C1 and C2 become one community C12
    bool split_c3 = false;     // C3 becomes C3S (south of y=300) and C3N
    bool dense_c1 = false;     // C1's two southern rows hold 50 households per building
};

inline void addLattice(FixtureLayer& layer, const std::string& community, double x, int row0,
                       int rows, int dense_rows = 0)
{
    for (int r = row0; r < row0 + rows; ++r)
        for (int c = 0; c < 8; ++c)
        {
            const double bx = kX0 + x + 15 + c * 50, by = kY0 + 15 + r * 50;
            layer.features.push_back(
                {rectWkt(bx, by, bx + 20, by + 20),
                 {{"bid", community + "-" + std::to_string(r) + "-" + std::to_string(c)},
                  {"hh", r < dense_rows ? "50" : "25"}}});
        }
}

inline void writeStreet(const std::string& dir, const Street& s)
{
    std::filesystem::create_directories(dir);
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"hh", 'I'}};
    addLattice(buildings, "C1", 0, 0, 8, s.dense_c1 ? 2 : 0);
    addLattice(buildings, "C2", 400, 0, 8);
    addLattice(buildings, "C3", 800, 0, 8);
    if (s.estate_in_c2)
        addLattice(buildings, "E2", 400, 8, 4);
    writeLayer(dir + "/buildings.shp", buildings);

    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}, {"name", 'S'}};
    auto add = [&](const std::string& id, double x0, double y0, double x1, double y1)
    {
        communities.features.push_back({rectWkt(kX0 + x0, kY0 + y0, kX0 + x1, kY0 + y1),
                                        {{"cid", id}, {"name", id + "社区"}}});
    };
    if (s.merge_c1_c2)
        add("C12", 0, 0, 800, 600);
    else
    {
        add("C1", 0, 0, 400, 600);
        add("C2", 400, 0, 800, 600);
    }
    if (s.split_c3)
    {
        add("C3S", 800, 0, 1200, 300);
        add("C3N", 800, 300, 1200, 600);
    }
    else
        add("C3", 800, 0, 1200, 600);
    writeLayer(dir + "/communities.shp", communities);
}

inline std::vector<std::string> args(const std::string& in, const std::string& out)
{
    return {"partition",
            "--buildings",
            in + "/buildings.shp",
            "--buildings-id-field",
            "bid",
            "--households-field",
            "hh",
            "--communities",
            in + "/communities.shp",
            "--communities-id-field",
            "cid",
            "--out",
            out,
            "-q"};
}

inline std::vector<std::string> withPrevious(std::vector<std::string> a,
                                             const std::string& previous)
{
    a.push_back("--previous");
    a.push_back(previous);
    return a;
}

} // namespace gp::test::street
