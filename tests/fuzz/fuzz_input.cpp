#include "fuzz/fuzz_input.hpp"

#include "check/check.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace gp::fuzz
{

namespace
{

constexpr const char* kDir = "/vsimem/gridplan-fuzz";

// Four buildings and two parishes (Sé, Vitória) clipped around them, from shapes/ (© OpenStreetMap
// contributors, ODbL 1.0), rounded to 0.1 m. The buildings straddle nothing; the parishes touch.
constexpr const char* kFixedBuildings = R"({
"type": "FeatureCollection",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3763" } },
"features": [
{ "type": "Feature", "properties": { "bid": "w210900482", "hh": 120, "use": "yes" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40236.0, 164143.6 ], [ -40253.6, 164118.9 ], [ -40255.4, 164121.5 ], [ -40240.3, 164147.4 ], [ -40236.0, 164143.6 ] ] ] } },
{ "type": "Feature", "properties": { "bid": "w210900488", "hh": 120, "use": "yes" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40232.2, 164139.7 ], [ -40251.2, 164115.5 ], [ -40253.6, 164118.9 ], [ -40236.0, 164143.6 ], [ -40232.2, 164139.7 ] ] ] } },
{ "type": "Feature", "properties": { "bid": "w210900495", "hh": 120, "use": "yes" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40228.5, 164136.0 ], [ -40233.3, 164130.7 ], [ -40238.5, 164122.9 ], [ -40244.3, 164116.6 ], [ -40248.9, 164112.1 ], [ -40251.2, 164115.5 ], [ -40232.2, 164139.7 ], [ -40228.5, 164136.0 ] ] ] } },
{ "type": "Feature", "properties": { "bid": "w210900497", "hh": 120, "fl": 5, "use": "yes" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40232.3, 164129.4 ], [ -40233.3, 164130.7 ], [ -40228.5, 164136.0 ], [ -40219.6, 164127.0 ], [ -40223.6, 164122.5 ], [ -40232.3, 164129.4 ] ] ] } }
]
})";

constexpr const char* kFixedCommunities = R"({
"type": "FeatureCollection",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3763" } },
"features": [
{ "type": "Feature", "properties": { "cid": "C03", "name": "Sé" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40241.0, 164087.5 ], [ -40238.5, 164095.5 ], [ -40209.7, 164136.7 ], [ -40222.4, 164162.4 ], [ -40221.9, 164196.5 ], [ -40219.7, 164202.2 ], [ -40207.8, 164200.2 ], [ -40160.0, 164200.9 ], [ -40160.0, 164080.0 ], [ -40240.3, 164080.0 ], [ -40241.0, 164087.5 ] ] ] } },
{ "type": "Feature", "properties": { "cid": "C04", "name": "Vitória" }, "geometry": { "type": "Polygon", "coordinates": [ [ [ -40218.8, 164209.8 ], [ -40219.7, 164202.2 ], [ -40221.9, 164196.5 ], [ -40222.4, 164162.4 ], [ -40209.7, 164136.7 ], [ -40238.5, 164095.5 ], [ -40241.0, 164087.5 ], [ -40240.3, 164080.0 ], [ -40300.0, 164080.0 ], [ -40300.0, 164220.0 ], [ -40218.6, 164220.0 ], [ -40218.8, 164209.8 ] ] ] } }
]
})";

// Member file extensions per format; the first names the dataset GDAL opens.
const std::array<std::vector<const char*>, 4> kMembers = {{
    {".shp", ".shx", ".dbf", ".prj", ".cpg"},
    {".geojson"},
    {".csv", ".csvt", ".prj"},
    {".fgb"},
}};

void writeFile(const std::string& path, const void* bytes, std::size_t size)
{
    VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
    if (!f)
        throw std::runtime_error("fuzz harness: cannot create " + path);
    const bool ok = size == 0 || VSIFWriteL(bytes, 1, size, f) == size;
    VSIFCloseL(f);
    if (!ok)
        throw std::runtime_error("fuzz harness: cannot write " + path);
}

// Removes every file of the harness, also when the run throws.
struct VsimemCleanup
{
    VsimemCleanup() { VSIRmdirRecursive(kDir); }
    ~VsimemCleanup() { VSIRmdirRecursive(kDir); }
};

