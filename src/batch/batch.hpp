// The batch engine: many streets, each a `gridplan partition` run into its own folder, run in
// parallel as child processes of the same executable. A child process per street isolates
// failures and crashes and keeps process-wide settings (GDAL config options such as the
// Shapefile encoding) apart between streets; the parent only schedules and summarises.
#pragma once

#include <string>
#include <vector>

namespace gp::batch
{

// One row of the manifest.
struct StreetJob
{
    std::string name;
    std::string out;      // output folder (relative paths: to the manifest's folder)
    std::string previous; // optional previous-run folder
    std::vector<std::string> args; // partition options (from the args column and option columns)
    int line = 0;                  // manifest line, for messages
};

// CSV manifest (header row; RFC 4180 quoting). Columns: name, out (required), previous, args
// (partition options as shell-like words, quotes allowed), and any other column named after a
// partition option without its dashes (buildings, communities-where, ...) giving its value.
// Empty cells are skipped. ConfigError naming the line on a malformed manifest.
std::vector<StreetJob> readManifest(const std::string& path);

struct StreetResult
{
    std::string name;
    std::string out;
    std::string status; // ok / failed
    int exit_code = 0;  // the child's exit code (-1: killed by a signal)
    std::string error;  // the child's error line when it failed
    long long households = 0;
    long long grids = 0;
    double grids_within_bounds_pct = 0;
    long long gaps = 0;
    long long moved_households = 0;
    double seconds = 0;
};

struct BatchOptions
{
    std::string executable; // the gridplan executable to run per street
    std::string summary_dir; // summary.csv, summary.json and logs/ (created)
    int jobs = 0;            // parallel streets; 0: every core
};

// Runs every street (at most `jobs` at a time); results in manifest order.
std::vector<StreetResult> runBatch(const std::vector<StreetJob>& jobs, const std::string& manifest_dir,
                                   const BatchOptions& options);

// Writes summary.csv and summary.json into dir; OutputError when it cannot.
void writeSummary(const std::vector<StreetResult>& results, const std::string& manifest,
                  const std::string& dir);

} // namespace gp::batch
