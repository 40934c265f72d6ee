// Special areas (--special layers: parks, campuses, markets, industrial parks): land that is a
// dedicated grid by itself. Each polygon, clipped to each community it lies in, becomes one
// dedicated grid holding the buildings inside it; the residential grids tile the rest.
// Runs after place (buildings know their community) and before the community graphs are built.
#pragma once

#include "classify/use_mapping.hpp"
#include "core/config.hpp"
#include "core/model.hpp"
#include "geom/geos.hpp"

#include <map>
#include <string>
#include <vector>

namespace gp::dedicate
{

// What the special-area stage needs of the run's options.
struct SpecialOptions
{
    DedicatedConfig dedicated; // floor area of the buildings a special area holds
    std::map<std::string, std::string> use_mapping; // --use-map overrides, for the kind values
};

struct SpecialStats
{
    int grids = 0;     // dedicated grids made from special areas
    int buildings = 0; // buildings they hold
    int households = 0;
};

// The dedicated_type a kind value maps to: park words (park, 公园, 绿地, ...), else the building
// use classes of classify/ (market, office, 学校 -> campus, ...); "other" when nothing matches.
std::string specialKind(const std::string& raw, const classify::UseMapping& uses);

// Appends one Grid{Dedicated, special = s} per (special area, community) piece with its land in
// Grid::area and marks the buildings whose anchor lies in it (Building::special; membership
// through assignBuilding).
// Overlapping special areas: the earlier one (input order) keeps the overlap; reported.
SpecialStats carveSpecialAreas(Plan& plan, const SpecialOptions& options);

// The land of community `c` left once its special-area grids (indices into plan.grids) are cut
// out (the community itself when there are none), for the residential grids to tile. The caller
// passes them: scanning every grid of the city for every community was quadratic.
MultiPolygon landAfterSpecials(geom::GeosContext& ctx, const Plan& plan, int c,
                               const std::vector<int>& special_grids);

} // namespace gp::dedicate
