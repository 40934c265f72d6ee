// Hierarchical codes: street code + community sequence + grid sequence, each level numbered in
// reading order (rows north to south, west to east within a row), as grid-coding practice does.
#pragma once

#include "core/model.hpp"

#include <vector>

namespace gp::organize
{

// Reading order of `points`: indices sorted into rows of height `row_height` from the north,
// west to east within a row; ties broken by index so the order is total and stable.
std::vector<int> readingOrder(const std::vector<Point>& points, double row_height);

// Sets Grid::code for every grid: "<street>-<community 2 digits>-<grid 3 digits>".
void assignCodes(Plan& plan, const std::string& street_code);

} // namespace gp::organize
