#include "io/households_register.hpp"

#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/scoped_config.hpp"

#include <cctype>
#include <cstring>

namespace gp::io
{

namespace
{

// Spreadsheets and CSV files always have a header row here: GDAL's automatic header detection
// takes the header of an all-text sheet (keys and names only, a row per household) for data.
// CSV has an open option for it; XLSX and ODS only a config option, read when the sheet is
// first used (so the caller keeps it set while reading).
GDALDatasetUniquePtr openTable(const std::string& path)
{
    ensureGdalRegistered();
    GdalErrorCapture capture;
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    const char* name = driver ? GDALGetDriverShortName(driver) : "";
    const char* csv_header[] = {"HEADERS=YES", nullptr};
    const char* const* options = std::strcmp(name, "CSV") == 0 ? csv_header : nullptr;
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options));
    if (!ds)
        throw InputError("cannot open households register '" + path + "': " +
                         (capture.lastMessage().empty()
                              ? std::string("not a table GDAL can read (or no such file)")
                              : capture.lastMessage()));
    return ds;
}

int columnOf(OGRLayer& layer, const std::string& column, const std::string& path,
             const char* option)
{
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    const int idx = defn->GetFieldIndex(column.c_str());
    if (idx >= 0)
        return idx;
    std::string names;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
    throw InputError("households register '" + path + "' sheet '" + layer.GetName() +
                     "': no column named '" + column + "' for " + option + " (columns: " + names +
                     ")");
}

// A count as a whole number >= 0 ("12", " 12 ", "12.0", 12 as a number); nullopt otherwise.
std::optional<std::int64_t> parseCount(const std::string& text)
{
    const std::string t = classify::normaliseKey(text);
    if (t.empty())
        return std::nullopt;
    try
    {
        std::size_t used = 0;
        const double v = std::stod(t, &used);
        if (used != t.size() || !(v >= 0) || v > 1e9 ||
            v != static_cast<double>(static_cast<std::int64_t>(v)))
            return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    catch (const std::exception&)
    {
        return std::nullopt;
    }
}

} // namespace

classify::RegisterTable readHouseholdsRegister(const HouseholdsTable& table)
{
    const std::string& path = table.source.path;
    const ScopedThreadConfig xlsx_header("OGR_XLSX_HEADERS", "FORCE"),
        ods_header("OGR_ODS_HEADERS", "FORCE");
    auto ds = openTable(path);
    OGRLayer* layer = pickLayer(*ds, path, table.source.layer, "households register");
    if (!table.source.where.empty())
    {
        GdalErrorCapture capture;
        if (layer->SetAttributeFilter(table.source.where.c_str()) != OGRERR_NONE ||
            capture.failed())
            throw ConfigError("households register '" + path +
                              "': invalid --households-table-where filter '" + table.source.where +
                              "': " + capture.lastMessage());
    }
    const int key = columnOf(*layer, table.key, path, "--households-table-key");
    const int count =
        table.count.empty() ? -1 : columnOf(*layer, table.count, path, "--households-table-count");

    classify::RegisterTable out;
    out.path = path;
    GdalErrorCapture read_errors;
    std::int64_t row = 0;
    for (auto& f : *layer)
    {
        ++row;
        ++out.rows_read;
        const std::string key_text = f->IsFieldSetAndNotNull(key) ? f->GetFieldAsString(key) : "";
        std::optional<std::int64_t> households = 1;
        if (count >= 0)
            households = f->IsFieldSetAndNotNull(count) ? parseCount(f->GetFieldAsString(count))
                                                        : std::nullopt;
        std::string why;
        if (classify::normaliseKey(key_text).empty())
            why = "empty " + table.key;
        else if (!households)
            why = table.count + " '" +
                  (f->IsFieldSetAndNotNull(count) ? f->GetFieldAsString(count) : "") +
                  "' is not a whole number of households";
        if (!why.empty())
        {
            Issue issue;
            issue.reason = "register_row_ignored";
            issue.detail =
                "households register '" + path + "' row " + std::to_string(row) + ": " + why;
            issue.detail_zh =
                "住户登记表 '" + path + "' 第 " + std::to_string(row) + " 行已忽略：" + why;
            out.ignored.push_back(std::move(issue));
            continue;
        }
        out.rows.push_back({key_text, *households, row});
    }
    if (read_errors.failed())
        throw InputError("cannot read households register '" + path +
                         "': " + read_errors.lastMessage());
    return out;
}

} // namespace gp::io
