// QGIS symbology as XML: fills, hatching, categorized and single-symbol renderers, and labels.
// Each symbol layer is written in both encodings QGIS reads (<Option> map since 3.20, <prop>
// before).
#pragma once

#include "write/qgis_xml.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace gp::write::qgis
{

// Colour-blind safe (Okabe-Ito) colours for the fixed categories.
inline constexpr Rgb kUnder{240, 228, 66};
inline constexpr Rgb kWithin{0, 158, 115};
inline constexpr Rgb kOver{204, 121, 167};
inline constexpr Rgb kResidential{86, 180, 233};
inline constexpr Rgb kDedicated{230, 159, 0};
inline constexpr Rgb kGapRed{220, 0, 0};
inline constexpr Rgb kOutline{60, 60, 60};
inline constexpr Rgb kGrey{160, 160, 160};

// Distinct colours for any number of grids: hues on the golden angle.
Rgb paletteColour(std::size_t i);

// Hatching of a dedicated grid type: colour and line angles.
struct Hatch
{
    Rgb colour;
    std::vector<int> angles;
};
Hatch hatchFor(const std::string& type);

using Props = std::vector<std::pair<std::string, std::string>>;
using Writer = std::function<void(Xml&)>;

void symbolLayer(Xml& x, const std::string& cls, const Props& props, const Writer& sub = {});
void symbol(Xml& x, const std::string& type, const std::string& name, const Writer& layers);
// A fill ("" = none) with an outline of `outline_mm`.
void simpleFill(Xml& x, const std::string& fill, const std::string& outline, double outline_mm,
                const std::string& outline_style = "solid");
void linePattern(Xml& x, const Rgb& colour, int angle);

struct Category
{
    std::string value; // "" = every other value (and null)
    std::string label;
    Writer layers; // symbol layers of its fill symbol
};
void categorized(Xml& x, const std::string& field, const std::vector<Category>& categories);
void singleSymbol(Xml& x, const Writer& layers);

// The font families tried in order, CJK-capable ones of common systems first.
const std::vector<const char*>& fontFamilies();

// Labels from a QGIS expression, centred in the polygon, with a white halo.
void labels(Xml& x, const std::string& expression, double size_pt, bool bold, bool display_all);

} // namespace gp::write::qgis
