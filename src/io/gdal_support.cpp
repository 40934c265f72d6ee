#include "io/gdal_support.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <iconv.h>
#include <mutex>
#include <vector>

namespace gp::io
{

namespace
{
// Per-thread log of captured messages; handler() writes, the capture object reads.
thread_local GdalErrorCapture::Messages* t_captured = nullptr;
} // namespace

void ensureGdalRegistered()
{
    static std::once_flag once;
    std::call_once(once,
                   []
                   {
                       CPLSetConfigOption("GDAL_FILENAME_IS_UTF8", "YES");
                       // Shapefiles without .cpg: GDAL decodes per the DBF language driver id, else
                       // ISO-8859-1.
                       GDALAllRegister();
                   });
}

void setShapefileEncoding(const std::string& encoding)
{
    ensureGdalRegistered();
    // GDAL only warns (once) about an unknown encoding and then passes bytes through: ask iconv.
    const iconv_t probe = iconv_open("UTF-8", encoding.c_str());
    if (encoding.empty() || probe == reinterpret_cast<iconv_t>(-1))
        throw ConfigError("--source-encoding '" + encoding +
                          "' is not an encoding iconv knows "
                          "(try GBK, GB18030, BIG5, UTF-8, CP1252)");
    iconv_close(probe);
    CPLSetConfigOption("SHAPE_ENCODING", encoding.c_str());
}

GdalErrorCapture::GdalErrorCapture() : m_outer(t_captured)
{
    t_captured = &m_messages;
    CPLPushErrorHandler(&GdalErrorCapture::handler);
}

GdalErrorCapture::~GdalErrorCapture()
{
    CPLPopErrorHandler();
    t_captured = m_outer;
}

void CPL_STDCALL GdalErrorCapture::handler(CPLErr level, CPLErrorNum, const char* message)
{
    if (t_captured && level >= CE_Warning)
        t_captured->emplace_back(level, message ? message : "");
}

std::string GdalErrorCapture::lastMessage() const
{
    for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it)
        if (it->first >= CE_Failure)
            return it->second;
    return m_messages.empty() ? std::string() : m_messages.back().second;
}

bool GdalErrorCapture::failed() const
{
    for (const auto& [level, message] : m_messages)
        if (level >= CE_Failure)
            return true;
    return false;
}

bool isPostgisConnection(const std::string& target)
{
    return target.size() >= 3 && (target[0] == 'P' || target[0] == 'p') &&
           (target[1] == 'G' || target[1] == 'g') && target[2] == ':';
}

std::string redactConnection(const std::string& target)
{
    if (!isPostgisConnection(target))
        return target;
    // Every "password = value" (any case; value quoted '...' or up to the next space) -> ***.
    auto lower = [](char c)
    { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    const std::string key = "password";
    std::string out;
    std::size_t i = 0;
    while (i < target.size())
    {
        const bool at_key =
            target.size() - i >= key.size() &&
            std::equal(key.begin(), key.end(), target.begin() + static_cast<std::ptrdiff_t>(i),
                       [&](char k, char t) { return k == lower(t); });
        std::size_t j = i + key.size();
        if (at_key)
        {
            while (j < target.size() && space(target[j]))
                ++j;
        }
        if (!at_key || j >= target.size() || target[j] != '=')
        {
            out += target[i++];
            continue;
        }
        ++j;
        while (j < target.size() && space(target[j]))
            ++j;
        std::size_t end = j;
        if (end < target.size() && target[end] == '\'')
        {
            const std::size_t close = target.find('\'', end + 1);
            end = close == std::string::npos ? target.size() : close + 1;
        }
        else
            while (end < target.size() && !space(target[end]))
                ++end;
        if (end == j) // "password=" with nothing after it: nothing to hide
        {
            out.append(target, i, j - i);
            i = j;
            continue;
        }
        out.append(target, i, j - i);
        out += "***";
        i = end;
    }
    return out;
}

GDALDatasetUniquePtr openVector(const std::string& path, const std::string& role)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
    {
        std::string why = capture.lastMessage();
        if (why.empty())
            why = "not a vector dataset GDAL can read (or the file does not exist)";
        throw InputError("cannot open " + role + " source '" + redactConnection(path) +
                         "': " + why);
    }
    return ds;
}

OGRLayer* pickLayer(GDALDataset& ds, const std::string& path, const std::string& layer,
                    const std::string& role)
{
    if (!layer.empty())
    {
        if (OGRLayer* l = ds.GetLayerByName(layer.c_str()))
            return l;
    }
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
    if (layer.empty())
    {
        // Without a layer name only an unambiguous choice is made: the one layer with geometry
        // (a GeoPackage's layer_styles table does not count). Two inputs in one multi-layer file
        // must never both read its first layer silently.
        std::vector<OGRLayer*> spatial;
        for (int i = 0; i < ds.GetLayerCount(); ++i)
            if (ds.GetLayer(i)->GetGeomType() != wkbNone)
                spatial.push_back(ds.GetLayer(i));
        if (spatial.size() == 1 || (spatial.empty() && ds.GetLayerCount() == 1))
            return spatial.empty() ? ds.GetLayer(0) : spatial[0];
        if (spatial.size() > 1)
            throw InputError("in " + role + " source '" + redactConnection(path) +
                             "': " + std::to_string(spatial.size()) + " layers with geometry (" +
                             names + "); choose one with --" + role + "-layer NAME");
    }
    if (layer.empty())
        throw InputError(
            "in " + role + " source '" + redactConnection(path) + "': " +
            (names.empty() ? "no layers found" : "no layer with geometry (layers: " + names + ")"));
    throw InputError("in " + role + " source '" + redactConnection(path) + "': no layer named '" +
                     layer + "' (layers: " + names + ")");
}

SpatialRefPtr spatialRefFromUser(const std::string& text)
{
    SpatialRefPtr srs(new OGRSpatialReference());
    GdalErrorCapture capture;
    if (srs->SetFromUserInput(text.c_str()) != OGRERR_NONE)
        throw ConfigError("cannot understand CRS '" + text + "'" +
                          (capture.lastMessage().empty() ? "" : ": " + capture.lastMessage()));
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string describeSrs(const OGRSpatialReference& srs)
{
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    const char* name = srs.GetName();
    return name ? name : "unnamed CRS";
}

} // namespace gp::io
