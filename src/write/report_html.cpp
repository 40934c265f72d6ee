#include "write/report_html.hpp"
#include "core/index.hpp"
#include "write/review_section.hpp"

#include "core/reasons.hpp"

#include "write/markup.hpp"
#include "write/outputs.hpp"
#include "write/report_parts.hpp"
#include "write/texts.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace gp::write
{

namespace html
{

std::string h(const std::string& s)
{
    return escapeXml(s);
}

const char* bandColour(const std::string& band)
{
    if (band == "under")
        return "#f0e442";
    if (band == "over")
        return "#cc79a7";
    return "#009e73";
}

std::string communityName(const Plan& plan, int index)
{
    if (index < 0)
        return "";
    const auto& c = at(plan.communities, index);
    return c.name.empty() ? c.id : c.name;
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

} // namespace html

namespace
{

using namespace html;
using Json = nlohmann::ordered_json;

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

std::string bandText(const Texts& t, const std::string& band)
{
    if (band == "under")
        return t.under;
    if (band == "over")
        return t.over;
    return t.within;
}

// Community display names by id, built once: issues name their community by id.
std::map<std::string, std::string> communityNamesById(const Plan& plan)
{
    std::map<std::string, std::string> names;
    for (const auto& c : plan.communities)
        names.emplace(c.id, c.name.empty() ? c.id : c.name + " (" + c.id + ")"); // first one wins
    return names;
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

// <head> and the title block.
void pageHead(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
              const Texts& t)
{
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
}

// The headline figures of report.json "summary".
void summaryFigures(std::ostringstream& o, const Plan& plan, const Json& summary, const Texts& t)
{
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
}

// The map (with its legend) and the histogram, each kept on one printed page.
void figures(std::ostringstream& o, const Plan& plan, const PartitionConfig& config, const Texts& t)
{
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
}

void communitiesTable(std::ostringstream& o, const Json& json, const Texts& t)
{
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
}

void gridsTable(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                const Texts& t)
{
    const auto& lang = config.lang;
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
}

// Problems counted by reason, most urgent first.
void workListCounts(std::ostringstream& o, const std::vector<const Issue*>& issues,
                    const std::string& lang, const Texts& t)
{
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
    o << "</tbody>\n</table>\n";
}

// Every problem, one row each.
void workListRows(std::ostringstream& o, const Plan& plan, const std::vector<const Issue*>& issues,
                  const std::string& lang, const Texts& t)
{
    o << "<table class=\"work\">\n";
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
        std::string detail = h(lang == "zh" && !i->detail_zh.empty() ? i->detail_zh : i->detail);
        if (!i->buildings.empty())
            detail +=
                "<br><small>" + h(t.buildings) + ": " + h(buildingList(i->buildings)) + "</small>";
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

void workList(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
              const Texts& t)
{
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
        workListCounts(o, issues, config.lang, t);
        workListRows(o, plan, issues, config.lang, t);
    }
    o << "</section>\n";
}

// The options the run used.
void optionsTable(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                  const Texts& t)
{
    o << "<table>\n";
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
    o << "</tbody>\n</table>\n";
}

// Every input layer as read.
void inputsTable(std::ostringstream& o, const Plan& plan, const Texts& t)
{
    o << "<h2>" << h(t.inputs) << "</h2>\n<table>\n";
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
    o << "</tbody>\n</table>\n";
}

void parameters(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                const Texts& t)
{
    o << "<section id=\"parameters\" class=\"new-page\">\n<h2>" << h(t.parameters) << "</h2>\n";
    optionsTable(o, plan, config, t);
    inputsTable(o, plan, t);
    o << "</section>\n";
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
    std::ostringstream o;
    pageHead(o, plan, config, t);
    o << reviewHtml(plan); // gridplan review: violations first (write/review_section)
    summaryFigures(o, plan, json["summary"], t);
    figures(o, plan, config, t);
    communitiesTable(o, json, t);
    gridsTable(o, plan, config, t);
    workList(o, plan, config, t);
    parameters(o, plan, config, t);
    o << "</body>\n</html>\n";
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
