// Attribute values as the write stage puts them into output tables: empty text is null, reals are
// rounded so files do not change with the last bits of floating-point noise, lists are
// comma-separated. Shared by every table writer of write/.
#pragma once

#include "io/feature_table.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace gp::write
{

inline io::FieldValue text(const std::string& s)
{
    return s.empty() ? io::FieldValue{} : io::FieldValue{s};
}

inline io::FieldValue integer(long long v)
{
    return io::FieldValue{static_cast<std::int64_t>(v)};
}

inline double rounded(double v, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

inline io::FieldValue real(double v, int decimals)
{
    return io::FieldValue{rounded(v, decimals)};
}

inline std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ",") + s;
    return out;
}

} // namespace gp::write
