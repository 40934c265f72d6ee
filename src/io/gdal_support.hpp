// GDAL plumbing shared by the readers and writers: one-time registration, capturing CPLError
// messages into exceptions, and opening vector sources with messages that name the file.
#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gp::io
{

// Registers GDAL drivers once and sets process-wide options (UTF-8 file names, traditional
// lon/lat axis order is set per spatial reference).
void ensureGdalRegistered();

// Decodes every Shapefile's DBF text as `encoding` (e.g. "GBK", "CP936", "UTF-8"), overriding
// its .cpg and language driver id; for old Chinese data that has no .cpg. ConfigError when iconv
// does not know the encoding. Process-wide (GDAL config option SHAPE_ENCODING).
void setShapefileEncoding(const std::string& encoding);

// While alive, GDAL errors and warnings are collected instead of printed to stderr.
class GdalErrorCapture
{
  public:
    GdalErrorCapture();
    ~GdalErrorCapture();
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

    // The last error message (or warning, if no error), empty when none.
    std::string lastMessage() const;
    // Whether any error (not just a warning) was raised since construction.
    bool failed() const;
    // Forgets the messages so far, to check one call at a time.
    void clear() { m_messages.clear(); }

    using Messages = std::vector<std::pair<CPLErr, std::string>>;

  private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum code, const char* message);
    Messages m_messages;
    Messages* m_outer = nullptr; // captures nest: restore the enclosing one on destruction
};

// Whether an input or output names a PostgreSQL database ("PG:..." as GDAL spells it).
bool isPostgisConnection(const std::string& target);

// The connection string with any password=... value replaced by ***, for messages and reports.
std::string redactConnection(const std::string& target);

// Opens a vector source read-only; throws InputError naming the path when it cannot.
GDALDatasetUniquePtr openVector(const std::string& path, const std::string& role);

// A layer picked by name, or the only/first one; throws InputError listing the layers otherwise.
OGRLayer* pickLayer(GDALDataset& ds, const std::string& path, const std::string& layer,
                    const std::string& role);

struct SpatialRefDeleter
{
    void operator()(OGRSpatialReference* srs) const
    {
        if (srs)
            srs->Release();
    }
};
using SpatialRefPtr = std::unique_ptr<OGRSpatialReference, SpatialRefDeleter>;

// A spatial reference from any user string ("EPSG:4326", WKT, PROJ); ConfigError when invalid.
SpatialRefPtr spatialRefFromUser(const std::string& text);

// "EPSG:3763" when the SRS has an authority code, else its name.
std::string describeSrs(const OGRSpatialReference& srs);

} // namespace gp::io
