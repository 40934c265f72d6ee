#include "io/output_dir.hpp"

#include "core/config.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <set>

#include <unistd.h>

namespace gp::io
{

namespace fs = std::filesystem;

namespace
{

constexpr const char* kStagingPrefix = ".gridplan-staging-";

// The names listed in DIR's manifest (plain file names only: a listed path is ignored).
std::set<std::string> manifestNames(const fs::path& dir)
{
    std::set<std::string> names;
    std::ifstream in(dir / kOutputManifest);
    for (std::string line; std::getline(in, line);)
    {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#' || line == "." || line == ".." ||
            line.find('/') != std::string::npos)
            continue;
        names.insert(line);
    }
    return names;
}

// A folder written before outputs had a manifest: its report.json says "gridplan", and the files
// with the names gridplan writes are taken as its own (so an upgrade does not lock a folder).
std::set<std::string> legacyOutputNames(const fs::path& dir)
{
    std::ifstream in(dir / "report.json");
    std::string head(512, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.find("\"tool\": \"gridplan\"") == std::string::npos)
        return {};
    std::set<std::string> names{"gridplan.gpkg", "report.json", "report.html", "gridplan.qgs"};
    for (const char* layer :
         {"grids", "buildings", "gaps", "communities", "areas", "compounds", "blocks", "changes"})
        names.insert(std::string(layer) + ".geojson");
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".qml")
            names.insert(entry.path().filename().string());
    return names;
}

// True when `path` is the same file as one of the inputs (real paths: links and spellings agree).
bool isInput(const fs::path& path, const std::vector<std::string>& inputs)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return false;
    return std::any_of(inputs.begin(), inputs.end(),
                       [&](const std::string& input)
                       {
                           std::error_code e;
                           return fs::exists(input, e) && fs::equivalent(path, input, e) && !e;
                       });
}

// "a, b, c and 4 more"
std::string someNames(const std::vector<std::string>& names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i)
        text += (i ? ", " : "") + names[i];
    if (names.size() > 5)
        text += " and " + std::to_string(names.size() - 5) + " more";
    return text;
}

// Staging folders of runs that were killed (their PID is gone) are removed; a live run's are kept.
void removeStaleStaging(const fs::path& dir)
{
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
    {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kStagingPrefix, 0) != 0)
            continue;
        const std::string digits = name.substr(std::char_traits<char>::length(kStagingPrefix));
        if (digits.empty() || digits.size() > 9 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        const pid_t pid = static_cast<pid_t>(std::stol(digits));
        if (pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
}

// Refuses a folder holding an input of this run or files gridplan did not write.
void refuseForeignFiles(const fs::path& dir, const std::vector<std::string>& inputs)
{
    std::error_code exists;
    const auto listed =
        fs::exists(dir / kOutputManifest, exists) ? manifestNames(dir) : legacyOutputNames(dir);
    std::vector<std::string> foreign, input_files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
    {
        const std::string name = entry.path().filename().string();
        if (isInput(entry.path(), inputs))
            input_files.push_back(name);
        else if (!entry.is_directory(ec) && name != kOutputManifest && !listed.count(name))
            foreign.push_back(name);
    }
    if (ec)
        throw OutputError("cannot read output folder '" + dir.string() + "': " + ec.message());
    std::sort(foreign.begin(), foreign.end());
    std::sort(input_files.begin(), input_files.end());
    if (!input_files.empty())
        throw ConfigError("--out '" + dir.string() + "' holds inputs of this run (" +
                          someNames(input_files) +
                          "): its outputs could replace them; give --out a folder of its own");
    if (!foreign.empty())
        throw ConfigError("--out '" + dir.string() + "' holds files gridplan did not write (" +
                          someNames(foreign) + "; its outputs are listed in " + kOutputManifest +
                          "): give --out an empty or new folder, or move those files away");
}

} // namespace

std::vector<std::string> runInputPaths(const PartitionConfig& config)
{
    std::vector<std::string> paths{config.buildings.path, config.communities.path};
    if (config.street)
        paths.push_back(config.street->path);
    if (config.compounds)
        paths.push_back(config.compounds->path);
    for (const auto& b : config.barriers)
        paths.push_back(b.path);
    for (const auto& s : config.specials)
        paths.push_back(s.source.path);
    if (!config.lock_path.empty())
        paths.push_back(config.lock_path);
    return paths;
}

