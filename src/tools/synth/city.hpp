// A synthetic Chinese city for tests and benchmarks: one street (街道) of communities (社区) on a
// road grid with a river, filled with apartment compounds, old lanes (里弄), villages, office
// clusters, markets and a campus. Written as Shapefiles (UTF-8, EPSG:32650), streamed feature by
// feature so two million buildings need little memory. Same seed and size -> byte-identical files.
#pragma once

#include <cstdint>
#include <string>

namespace gp::synth
{

struct CityOptions
{
    std::uint64_t seed = 1;
    long long buildings = 10000; // exact number of building features written
    std::string out_dir;
};

struct CitySummary
{
    long long buildings = 0;
    long long invalid = 0;          // deliberately invalid footprints (bow-ties)
    long long households_given = 0; // buildings with a households value
    long long households = 0;       // households of the buildings that carry the field
    int communities = 0;
    int compounds = 0;
    int barriers = 0;
    int cells = 0;
};

// Writes street.shp, communities.shp, barriers.shp, compounds.shp and buildings.shp into
// options.out_dir (created; those files replaced). Throws std::runtime_error on failure.
CitySummary writeCity(const CityOptions& options);

} // namespace gp::synth
