#include "cli/batch_command.hpp"

#include "batch/batch.hpp"
#include "core/error.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace gp::cli
{

CLI::App* BatchCommand::add(CLI::App& app)
{
    auto* sub = app.add_subcommand(
        "batch", "Partition many streets listed in a CSV manifest, in parallel, each into its own "
                 "folder; writes summary.csv and summary.json (exit 1 if any street failed)");
    sub->add_option("MANIFEST", manifest, "CSV: name,out,args,previous (+ option columns such as buildings, communities-where)")->required();
    sub->add_option("-j,--jobs", jobs, "Streets run at the same time (default: every core)");
    sub->add_option("--summary", summary_dir, "Folder for summary.csv, summary.json and logs/ (default: the manifest's folder)");
    sub->add_flag("-q,--quiet", quiet, "Print nothing but errors");
    return sub;
}

int BatchCommand::run() const
{
    namespace fs = std::filesystem;
    const auto jobs_list = batch::readManifest(manifest);
    const fs::path manifest_dir = fs::absolute(fs::path(manifest)).parent_path();
    batch::BatchOptions options;
    options.executable = fs::canonical("/proc/self/exe").string();
    options.summary_dir = fs::absolute(summary_dir.empty() ? manifest_dir : fs::path(summary_dir)).string();
    options.jobs = jobs;
    const auto results = batch::runBatch(jobs_list, manifest_dir.string(), options);
    batch::writeSummary(results, manifest, options.summary_dir);
    int failed = 0;
    for (const auto& r : results)
        failed += r.status != "ok";
    if (!quiet)
    {
        std::printf("%-20s %-7s %10s %6s %8s %6s %7s %8s  %s\n", "street", "status", "households", "grids",
                    "within%", "gaps", "moved", "seconds", "error");
        for (const auto& r : results)
            std::printf("%-20s %-7s %10lld %6lld %8.2f %6lld %7lld %8.2f  %s\n", r.name.c_str(), r.status.c_str(),
                        r.households, r.grids, r.grids_within_bounds_pct, r.gaps, r.moved_households,
                        r.seconds, r.error.c_str());
        std::printf("%zu streets, %d failed; summary in %s/summary.csv and summary.json\n", results.size(),
                    failed, options.summary_dir.c_str());
    }
    for (const auto& r : results)
        if (r.status != "ok")
            std::cerr << "gridplan: street " << r.name << " failed: " << r.error << '\n';
    return failed ? 1 : 0;
}

} // namespace gp::cli
