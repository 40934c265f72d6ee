#include "batch/batch.hpp"

#include "batch/fingerprint.hpp"
#include "batch/process.hpp"
#include "core/error.hpp"
#include "io/postgis_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sched.h>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string lastErrorLine(const std::string& log_path)
{
    std::ifstream in(log_path);
    std::string line, last, any;
    while (std::getline(in, line))
    {
        if (line.rfind("gridplan:", 0) == 0)
            last = line;
        if (!trim(line).empty())
            any = line;
    }
    return last.empty() ? any : last;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

// Cores this process may use (its CPU affinity: a Slurm or cgroup allocation, not the host).
int usableCores()
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

bool hasOption(const std::vector<std::string>& args, const std::string& name)
{
    return std::any_of(args.begin(), args.end(),
                       [&](const std::string& a)
                       { return a == name || a.rfind(name + "=", 0) == 0; });
}

std::string schemaOf(const StreetJob& job)
{
    const std::string schema = optionValue(job.args, "pg-schema");
    return schema.empty() ? streetSchema(job) : schema;
}

// The table prefix partition uses unless --pg-prefix says otherwise (core/config.hpp).
std::string prefixOf(const StreetJob& job)
{
    for (std::size_t i = 0; i < job.args.size(); ++i)
        if (job.args[i] == "--pg-prefix" || job.args[i].rfind("--pg-prefix=", 0) == 0)
            return optionValue(job.args, "pg-prefix");
    return "gridplan_";
}

// The child's options after `partition` (no -j: added per run; no fingerprint: made from these).
std::vector<std::string> childArgs(const StreetJob& job, const BatchOptions& options)
{
    std::vector<std::string> a = job.args;
    if (options.pg_out.empty())
        a.insert(a.end(), {"--out", job.out});
    else
    {
        a.insert(a.end(), {"--out", options.pg_out});
        if (!hasOption(job.args, "--pg-schema"))
            a.insert(a.end(), {"--pg-schema", streetSchema(job)});
    }
    if (!job.previous.empty())
        a.insert(a.end(), {"--previous", job.previous});
    return a;
}

// The street's report (report.json, or its PostGIS report row); null when there is none.
Json readReport(const StreetJob& job, const std::string& manifest_dir, const BatchOptions& options)
{
    try
    {
        if (!options.pg_out.empty())
        {
            const std::string text =
                io::readPostgisReport({options.pg_out, schemaOf(job), prefixOf(job)});
            return text.empty() ? Json() : Json::parse(text);
        }
        std::ifstream in(fs::path(manifest_dir) / job.out / "report.json");
        return in ? Json::parse(in) : Json();
    }
    catch (const std::exception&)
    {
        return Json(); // unreadable: run the street again
    }
}

void readStats(const Json& report, StreetResult& r)
{
    const auto& s = report.at("summary");
    r.households = s.value("households_in_grids", 0LL);
    r.grids = s.value("grids", 0LL);
    const long long within = s.value("grids_within_bounds", 0LL);
    r.grids_within_bounds_pct =
        r.grids ? round2(100.0 * static_cast<double>(within) / static_cast<double>(r.grids)) : 0.0;
    r.gaps = static_cast<long long>(report.value("issues", Json::array()).size());
    if (report.contains("changes"))
        r.moved_households = report["changes"]["totals"].value("households_moved", 0LL);
}

std::string recordPath(const std::string& summary_dir, const std::string& name)
{
    return (fs::path(summary_dir) / "results" / (name + ".json")).string();
}

Json toJson(const StreetResult& r)
{
    return {{"name", r.name},
            {"status", r.status},
            {"exit_code", r.exit_code},
            {"households", r.households},
            {"grids", r.grids},
            {"grids_within_bounds_pct", r.grids_within_bounds_pct},
            {"gaps", r.gaps},
            {"moved_households", r.moved_households},
            {"seconds", r.seconds},
            {"skipped", r.skipped},
            {"out", r.out},
            {"fingerprint", r.fingerprint},
            {"log", r.log},
            {"error", r.error.empty() ? Json(nullptr) : Json(r.error)}};
}

StreetResult fromJson(const Json& j)
{
    StreetResult r;
    r.name = j.value("name", "");
    r.status = j.value("status", "failed");
    r.exit_code = j.value("exit_code", -1);
    r.households = j.value("households", 0LL);
    r.grids = j.value("grids", 0LL);
    r.grids_within_bounds_pct = j.value("grids_within_bounds_pct", 0.0);
    r.gaps = j.value("gaps", 0LL);
    r.moved_households = j.value("moved_households", 0LL);
    r.seconds = j.value("seconds", 0.0);
    r.skipped = j.value("skipped", false);
    r.out = j.value("out", "");
    r.fingerprint = j.value("fingerprint", "");
    r.log = j.value("log", "");
    if (j.contains("error") && j["error"].is_string())
        r.error = j["error"].get<std::string>();
    return r;
}

// Written under a temporary name and renamed: a killed shard never leaves half a record.
void writeRecord(const StreetResult& r, const std::string& summary_dir)
{
    const std::string path = recordPath(summary_dir, r.name);
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out << toJson(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        if (!out)
            throw OutputError("cannot write '" + tmp + "'");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec)
        throw OutputError("cannot write '" + path + "': " + ec.message());
}

StreetResult runStreet(const StreetJob& job, const std::string& manifest_dir,
                       const BatchOptions& options, int threads_per_street)
{
    StreetResult r;
    r.name = job.name;
    r.out = options.pg_out.empty() ? job.out : "PG schema " + schemaOf(job);
    r.log = (fs::path(options.summary_dir) / "logs" / (job.name + ".log")).string();
    auto args = childArgs(job, options);
    r.fingerprint = streetFingerprint(job, args, manifest_dir, options.executable);
    if (!options.force)
        if (const Json report = readReport(job, manifest_dir, options);
            report.is_object() && report.contains("batch") &&
            report["batch"].value("fingerprint", "") == r.fingerprint)
        {
            r.status = "ok";
            r.skipped = true;
            readStats(report, r);
            return r;
        }
    // A record before the run: a shard killed mid-street (time limit, node failure) leaves a
    // failed street that --only-failed runs again, not a silent gap.
    r.status = "failed";
    r.exit_code = -1;
    r.error = "started but did not finish (its shard was killed or its node failed); see its log";
    writeRecord(r, options.summary_dir);

    const auto start = std::chrono::steady_clock::now();
    args.insert(args.end(), {"-q", "--batch-fingerprint", r.fingerprint});
    if (!hasOption(job.args, "-j") && !hasOption(job.args, "--jobs"))
        args.insert(args.end(), {"-j", std::to_string(threads_per_street)});
    args.insert(args.begin(), {options.executable, "partition"});
    const int code = runProcess(args, manifest_dir, r.log);
    r.seconds =
        round2(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    r.exit_code = code < 0 ? -1 : code;
    if (code == kNotStarted)
        r.error = "cannot start " + options.executable;
    else if (code < 0)
        r.error = "killed by signal " + std::to_string(-1 - code);
    else if (code != 0)
        r.error = lastErrorLine(r.log);
    else if (const Json report = readReport(job, manifest_dir, options); report.is_object())
    {
        r.status = "ok";
        r.error.clear();
        readStats(report, r);
    }
    else
        r.error = "finished but its report cannot be read";
    return r;
}

std::string csvCell(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

} // namespace

std::string streetSchema(const StreetJob& job)
{
    const bool plain =
        job.name.size() <= 48 &&
        job.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
    return "street_" + (plain ? job.name : hex64(fnv1a(job.name)));
}

void requireDistinctSchemas(const std::vector<StreetJob>& jobs, const std::string& manifest)
{
    std::map<std::string, int> lines;
    for (const auto& job : jobs)
        if (auto [it, fresh] = lines.emplace(schemaOf(job), job.line); !fresh)
            throw ConfigError("batch manifest '" + manifest + "' line " + std::to_string(job.line) +
                              ": street '" + job.name + "' would write PostGIS schema " +
                              it->first + ", as line " + std::to_string(it->second) +
                              " does (give a pg-schema column)");
}

std::vector<StreetResult> runBatch(const std::vector<StreetJob>& jobs,
                                   const std::string& manifest_dir, const BatchOptions& options)
{
    for (const char* sub : {"logs", "results"})
    {
        std::error_code ec;
        fs::create_directories(fs::path(options.summary_dir) / sub, ec);
        if (ec)
            throw OutputError("cannot create '" + (fs::path(options.summary_dir) / sub).string() +
                              "': " + ec.message());
    }
    std::vector<StreetResult> results(jobs.size());
    if (jobs.empty())
        return results;
    const int cores = usableCores();
    const int workers = std::max(
        1, std::min(static_cast<int>(jobs.size()), options.jobs > 0 ? options.jobs : cores));
    const int threads_per_street = std::max(1, cores / workers);
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> pool;
        for (int w = 0; w < workers; ++w)
            pool.emplace_back(
                [&]
                {
                    for (std::size_t i; (i = next++) < jobs.size();)
                    {
                        results[i] = runStreet(jobs[i], manifest_dir, options, threads_per_street);
                        writeRecord(results[i], options.summary_dir);
                    }
                });
    }
    return results;
}

std::vector<StreetResult> collectResults(const std::vector<StreetJob>& jobs,
                                         const std::string& summary_dir)
{
    std::vector<StreetResult> results;
    for (const auto& job : jobs)
    {
        StreetResult r;
        try
        {
            std::ifstream in(recordPath(summary_dir, job.name));
            if (in)
                r = fromJson(Json::parse(in));
        }
        catch (const std::exception& e)
        {
            r.status = "failed";
            r.error = std::string("its result record cannot be read: ") + e.what();
        }
        if (r.status.empty())
        {
            r.status = "not run";
            r.exit_code = -1;
            r.error = "no result yet (its shard has not run)";
        }
        r.name = job.name;
        results.push_back(std::move(r));
    }
    return results;
}

void writeSummary(const std::vector<StreetResult>& results, const std::string& manifest,
                  const std::string& dir)
{
    const auto csv_path = (fs::path(dir) / "summary.csv").string();
    const auto json_path = (fs::path(dir) / "summary.json").string();
    {
        std::ofstream out(csv_path, std::ios::binary);
        out << "name,status,exit_code,households,grids,grids_within_bounds_pct,gaps,moved_"
               "households,seconds,out,error\n";
        for (const auto& r : results)
            out << csvCell(r.name) << ',' << r.status << ',' << r.exit_code << ',' << r.households
                << ',' << r.grids << ',' << number(r.grids_within_bounds_pct) << ',' << r.gaps
                << ',' << r.moved_households << ',' << number(r.seconds) << ',' << csvCell(r.out)
                << ',' << csvCell(r.error) << '\n';
        if (!out)
            throw OutputError("cannot write '" + csv_path + "'");
    }
    Json streets = Json::array();
    long long households = 0, grids = 0;
    int ok = 0, not_run = 0;
    for (const auto& r : results)
    {
        streets.push_back(toJson(r));
        ok += r.status == "ok";
        not_run += r.status == "not run";
        households += r.households;
        grids += r.grids;
    }
    Json summary = {{"manifest", manifest},
                    {"totals",
                     {{"streets", results.size()},
                      {"ok", ok},
                      {"failed", static_cast<int>(results.size()) - ok - not_run},
                      {"not_run", not_run},
                      {"households", households},
                      {"grids", grids}}},
                    {"streets", streets}};
    std::ofstream out(json_path, std::ios::binary);
    out << summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out)
        throw OutputError("cannot write '" + json_path + "'");
}

} // namespace gp::batch
