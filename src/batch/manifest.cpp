#include "batch/manifest.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iconv.h>
#include <map>
#include <sstream>

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;

// One CSV record (RFC 4180: quoted fields may hold commas, quotes doubled, newlines).
bool readRecord(std::istream& in, std::vector<std::string>& fields, int& line)
{
    fields.clear();
    std::string field;
    bool quoted = false, any = false;
    char ch;
    while (in.get(ch))
    {
        any = true;
        if (quoted)
        {
            if (ch == '"')
            {
                if (in.peek() == '"')
                {
                    field += '"';
                    in.get();
                }
                else
                    quoted = false;
            }
            else
            {
                if (ch == '\n')
                    ++line;
                field += ch;
            }
            continue;
        }
        if (ch == '"')
            quoted = true;
        else if (ch == ',')
        {
            fields.push_back(field);
            field.clear();
        }
        else if (ch == '\n')
        {
            ++line;
            break;
        }
        else if (ch != '\r')
            field += ch;
    }
    if (!any)
        return false;
    if (quoted)
        throw ConfigError(
            "a quoted cell is never closed (a \" is missing) before the end of the file");
    fields.push_back(field);
    return true;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or npos.
std::size_t firstInvalidUtf8(const std::string& s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;)
    {
        const unsigned char c = p[i];
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
        if (len == 0 || i + len > n || (len == 2 && c < 0xC2) || (len == 4 && c > 0xF4))
            return i;
        for (std::size_t k = 1; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        if ((len == 3 && c == 0xE0 && p[i + 1] < 0xA0) ||
            (len == 4 && c == 0xF0 && p[i + 1] < 0x90) ||
            (len == 4 && c == 0xF4 && p[i + 1] > 0x8F) ||
            (len == 3 && c == 0xED && p[i + 1] > 0x9F))
            return i; // overlong forms, code points past U+10FFFF, surrogates
        i += len;
    }
    return std::string::npos;
}

// Whether the whole text decodes as GB18030 (a superset of GBK and GB2312).
bool decodesAsGb18030(const std::string& text)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    std::string in = text;
    std::string out(text.size() * 2 + 16, '\0');
    char* src = in.data();
    char* dst = out.data();
    std::size_t src_left = in.size(), dst_left = out.size();
    const bool ok = iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1) &&
                    src_left == 0;
    iconv_close(cd);
    return ok;
}

// A manifest that is not UTF-8 would make every filter match nothing and write mojibake to the
// summary: refuse it, and name GBK (what Excel on Chinese Windows saves) when it decodes as such.
void requireUtf8(const std::string& bytes, const std::string& path)
{
    if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
        throw ConfigError("batch manifest '" + path + "' is UTF-16 text; save it as CSV UTF-8");
    const std::size_t bad = firstInvalidUtf8(bytes);
    if (bad == std::string::npos)
        return;
    const int line = 1 + static_cast<int>(std::count(bytes.begin(),
                                                     bytes.begin() + static_cast<long>(bad), '\n'));
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    std::string message = "batch manifest '" + path + "' is not UTF-8 (line " +
                          std::to_string(line) + ", byte " + byte + ")";
    if (decodesAsGb18030(bytes))
        message += ": it looks GBK/GB18030-encoded. Save it as 'CSV UTF-8', or convert it: iconv "
                   "-f GB18030 -t UTF-8 '" +
                   path + "' > manifest-utf8.csv";
    else
        message += "; save it as CSV UTF-8";
    throw ConfigError(message);
}

// A `--name` or `--name=value` word: the option's long name, else empty.
std::string optionName(const std::string& word)
{
    if (word.size() < 3 || word.rfind("--", 0) != 0)
        return {};
    return word.substr(2, word.find('=') - 2);
}

const std::set<std::string>& batchColumns()
{
    static const std::set<std::string> columns = {"name", "out", "previous", "args"};
    return columns;
}

