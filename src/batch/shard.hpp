// Shards of a manifest for a cluster: each array task runs the streets of one shard. Shards are
// balanced by building counts (the cost of a street grows with its buildings, not with its
// number), from a cheap OGR feature count, and are the same in every task (deterministic).
#pragma once

#include "batch/manifest.hpp"

#include <string>
#include <vector>

namespace gp::batch
{

struct ShardSpec
{
    int index = 0; // K, from 0
    int count = 1; // N
};

// "K/N" with 0 <= K < N; ConfigError otherwise.
ShardSpec parseShard(const std::string& text);

// Buildings per street: the feature count of its --buildings layer (with --buildings-where),
// restricted to the extent of its communities when --communities-where picks some. A source
// that cannot be opened counts 0 (the street will report why when it runs).
std::vector<long long> countBuildings(const std::vector<StreetJob>& jobs,
                                      const std::string& manifest_dir);

// The counts from `cache` when it was written for these manifest bytes, else counted and
// written there (so the tasks of one array job count once, not once each).
std::vector<long long> cachedBuildingCounts(const std::vector<StreetJob>& jobs,
                                            const std::string& manifest_dir,
                                            const std::string& manifest_bytes,
                                            const std::string& cache);

// The shard of every street: greedy longest-processing-time-first (Graham 1969, "Bounds on
// multiprocessing timing anomalies"): streets by count, largest first (ties: manifest order),
// each to the shard with the fewest buildings so far (ties: the lowest shard).
std::vector<int> assignShards(const std::vector<long long>& counts, int shards);

} // namespace gp::batch