void prepareOutputDir(const std::string& out_dir, const std::vector<std::string>& input_paths)
{
    const fs::path dir(out_dir);
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw ConfigError("--out '" + out_dir + "' is a file, not a folder");
    for (const auto& input : input_paths) // an input folder (of Shapefiles) as --out
        if (fs::exists(dir, ec) && fs::exists(input, ec) && fs::equivalent(dir, input, ec))
            throw ConfigError("--out '" + out_dir + "' is the input '" + input +
                              "': give --out a folder of its own");
    if (fs::is_directory(dir, ec))
    {
        removeStaleStaging(dir);
        refuseForeignFiles(dir, input_paths);
    }
    // Proven writable now, not after the whole computation, without creating the folder yet (a
    // run refused for its inputs leaves nothing behind): the folder, else its nearest ancestor.
    fs::path existing = fs::absolute(dir, ec);
    while (!fs::exists(existing, ec) && existing.has_parent_path() &&
           existing.parent_path() != existing)
        existing = existing.parent_path();
    if (!fs::is_directory(existing, ec))
        throw OutputError("cannot create output folder '" + out_dir + "': '" + existing.string() +
                          "' is not a folder");
    const fs::path probe = existing / (kStagingPrefix + std::to_string(::getpid()));
    fs::create_directory(probe, ec);
    const bool written = !ec && static_cast<bool>(std::ofstream(probe / "probe") << "ok");
    fs::remove_all(probe, ec);
    if (!written)
        throw OutputError("cannot write into output folder '" + out_dir + "' ('" +
                          existing.string() + "' is not writable)");
}

OutputStaging::OutputStaging(const std::string& out_dir, std::vector<std::string> input_paths)
    : m_dir(out_dir), m_inputs(std::move(input_paths))
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec || !fs::is_directory(m_dir))
        throw OutputError("cannot create output folder '" + out_dir + "': " + ec.message());
    m_staging = m_dir / (kStagingPrefix + std::to_string(::getpid()));
    fs::remove_all(m_staging, ec);
    if (!fs::create_directory(m_staging, ec) || ec)
        throw OutputError("cannot create staging folder in '" + out_dir + "': " + ec.message());
}

OutputStaging::~OutputStaging()
{
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

std::string OutputStaging::path(const std::string& file_name)
{
    m_files.push_back(file_name);
    return (m_staging / file_name).string();
}

void OutputStaging::writeManifest(const std::set<std::string>& names)
{
    {
        std::ofstream manifest(m_staging / kOutputManifest, std::ios::binary);
        manifest
            << "# Files gridplan wrote into this folder; it refuses a folder holding others.\n";
        for (const auto& name : names)
            manifest << name << '\n';
        if (!manifest.flush())
            throw OutputError("cannot write '" + (m_staging / kOutputManifest).string() + "'");
    }
    std::error_code ec;
    fs::rename(m_staging / kOutputManifest, m_dir / kOutputManifest, ec);
    if (ec)
        throw OutputError("cannot move '" + std::string(kOutputManifest) + "' into '" +
                          m_dir.string() + "': " + ec.message());
}

void OutputStaging::commit()
{
    for (const auto& name : m_files) // checked again: the folder may have changed during the run
        if (isInput(m_dir / name, m_inputs))
            throw OutputError("'" + (m_dir / name).string() +
                              "' is an input of this run; not replaced");
    const auto previous = manifestNames(m_dir);
    // First the manifest lists the files of both runs, so that a crash while moving leaves none
    // unlisted; after the moves it lists this run's only.
    std::set<std::string> both(previous.begin(), previous.end());
    both.insert(m_files.begin(), m_files.end());
    writeManifest(both);
    for (const auto& name : m_files)
    {
        std::error_code ec;
        fs::rename(m_staging / name, m_dir / name, ec);
        if (ec)
            throw OutputError("cannot move '" + name + "' into '" + m_dir.string() +
                              "': " + ec.message());
    }
    for (const auto& name : previous)
    {
        std::error_code ec;
        if (std::find(m_files.begin(), m_files.end(), name) == m_files.end() &&
            fs::is_regular_file(fs::symlink_status(m_dir / name, ec)) &&
            !isInput(m_dir / name, m_inputs))
            fs::remove(m_dir / name, ec);
    }
    writeManifest(std::set<std::string>(m_files.begin(), m_files.end()));
    m_committed = true;
}

void recordOutput(const std::string& out_dir, const std::string& name)
{
    const fs::path dir(out_dir);
    auto names = manifestNames(dir);
    if (names.count(name))
        return;
    names.insert(name);
    // Written in a staging folder: one left by a crash is removed by the next run.
    const fs::path staging = dir / (kStagingPrefix + std::to_string(::getpid()));
    std::error_code made;
    fs::create_directories(staging, made);
    const fs::path tmp = staging / kOutputManifest;
    {
        std::ofstream manifest(tmp, std::ios::binary);
        manifest
            << "# Files gridplan wrote into this folder; it refuses a folder holding others.\n";
        for (const auto& n : names)
            manifest << n << '\n';
        if (!manifest.flush())
            throw OutputError("cannot write '" + tmp.string() + "'");
    }
    std::error_code ec;
    fs::rename(tmp, dir / kOutputManifest, ec);
    std::error_code removed;
    fs::remove_all(staging, removed);
    if (ec)
        throw OutputError("cannot update '" + (dir / kOutputManifest).string() +
                          "': " + ec.message());
}

} // namespace gp::io