// Column index by name; ConfigError for an empty, repeated or unknown column.
std::map<std::string, std::size_t> readColumns(const std::vector<std::string>& header,
                                               const std::string& path, const ManifestRules& rules)
{
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i)
        column.emplace(trim(header[i]), i);
    for (const char* required : {"name", "out"})
        if ((rules.out_required || std::string(required) != "out") && !column.count(required))
            throw ConfigError("batch manifest '" + path + "': no '" + required +
                              "' column (header: name,out,args,previous, and option columns)");
    column.clear();
    for (std::size_t i = 0; i < header.size(); ++i)
    {
        const std::string name = trim(header[i]);
        const std::string where = "batch manifest '" + path + "' line 1: ";
        if (name.empty())
            continue; // a spreadsheet's trailing empty columns; a value under one is refused per
                      // row
        if (!column.emplace(name, i).second)
            throw ConfigError(where + "column '" + name + "' is given twice");
        if (name == "out-dir" || name == "jobs" || name == "quiet" || name == "j" || name == "q")
            throw ConfigError(where + "column '" + name +
                              "' is set by gridplan batch itself, not per street");
        if (!batchColumns().count(name) && !rules.partition_options.empty() &&
            !rules.partition_options.count(name))
            throw ConfigError(
                where + "unknown column '" + name +
                "': not name, out, previous, args or a partition option without its dashes "
                "(e.g. buildings, communities-where; see gridplan partition --help)");
    }
    return column;
}

// The folder a street writes, as the file system sees it: spellings of one folder compare equal.
std::string resolvedFolder(const fs::path& manifest_dir, const std::string& out)
{
    std::error_code ec;
    fs::path p = fs::weakly_canonical(manifest_dir / out, ec);
    if (ec)
        p = (manifest_dir / out).lexically_normal();
    std::string s = p.string();
    while (s.size() > 1 && s.back() == '/')
        s.pop_back();
    return s;
}

} // namespace

std::vector<std::string> splitWords(const std::string& text, const std::string& where)
{
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (char ch : text)
    {
        if (quote)
        {
            if (ch == quote)
                quote = 0;
            else
                word += ch;
            continue;
        }
        if (ch == '\'' || ch == '"')
        {
            quote = ch;
            in_word = true;
        }
        else if (ch == ' ' || ch == '\t')
        {
            if (in_word)
                words.push_back(word);
            word.clear();
            in_word = false;
        }
        else
        {
            word += ch;
            in_word = true;
        }
    }
    if (quote)
        throw ConfigError(where + ": unclosed quote in args");
    if (in_word)
        words.push_back(word);
    return words;
}

std::string optionValue(const std::vector<std::string>& args, const std::string& name)
{
    std::string value;
    for (std::size_t i = 0; i < args.size(); ++i)
    {
        if (args[i] == "--" + name && i + 1 < args.size())
            value = args[i + 1];
        else if (args[i].rfind("--" + name + "=", 0) == 0)
            value = args[i].substr(name.size() + 3);
    }
    return value;
}

std::string readManifestBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open batch manifest '" + path + "'");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

