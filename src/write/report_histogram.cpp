// The histogram figure of report.html: residential grids by households, stacked by bounds band,
// with the minimum, maximum and target marked, as inline SVG.
#include "core/index.hpp"
#include "write/markup.hpp"
#include "write/outputs.hpp"
#include "write/report_parts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace gp::write::html
{

namespace
{

double niceStep(double raw)
{
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10 * p;
}

// Bins of `bin` households from `lo`, each counting grids by band; `top` is the tallest bar.
struct Bins
{
    int bin = 1, lo = 0, hi = 0, count = 0, top = 1;
    std::vector<std::map<std::string, int>> counts;
};

Bins binSizes(const std::vector<int>& sizes, const PartitionConfig& config)
{
    const int min = config.min_households, max = config.max_households;
    Bins b;
    b.bin = std::max(1, static_cast<int>(niceStep((max - min) / 8.0)));
    // Bin edges aligned on the minimum bound, so "under" bins never mix with "within" ones.
    const int smallest = *std::min_element(sizes.begin(), sizes.end());
    const int largest = *std::max_element(sizes.begin(), sizes.end());
    b.lo = min - b.bin;
    while (b.lo > smallest)
        b.lo -= b.bin;
    b.lo = std::max(b.lo, min - b.bin * ((min + b.bin - 1) / b.bin));
    b.hi = max + b.bin;
    while (b.hi <= largest)
        b.hi += b.bin;
    b.count = (b.hi - b.lo + b.bin - 1) / b.bin;
    b.counts.resize(static_cast<std::size_t>(b.count));
    for (int s : sizes)
    {
        const int k = std::clamp((s - b.lo) / b.bin, 0, b.count - 1);
        ++at(b.counts, k)[boundsStatus(s, config)];
    }
    for (const auto& c : b.counts)
    {
        int n = 0;
        for (const auto& [band, k] : c)
            n += k;
        b.top = std::max(b.top, n);
    }
    return b;
}

// The plot area in SVG units and the data -> SVG mapping.
struct Plot
{
    static constexpr double W = 1000, H = 330, left = 50, right = 20, upper = 30, lower = 50;
    static constexpr double pw = W - left - right, ph = H - upper - lower;
    const Bins& b;
    double X(double v) const { return left + (v - b.lo) / (b.bin * b.count) * pw; }
    double Y(double n) const { return upper + ph - n / b.top * ph; }
};

void gridLines(std::ostringstream& o, const Plot& p)
{
    const int ystep = std::max(1, static_cast<int>(niceStep(p.b.top / 5.0)));
    for (int n = 0; n <= p.b.top; n += ystep)
        o << "<line x1=\"" << fixed(p.left, 1) << "\" x2=\"" << fixed(p.W - p.right, 1)
          << "\" y1=\"" << fixed(p.Y(n), 1) << "\" y2=\"" << fixed(p.Y(n), 1)
          << "\" stroke=\"#e2e2e2\"/><text x=\"" << fixed(p.left - 6, 1) << "\" y=\""
          << fixed(p.Y(n) + 4, 1) << "\" text-anchor=\"end\">" << n << "</text>\n";
}

void bars(std::ostringstream& o, const Plot& p)
{
    const Bins& b = p.b;
    for (int k = 0; k < b.count; ++k)
    {
        double base = 0;
        const double x0 = p.X(b.lo + k * b.bin) + 1, w = p.pw / b.count - 2;
        const auto& counts = at(b.counts, k);
        for (const char* band : {"under", "within", "over"})
        {
            const auto it = counts.find(band);
            if (it == counts.end())
                continue;
            o << "<rect x=\"" << fixed(x0, 1) << "\" y=\"" << fixed(p.Y(base + it->second), 1)
              << "\" width=\"" << fixed(w, 1) << "\" height=\""
              << fixed(p.Y(base) - p.Y(base + it->second), 1) << "\" fill=\"" << bandColour(band)
              << "\" stroke=\"#444\" stroke-width=\"0.6\"><title>" << b.lo + k * b.bin << "–"
              << b.lo + (k + 1) * b.bin - 1 << ": " << it->second << "</title></rect>\n";
            base += it->second;
        }
        if (base > 0)
            o << "<text x=\"" << fixed(x0 + w / 2, 1) << "\" y=\"" << fixed(p.Y(base) - 4, 1)
              << "\" text-anchor=\"middle\">" << base << "</text>\n";
    }
}

void axes(std::ostringstream& o, const Plot& p, const Texts& t)
{
    const Bins& b = p.b;
    const int xstep = b.bin * std::max(1, b.count / 10);
    for (int v = b.lo; v <= b.hi; v += xstep)
        o << "<text x=\"" << fixed(p.X(v), 1) << "\" y=\"" << fixed(p.upper + p.ph + 16, 1)
          << "\" text-anchor=\"middle\">" << v << "</text>\n";
    o << "<text x=\"" << fixed(p.left + p.pw / 2, 1) << "\" y=\"" << fixed(p.H - 8, 1)
      << "\" text-anchor=\"middle\">" << h(t.households_axis) << "</text>\n";
    o << "<text x=\"12\" y=\"" << fixed(p.upper + p.ph / 2, 1)
      << "\" text-anchor=\"middle\" transform=\"rotate(-90 12 " << fixed(p.upper + p.ph / 2, 1)
      << ")\">" << h(t.grids_axis) << "</text>\n";
}

// Dashed lines at the bounds, dotted at the target when it differs from both.
void boundMarkers(std::ostringstream& o, const Plot& p, const PartitionConfig& config,
                  const Texts& t)
{
    auto marker = [&](int v, const std::string& label, const char* dash)
    {
        o << "<line x1=\"" << fixed(p.X(v), 1) << "\" x2=\"" << fixed(p.X(v), 1) << "\" y1=\""
          << fixed(p.upper - 6, 1) << "\" y2=\"" << fixed(p.upper + p.ph, 1)
          << "\" stroke=\"#b00000\" stroke-width=\"1.6\" stroke-dasharray=\"" << dash
          << "\"/><text x=\"" << fixed(p.X(v), 1) << "\" y=\"" << fixed(p.upper - 10, 1)
          << "\" text-anchor=\"middle\" fill=\"#b00000\">" << h(label) << "</text>\n";
    };
    const int min = config.min_households, max = config.max_households;
    marker(min, std::string(t.min_bound) + " " + std::to_string(min), "6 4");
    marker(max, std::string(t.max_bound) + " " + std::to_string(max), "6 4");
    if (config.target_households != min && config.target_households != max)
        marker(config.target_households,
               std::string(t.target) + " " + std::to_string(config.target_households), "2 3");
}

} // namespace

void histogramSvg(std::ostringstream& o, const Plan& plan, const PartitionConfig& config,
                  const Texts& t)
{
    std::vector<int> sizes;
    for (const auto& g : plan.grids)
        if (g.kind == GridKind::Residential)
            sizes.push_back(g.households);
    if (sizes.empty())
        return;
    const Bins b = binSizes(sizes, config);
    const Plot p{b};
    o << "<svg viewBox=\"0 0 " << fixed(p.W, 0) << ' ' << fixed(p.H, 0)
      << "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" << h(t.histogram)
      << "\">\n";
    o << "<g font-size=\"12\" fill=\"#333\">\n";
    gridLines(o, p);
    bars(o, p);
    axes(o, p, t);
    boundMarkers(o, p, config, t);
    o << "<line x1=\"" << fixed(p.left, 1) << "\" x2=\"" << fixed(p.W - p.right, 1) << "\" y1=\""
      << fixed(p.upper + p.ph, 1) << "\" y2=\"" << fixed(p.upper + p.ph, 1)
      << "\" stroke=\"#333\"/>\n</g>\n</svg>\n";
}

} // namespace gp::write::html
