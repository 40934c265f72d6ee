#include "io/geojson_text.hpp"

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <charconv>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <variant>

namespace gp::io
{

namespace
{

// GDAL's roundup() (ogr/ogrutils.cpp): one more in the last digit, carrying through nines.
std::string roundUpLastDigit(std::string s)
{
    bool negative = false;
    if (s[0] == '-')
    {
        negative = true;
        s = s.substr(1);
    }
    for (int pos = static_cast<int>(s.size() - 1); pos >= 0; pos--)
    {
        if (s[static_cast<std::size_t>(pos)] == '.')
            continue;
        s[static_cast<std::size_t>(pos)]++;
        if (s[static_cast<std::size_t>(pos)] != ':')
            break;
        s[static_cast<std::size_t>(pos)] = '0';
        if (pos == 0)
            s = '1' + s;
    }
    if (negative)
        s = '-' + s;
    return s;
}

// GDAL's intelliround() (ogr/ogrutils.cpp), kept branch for branch: the written bytes depend on it.
void intelliround(std::string& s)
{
    const auto dot = s.find('.');
    if (dot == std::string::npos || s.find_first_of("eE") != std::string::npos)
        return;
    std::size_t before_dot = dot - 1;
    if (s[0] == '-')
        before_dot--;
    const std::size_t i = s.size();
    if (i <= 10)
        return;
    if (s[i - 2] == '0' && s[i - 3] == '0' && s[i - 4] == '0' && s[i - 5] == '0' && s[i - 6] == '0')
        s.erase(i - 1);
    else if (dot < i - 8 && (before_dot >= 4 || s[i - 3] == '0') &&
             (before_dot >= 5 || s[i - 4] == '0') && (before_dot >= 6 || s[i - 5] == '0') &&
             (before_dot >= 7 || s[i - 6] == '0') && (before_dot >= 8 || s[i - 7] == '0') &&
             s[i - 8] == '0' && s[i - 9] == '0')
        s.erase(i - 8);
    else if (s[i - 2] == '9' && s[i - 3] == '9' && s[i - 4] == '9' && s[i - 5] == '9' &&
             s[i - 6] == '9')
    {
        s.erase(i - 6);
        s = roundUpLastDigit(s);
    }
    else if (dot < i - 9 && (before_dot >= 4 || s[i - 3] == '9') &&
             (before_dot >= 5 || s[i - 4] == '9') && (before_dot >= 6 || s[i - 5] == '9') &&
             (before_dot >= 7 || s[i - 6] == '9') && (before_dot >= 8 || s[i - 7] == '9') &&
             s[i - 8] == '9' && s[i - 9] == '9')
    {
        s.erase(i - 9);
        s = roundUpLastDigit(s);
    }
}

// std::to_chars with a precision prints what printf("%.*f" / "%.*g") prints in the C locale.
int printDouble(char* buf, std::size_t size, double value, std::chars_format format, int precision)
{
    const auto r = std::to_chars(buf, buf + size, value, format, precision);
    return static_cast<int>(r.ptr - buf);
}

bool hasRoundoffRun(const char* begin, const char* end)
{
    const std::string_view s(begin, static_cast<std::size_t>(end - begin));
    return s.find("999999") != std::string_view::npos || s.find("000000") != std::string_view::npos;
}

constexpr const char* kHex = "0123456789abcdef";

// json-c's json_escape_str for a string without NUL bytes.
void appendJsonStringUpToNul(std::string& out, std::string_view text);

} // namespace

void appendCoordinate(std::string& out, double value)
{
    char buf[64];
    int n = printDouble(buf, sizeof buf, value, std::chars_format::fixed, 7);
    const char* dot_at =
        static_cast<const char*>(std::memchr(buf, '.', static_cast<std::size_t>(n)));
    if (!dot_at)
    {
        out.append(buf, static_cast<std::size_t>(n)); // "nan", "inf": nothing to trim
        return;
    }
    // intelliround() without allocating for the common outcomes (keep, or drop a round-off tail of
    // zeros); the rare ...99999x tails that round up go through the literal port.
    const auto dot = static_cast<std::size_t>(dot_at - buf);
    const std::size_t i = static_cast<std::size_t>(n);
    if (i > 10)
    {
        const std::size_t before_dot = dot - 1 - (buf[0] == '-' ? 1 : 0);
        const char* s = buf;
        if (s[i - 2] == '0' && s[i - 3] == '0' && s[i - 4] == '0' && s[i - 5] == '0' &&
            s[i - 6] == '0')
            n -= 1;
        else if (dot < i - 8 && (before_dot >= 4 || s[i - 3] == '0') &&
                 (before_dot >= 5 || s[i - 4] == '0') && (before_dot >= 6 || s[i - 5] == '0') &&
                 (before_dot >= 7 || s[i - 6] == '0') && (before_dot >= 8 || s[i - 7] == '0') &&
                 s[i - 8] == '0' && s[i - 9] == '0')
            n -= 8;
        else if ((s[i - 2] == '9' && s[i - 3] == '9' && s[i - 4] == '9' && s[i - 5] == '9' &&
                  s[i - 6] == '9') ||
                 (dot < i - 9 && (before_dot >= 4 || s[i - 3] == '9') &&
                  (before_dot >= 5 || s[i - 4] == '9') && (before_dot >= 6 || s[i - 5] == '9') &&
                  (before_dot >= 7 || s[i - 6] == '9') && (before_dot >= 8 || s[i - 7] == '9') &&
                  s[i - 8] == '9' && s[i - 9] == '9'))
        {
            std::string rounded(buf, i);
            intelliround(rounded);
            rounded.erase(rounded.find_last_not_of('0') + 1);
            if (rounded.back() == '.')
                rounded += '0';
            out += rounded;
            return;
        }
    }
    // Trailing zeros go, but one digit stays after the point.
    while (buf[n - 1] == '0')
        --n;
    if (buf[n - 1] == '.')
        buf[n++] = '0';
    out.append(buf, static_cast<std::size_t>(n));
}

void appendReal(std::string& out, double value)
{
    constexpr int kBuffer = 75; // GDAL's szBuffer
    char buf[kBuffer];
    int n = printDouble(buf, sizeof buf, value, std::chars_format::general, 17);
    const char* dot = static_cast<const char*>(std::memchr(buf, '.', static_cast<std::size_t>(n)));
    if (dot && hasRoundoffRun(dot, buf + n))
    {
        bool ok = false;
        for (int i = 1; i <= 3; i++)
        {
            n = printDouble(buf, sizeof buf, value, std::chars_format::general, 17 - i);
            dot = static_cast<const char*>(std::memchr(buf, '.', static_cast<std::size_t>(n)));
            if (dot && !hasRoundoffRun(dot, buf + n))
            {
                ok = true;
                break;
            }
        }
        if (!ok)
            n = printDouble(buf, sizeof buf, value, std::chars_format::general, 17);
    }
    const std::string_view s(buf, static_cast<std::size_t>(n));
    out += s;
    if (n + 2 < kBuffer && s.find('.') == std::string_view::npos &&
        s.find('e') == std::string_view::npos)
        out += ".0";
}

void appendJsonString(std::string& out, std::string_view text)
{
    const auto nul = text.find('\0');
    if (nul != std::string_view::npos)
        text = text.substr(0, nul);
    appendJsonStringUpToNul(out, text);
}

namespace
{

void appendJsonStringUpToNul(std::string& out, std::string_view text)
{
    out += '"';
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos)
    {
        const auto c = static_cast<unsigned char>(text[pos]);
        const char* escape = nullptr;
        switch (c)
        {
        case '\b':
            escape = "\\b";
            break;
        case '\n':
            escape = "\\n";
            break;
        case '\r':
            escape = "\\r";
            break;
        case '\t':
            escape = "\\t";
            break;
        case '\f':
            escape = "\\f";
            break;
        case '"':
            escape = "\\\"";
            break;
        case '\\':
            escape = "\\\\";
            break;
        default:
            break;
        }
        if (!escape && c >= ' ')
            continue;
        out.append(text.data() + start, pos - start);
        if (escape)
            out += escape;
        else
        {
            const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(u, sizeof u);
        }
        start = pos + 1;
    }
    out.append(text.data() + start, text.size() - start);
    out += '"';
}

} // namespace

