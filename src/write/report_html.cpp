#include "write/report_html.hpp"
#include "write/review_section.hpp"

#include "core/reasons.hpp"

#include "write/markup.hpp"
#include "write/outputs.hpp"
#include "write/texts.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace gp::write
{

namespace
{

std::string h(const std::string& s)
{
    return escapeXml(s);
}

// Same colours as the QGIS styles (Okabe-Ito, colour-blind safe).
const char* kCss = R"CSS(
:root { --under: #f0e442; --within: #009e73; --over: #cc79a7; --gap: #dc0000; --ink: #1a1a1a; --rule: #c8c8c8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; }
p.meta, p.note { color: #555; margin: 4px 0 10px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.wide { width: 55%; }
small { color: #555; overflow-wrap: anywhere; }
span.code { white-space: nowrap; font-weight: bold; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; }
.figure { border: 1px solid var(--rule); padding: 8px 10px; border-radius: 4px; }
.figure b { display: block; font-size: 22px; }
.chip { display: inline-block; width: 12px; height: 12px; border: 1px solid #555; vertical-align: -1px; margin-right: 4px; }
.under { background: var(--under); } .within { background: var(--within); } .over { background: var(--over); }
.gap { background: var(--gap); } .hatch { background: repeating-linear-gradient(45deg, #888 0 2px, #fff 2px 5px); }
.legend span { margin-right: 16px; white-space: nowrap; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; }
.map { border: 1px solid var(--rule); }
tr.band-under td.band { background: #fbf7c6; } tr.band-over td.band { background: #f2d7e6; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.figure-page { break-inside: avoid; page-break-inside: avoid; }
  section.new-page { break-before: page; page-break-before: always; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .map { max-height: 235mm; }
}
)CSS";

struct Frame
{
    double min_x = 0, max_y = 0, scale = 1;
    double width = 1000, height = 700;
    std::string x(double v) const { return fixed((v - min_x) * scale, 1); }
    std::string y(double v) const { return fixed((max_y - v) * scale, 1); }
};

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

const char* bandColour(const std::string& band)
{
    if (band == "under")
        return "#f0e442";
    if (band == "over")
        return "#cc79a7";
    return "#009e73";
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

std::string bandText(const Texts& t, const std::string& band)
{
    if (band == "under")
        return t.under;
    if (band == "over")
        return t.over;
    return t.within;
}

std::string communityName(const Plan& plan, int index)
{
    if (index < 0)
        return "";
    const auto& c = plan.communities[static_cast<std::size_t>(index)];
    return c.name.empty() ? c.id : c.name;
}

// Community display names by id, built once: issues name their community by id.
std::map<std::string, std::string> communityNamesById(const Plan& plan)
{
    std::map<std::string, std::string> names;
    for (const auto& c : plan.communities)
        names.emplace(c.id, c.name.empty() ? c.id : c.name + " (" + c.id + ")"); // first one wins
    return names;
}

std::vector<const Grid*> gridsByCode(const Plan& plan)
{
    std::vector<const Grid*> grids;
    for (const auto& g : plan.grids)
        grids.push_back(&g);
    std::sort(grids.begin(), grids.end(),
              [](const Grid* a, const Grid* b) { return a->code < b->code; });
    return grids;
}

void mapSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config, const Texts& t)
{
    const auto extent = planExtent(plan);
    if (!extent)
        return; // nothing to draw
    const Box& box = *extent;
    Frame f;
    const double dx = std::max(1.0, box.max_corner().x() - box.min_corner().x());
    const double dy = std::max(1.0, box.max_corner().y() - box.min_corner().y());
    const double margin = 0.02 * std::max(dx, dy);
    f.min_x = box.min_corner().x() - margin;
    f.max_y = box.max_corner().y() + margin;
    f.scale = f.width / (dx + 2 * margin);
    f.height = std::round((dy + 2 * margin) * f.scale);

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

    const auto grids = gridsByCode(plan);
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
    // Problems in red on top; a light fill because some (a grid crossing a barrier) cover a whole
    // grid.
    o << "</g>\n<g fill=\"#dc0000\" fill-opacity=\"0.12\" stroke=\"#dc0000\" stroke-width=\"1.6\" "
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
    // Labels last, with a white halo, so they stay readable over fills and lines.
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
    o << "</g>\n</svg>\n";
}

double niceStep(double raw)
{
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}

void histogramSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                  const Texts& t)
{
    std::vector<int> sizes;
    for (const auto& g : plan.grids)
        if (g.kind == GridKind::Residential)
            sizes.push_back(g.households);
    if (sizes.empty())
        return;
    const int min = config.min_households, max = config.max_households;
    const int bin = std::max(1, static_cast<int>(niceStep((max - min) / 8.0)));
    // Bin edges aligned on the minimum bound, so "under" bins never mix with "within" ones.
    const int smallest = *std::min_element(sizes.begin(), sizes.end());
    const int largest = *std::max_element(sizes.begin(), sizes.end());
    int lo = min - bin;
    while (lo > smallest)
        lo -= bin;
    lo = std::max(lo, min - bin * ((min + bin - 1) / bin));
    int hi = max + bin;
    while (hi <= largest)
        hi += bin;
    const int bins = (hi - lo + bin - 1) / bin;
    std::vector<std::map<std::string, int>> counts(static_cast<std::size_t>(bins));
    for (int s : sizes)
    {
        const int k = std::clamp((s - lo) / bin, 0, bins - 1);
        ++counts[static_cast<std::size_t>(k)][boundsStatus(s, config)];
    }
    int top = 1;
    for (const auto& c : counts)
    {
        int n = 0;
        for (const auto& [band, k] : c)
            n += k;
        top = std::max(top, n);
    }

    const double W = 1000, H = 330, left = 50, right = 20, upper = 30, lower = 50;
    const double pw = W - left - right, ph = H - upper - lower;
    auto X = [&](double v) { return left + (v - lo) / (bin * bins) * pw; };
    auto Y = [&](double n) { return upper + ph - n / top * ph; };
    o << "<svg viewBox=\"0 0 " << fixed(W, 0) << ' ' << fixed(H, 0)
      << "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" << h(t.histogram)
      << "\">\n";
    const int ystep = std::max(1, static_cast<int>(niceStep(top / 5.0)));
    o << "<g font-size=\"12\" fill=\"#333\">\n";
    for (int n = 0; n <= top; n += ystep)
        o << "<line x1=\"" << fixed(left, 1) << "\" x2=\"" << fixed(W - right, 1) << "\" y1=\""
          << fixed(Y(n), 1) << "\" y2=\"" << fixed(Y(n), 1) << "\" stroke=\"#e2e2e2\"/><text x=\""
          << fixed(left - 6, 1) << "\" y=\"" << fixed(Y(n) + 4, 1) << "\" text-anchor=\"end\">" << n
          << "</text>\n";
    for (int k = 0; k < bins; ++k)
    {
        double base = 0;
        const double x0 = X(lo + k * bin) + 1, w = pw / bins - 2;
        for (const char* band : {"under", "within", "over"})
        {
            const auto it = counts[static_cast<std::size_t>(k)].find(band);
            if (it == counts[static_cast<std::size_t>(k)].end())
                continue;
            o << "<rect x=\"" << fixed(x0, 1) << "\" y=\"" << fixed(Y(base + it->second), 1)
              << "\" width=\"" << fixed(w, 1) << "\" height=\""
              << fixed(Y(base) - Y(base + it->second), 1) << "\" fill=\"" << bandColour(band)
              << "\" stroke=\"#444\" stroke-width=\"0.6\"><title>" << lo + k * bin << "–"
              << lo + (k + 1) * bin - 1 << ": " << it->second << "</title></rect>\n";
            base += it->second;
        }
        if (base > 0)
            o << "<text x=\"" << fixed(x0 + w / 2, 1) << "\" y=\"" << fixed(Y(base) - 4, 1)
              << "\" text-anchor=\"middle\">" << base << "</text>\n";
    }
    const int xstep = bin * std::max(1, bins / 10);
    for (int v = lo; v <= hi; v += xstep)
        o << "<text x=\"" << fixed(X(v), 1) << "\" y=\"" << fixed(upper + ph + 16, 1)
          << "\" text-anchor=\"middle\">" << v << "</text>\n";
    o << "<text x=\"" << fixed(left + pw / 2, 1) << "\" y=\"" << fixed(H - 8, 1)
      << "\" text-anchor=\"middle\">" << h(t.households_axis) << "</text>\n";
    o << "<text x=\"12\" y=\"" << fixed(upper + ph / 2, 1)
      << "\" text-anchor=\"middle\" transform=\"rotate(-90 12 " << fixed(upper + ph / 2, 1)
      << ")\">" << h(t.grids_axis) << "</text>\n";
    auto marker = [&](int v, const std::string& label, const char* dash)
    {
        o << "<line x1=\"" << fixed(X(v), 1) << "\" x2=\"" << fixed(X(v), 1) << "\" y1=\""
          << fixed(upper - 6, 1) << "\" y2=\"" << fixed(upper + ph, 1)
          << "\" stroke=\"#b00000\" stroke-width=\"1.6\" stroke-dasharray=\"" << dash
          << "\"/><text x=\"" << fixed(X(v), 1) << "\" y=\"" << fixed(upper - 10, 1)
          << "\" text-anchor=\"middle\" fill=\"#b00000\">" << h(label) << "</text>\n";
    };
    marker(min, std::string(t.min_bound) + " " + std::to_string(min), "6 4");
    marker(max, std::string(t.max_bound) + " " + std::to_string(max), "6 4");
    if (config.target_households != min && config.target_households != max)
        marker(config.target_households,
               std::string(t.target) + " " + std::to_string(config.target_households), "2 3");
    o << "<line x1=\"" << fixed(left, 1) << "\" x2=\"" << fixed(W - right, 1) << "\" y1=\""
      << fixed(upper + ph, 1) << "\" y2=\"" << fixed(upper + ph, 1)
      << "\" stroke=\"#333\"/>\n</g>\n</svg>\n";
}

// Work-list order: what a planner must fix first (core/reasons.cpp).
int urgency(const std::string& reason)
{
    const auto known = reasonFromString(reason);
    return known ? infoOf(*known).urgency : 13;
}

std::string buildingList(const std::vector<std::string>& ids)
{
    std::string s;
    const std::size_t shown = std::min<std::size_t>(ids.size(), 8);
    for (std::size_t i = 0; i < shown; ++i)
        s += (i ? ", " : "") + ids[i];
    if (ids.size() > shown)
        s += ", … (+" + std::to_string(ids.size() - shown) + ")";
    return s;
}

// `wide`: index of a column given most of the width (a long text), -1 for none.
void row(std::ostringstream& o, const std::vector<std::pair<std::string, bool>>& cells,
         const std::string& cls = "", int wide = -1)
{
    o << "<tr" << (cls.empty() ? "" : " class=\"" + cls + "\"") << ">";
    int i = 0;
    for (const auto& [text, numeric] : cells)
        o << (numeric     ? "<td class=\"num\">"
              : i == wide ? "<td class=\"wide\">"
                          : "<td>")
          << text << "</td>",
            ++i;
    o << "</tr>\n";
}

void head(std::ostringstream& o, const std::vector<std::pair<std::string, bool>>& cells)
{
    o << "<thead><tr>";
    for (const auto& [text, numeric] : cells)
        o << (numeric ? "<th class=\"num\">" : "<th>") << h(text) << "</th>";
    o << "</tr></thead>\n<tbody>\n";
}

} // namespace

std::string reportHtml(const Plan& plan, const PartitionConfig& config)
{
    return reportHtml(plan, config, report(plan, config));
}

std::string reportHtml(const Plan& plan, const PartitionConfig& config,
                       const nlohmann::ordered_json& json)
{
    const Texts& t = textsFor(config.lang);
    const auto& lang = config.lang;
    const auto& summary = json["summary"];
    std::ostringstream o;

    o << "<!DOCTYPE html>\n<html lang=\"" << t.html_lang
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << h(t.title) << " · " << h(config.street_code) << "</title>\n<style>" << kCss
      << "</style>\n"
      << "</head>\n<body>\n<header>\n<h1>" << h(t.title) << " · " << h(config.street_code)
      << "</h1>\n"
      << "<p class=\"meta\">" << h(t.version) << " " << GRIDPLAN_VERSION << " · "
      << h(t.working_crs) << " " << h(plan.working_crs) << " · " << h(t.bounds) << " "
      << config.min_households << "–" << config.max_households << " (" << h(t.target) << " "
      << config.target_households << ")</p>\n</header>\n";

    o << reviewHtml(plan); // gridplan review: violations first (write/review_section)
    // Summary figures.
    auto figure = [&](const std::string& label, const std::string& value)
    { o << "<div class=\"figure\"><b>" << h(value) << "</b>" << h(label) << "</div>\n"; };
    o << "<section id=\"summary\">\n<h2>" << h(t.summary) << "</h2>\n<div class=\"figures\">\n";
    figure(t.residential_grids, std::to_string(summary["grids"].get<int>()));
    figure(t.within_count, std::to_string(summary["grids_within_bounds"].get<int>()) + " / " +
                               std::to_string(summary["grids"].get<int>()));
    figure(t.dedicated_count, std::to_string(summary["dedicated_grids"].get<int>()));
    figure(t.households_in_grids, std::to_string(summary["households_in_grids"].get<long long>()) +
                                      " / " +
                                      std::to_string(summary["households"].get<long long>()));
    figure(t.within_pct,
           fixed(summary["households_in_grids_within_bounds_pct"].get<double>(), 1) + " %");
    figure(t.mean_compactness, fixed(summary["mean_polsby_popper"].get<double>(), 3));
    if (!summary["street_area_covered_pct"].is_null())
        figure(t.street_covered, fixed(summary["street_area_covered_pct"].get<double>(), 1) + " %");
    figure(t.issues, std::to_string(plan.issues.size()));
    o << "</div>\n</section>\n";

    o << "<section id=\"map\" class=\"figure-page\">\n<h2>" << h(t.map)
      << "</h2>\n<p class=\"note\">" << h(t.map_note)
      << "</p>\n<p class=\"legend\"><span><i class=\"chip under\"></i>" << h(t.under)
      << "</span><span><i class=\"chip within\"></i>" << h(t.within)
      << "</span><span><i class=\"chip over\"></i>" << h(t.over)
      << "</span><span><i class=\"chip hatch\"></i>" << h(t.dedicated)
      << "</span><span><i class=\"chip gap\"></i>" << h(t.issues) << "</span></p>\n";
    mapSvg(o, plan, config, t);
    o << "</section>\n";

    o << "<section id=\"histogram\" class=\"figure-page\">\n<h2>" << h(t.histogram)
      << "</h2>\n<p class=\"note\">" << h(t.histogram_note) << "</p>\n";
    histogramSvg(o, plan, config, t);
    o << "</section>\n";

    // Communities.
    o << "<section id=\"communities\" class=\"new-page\">\n<h2>" << h(t.communities)
      << "</h2>\n<table>\n";
    head(o, {{t.community_code, false},
             {t.community, false},
             {t.name, false},
             {t.households, true},
             {t.grid_count, true},
             {t.within_count, true}});
    for (const auto& c : json["communities"])
        row(o, {{h(c["code"].get<std::string>()), false},
                {h(c["id"].get<std::string>()), false},
                {h(c["name"].get<std::string>()), false},
                {std::to_string(c["households"].get<int>()), true},
                {std::to_string(c["grids"].get<int>()), true},
                {std::to_string(c["grids_within_bounds"].get<int>()), true}});
    o << "</tbody>\n</table>\n</section>\n";

    // Grids.
    std::map<std::string, std::map<std::string, int>> issues_by_grid;
    for (const auto& issue : plan.issues)
        if (!issue.grid.empty())
            ++issues_by_grid[issue.grid][issue.reason];
    o << "<section id=\"grids\">\n<h2>" << h(t.grids) << "</h2>\n<table>\n";
    head(o, {{t.grid_code, false},
             {t.community, false},
             {t.kind, false},
             {t.households, true},
             {t.bounds, false},
             {t.buildings, true},
             {t.compactness, true},
             {t.issues, false}});
    for (const Grid* g : gridsByCode(plan))
    {
        const bool dedicated = g->kind == GridKind::Dedicated;
        const std::string band = dedicated ? "" : boundsStatus(g->households, config);
        std::string issues;
        for (const auto& [reason, n] : issues_by_grid[g->code])
            issues += (issues.empty() ? "" : "; ") + reasonLabel(reason, lang) +
                      (n > 1 ? " ×" + std::to_string(n) : "");
        row(o,
            {{"<span class=\"code\">" + h(g->code) + "</span>", false},
             {h(communityName(plan, g->community)), false},
             {h(dedicated
                    ? std::string(t.dedicated) + ": " + dedicatedTypeLabel(g->dedicated_type, lang)
                    : t.residential),
              false},
             {std::to_string(g->households), true},
             {band.empty() ? ""
                           : "<span class=\"band\"><i class=\"chip " + band + "\"></i>" +
                                 h(bandText(t, band)) + "</span>",
              false},
             {std::to_string(g->buildings.size()), true},
             {fixed(g->metrics.polsby_popper, 3), true},
             {h(issues), false}},
            band.empty() ? "" : "band-" + band);
    }
    o << "</tbody>\n</table>\n</section>\n";

    // Work list.
    o << "<section id=\"work-list\" class=\"new-page\">\n<h2>" << h(t.work_list)
      << "</h2>\n<p class=\"note\">" << h(t.work_list_note) << "</p>\n";
    if (plan.issues.empty())
        o << "<p>" << h(t.no_issues) << "</p>\n";
    else
    {
        std::vector<const Issue*> issues;
        for (const auto& issue : plan.issues)
            issues.push_back(&issue);
        std::stable_sort(issues.begin(), issues.end(),
                         [](const Issue* a, const Issue* b)
                         { return urgency(a->reason) < urgency(b->reason); });
        std::map<std::string, int> counts;
        for (const Issue* i : issues)
            ++counts[i->reason];
        o << "<table>\n";
        head(o, {{t.reason, false}, {t.issues, true}});
        std::vector<std::pair<std::string, int>> ordered(counts.begin(), counts.end());
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto& a, const auto& b)
                         { return urgency(a.first) < urgency(b.first); });
        for (const auto& [reason, n] : ordered)
            row(o, {{h(reasonLabel(reason, lang)) + " <code>" + h(reason) + "</code>", false},
                    {std::to_string(n), true}});
        o << "</tbody>\n</table>\n<table class=\"work\">\n";
        // Five columns so the detail gets room on an A4 page: cause under the problem, grid under
        // the community, building ids under the detail.
        head(o, {{"#", true},
                 {t.reason, false},
                 {std::string(t.community) + " / " + t.grid_code, false},
                 {t.households, true},
                 {t.detail, false}});
        int n = 0;
        const auto names = communityNamesById(plan);
        for (const Issue* i : issues)
        {
            const auto name = names.find(i->community);
            std::string where = h(i->community.empty()  ? ""
                                  : name != names.end() ? name->second
                                                        : i->community);
            if (!i->grid.empty())
                where += (where.empty() ? "" : "<br>") + std::string("<span class=\"code\">") +
                         h(i->grid) + "</span>";
            std::string detail =
                h(lang == "zh" && !i->detail_zh.empty() ? i->detail_zh : i->detail);
            if (!i->buildings.empty())
                detail += "<br><small>" + h(t.buildings) + ": " + h(buildingList(i->buildings)) +
                          "</small>";
            row(o,
                {{std::to_string(++n), true},
                 {h(reasonLabel(i->reason, lang)) +
                      (i->cause.empty() ? "" : "<br><small>" + h(i->cause) + "</small>"),
                  false},
                 {where, false},
                 {i->households ? std::to_string(i->households) : "", true},
                 {detail, false}},
                "", 4);
        }
        o << "</tbody>\n</table>\n";
    }
    o << "</section>\n";

    // Parameters and inputs.
    o << "<section id=\"parameters\" class=\"new-page\">\n<h2>" << h(t.parameters)
      << "</h2>\n<table>\n";
    head(o, {{t.option, false}, {t.value, false}});
    auto option = [&](const std::string& name, const std::string& value) {
        row(o, {{"<code>" + h(name) + "</code>", false}, {h(value), false}});
    };
    option("--min", std::to_string(config.min_households));
    option("--max", std::to_string(config.max_households));
    option("--target", std::to_string(config.target_households));
    option("--street-code", config.street_code);
    option("--seed", std::to_string(config.seed));
    option("--lang", config.lang);
    option("--households-field", config.households_field);
    option("--floors-field", config.floors_field);
    option("--height-field", config.height_field);
    option("--use-field", config.use_field);
    option("--usable-ratio", fixed(config.estimate.usable_ratio, 3));
    option("--dwelling-m2", fixed(config.estimate.dwelling_m2, 1));
    option("--floor-height", fixed(config.estimate.floor_height_m, 2));
    option("--min-dwelling-footprint", fixed(config.estimate.min_area_m2, 1));
    std::string floors;
    for (const auto& [value, n] : config.estimate.default_floors)
        floors += (floors.empty() ? "" : ", ") + value + "=" + fixed(n, 1);
    option("--default-floors", floors);
    std::string uses;
    for (const auto& [value, cls] : config.use_mapping)
        uses += (uses.empty() ? "" : ", ") + value + "=" + cls;
    option("--use-map", uses);
    option(t.working_crs, plan.working_crs);
    o << "</tbody>\n</table>\n<h2>" << h(t.inputs) << "</h2>\n<table>\n";
    head(o, {{t.role, false},
             {t.path, false},
             {t.layer, false},
             {t.filter, false},
             {t.crs, false},
             {t.features_read, true},
             {t.features_skipped, true}});
    for (const auto& s : plan.sources)
        row(o, {{h(s.role), false},
                {h(s.path), false},
                {h(s.layer), false},
                {h(s.where), false},
                {h(s.crs), false},
                {std::to_string(s.features_read), true},
                {std::to_string(s.features_skipped), true}});
    o << "</tbody>\n</table>\n</section>\n</body>\n</html>\n";
    return o.str();
}

std::optional<Box> planExtent(const Plan& plan)
{
    std::optional<Box> box;
    auto add = [&](const MultiPolygon& mp)
    {
        if (mp.empty())
            return;
        if (!box)
            box = envelopeOf(mp);
        else
            bg::expand(*box, envelopeOf(mp));
    };
    for (const auto& c : plan.communities)
        add(c.area);
    for (const auto& g : plan.grids)
        add(g.area);
    return box;
}

} // namespace gp::write
