// Indices into the Plan's vectors are ints, and -1 means "none" (Building::grid, ::community,
// Grid::community before a grid is placed, ...; core/plan_check.hpp states which may be -1).
// at(v, i) is the one place that turns such an index into a vector position, instead of a
// static_cast<std::size_t> at every use; it requires i >= 0.
#pragma once

#include <cstddef>
#include <vector>

namespace gp
{

template <typename T>
T& at(std::vector<T>& v, int i)
{
    return v[static_cast<std::size_t>(i)];
}

template <typename T>
const T& at(const std::vector<T>& v, int i)
{
    return v[static_cast<std::size_t>(i)];
}

// std::vector<bool> hands out proxies, not references.
inline std::vector<bool>::reference at(std::vector<bool>& v, int i)
{
    return v[static_cast<std::size_t>(i)];
}

inline bool at(const std::vector<bool>& v, int i)
{
    return v[static_cast<std::size_t>(i)];
}

} // namespace gp
