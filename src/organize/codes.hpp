// Hierarchical codes: street code + area + community + grid sequence, each level numbered in
// reading order (rows north to south, west to east within a row), as grid-coding practice does.
#pragma once

#include "core/model.hpp"

#include <vector>

namespace gp::organize
{

// Reading order of `points`: indices sorted into rows of height `row_height` from the north,
// west to east within a row; ties broken by index so the order is total and stable.
std::vector<int> readingOrder(const std::vector<Point>& points, double row_height);

// Sets the codes of areas "<street>-AA", communities "<street>-AA-CC" and grids
// "<street>-AA-CC-GGG" (dedicated grids "<street>-AA-CC-DNN"); each level in reading order
// within its parent. Communities outside any area are numbered under area 01.
void assignCodes(Plan& plan, const std::string& street_code);

} // namespace gp::organize