namespace
{

// Whether GDAL would parse this string property as JSON instead of writing it as a string.
bool looksLikeJson(const std::string& s)
{
    return !s.empty() &&
           ((s.front() == '{' && s.back() == '}') || (s.front() == '[' && s.back() == ']'));
}

bool appendProperties(std::string& out, const FeatureTable& table, const FeatureTable::Row& row)
{
    if (row.values.size() != table.fields.size())
        return false;
    out += "\"properties\": {";
    for (std::size_t i = 0; i < row.values.size(); ++i)
    {
        out += i ? ", " : " ";
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambda.
        const std::string& name = table.fields[i].first;
        const FieldType type = table.fields[i].second;
        appendJsonString(out, name);
        out += ": ";
        const bool ok = std::visit(
            [&](const auto& v)
            {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                {
                    out += "null";
                    return true;
                }
                else if constexpr (std::is_same_v<T, std::int64_t>)
                {
                    if (type != FieldType::Integer)
                        return false;
                    char buf[24];
                    const auto r = std::to_chars(buf, buf + sizeof buf, v);
                    out.append(buf, r.ptr);
                    return true;
                }
                else if constexpr (std::is_same_v<T, double>)
                {
                    if (type != FieldType::Real || !std::isfinite(v))
                        return false;
                    appendReal(out, v);
                    return true;
                }
                else
                {
                    if (type == FieldType::Json && looksLikeJson(v) &&
                        v.find('\0') == std::string::npos)
                    {
                        out += v; // written by nlohmann::json: valid JSON, as GDAL embeds a JSON
                                  // subtype
                        return true;
                    }
                    if (type != FieldType::String || v.find('\0') != std::string::npos ||
                        looksLikeJson(v))
                        return false;
                    appendJsonStringUpToNul(out, v);
                    return true;
                }
            },
            row.values[i]);
        if (!ok)
            return false;
    }
    out += " }";
    return true;
}

// Collects a ring's points as OGR holds them (closeRings() appends the first point when the ring
// is open). False for rings GDAL might treat specially (fewer than 4 points).
template <typename Ring>
bool addRing(const Ring& ring, FeatureTextContext& c)
{
    std::size_t n = 0;
    for (const auto& p : ring)
    {
        c.xs.push_back(p.x());
        c.ys.push_back(p.y());
        ++n;
    }
    if (n >= 2)
    {
        const std::size_t first = c.xs.size() - n;
        if (c.xs[first] != c.xs.back() || c.ys[first] != c.ys.back())
        {
            c.xs.push_back(c.xs[first]);
            c.ys.push_back(c.ys[first]);
            ++n;
        }
    }
    c.ring_sizes.push_back(n);
    return n >= 4;
}

// Reprojects xs/ys in place one ring (or point) at a time, as OGRSimpleCurve::transform() does
// (z = 0). False when any point fails, or lands where GDAL's RFC 7946 writer would change or
// refuse the geometry: beyond ±170° longitude it may cut it at the antimeridian.
bool transformInPlace(FeatureTextContext& c, std::size_t offset, std::size_t n)
{
    if (n == 0)
        return true;
    double* x = c.xs.data() + offset;
    double* y = c.ys.data() + offset;
    double* z = c.zs.data() + offset;
    int* ok = c.ok.data() + offset;
    if (!c.to_wgs84->Transform(n, x, y, z, nullptr, ok))
        return false;
    for (std::size_t i = 0; i < n; ++i)
        if (!ok[i] || !(std::fabs(x[i]) < 170.0) || !(std::fabs(y[i]) <= 90.0))
            return false;
    return true;
}

void appendPosition(std::string& out, double x, double y)
{
    out += "[ ";
    appendCoordinate(out, x);
    out += ", ";
    appendCoordinate(out, y);
    out += " ]";
}

// The row's rings (or its point) into c.xs/c.ys, one entry of c.ring_sizes each; false when a
// ring cannot be written by the fast path.
bool collectRings(const FeatureTable::Row& row, FeatureTextContext& c)
{
    c.xs.clear();
    c.ys.clear();
    c.ring_sizes.clear();
    if (row.area && !row.area->empty())
    {
        for (const auto& poly : *row.area)
        {
            if (!addRing(poly.outer(), c))
                return false;
            for (const auto& inner : poly.inners())
                if (!addRing(inner, c))
                    return false;
        }
    }
    else
    {
        c.xs.push_back(row.point->x());
        c.ys.push_back(row.point->y());
        c.ring_sizes.push_back(1);
    }
    return true;
}

bool transformRings(FeatureTextContext& c)
{
    c.zs.assign(c.xs.size(), 0.0);
    c.ok.assign(c.xs.size(), 0);
    std::size_t offset = 0;
    for (std::size_t n : c.ring_sizes)
    {
        if (!transformInPlace(c, offset, n))
            return false;
        offset += n;
    }
    return true;
}

// One transformed ring of n positions from `offset`, outer (r == 0) or inner, turned to the
// RFC 7946 right-hand rule as OGR's own isClockwise() decides on the lon/lat ring.
void appendRing(std::string& out, FeatureTextContext& c, std::size_t offset, std::size_t n,
                bool outer)
{
    const double* x = c.xs.data() + offset;
    const double* y = c.ys.data() + offset;
    c.ring->setPoints(static_cast<int>(n), x, y);
    const bool clockwise = c.ring->isClockwise();
    const bool reverse = outer ? clockwise : !clockwise;
    for (std::size_t i = 0; i < n; ++i)
    {
        const std::size_t k = reverse ? n - 1 - i : i;
        if (i)
            out += ", ";
        appendPosition(out, x[k], y[k]);
    }
}

void appendPolygons(std::string& out, const MultiPolygon& area, FeatureTextContext& c)
{
    // A one-part MultiPolygon comes out of GDAL's antimeridian handling as a Polygon.
    const bool multi = area.size() > 1;
    out += multi ? "\"geometry\": { \"type\": \"MultiPolygon\", \"coordinates\": [ "
                 : "\"geometry\": { \"type\": \"Polygon\", \"coordinates\": [ ";
    std::size_t ring_index = 0, offset = 0;
    for (std::size_t p = 0; p < area.size(); ++p)
    {
        const std::size_t rings = 1 + area[p].inners().size();
        if (multi)
            out += p ? ", [ " : "[ ";
        for (std::size_t r = 0; r < rings; ++r, ++ring_index)
        {
            const std::size_t n = c.ring_sizes[ring_index];
            out += r ? ", [ " : "[ ";
            appendRing(out, c, offset, n, r == 0);
            out += " ]";
            offset += n;
        }
        if (multi)
            out += " ]";
    }
    out += " ] }";
}

bool appendGeometry(std::string& out, const FeatureTable::Row& row, FeatureTextContext& c)
{
    const bool has_area = row.area && !row.area->empty();
    if (!has_area && !row.point)
    {
        out += "\"geometry\": null";
        return true;
    }
    if (!collectRings(row, c) || !transformRings(c))
        return false;
    if (has_area)
    {
        appendPolygons(out, *row.area, c);
        return true;
    }
    out += "\"geometry\": { \"type\": \"Point\", \"coordinates\": ";
    appendPosition(out, c.xs[0], c.ys[0]);
    out += " }";
    return true;
}

} // namespace

bool appendFeatureText(std::string& out, const FeatureTable& table, const FeatureTable::Row& row,
                       FeatureTextContext& context)
{
    const std::size_t size = out.size();
    out += "{ \"type\": \"Feature\", ";
    if (!appendProperties(out, table, row))
    {
        out.resize(size);
        return false;
    }
    out += ", ";
    if (!appendGeometry(out, row, context))
    {
        out.resize(size);
        return false;
    }
    out += " }";
    return true;
}

} // namespace gp::io
