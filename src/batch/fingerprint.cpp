#include "batch/fingerprint.hpp"

#include "io/gdal_support.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;

// "path size mtime" of one file; empty when it is not a regular file.
std::string fileStamp(const fs::path& p)
{
    std::error_code ec;
    if (!fs::is_regular_file(p, ec))
        return {};
    const auto size = fs::file_size(p, ec);
    const auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
    return p.filename().string() + ' ' + std::to_string(size) + ' ' + std::to_string(mtime) + '\n';
}

// Stamps of everything an option value names: a file and its sidecars, or a folder's files.
std::string stampsOf(const std::string& value, const fs::path& manifest_dir)
{
    if (value.empty() || io::isPostgisConnection(value))
        return {};
    std::error_code ec;
    const fs::path p = fs::path(value).is_absolute() ? fs::path(value) : manifest_dir / value;
    std::set<fs::path> files; // sorted: the fingerprint does not depend on directory order
    if (fs::is_directory(p, ec))
    {
        for (const auto& entry : fs::directory_iterator(p, ec))
            files.insert(entry.path());
    }
    else if (fs::is_regular_file(p, ec))
    {
        for (const auto& entry :
             fs::directory_iterator(p.parent_path().empty() ? fs::path(".") : p.parent_path(), ec))
            if (entry.path().stem() == p.stem())
                files.insert(entry.path());
    }
    std::string stamps;
    for (const auto& f : files)
        stamps += fileStamp(f);
    return stamps;
}

} // namespace

std::uint64_t fnv1a(const std::string& bytes, std::uint64_t seed)
{
    std::uint64_t h = seed;
    for (unsigned char c : bytes)
    {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex64(std::uint64_t value)
{
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        s[static_cast<std::size_t>(i)] = digits[value & 0xF];
    return s;
}

std::string streetFingerprint(const StreetJob&, const std::vector<std::string>& child_args,
                              const std::string& manifest_dir, const std::string& executable)
{
    std::string text = std::string("gridplan ") + GRIDPLAN_VERSION + '\n' + fileStamp(executable);
    for (std::size_t i = 0; i < child_args.size(); ++i)
    {
        const std::string& a = child_args[i];
        const bool takes_value = a == "-j" || a == "--jobs" || a == "--out";
        if (takes_value || a == "-q" || a == "--quiet" || a.rfind("--jobs=", 0) == 0 ||
            a.rfind("--out=", 0) == 0)
        {
            i += takes_value; // the value too
            continue;
        }
        text += "arg " + a + '\n';
        if (a.rfind("-", 0) != 0)
            text += stampsOf(a, manifest_dir);
        else if (const auto eq = a.find('='); eq != std::string::npos)
            text += stampsOf(a.substr(eq + 1), manifest_dir);
    }
    return hex64(fnv1a(text));
}

} // namespace gp::batch
