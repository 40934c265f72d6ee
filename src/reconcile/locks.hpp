// Grids the planner fixed by hand (--lock PATH): a polygon layer with a grid_code field, or a
// text/CSV list of codes of the previous run (.txt / .csv: one code per line, or a grid_code
// column). Locked grids are kept exactly as given; the rest is partitioned around them.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"
#include "reconcile/previous.hpp"

#include <string>
#include <vector>

namespace gp::reconcile
{

struct LockedGrid
{
    std::string code;
    MultiPolygon area;
    std::vector<int> buildings; // plan building indices, ascending
    int community = -1;
    bool from_previous = false; // a code of the previous run (else a drawn polygon)
};

// Polygons: their buildings are those placed in a community whose anchor (representative point)
// lies in the polygon. Codes: the previous run's polygon and buildings (still present).
// InputError naming the file and code on an unknown code, a duplicate, no grid_code field, a
// building claimed by two locks, or a lock in no community; ConfigError for codes without
// --previous.
std::vector<LockedGrid> loadLocks(const std::string& path, const Plan& plan,
                                  const PreviousRun* previous, const std::string& assume_crs);

// Locks by grid codes of the previous run (as a .txt list does); `origin` names where the codes
// came from in messages.
std::vector<LockedGrid> locksFromCodes(const std::vector<std::string>& codes,
                                       const std::string& origin, const Plan& plan,
                                       const PreviousRun& previous);

} // namespace gp::reconcile
