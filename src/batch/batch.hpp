// The batch engine: many streets, each a `gridplan partition` run into its own folder (or its own
// PostGIS schema), run in parallel as child processes of the same executable. A child process
// per street isolates failures and crashes and keeps process-wide settings (GDAL config options
// such as the Shapefile encoding) apart between streets; the parent only schedules and records.
// Every street leaves a result record (results/<name>.json); `collect` turns the records of a
// whole manifest into summary.csv / summary.json, so shards run anywhere (a Slurm array task, a
// Kubernetes pod, by hand) and one collect step summarises them.
#pragma once

#include "batch/manifest.hpp"

#include <string>
#include <vector>

namespace gp::batch
{

struct StreetResult
{
    std::string name;
    std::string out;         // the folder, or "PG schema <s>"
    std::string status;      // ok / failed / not run
    int exit_code = 0;       // the child's exit code (-1: killed by a signal or not started)
    std::string error;       // the child's error line when it failed
    std::string log;         // the child's messages (logs/<name>.log)
    std::string fingerprint; // of the inputs and options it ran with
    bool skipped = false;    // finished earlier with the same fingerprint: not run again
    long long households = 0;
    long long grids = 0;
    double grids_within_bounds_pct = 0;
    long long gaps = 0;
    long long moved_households = 0;
    double seconds = 0;
};

struct BatchOptions
{
    std::string executable;  // the gridplan executable to run per street
    std::string summary_dir; // summary.csv, summary.json, logs/ and results/ (created)
    int jobs = 0;            // parallel streets; 0: every core
    std::string pg_out;      // "PG:...": every street writes its tables there, schema per street
    bool force = false;      // run even the streets whose report has the same fingerprint
};

// The PostGIS schema of a street when the batch writes to PostGIS: street_<name> when the name
// is lower-case ASCII letters, digits and _, else street_<hash of the name>. A pg-schema
// column or --pg-schema in args overrides it.
std::string streetSchema(const StreetJob& job);

// ConfigError naming both lines when two streets would write the same PostGIS schema.
void requireDistinctSchemas(const std::vector<StreetJob>& jobs, const std::string& manifest);

// Runs the given streets (at most `jobs` at a time), each unless it finished earlier with the
// same fingerprint; writes each one's result record; results in the given order.
std::vector<StreetResult> runBatch(const std::vector<StreetJob>& jobs,
                                   const std::string& manifest_dir, const BatchOptions& options);

// The result records of every street of the manifest (status "not run" when a street has none).
std::vector<StreetResult> collectResults(const std::vector<StreetJob>& jobs,
                                         const std::string& summary_dir);

// Writes summary.csv and summary.json into dir; OutputError when it cannot.
void writeSummary(const std::vector<StreetResult>& results, const std::string& manifest,
                  const std::string& dir);

} // namespace gp::batch
