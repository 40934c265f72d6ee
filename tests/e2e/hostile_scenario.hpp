// A small street for the hostile-input tests (issue 18): two 100 x 100 m communities with four
// 20 x 20 m buildings of 100 households each, written as GeoJSON into a temporary folder.
#pragma once

#include "support/fixtures.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace gp::test
{

inline bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

struct HostileScenario
{
    TempDir dir{"hostile"};
    FixtureLayer buildings;
    FixtureLayer communities;
    std::string buildings_path = dir.file("buildings.geojson");
    std::string communities_path = dir.file("communities.geojson");
    std::string out = dir.file("out");

    HostileScenario()
    {
        communities.driver = buildings.driver = "GeoJSON";
        communities.fields = {{"cid", 'S'}, {"name", 'S'}};
        communities.features = {{rectWkt(0, 0, 100, 100), {{"cid", "C1"}, {"name", "North"}}},
                                {rectWkt(100, 0, 200, 100), {{"cid", "C2"}, {"name", "South"}}}};
        buildings.fields = {{"bid", 'S'}, {"hh", 'S'}, {"use", 'S'}};
        int n = 0;
        for (double x0 : {10.0, 60.0, 110.0, 160.0})
            for (double y0 : {10.0, 60.0})
                buildings.features.push_back(
                    {rectWkt(x0, y0, x0 + 20, y0 + 20),
                     {{"bid", "B" + std::to_string(++n)}, {"hh", "100"}, {"use", "住宅"}}});
    }
    void write() const
    {
        writeLayer(buildings_path, buildings);
        writeLayer(communities_path, communities);
    }
    // The scenario's options, then `extra`; an option in `extra` replaces the scenario's own.
    std::vector<std::string> withExtra(std::vector<std::string> a,
                                       const std::vector<std::string>& extra) const
    {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].rfind("--", 0) == 0 && i + 1 < a.size() &&
                std::find(extra.begin(), extra.end(), a[i]) != extra.end())
                ++i; // skip the option and its value
            else
                out.push_back(a[i]);
        out.insert(out.end(), extra.begin(), extra.end());
        return out;
    }
    std::vector<std::string> inputArgs(const std::string& command = "partition") const
    {
        return {command,
                "--buildings",
                buildings_path,
                "--buildings-id-field",
                "bid",
                "--communities",
                communities_path,
                "--communities-id-field",
                "cid",
                "--households-field",
                "hh",
                "--use-field",
                "use",
                "--min",
                "150",
                "--max",
                "450"};
    }
    std::vector<std::string> args(std::vector<std::string> extra = {}) const
    {
        auto a = inputArgs();
        a.insert(a.end(), {"--out", out, "-q"});
        return withExtra(a, extra);
    }
    RunResult run(std::vector<std::string> extra = {}) const
    {
        return runGridplan(args(std::move(extra)));
    }
    RunResult check(std::vector<std::string> extra = {}) const
    {
        return runGridplan(withExtra(inputArgs("check"), extra));
    }
};

} // namespace gp::test
