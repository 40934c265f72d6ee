// gridplan-synth: writes a synthetic city (Shapefiles) for tests and benchmarks.
#include "tools/synth/city.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"gridplan-synth: a synthetic Chinese city (street, communities, roads and river, "
                 "compounds, buildings) as Shapefiles in EPSG:32650"};
    gp::synth::CityOptions options;
    app.add_option("--seed", options.seed, "Seed; the same seed and size give byte-identical files")
        ->capture_default_str();
    app.add_option("--buildings", options.buildings, "Number of buildings (1 to 5,000,000)")
        ->capture_default_str()
        ->check(CLI::Range(1LL, 5'000'000LL));
    app.add_option("--out", options.out_dir, "Output folder (created)")->required();
    CLI11_PARSE(app, argc, argv);
    try
    {
        const auto s = gp::synth::writeCity(options);
        // One JSON line, for scripts and tests.
        std::cout << "{\"buildings\": " << s.buildings << ", \"invalid\": " << s.invalid
                  << ", \"households_given\": " << s.households_given
                  << ", \"households\": " << s.households << ", \"communities\": " << s.communities
                  << ", \"compounds\": " << s.compounds << ", \"barriers\": " << s.barriers
                  << ", \"cells\": " << s.cells << "}\n";
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "gridplan-synth: error: " << e.what() << '\n';
        return 1;
    }
}
