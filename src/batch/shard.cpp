#include "batch/shard.hpp"
#include "core/index.hpp"

#include "batch/fingerprint.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <unistd.h>

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;

std::string sourcePath(const std::string& value, const std::string& manifest_dir)
{
    if (value.empty() || io::isPostgisConnection(value) || fs::path(value).is_absolute())
        return value;
    return (fs::path(manifest_dir) / value).string();
}

// A layer of one of the street's sources, filtered by its -where option; null when unreadable.
OGRLayer* openLayer(const StreetJob& job, const std::string& role, const std::string& manifest_dir,
                    GDALDatasetUniquePtr& ds)
{
    const std::string path = sourcePath(optionValue(job.args, role), manifest_dir);
    if (path.empty())
        return nullptr;
    ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() == 0)
        return nullptr;
    const std::string name = optionValue(job.args, role + "-layer");
    OGRLayer* layer = name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(name.c_str());
    const std::string where = optionValue(job.args, role + "-where");
    if (layer && !where.empty() && layer->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
        return nullptr;
    return layer;
}

long long countStreet(const StreetJob& job, const std::string& manifest_dir)
{
    GDALDatasetUniquePtr buildings_ds, communities_ds;
    OGRLayer* buildings = openLayer(job, "buildings", manifest_dir, buildings_ds);
    if (!buildings)
        return 0;
    // Streets that share one buildings file and pick their communities: count the buildings in
    // the extent of those communities (when both layers share a CRS; a bounding box, cheap).
    if (!optionValue(job.args, "communities-where").empty())
        if (OGRLayer* communities = openLayer(job, "communities", manifest_dir, communities_ds))
        {
            const OGRSpatialReference* a = buildings->GetSpatialRef();
            const OGRSpatialReference* b = communities->GetSpatialRef();
            OGREnvelope extent, e;
            bool any = false;
            for (auto& f : *communities)
                if (const OGRGeometry* g = f->GetGeometryRef())
                {
                    g->getEnvelope(&e);
                    extent.Merge(e);
                    any = true;
                }
            if (!any)
                return 0;
            if ((!a && !b) || (a && b && a->IsSame(b)))
                buildings->SetSpatialFilterRect(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        }
    return std::max<GIntBig>(0, buildings->GetFeatureCount(TRUE));
}

} // namespace

ShardSpec parseShard(const std::string& text)
{
    ShardSpec s;
    const auto slash = text.find('/');
    try
    {
        std::size_t used_k = 0, used_n = 0;
        if (slash == std::string::npos)
            throw std::invalid_argument("no slash");
        s.index = std::stoi(text.substr(0, slash), &used_k);
        s.count = std::stoi(text.substr(slash + 1), &used_n);
        if (used_k != slash || used_n != text.size() - slash - 1)
            throw std::invalid_argument("trailing text");
    }
    catch (const std::exception&)
    {
        throw ConfigError("--shard expects K/N (shard K of N, K from 0), got '" + text + "'");
    }
    if (s.count < 1 || s.index < 0 || s.index >= s.count)
        throw ConfigError("--shard " + text + ": K must be in 0..N-1 and N at least 1");
    return s;
}

std::vector<long long> countBuildings(const std::vector<StreetJob>& jobs,
                                      const std::string& manifest_dir)
{
    io::ensureGdalRegistered();
    io::GdalErrorCapture
        quiet; // an unreadable source is the street's problem, reported when it runs
    std::vector<long long> counts;
    counts.reserve(jobs.size());
    for (const auto& job : jobs)
        counts.push_back(countStreet(job, manifest_dir));
    return counts;
}

std::vector<long long> cachedBuildingCounts(const std::vector<StreetJob>& jobs,
                                            const std::string& manifest_dir,
                                            const std::string& manifest_bytes,
                                            const std::string& cache)
{
    const std::string key = hex64(fnv1a(manifest_bytes));
    try
    {
        std::ifstream in(cache);
        if (in)
        {
            const auto j = nlohmann::json::parse(in);
            auto counts = j.at("buildings").get<std::vector<long long>>();
            if (j.at("manifest_hash") == key && counts.size() == jobs.size())
                return counts;
        }
    }
    catch (const std::exception&)
    {
        // A damaged cache is counted again.
    }
    auto counts = countBuildings(jobs, manifest_dir);
    // Written under a temporary name and renamed: tasks that count at once never see half a file.
    const std::string tmp = cache + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp);
        out << nlohmann::json{{"manifest_hash", key}, {"buildings", counts}}.dump() << '\n';
    }
    std::error_code ec;
    fs::rename(tmp, cache, ec);
    if (ec)
        fs::remove(tmp, ec);
    return counts;
}

std::vector<int> assignShards(const std::vector<long long>& counts, int shards)
{
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
    std::vector<long long> load(static_cast<std::size_t>(std::max(1, shards)), 0);
    std::vector<int> shard(counts.size(), 0);
    for (std::size_t i : order)
    {
        const auto lightest = std::min_element(load.begin(), load.end()) - load.begin();
        shard[i] = static_cast<int>(lightest);
        // A street costs at least one building's worth: empty streets still spread out.
        at(load, lightest) += std::max(1LL, counts[i]);
    }
    return shard;
}

} // namespace gp::batch
