// Hierarchical codes: street code + area + community + grid sequence, each level numbered in
// reading order (rows north to south, west to east within a row), as grid-coding practice does.
#pragma once

#include "core/config.hpp"
#include "core/model.hpp"

#include <vector>

namespace gp::organize
{

// Reading order of `points`: indices sorted into rows of height `row_height` from the north,
// west to east within a row; ties broken by index so the order is total and stable.
std::vector<int> readingOrder(const std::vector<Point>& points, double row_height);

// Codes come in two phases so that each is written once (issue 19): planCodes numbers every
// level in reading order without touching the plan, a re-run (reconcile::reserveCodes) then puts
// the codes it must keep or inherit in place of fresh ones, and writeCodes writes the result.
//
// Fresh codes: areas "<street>-AA", communities "<street>-AA-CC" and grids "<street>-AA-CC-GGG"
// (dedicated grids "<street>-AA-CC-DNN"); each level in reading order within its parent.
// Communities outside any area are numbered under area 01.
// Under a national scheme (street15, cjt349) communities are <admin 6><street 3><community 3>
// (the community part from --community-code-field, else numbered in reading order) and grids
// that code (cjt349: after the service-object code) + a 3-digit (cjt349: 2-digit) sequence over
// all the community's grids in reading order; areas are "<admin><street>-AA".
struct CodePlan
{
    std::vector<std::string> area_codes;                  // per area
    std::vector<std::string> community_codes;             // per community
    std::vector<std::string> grid_codes;                  // per grid
    std::vector<std::vector<int>> grids_in_reading_order; // per community: its grid indices
};

// Phase 1: the fresh codes of every area, community and grid; the plan is not changed.
// InputError names a community with more grids than the sequence allows, or two communities with
// one code.
CodePlan planCodes(const Plan& plan, const std::string& street_code, const CodeScheme& scheme = {});

// The last phase: sets Area/Community/Grid::code from `codes` (sized as the plan).
void writeCodes(Plan& plan, const CodePlan& codes);

// A run without a previous one: planCodes then writeCodes.
void assignCodes(Plan& plan, const std::string& street_code, const CodeScheme& scheme = {});

// What precedes a grid's sequence number, and how many digits it has, under `scheme` (for
// re-runs that number new grids after the ones a previous run issued).
std::string gridCodePrefix(const CodeScheme& scheme, const std::string& community_code,
                           bool dedicated);
int gridSequenceWidth(const CodeScheme& scheme, bool dedicated);

} // namespace gp::organize