// The folder of the path trailer ("" without one); `size` is cut to the container before it.
std::string pathTrailer(const std::uint8_t* data, std::size_t& size)
{
    static const std::string marker("\0gp-path:", 9);
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const auto at = all.rfind(marker);
    if (at == std::string_view::npos)
        return "";
    std::string folder(all.substr(at + marker.size()));
    folder.erase(std::remove(folder.begin(), folder.end(), '\0'), folder.end());
    // The files must stay under kDir, which is removed after each input.
    const std::string wrapped = "/" + folder + "/";
    if (folder.size() > 4096 || wrapped.find("/../") != std::string::npos)
        return "";
    size = at;
    return folder;
}

} // namespace

std::string fuzzedPath(std::uint8_t header, const std::string& folder)
{
    return std::string(kDir) + (folder.empty() ? "" : "/" + folder) + "/input" +
           kMembers[header & 3u].front();
}

const char* toString(Outcome outcome)
{
    switch (outcome)
    {
    case Outcome::Accepted:
        return "accepted";
    case Outcome::Refused:
        return "refused";
    case Outcome::InputError:
        return "input_error";
    case Outcome::ConfigError:
        return "config_error";
    }
    return "?";
}

Result runInput(const std::string& bytes)
{
    return runInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

Result runInput(const std::uint8_t* data, std::size_t size)
{
    io::ensureGdalRegistered();
    // Nothing GDAL says reaches stderr, and no error state carries over to the next input.
    io::GdalErrorCapture quiet;
    VsimemCleanup cleanup;
    VSIMkdir(kDir, 0755);

    const std::string folder = pathTrailer(data, size);
    const std::uint8_t header = size > 0 ? data[0] : 0;
    std::size_t at = size > 0 ? 1 : 0;
    const auto& members = kMembers[header & 3u];
    const std::string path = fuzzedPath(header, folder);
    const std::string stem = path.substr(0, path.rfind('.'));
    for (std::size_t m = 0; m < members.size() && at < size; ++m)
    {
        std::size_t length = size - at;
        if (m + 1 < members.size())
        {
            if (size - at < 2)
                break;
            length = std::min<std::size_t>(data[at] | (data[at + 1] << 8), size - at - 2);
            at += 2;
        }
        if (length > 0)
            writeFile(stem + members[m], data + at, length);
        at += length;
    }
    const std::string fixed_buildings = std::string(kDir).append("/fixed_buildings.geojson");
    const std::string fixed_communities = std::string(kDir).append("/fixed_communities.geojson");
    writeFile(fixed_buildings, kFixedBuildings, std::char_traits<char>::length(kFixedBuildings));
    writeFile(fixed_communities, kFixedCommunities,
              std::char_traits<char>::length(kFixedCommunities));

    PartitionConfig config;
    LayerSource fuzzed{path, "", "", (header & 0x20u) ? "bid" : "", ""};
    config.buildings = {fixed_buildings, "", "", "bid", ""};
    config.communities = {fixed_communities, "", "", "cid", ""};
    bool attribute_fields = true;
    switch ((header >> 2) & 3u)
    {
    case 0:
        config.buildings = fuzzed;
        attribute_fields = (header & 0x40u) != 0;
        break;
    case 1:
        config.communities = fuzzed;
        break;
    case 2:
        config.compounds = fuzzed;
        break;
    default:
        config.barriers.push_back(fuzzed);
        break;
    }
    if (attribute_fields)
    {
        config.households_field = "hh";
        config.floors_field = "fl";
        config.use_field = "use";
    }
    if (header & 0x10u)
        config.assume_crs = "EPSG:3763";
    if (header & 0x80u)
        config.working_crs = "EPSG:3763";

    Result result;
    try
    {
        const auto checked = check::checkInputs(config);
        result.outcome = checked.accepted ? Outcome::Accepted : Outcome::Refused;
        result.message = check::formatTable(checked);
    }
    catch (const InputError& e)
    {
        result = {Outcome::InputError, e.what()};
    }
    catch (const ConfigError& e)
    {
        result = {Outcome::ConfigError, e.what()};
    }
    CPLErrorReset();
    return result;
}

} // namespace gp::fuzz
