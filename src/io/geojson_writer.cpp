#include "io/geojson_writer.hpp"

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "io/gdal_support.hpp"
#include "io/geojson_text.hpp"
#include "io/ogr_layers.hpp"

#include <cpl_vsi.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gp::io
{

namespace
{

using Fail = std::function<void(const std::string&)>;

// What GDAL's GeoJSON driver writes after the last feature.
constexpr std::string_view kFooter = "\n]\n}\n";
// Rows formatted per work item, and how many items may be ahead of the file (bounds memory).
constexpr std::size_t kChunkRows = 512;
constexpr std::size_t kChunksPerWorkerAhead = 8;

const char* const kLayerOptions[] = {"RFC7946=YES", "WRITE_NAME=YES", "COORDINATE_PRECISION=7",
                                     nullptr};

// The table written by GDAL's GeoJSON driver (the reference for every byte), into `path`.
void writeWithGdal(const FeatureTable& table, const std::string& path, const OutputCrs& crs,
                   const Fail& fail, ProgressTask* task)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver)
        fail("GDAL has no GeoJSON driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        fail("cannot create the file");

    const ToWgs84 to_wgs84(crs, fail);
    // RFC 7946 means EPSG:4326 (GDAL would reproject to it): other output CRSs are written with a
    // "crs" member instead.
    const char* const projected_options[] = {"WRITE_NAME=YES", "COORDINATE_PRECISION=7", nullptr};
    OGRLayer* layer =
        ds->CreateLayer(table.name.c_str(), to_wgs84.srs(), wkbUnknown,
                        const_cast<char**>(to_wgs84.lonLat() ? kLayerOptions : projected_options));
    if (!layer)
        fail("cannot create layer " + table.name);
    // The driver rounds to COORDINATE_PRECISION itself.
    appendRows(*layer, table, to_wgs84, -1, fail, task);
    ds.reset(); // closes the file; write errors surface here for GeoJSON
}

// The bytes GDAL writes for `table`, through a /vsimem/ file.
std::string gdalBytes(const FeatureTable& table, const OutputCrs& crs, const Fail& fail)
{
    static std::atomic<unsigned> counter{0};
    const std::string mem = "/vsimem/gridplan-geojson-" + std::to_string(counter++) + ".geojson";
    writeWithGdal(table, mem, crs, fail, nullptr);
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(mem.c_str(), &length, TRUE);
    std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
    CPLFree(data);
    return bytes;
}

// GDAL maps fields by case-insensitive name when it copies a feature: names differing only in
// case would not come out as the table holds them, so such tables go through GDAL whole.
bool namesDistinct(const FeatureTable& table)
{
    auto lower = [](std::string s)
    {
        for (auto& ch : s)
            if (ch >= 'A' && ch <= 'Z')
                ch = static_cast<char>(ch - 'A' + 'a');
        return s;
    };
    std::vector<std::string> names;
    for (const auto& field : table.fields)
        names.push_back(lower(field.first));
    std::sort(names.begin(), names.end());
    return std::adjacent_find(names.begin(), names.end()) == names.end();
}

// Formatting state owned by one thread (an OGR transform must not be shared between threads).
struct Formatter
{
    explicit Formatter(const OutputCrs& crs, const Fail& fail) : to_wgs84(crs, fail)
    {
        context.to_wgs84 = to_wgs84.transform();
        context.ring = &ring;
    }
    ToWgs84 to_wgs84;
    OGRLinearRing ring;
    FeatureTextContext context;
};

// One chunk of rows as text: each feature preceded by its separator, with the places (byte
// offset, row) where GDAL must write a feature the fast path left out.
struct ChunkText
{
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> gdal_rows;
    std::exception_ptr error;
};

void formatChunk(const FeatureTable& table, std::size_t chunk, Formatter& formatter, ChunkText& out)
{
    const std::size_t begin = chunk * kChunkRows;
    const std::size_t end = std::min(table.rows.size(), begin + kChunkRows);
    out.text.reserve((end - begin) * 512);
    for (std::size_t r = begin; r < end; ++r)
    {
        if (r > 0)
            out.text += ",\n";
        if (!appendFeatureText(out.text, table, table.rows[r], formatter.context))
            out.gdal_rows.emplace_back(out.text.size(), r);
    }
}

// The chunks of one table formatted by worker threads, at most `window` chunks ahead of the one
// being written, and taken by the writer in chunk order.
class ChunkPipeline
{
  public:
    ChunkPipeline(const FeatureTable& table, std::size_t chunks, std::size_t window,
                  const OutputCrs& crs, const std::string& path)
        : m_table(table), m_chunks(chunks), m_window(window), m_crs(crs), m_path(path),
          m_slots(window)
    {
    }

    // A worker: formats the next chunk within the window until none is left or stop() is
    // called. An error is handed to the writer with the chunk it belongs to.
    void work()
    {
        GdalErrorCapture
            quiet; // a failed transform is retried (and reported) by GDAL on the writer
        const Fail worker_fail = [&](const std::string& what)
        {
            throw OutputError(
                "cannot write '" + m_path + "': " + what +
                (quiet.lastMessage().empty() ? "" : " (" + quiet.lastMessage() + ")"));
        };
        std::unique_ptr<Formatter> formatter;
        std::exception_ptr setup_error;
        try
        {
            formatter = std::make_unique<Formatter>(m_crs, worker_fail);
        }
        catch (...)
        {
            setup_error = std::current_exception();
        }
        for (std::size_t c; nextChunk(c);)
        {
            ChunkText text;
            if (setup_error)
                text.error = setup_error;
            else
                try
                {
                    formatChunk(m_table, c, *formatter, text);
                }
                catch (...)
                {
                    text.error = std::current_exception();
                }
            {
                std::lock_guard lock(m_mutex);
                m_slots[c % m_window] = std::move(text);
            }
            m_done_cv.notify_all();
        }
    }

    // The writer: waits for chunk c and frees its slot for a chunk further on.
    ChunkText take(std::size_t c)
    {
        ChunkText text;
        {
            std::unique_lock lock(m_mutex);
            m_done_cv.wait(lock, [&] { return m_slots[c % m_window].has_value(); });
            text = std::move(*m_slots[c % m_window]);
            m_slots[c % m_window].reset();
            m_consumed = c + 1;
        }
        m_work_cv.notify_all();
        return text;
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_work_cv.notify_all();
    }

  private:
    // The next chunk to format, once it is within the window; false when done or stopped.
    bool nextChunk(std::size_t& c)
    {
        std::unique_lock lock(m_mutex);
        m_work_cv.wait(lock, [&]
                       { return m_stop || m_next >= m_chunks || m_next < m_consumed + m_window; });
        if (m_stop || m_next >= m_chunks)
            return false;
        c = m_next++;
        return true;
    }

    const FeatureTable& m_table;
    const std::size_t m_chunks;
    const std::size_t m_window;
    const OutputCrs& m_crs;
    const std::string& m_path;
    std::mutex m_mutex;
    std::condition_variable m_work_cv, m_done_cv;
    std::size_t m_next = 0, m_consumed = 0;
    bool m_stop = false;
    std::vector<std::optional<ChunkText>> m_slots;
};

// Chunks are formatted by `workers` threads at most kChunksPerWorkerAhead * workers chunks ahead
// of the one being written, and handed to `consume` in chunk order on the calling thread.
void formatInOrder(const FeatureTable& table, std::size_t chunks, int workers, const OutputCrs& crs,
                   const std::string& path, const Fail& fail,
                   const std::function<void(ChunkText&)>& consume)
{
    if (chunks == 0)
        return;
    if (workers <= 1)
    {
        Formatter formatter(crs, fail);
        for (std::size_t c = 0; c < chunks; ++c)
        {
            ChunkText text;
            formatChunk(table, c, formatter, text);
            consume(text);
        }
        return;
    }
    ChunkPipeline pipeline(table, chunks, kChunksPerWorkerAhead * static_cast<std::size_t>(workers),
                           crs, path);
    std::vector<std::jthread> pool;
    auto stop_pool = [&]
    {
        pipeline.stop();
        pool.clear(); // joins
    };
    try
    {
        for (int w = 0; w < workers; ++w)
            pool.emplace_back([&] { pipeline.work(); });
        for (std::size_t c = 0; c < chunks; ++c)
        {
            ChunkText text = pipeline.take(c);
            if (text.error)
                std::rethrow_exception(text.error);
            consume(text);
        }
    }
    catch (...)
    {
        stop_pool();
        throw;
    }
    stop_pool();
}

// The fast path: the header GDAL wrote for the empty layer, the rows formatted by `threads`
// workers (a row they leave out written by GDAL alone, its text cut out of a one-row layer), the
// footer.
void writeFast(const FeatureTable& table, const std::string& path, const OutputCrs& crs,
               const std::string& header, int threads, ProgressTask* task, const Fail& fail)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"),
                                                         &std::fclose);
    if (!file)
        fail("cannot create the file");
    bool write_ok = true;
    auto put = [&](std::string_view bytes) {
        write_ok =
            write_ok && std::fwrite(bytes.data(), 1, bytes.size(), file.get()) == bytes.size();
    };
    put(header);

    // A row the fast path left out: GDAL writes it alone, and its text is what lies between the
    // header and the footer.
    auto gdalFeature = [&](std::size_t r)
    {
        const FeatureTable one{table.name, table.fields, {table.rows[r]}};
        const std::string bytes = gdalBytes(one, crs, fail);
        if (!bytes.starts_with(header) || !bytes.ends_with(kFooter) ||
            bytes.size() < header.size() + kFooter.size())
            throw OutputError("cannot write '" + path +
                              "': GDAL wrote an unexpected GeoJSON layout");
        return bytes.substr(header.size(), bytes.size() - header.size() - kFooter.size());
    };

    const std::size_t chunks = (table.rows.size() + kChunkRows - 1) / kChunkRows;
    const int workers = static_cast<int>(
        std::min<std::size_t>(chunks, static_cast<std::size_t>(resolveThreads(threads))));
    std::size_t written_rows = 0;
    formatInOrder(table, chunks, workers, crs, path, fail,
                  [&](ChunkText& chunk)
                  {
                      std::size_t at = 0;
                      for (const auto& [offset, row] : chunk.gdal_rows)
                      {
                          put(std::string_view(chunk.text).substr(at, offset - at));
                          put(gdalFeature(row));
                          at = offset;
                      }
                      put(std::string_view(chunk.text).substr(at));
                      const std::size_t end =
                          std::min(table.rows.size(), written_rows + kChunkRows);
                      for (; written_rows < end; ++written_rows)
                          if (task)
                              task->stepQuietly();
                  });
    put(kFooter);
    if (std::fclose(file.release()) != 0)
        write_ok = false;
    if (!write_ok)
        fail("writing the file failed");
}

} // namespace

