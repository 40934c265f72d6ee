#include "write/markup.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace gp::write
{

namespace
{

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        n = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        n = 3;
    else if (b >= 0xF0 && b <= 0xF4)
        n = 4;
    else
        return 0;
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 0;
    return n;
}

} // namespace

void appendEscapedXml(std::string& out, std::string_view text)
{
    std::size_t plain = 0; // start of the run of bytes copied as they are
    auto flush = [&](std::size_t i) { out.append(text.data() + plain, i - plain); };
    for (std::size_t i = 0; i < text.size();)
    {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x80 && b != '&' && b != '<' && b != '>' && b != '"' && b != '\'')
        {
            ++i; // the common case: printable ASCII
            continue;
        }
        const std::size_t n = utf8Length(text, i);
        if (n > 1)
        {
            i += n;
            continue;
        }
        flush(i);
        if (n == 0)
            out += "\xEF\xBF\xBD"; // U+FFFD: a mis-decoded source must not break the XML
        else
        {
            switch (text[i])
            {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\t':
            case '\n':
            case '\r':
                out += text[i];
                break;
            default:
                break; // other control characters are not allowed in XML 1.0
            }
        }
        plain = ++i;
    }
    flush(text.size());
}

std::string escapeXml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    appendEscapedXml(out, text);
    return out;
}

void appendFixed(std::string& out, double value, int decimals)
{
    // Exact powers of ten, as std::pow(10.0, decimals) returns them.
    static constexpr double kScales[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    const double scale =
        decimals >= 0 && decimals < 10 ? kScales[decimals] : std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0; // no "-0.0"
    char buf[400];
    // to_chars with a precision prints what printf("%.*f") prints in the C locale.
    const auto r =
        std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, decimals);
    // The former snprintf into 64 bytes kept at most 63 characters.
    out.append(buf, std::min<std::size_t>(static_cast<std::size_t>(r.ptr - buf), 63));
}

std::string fixed(double value, int decimals)
{
    std::string out;
    appendFixed(out, value, decimals);
    return out;
}

} // namespace gp::write
