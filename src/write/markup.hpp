// Small helpers shared by the XML (QGIS) and HTML writers: escaping and fixed number formatting,
// so the bytes never depend on the locale.
#pragma once

#include <string>
#include <string_view>

namespace gp::write
{

// Escapes & < > " ' for XML/HTML text and attribute values; invalid UTF-8 becomes U+FFFD and
// control characters XML 1.0 forbids are dropped.
std::string escapeXml(const std::string& text);
// The same, appended to `out` (no temporary string).
void appendEscapedXml(std::string& out, std::string_view text);

// `value` with exactly `decimals` decimals ("-0" printed as "0").
std::string fixed(double value, int decimals);
// The same, appended to `out`.
void appendFixed(std::string& out, double value, int decimals);

} // namespace gp::write
