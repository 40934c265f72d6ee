#include "reconcile/locks.hpp"

#include "core/index.hpp"

#include "core/error.hpp"
#include "io/layer_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace gp::reconcile
{

namespace
{

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\"");
    const auto e = s.find_last_not_of(" \t\r\"");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Codes one per line, or the grid_code (else first) column of a CSV with a header.
std::vector<std::string> readCodes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open lock list '" + path + "'");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
    {
        if (lines.empty() && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line = line.substr(3);
        if (!trim(line).empty() && trim(line)[0] != '#')
            lines.push_back(line);
    }
    std::size_t column = 0;
    bool header = false;
    if (!lines.empty() && lines.front().find(',') != std::string::npos)
    {
        std::vector<std::string> names;
        std::string cell;
        for (std::size_t i = 0, start = 0; i <= lines.front().size(); ++i)
            if (i == lines.front().size() || lines.front()[i] == ',')
            {
                names.push_back(trim(lines.front().substr(start, i - start)));
                start = i + 1;
            }
        auto it = std::find(names.begin(), names.end(), "grid_code");
        header = true;
        column = it != names.end() ? static_cast<std::size_t>(it - names.begin()) : 0;
    }
    else if (!lines.empty() && trim(lines.front()) == "grid_code")
        header = true;
    std::vector<std::string> codes;
    for (std::size_t i = header ? 1 : 0; i < lines.size(); ++i)
    {
        std::vector<std::string> cells;
        for (std::size_t k = 0, start = 0; k <= lines[i].size(); ++k)
            if (k == lines[i].size() || lines[i][k] == ',')
            {
                cells.push_back(trim(lines[i].substr(start, k - start)));
                start = k + 1;
            }
        if (column < cells.size() && !cells[column].empty())
            codes.push_back(cells[column]);
    }
    return codes;
}

int majorityCommunity(const Plan& plan, const std::vector<int>& buildings)
{
    std::map<int, int> count;
    for (int b : buildings)
        if (at(plan.buildings, b).community >= 0)
            ++count[at(plan.buildings, b).community];
    int best = -1, most = 0;
    for (const auto& [c, n] : count)
        if (n > most)
            best = c, most = n;
    return best;
}

// Locks given as grid codes of the previous run: each takes that grid's land and its buildings
// that are still in a community.
std::vector<LockedGrid> codeLocks(const std::vector<std::string>& codes, const std::string& origin,
                                  const Plan& plan, const PreviousRun& previous)
{
    std::vector<LockedGrid> locks;
    std::map<std::string, int> index_of;
    for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        index_of.emplace(at(plan.buildings, i).id, i);
    for (const auto& code : codes)
    {
        auto it = previous.grids.find(code);
        if (it == previous.grids.end())
            throw InputError(origin + ": grid code '" + code + "' is not in the previous run '" +
                             previous.dir + "'");
        LockedGrid lock;
        lock.code = code;
        lock.area = it->second.area;
        lock.from_previous = true;
        for (const auto& id : it->second.buildings)
            if (auto b = index_of.find(id);
                b != index_of.end() && at(plan.buildings, b->second).community >= 0)
                lock.buildings.push_back(b->second);
        locks.push_back(std::move(lock));
    }
    return locks;
}

// Locks given as polygons with a grid_code: each takes the buildings whose anchor lies inside.
std::vector<LockedGrid> locksFromLayer(const std::string& path, const Plan& plan,
                                       const std::string& assume_crs)
{
    std::vector<LockedGrid> locks;
    LayerSource source;
    source.path = path;
    source.id_field = "grid_code";
    io::InputLayer layer(source, "lock", assume_crs);
    const auto working = io::spatialRefFromUser(plan.working_crs_wkt);
    auto records = layer.read(*working, {}, io::GeometryKind::Polygonal);
    for (auto& rec : records.features)
    {
        LockedGrid lock;
        lock.code = rec.id;
        lock.area = std::move(rec.polygons);
        if (lock.code.empty())
            throw InputError("lock layer '" + path + "': feature " + std::to_string(rec.fid) +
                             " has no grid_code");
        for (int i = 0; i < static_cast<int>(plan.buildings.size()); ++i)
        {
            const auto& b = at(plan.buildings, i);
            if (b.community >= 0 && bg::within(b.anchor, lock.area))
                lock.buildings.push_back(i);
        }
        locks.push_back(std::move(lock));
    }
    return locks;
}

// Sorts each lock's buildings and finds its community; InputError (naming `origin`) for a code
// locked twice, a building in two locks or a lock in no community.
void settleLocks(std::vector<LockedGrid>& locks, const std::string& origin, const Plan& plan)
{
    std::set<std::string> codes;
    std::map<int, std::string> claimed;
    for (auto& lock : locks)
    {
        if (!codes.insert(lock.code).second)
            throw InputError(origin + ": grid code '" + lock.code + "' is locked twice");
        std::sort(lock.buildings.begin(), lock.buildings.end());
        for (int b : lock.buildings)
            if (auto [it, fresh] = claimed.emplace(b, lock.code); !fresh)
                throw InputError(origin + ": building " + at(plan.buildings, b).id +
                                 " lies in two locked grids, " + it->second + " and " + lock.code);
        lock.community = majorityCommunity(plan, lock.buildings);
        if (lock.community < 0)
        {
            // No building: the community holding its centre.
            Point centre(0, 0);
            if (!lock.area.empty())
                bg::centroid(lock.area, centre);
            for (int c = 0; c < static_cast<int>(plan.communities.size()) && lock.community < 0;
                 ++c)
                if (bg::within(centre, at(plan.communities, c).area))
                    lock.community = c;
        }
        if (lock.community < 0)
            throw InputError(origin + ": locked grid " + lock.code + " lies in no community");
    }
}

} // namespace

std::vector<LockedGrid> loadLocks(const std::string& path, const Plan& plan,
                                  const PreviousRun* previous, const std::string& assume_crs)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool listed = ext == ".txt" || ext == ".csv";
    if (listed && !previous)
        throw ConfigError("--lock " + path +
                          " lists grid codes: it needs --previous (the run those codes come from); "
                          "or give the locked grids as polygons with a grid_code field");
    std::vector<LockedGrid> locks =
        listed ? codeLocks(readCodes(path), "lock list '" + path + "'", plan, *previous)
               : locksFromLayer(path, plan, assume_crs);
    settleLocks(locks, "lock '" + path + "'", plan);
    return locks;
}

std::vector<LockedGrid> locksFromCodes(const std::vector<std::string>& codes,
                                       const std::string& origin, const Plan& plan,
                                       const PreviousRun& previous)
{
    auto locks = codeLocks(codes, origin, plan, previous);
    settleLocks(locks, origin, plan);
    return locks;
}

} // namespace gp::reconcile