namespace
{

// The trimmed cell of column `name` in a record; empty when the column or the cell is missing.
std::string cellOf(const std::vector<std::string>& fields,
                   const std::map<std::string, std::size_t>& column, const std::string& name)
{
    auto it = column.find(name);
    return it != column.end() && it->second < fields.size() ? trim(fields[it->second])
                                                            : std::string();
}

// One record of the manifest as a street job: its cells checked against the header, the name,
// out and previous columns. `where` names the manifest and line in every error.
StreetJob jobOfRecord(const std::vector<std::string>& fields,
                      const std::vector<std::string>& header,
                      const std::map<std::string, std::size_t>& column, const std::string& where,
                      const ManifestRules& rules)
{
    auto cell = [&](const std::string& name) { return cellOf(fields, column, name); };
    if (fields.size() > header.size())
        throw ConfigError(where + ": " + std::to_string(fields.size()) + " cells, the header has " +
                          std::to_string(header.size()) + " (a comma in a value needs \"quotes\")");
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (trim(header[i]).empty() && !trim(fields[i]).empty())
            throw ConfigError(where + ": value '" + trim(fields[i]) + "' in column " +
                              std::to_string(i + 1) + ", which has no name in the header");
    StreetJob job;
    job.name = cell("name");
    job.out = cell("out");
    job.previous = cell("previous");
    if (job.name.empty() || (job.out.empty() && rules.out_required))
        throw ConfigError(where + (rules.out_required ? ": name and out must not be empty"
                                                      : ": name must not be empty"));
    if (job.name.find_first_of("/\\") != std::string::npos)
        throw ConfigError(where + ": the street name '" + job.name + "' must not contain a slash");
    return job;
}

// The partition options of a record: every named column that is not a batch column, then the
// words of the args column (checked against the partition options; --out is refused).
std::vector<std::string> argsOfRecord(const std::vector<std::string>& fields,
                                      const std::map<std::string, std::size_t>& column,
                                      const std::string& where, const ManifestRules& rules)
{
    std::vector<std::string> args;
    for (const auto& [name, index] : column)
    {
        if (batchColumns().count(name))
            continue;
        const std::string value = index < fields.size() ? trim(fields[index]) : std::string();
        if (!value.empty())
            args.insert(args.end(), {"--" + name, value});
    }
    for (auto& w : splitWords(cellOf(fields, column, "args"), where))
    {
        const std::string option = optionName(w);
        if (!option.empty() && !rules.partition_options.empty() &&
            !rules.partition_options.count(option))
            throw ConfigError(where + ": unknown partition option '--" + option + "' in args");
        if (option == "out")
            throw ConfigError(where + ": --out in args; give the folder in the out column");
        args.push_back(std::move(w));
    }
    return args;
}

} // namespace

std::vector<StreetJob> readManifest(const std::string& path, const ManifestRules& rules)
{
    std::string bytes = readManifestBytes(path);
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0)
        bytes.erase(0, 3); // UTF-8 byte-order mark from spreadsheet exports
    requireUtf8(bytes, path);
    std::istringstream in(bytes);
    int line = 1;
    std::vector<std::string> header;
    if (!readRecord(in, header, line))
        throw ConfigError("batch manifest '" + path +
                          "' is empty (expected a header: name,out,args,previous)");
    const auto column = readColumns(header, path, rules);
    const fs::path manifest_dir = fs::absolute(fs::path(path)).parent_path();
    std::vector<StreetJob> jobs;
    std::map<std::string, int> names, outs; // -> line
    std::vector<std::string> fields;
    auto next = [&](int start)
    {
        try
        {
            return readRecord(in, fields, line);
        }
        catch (const ConfigError& e)
        {
            throw ConfigError("batch manifest '" + path + "' line " + std::to_string(start) + ": " +
                              e.what());
        }
    };
    for (int start = line; next(start); start = line)
    {
        if (fields.size() == 1 && trim(fields[0]).empty())
            continue; // blank line
        const std::string where = "batch manifest '" + path + "' line " + std::to_string(start);
        StreetJob job = jobOfRecord(fields, header, column, where, rules);
        job.line = start;
        if (auto [it, fresh] = names.emplace(job.name, start); !fresh)
            throw ConfigError(where + ": street '" + job.name + "' is listed twice (also line " +
                              std::to_string(it->second) + ")");
        if (!job.out.empty())
            if (auto [it, fresh] = outs.emplace(resolvedFolder(manifest_dir, job.out), start);
                !fresh)
                throw ConfigError(where + ": output folder '" + job.out +
                                  "' is used by two streets (line " + std::to_string(it->second) +
                                  " names the same folder, " + it->first + ")");
        job.args = argsOfRecord(fields, column, where, rules);
        jobs.push_back(std::move(job));
    }
    if (jobs.empty())
        throw ConfigError("batch manifest '" + path + "' lists no street");
    return jobs;
}

} // namespace gp::batch