void writeGeoJson(const FeatureTable& table, const std::string& path,
                  const std::string& working_crs_wkt, ProgressTask* task, int threads,
                  const std::string& output_crs)
{
    const OutputCrs crs{working_crs_wkt, output_crs};
    ensureGdalRegistered();
    GdalErrorCapture capture;
    auto fail = [&](const std::string& what)
    {
        throw OutputError(
            "cannot write '" + path + "': " + what +
            (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
    };

    // GDAL writes the header (name, CRS member if any) and footer itself: an empty layer is
    // exactly header + footer.
    const FeatureTable schema{table.name, table.fields, {}};
    const std::string empty = gdalBytes(schema, crs, fail);
    // Outputs in a projected CRS are not RFC 7946 files: GDAL writes them whole (the fast path
    // formats RFC 7946 lon/lat only).
    if (!namesDistinct(table) || !empty.ends_with(kFooter) || !ToWgs84(crs, fail).lonLat())
    {
        writeWithGdal(table, path, crs, fail, task);
        if (capture.failed())
            fail("closing the file failed");
        return;
    }
    const std::string header = empty.substr(0, empty.size() - kFooter.size());
    writeFast(table, path, crs, header, threads, task, fail);
    if (capture.failed())
        fail("closing the file failed");
}

void writeGeoJsonWithGdal(const FeatureTable& table, const std::string& path,
                          const std::string& working_crs_wkt, ProgressTask* task,
                          const std::string& output_crs)
{
    const OutputCrs crs{working_crs_wkt, output_crs};
    ensureGdalRegistered();
    GdalErrorCapture capture;
    auto fail = [&](const std::string& what)
    {
        throw OutputError(
            "cannot write '" + path + "': " + what +
            (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
    };
    writeWithGdal(table, path, crs, fail, task);
    if (capture.failed())
        fail("closing the file failed");
}

} // namespace gp::io
