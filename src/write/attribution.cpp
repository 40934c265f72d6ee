#include "write/attribution.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

namespace gp::write
{

namespace
{

std::vector<std::string> inputPaths(const PartitionConfig& config)
{
    std::vector<std::string> paths = {config.buildings.path, config.communities.path};
    if (config.street)
        paths.push_back(config.street->path);
    if (config.compounds)
        paths.push_back(config.compounds->path);
    for (const auto& b : config.barriers)
        paths.push_back(b.path);
    for (const auto& s : config.specials)
        paths.push_back(s.source.path);
    for (const auto& s : config.streets)
        paths.push_back(s.path);
    for (const auto& r : config.roads)
        paths.push_back(r.path);
    return paths;
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    const auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

bool isCopyrightLine(const std::string& line)
{
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return line.find("©") != std::string::npos || lower.find("(c)") != std::string::npos ||
           lower.find("contributors") != std::string::npos;
}

// The attribution of one file: its copyright lines, else its first non-empty line.
std::string fileAttribution(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string line, first, found;
    while (std::getline(in, line))
    {
        line = trimmed(line);
        if (line.empty())
            continue;
        if (first.empty())
            first = line;
        if (isCopyrightLine(line))
            found += (found.empty() ? "" : " ") + line;
    }
    return found.empty() ? first : found;
}

} // namespace

std::string dataAttribution(const PartitionConfig& config)
{
    if (!config.attribution.empty())
        return config.attribution;
    std::set<std::filesystem::path> seen;
    std::set<std::string> said;
    std::string out;
    for (const auto& path : inputPaths(config))
    {
        if (path.empty() || path.rfind("PG:", 0) == 0)
            continue;
        std::error_code ec;
        const auto dir = std::filesystem::absolute(path, ec).parent_path();
        if (ec)
            continue;
        for (const char* name : {"ATTRIBUTION.txt", "ATTRIBUTION"})
        {
            const auto file = dir / name;
            std::error_code missing;
            if (!std::filesystem::is_regular_file(file, missing) || !seen.insert(file).second)
                continue;
            const std::string text = fileAttribution(file);
            if (!text.empty() && said.insert(text).second)
                out += (out.empty() ? "" : "; ") + text;
        }
    }
    return out;
}

} // namespace gp::write
