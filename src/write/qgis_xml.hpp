// The pieces every part of the QGIS project writer shares: a small XML writer, colours, the
// WGS 84 spatial reference block and the QGIS version the files are written for.
#pragma once

#include "write/markup.hpp"

#include <string>
#include <utility>
#include <vector>

namespace gp::write::qgis
{

using Attrs = std::vector<std::pair<std::string, std::string>>;

// A minimal indenting XML writer; attribute order is the call order, so output is stable.
class Xml
{
  public:
    void open(const std::string& tag, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += ">\n";
        m_stack.push_back(tag);
    }
    void close()
    {
        const std::string tag = m_stack.back();
        m_stack.pop_back();
        indent();
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void empty(const std::string& tag, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += "/>\n";
    }
    void text(const std::string& tag, const std::string& value, const Attrs& attrs = {})
    {
        start(tag, attrs);
        m_out += '>';
        appendEscapedXml(m_out, value);
        m_out += "</";
        m_out += tag;
        m_out += ">\n";
    }
    void raw(const std::string& s) { m_out += s; }
    std::string str() const { return m_out; }

  private:
    void indent() { m_out.append(2 * m_stack.size(), ' '); }
    // "<tag a="v" ..." on a new indented line.
    void start(const std::string& tag, const Attrs& attrs)
    {
        indent();
        m_out += '<';
        m_out += tag;
        for (const auto& [k, v] : attrs)
        {
            m_out += ' ';
            m_out += k;
            m_out += "=\"";
            appendEscapedXml(m_out, v);
            m_out += '"';
        }
    }
    std::string m_out;
    std::vector<std::string> m_stack;
};

struct Rgb
{
    int r, g, b;
    std::string qgis(int alpha = 255) const
    {
        return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," +
               std::to_string(alpha);
    }
};

// The QGIS release the project is tested with.
inline constexpr const char* kVersion = "3.22.16-Białowieża";

// <spatialrefsys> of EPSG:4326, the CRS of every layer and of the project (RFC 7946).
void wgs84(Xml& x);

} // namespace gp::write::qgis
