// `gridplan batch MANIFEST`: the thin CLI over gp::batch (src/batch/).
#pragma once

#include "batch/batch.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gp::cli
{

struct BatchCommand
{
    std::string manifest;
    std::string summary_dir;
    int jobs = 0;
    bool quiet = false;
    // Shards, resumption and stores (README "Batches on a cluster").
    std::string shard;    // K/N
    bool collect = false; // only write summary.* from the result records
    bool only_failed = false;
    bool force = false; // run streets even when their fingerprint is unchanged
    std::string pg_out; // --out PG:...
    bool slurm = false;
    std::vector<std::string> slurm_options; // --slurm-opt, each split into words
    int shards = 0;   // --shards N for --slurm / --emit k8s (default: streets, at most 1000)
    std::string emit; // k8s
    const CLI::App* partition = nullptr; // its option names are the manifest's option columns

    CLI::App* add(CLI::App& app);
    // Exit code: 0 every street ok, 1 some street failed (or outputs unwritable, or sbatch
    // failed), 2 bad manifest or options.
    int run() const;

  private:
    // --slurm / --emit k8s: the shards as a cluster job (src/batch/cluster.hpp).
    int submit(const std::vector<batch::StreetJob>& jobs, const std::string& manifest_dir,
               const batch::BatchOptions& options, const std::string& counts_cache,
               const std::string& manifest_bytes) const;
};

} // namespace gp::cli
