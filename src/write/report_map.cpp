// The map figure of report.html: grids by band (dedicated ones hatched), problems, community
// outlines and labels, as inline SVG.
#include "core/reasons.hpp"

#include "write/markup.hpp"
#include "write/outputs.hpp"
#include "write/report_html.hpp"
#include "write/report_parts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace gp::write::html
{

namespace
{

struct Frame
{
    double min_x = 0, max_y = 0, scale = 1;
    double width = 1000, height = 700;
    std::string x(double v) const { return fixed((v - min_x) * scale, 1); }
    std::string y(double v) const { return fixed((max_y - v) * scale, 1); }
};

// The box with a 2 % margin, 1000 units wide.
Frame frameAround(const Box& box)
{
    Frame f;
    const double dx = std::max(1.0, box.max_corner().x() - box.min_corner().x());
    const double dy = std::max(1.0, box.max_corner().y() - box.min_corner().y());
    const double margin = 0.02 * std::max(dx, dy);
    f.min_x = box.min_corner().x() - margin;
    f.max_y = box.max_corner().y() + margin;
    f.scale = f.width / (dx + 2 * margin);
    f.height = std::round((dy + 2 * margin) * f.scale);
    return f;
}

// SVG path data of a multipolygon in the frame; points that round to the previous one are dropped.
std::string pathData(const MultiPolygon& mp, const Frame& f)
{
    std::string d;
    std::string pt, last;
    auto ring = [&](const auto& r)
    {
        last.clear();
        bool first = true;
        for (const auto& p : r)
        {
            pt.clear();
            appendFixed(pt, (p.x() - f.min_x) * f.scale, 1);
            pt += ' ';
            appendFixed(pt, (f.max_y - p.y()) * f.scale, 1);
            if (pt == last)
                continue;
            d += first ? 'M' : 'L';
            d += pt;
            std::swap(last, pt);
            first = false;
        }
        d += 'Z';
    };
    for (const auto& poly : mp)
    {
        ring(poly.outer());
        for (const auto& inner : poly.inners())
            ring(inner);
    }
    return d;
}

std::string shortCode(const std::string& code)
{
    const auto dash = code.rfind('-');
    return dash == std::string::npos ? code : code.substr(dash + 1);
}

const char* hatchColour(const std::string& type)
{
    if (type == "office")
        return "#0072b2";
    if (type == "market")
        return "#d55e00";
    if (type == "commercial")
        return "#e69f00";
    if (type == "industrial")
        return "#5a5a5a";
    if (type == "campus")
        return "#009e73";
    if (type == "public")
        return "#cc79a7";
    if (type == "park")
        return "#56a03c";
    return "#787878";
}

// <svg> and one hatch pattern per dedicated type.
void openSvg(std::ostringstream& o, const Plan& plan, const Frame& f, const Texts& t)
{
    o << "<svg class=\"map\" viewBox=\"0 0 " << fixed(f.width, 0) << ' ' << fixed(f.height, 0)
      << "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" << h(t.map)
      << "\">\n<defs>\n";
    std::map<std::string, bool> types;
    for (const auto& g : plan.grids)
        if (g.kind == GridKind::Dedicated)
            types[g.dedicated_type] = true;
    for (const auto& [type, _] : types)
        o << "<pattern id=\"hatch-" << h(type)
          << "\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" "
          << "patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"#ffffff\"/>"
          << "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"" << hatchColour(type)
          << "\" stroke-width=\"3\"/></pattern>\n";
    o << "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfb\"/>\n";
}

void gridShapes(std::ostringstream& o, const std::vector<const Grid*>& grids, const Frame& f,
                const PartitionConfig& config, const Texts& t)
{
    o << "<g stroke=\"#3c3c3c\" stroke-width=\"0.8\" fill-rule=\"evenodd\">\n";
    for (const Grid* g : grids)
    {
        if (g->area.empty())
            continue;
        const bool dedicated = g->kind == GridKind::Dedicated;
        const std::string fill = dedicated ? "url(#hatch-" + h(g->dedicated_type) + ")"
                                           : bandColour(boundsStatus(g->households, config));
        o << "<path d=\"" << pathData(g->area, f) << "\" fill=\"" << fill << "\" fill-opacity=\""
          << (dedicated ? "1" : "0.55") << "\"><title>" << h(g->code) << " · " << g->households
          << t.households_unit << "</title></path>\n";
    }
    o << "</g>\n";
}

// Problems in red on top of the grids, then community outlines.
void problemsAndOutlines(std::ostringstream& o, const Plan& plan, const Frame& f,
                         const PartitionConfig& config)
{
    // A light fill because some problems (a grid crossing a barrier) cover a whole grid.
    o << "<g fill=\"#dc0000\" fill-opacity=\"0.12\" stroke=\"#dc0000\" stroke-width=\"1.6\" "
         "fill-rule=\"evenodd\">\n";
    for (const auto& issue : plan.issues)
        if (issue.area && !issue.area->empty())
            o << "<path d=\"" << pathData(*issue.area, f) << "\"><title>"
              << h(reasonLabel(issue.reason, config.lang)) << "</title></path>\n";
    o << "</g>\n<g fill=\"none\" stroke=\"#1e1e1e\" stroke-width=\"2.6\">\n";
    for (const auto& c : plan.communities)
        if (!c.area.empty())
            o << "<path d=\"" << pathData(c.area, f) << "\"/>\n";
    o << "</g>\n";
}

// Labels last, with a white halo, so they stay readable over fills and lines.
void labels(std::ostringstream& o, const Plan& plan, const std::vector<const Grid*>& grids,
            const Frame& f)
{
    o << "<g font-size=\"11\" text-anchor=\"middle\" fill=\"#111\" stroke=\"#fff\" "
         "stroke-width=\"3\" "
         "paint-order=\"stroke\" stroke-linejoin=\"round\">\n";
    for (const Grid* g : grids)
    {
        if (g->area.empty())
            continue;
        const Point p = interiorPointOf(g->area);
        o << "<text x=\"" << f.x(p.x()) << "\" y=\"" << f.y(p.y())
          << "\"><tspan font-weight=\"bold\">" << h(shortCode(g->code)) << "</tspan><tspan x=\""
          << f.x(p.x()) << "\" dy=\"12\">" << g->households << "</tspan></text>\n";
    }
    o << "</g>\n<g font-size=\"20\" text-anchor=\"middle\" fill=\"#333\" fill-opacity=\"0.75\" "
         "font-style=\"italic\" "
         "stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">\n";
    for (std::size_t i = 0; i < plan.communities.size(); ++i)
    {
        const auto& c = plan.communities[i];
        if (c.area.empty())
            continue;
        const Point p = interiorPointOf(c.area);
        o << "<text x=\"" << f.x(p.x()) << "\" y=\"" << fixed((f.max_y - p.y()) * f.scale - 22, 1)
          << "\">" << h(communityName(plan, static_cast<int>(i))) << "</text>\n";
    }
    o << "</g>\n";
}

} // namespace

void mapSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config, const Texts& t)
{
    const auto extent = planExtent(plan);
    if (!extent)
        return; // nothing to draw
    const Frame f = frameAround(*extent);
    const auto grids = gridsByCode(plan);
    openSvg(o, plan, f, t);
    gridShapes(o, grids, f, config, t);
    problemsAndOutlines(o, plan, f, config);
    labels(o, plan, grids, f);
    o << "</svg>\n";
}

} // namespace gp::write::html
