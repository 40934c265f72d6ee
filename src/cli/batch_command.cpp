#include "cli/batch_command.hpp"

#include "batch/batch.hpp"
#include "batch/cluster.hpp"
#include "batch/shard.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

namespace gp::cli
{

namespace
{

namespace fs = std::filesystem;

std::set<std::string> longOptionNames(const CLI::App* app)
{
    std::set<std::string> names;
    if (app)
        for (const CLI::Option* o : app->get_options())
            for (const auto& n : o->get_lnames())
                names.insert(n);
    return names;
}

void printResults(const std::vector<batch::StreetResult>& results)
{
    std::printf("%-20s %-7s %10s %6s %8s %6s %7s %8s  %s\n", "street", "status", "households",
                "grids", "within%", "gaps", "moved", "seconds", "error");
    for (const auto& r : results)
        std::printf("%-20s %-7s %10lld %6lld %8.2f %6lld %7lld %8.2f  %s\n", r.name.c_str(),
                    r.skipped ? "same" : r.status.c_str(), r.households, r.grids,
                    r.grids_within_bounds_pct, r.gaps, r.moved_households, r.seconds,
                    r.error.c_str());
}

int report(const std::vector<batch::StreetResult>& results, bool quiet, const std::string& what)
{
    int failed = 0, skipped = 0;
    for (const auto& r : results)
    {
        failed += r.status != "ok";
        skipped += r.skipped;
    }
    if (!quiet)
    {
        printResults(results);
        std::printf(
            "%zu streets, %d not ok, %d unchanged since their last run (not run again); %s\n",
            results.size(), failed, skipped, what.c_str());
    }
    for (const auto& r : results)
        if (r.status != "ok")
            std::cerr << "gridplan: street " << r.name << " " << r.status << ": " << r.error
                      << (r.log.empty() ? "" : " (log: " + r.log + ")") << '\n';
    return failed ? 1 : 0;
}

} // namespace

CLI::App* BatchCommand::add(CLI::App& app)
{
    partition = app.get_subcommand("partition");
    auto* sub = app.add_subcommand(
        "batch", "Partition many streets listed in a CSV manifest, in parallel, each into its own "
                 "folder; writes summary.csv and summary.json (exit 1 if any street failed)");
    sub->add_option(
           "MANIFEST", manifest,
           "CSV: name,out,args,previous (+ option columns such as buildings, communities-where)")
        ->required();
    sub->add_option("-j,--jobs", jobs, "Streets run at the same time (default: every core)");
    sub->add_option("--summary", summary_dir,
                    "Folder for summary.csv, summary.json, results/ and logs/ (default: the "
                    "manifest's folder)");
    sub->add_flag("-q,--quiet", quiet, "Print nothing but errors");
    sub->add_option("--shard", shard,
                    "Run only shard K of N (K from 0), shards balanced by building counts; no "
                    "summary (see --collect)");
    sub->add_flag("--collect", collect,
                  "Run nothing: write summary.csv/json from the streets' result records");
    sub->add_flag("--only-failed", only_failed, "Run only the streets that have not finished ok");
    sub->add_flag("--force", force,
                  "Run streets again even when their inputs and options are unchanged");
    sub->add_option("--out", pg_out,
                    "PG:\"dbname=...\": every street writes its tables to this PostGIS database, "
                    "schema street_<name>");
    sub->add_flag("--slurm", slurm,
                  "Submit the shards as one Slurm array job plus a dependent collect job");
    sub->add_option("--slurm-opt", slurm_options,
                    "Extra sbatch options, e.g. \"--partition=x --time=2:00:00\" (repeatable)");
    sub->add_option("--shards", shards,
                    "Shards for --slurm / --emit k8s (default: one per street, at most 1000)");
    sub->add_option("--emit", emit,
                    "k8s: write a Kubernetes Indexed Job running the shards, submit nothing")
        ->check(CLI::IsMember({"k8s"}));
    return sub;
}

int BatchCommand::run() const
{
    if (!pg_out.empty() && !io::isPostgisConnection(pg_out))
        throw ConfigError("batch --out takes a PostGIS connection (PG:...); output folders come "
                          "from the manifest's out column");
    if (collect + only_failed + (slurm || !emit.empty()) > 1 && !(slurm && only_failed))
        throw ConfigError("--collect, --only-failed and --slurm/--emit do not go together (see "
                          "gridplan batch --help)");
    if ((slurm || !emit.empty()) && !shard.empty())
        throw ConfigError("--shard is for one task; --slurm and --emit make the tasks");
    if (shards < 0 || shards > 100000)
        throw ConfigError("--shards must be 1..100000");
    const batch::ManifestRules rules{longOptionNames(partition), pg_out.empty()};
    const auto jobs_list = batch::readManifest(manifest, rules);
    if (!pg_out.empty())
        batch::requireDistinctSchemas(jobs_list, manifest);
    const batch::ShardSpec spec = shard.empty() ? batch::ShardSpec{} : batch::parseShard(shard);
    const fs::path manifest_dir = fs::absolute(fs::path(manifest)).parent_path();
    batch::BatchOptions options;
    options.executable = fs::canonical("/proc/self/exe").string();
    options.summary_dir =
        fs::absolute(summary_dir.empty() ? manifest_dir : fs::path(summary_dir)).string();
    options.jobs = jobs;
    options.pg_out = pg_out;
    options.force = force;
    const std::string counts_cache = (fs::path(options.summary_dir) / "shard_counts.json").string();
    const std::string manifest_bytes = batch::readManifestBytes(manifest);

    if (slurm || !emit.empty())
        return submit(jobs_list, manifest_dir.string(), options, counts_cache, manifest_bytes);
    if (collect)
    {
        const auto results = batch::collectResults(jobs_list, options.summary_dir);
        batch::writeSummary(results, manifest, options.summary_dir);
        return report(results, quiet,
                      "summary in " + options.summary_dir + "/summary.csv and summary.json");
    }
    std::vector<batch::StreetJob> selected;
    std::vector<int> shard_of(jobs_list.size(), 0);
    if (!shard.empty())
        shard_of = batch::assignShards(batch::cachedBuildingCounts(jobs_list, manifest_dir.string(),
                                                                   manifest_bytes, counts_cache),
                                       spec.count);
    const auto previous = only_failed ? batch::collectResults(jobs_list, options.summary_dir)
                                      : std::vector<batch::StreetResult>{};
    for (std::size_t i = 0; i < jobs_list.size(); ++i)
        if (shard_of[i] == spec.index && (!only_failed || previous[i].status != "ok"))
            selected.push_back(jobs_list[i]);
    const auto results = batch::runBatch(selected, manifest_dir.string(), options);
    if (!shard.empty())
        return report(results, quiet, "shard " + shard + "; write the summary with --collect");
    batch::writeSummary(batch::collectResults(jobs_list, options.summary_dir), manifest,
                        options.summary_dir);
    return report(results, quiet,
                  "summary in " + options.summary_dir + "/summary.csv and summary.json");
}

int BatchCommand::submit(const std::vector<batch::StreetJob>& jobs, const std::string& manifest_dir,
                         const batch::BatchOptions& options, const std::string& counts_cache,
                         const std::string& manifest_bytes) const
{
    batch::ClusterPlan plan;
    plan.executable = options.executable;
    plan.manifest = fs::absolute(fs::path(manifest)).string();
    plan.summary_dir = options.summary_dir;
    plan.pg_out = pg_out;
    plan.shards = shards > 0 ? std::min<int>(shards, static_cast<int>(jobs.size()))
                             : std::min<int>(1000, static_cast<int>(jobs.size()));
    plan.jobs = this->jobs;
    plan.only_failed = only_failed;
    plan.force = force;
    for (const auto& o : slurm_options)
        for (auto& w : batch::splitWords(o, "--slurm-opt"))
            plan.slurm_options.push_back(std::move(w));
    std::error_code ec;
    fs::create_directories(plan.summary_dir, ec);
    // Counted once here; every task reads the same counts, so all agree on the shards.
    batch::cachedBuildingCounts(jobs, manifest_dir, manifest_bytes, counts_cache);
    if (!emit.empty())
    {
        plan.executable = "gridplan"; // the image's, on its PATH
        const auto path = batch::writeK8sJob(plan);
        if (!quiet)
            std::printf("Kubernetes Indexed Job (%d shards) written to %s\n", plan.shards,
                        path.c_str());
        return 0;
    }
    try
    {
        const auto s = batch::submitSlurm(plan);
        if (!quiet)
            std::printf("submitted array job %s (%d shards, %s) and collect job %s (afterany); "
                        "summary in %s/summary.csv when it ends\n",
                        s.array_job.c_str(), plan.shards, s.shard_script.c_str(),
                        s.collect_job.c_str(), plan.summary_dir.c_str());
        else
            std::printf("%s %s\n", s.array_job.c_str(), s.collect_job.c_str());
        return 0;
    }
    catch (const batch::ClusterError& e)
    {
        std::cerr << "gridplan: slurm: " << e.what() << '\n';
        return 1;
    }
}

} // namespace gp::cli
