#include "batch/batch.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;

// One CSV record (RFC 4180: quoted fields may hold commas, quotes doubled, newlines).
bool readRecord(std::istream& in, std::vector<std::string>& fields, int& line)
{
    fields.clear();
    std::string field;
    bool quoted = false, any = false;
    char ch;
    while (in.get(ch))
    {
        any = true;
        if (quoted)
        {
            if (ch == '"')
            {
                if (in.peek() == '"')
                {
                    field += '"';
                    in.get();
                }
                else
                    quoted = false;
            }
            else
            {
                if (ch == '\n')
                    ++line;
                field += ch;
            }
            continue;
        }
        if (ch == '"')
            quoted = true;
        else if (ch == ',')
        {
            fields.push_back(field);
            field.clear();
        }
        else if (ch == '\n')
        {
            ++line;
            break;
        }
        else if (ch != '\r')
            field += ch;
    }
    if (!any)
        return false;
    fields.push_back(field);
    return true;
}

// Shell-like words: blanks separate, single and double quotes group, no expansion.
std::vector<std::string> splitWords(const std::string& text, const std::string& where)
{
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (char ch : text)
    {
        if (quote)
        {
            if (ch == quote)
                quote = 0;
            else
                word += ch;
            continue;
        }
        if (ch == '\'' || ch == '"')
        {
            quote = ch;
            in_word = true;
        }
        else if (ch == ' ' || ch == '\t')
        {
            if (in_word)
                words.push_back(word);
            word.clear();
            in_word = false;
        }
        else
        {
            word += ch;
            in_word = true;
        }
    }
    if (quote)
        throw ConfigError(where + ": unclosed quote in args");
    if (in_word)
        words.push_back(word);
    return words;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
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

double round2(double v) { return std::round(v * 100.0) / 100.0; }

StreetResult runStreet(const StreetJob& job, const std::string& manifest_dir, const BatchOptions& options,
                       int threads_per_street)
{
    StreetResult r;
    r.name = job.name;
    r.out = job.out;
    const auto start = std::chrono::steady_clock::now();
    const std::string log_path = (fs::path(options.summary_dir) / "logs" / (job.name + ".log")).string();

    std::vector<std::string> argv_s = {options.executable, "partition"};
    argv_s.insert(argv_s.end(), job.args.begin(), job.args.end());
    argv_s.insert(argv_s.end(), {"--out", job.out, "-q"});
    if (!job.previous.empty())
        argv_s.insert(argv_s.end(), {"--previous", job.previous});
    // Cores shared out between the streets running at once, unless the manifest says otherwise.
    const bool has_jobs = std::any_of(job.args.begin(), job.args.end(), [](const std::string& a) {
        return a == "-j" || a == "--jobs" || a.rfind("--jobs=", 0) == 0;
    });
    if (!has_jobs)
        argv_s.insert(argv_s.end(), {"-j", std::to_string(threads_per_street)});
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addchdir_np(&actions, manifest_dir.c_str());
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, options.executable.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
    {
        r.status = "failed";
        r.exit_code = -1;
        r.error = "cannot start " + options.executable;
        return r;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    r.seconds = round2(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (WIFEXITED(status))
        r.exit_code = WEXITSTATUS(status);
    else
    {
        r.exit_code = -1;
        r.status = "failed";
        r.error = "killed by signal " + std::to_string(WTERMSIG(status));
        return r;
    }
    if (r.exit_code != 0)
    {
        r.status = "failed";
        r.error = lastErrorLine(log_path);
        return r;
    }
    r.status = "ok";
    try
    {
        std::ifstream in(fs::path(manifest_dir) / job.out / "report.json");
        const auto report = nlohmann::json::parse(in);
        const auto& s = report.at("summary");
        r.households = s.value("households_in_grids", 0LL);
        r.grids = s.value("grids", 0LL);
        const long long within = s.value("grids_within_bounds", 0LL);
        r.grids_within_bounds_pct = r.grids ? round2(100.0 * static_cast<double>(within) / static_cast<double>(r.grids)) : 0.0;
        r.gaps = static_cast<long long>(report.value("issues", nlohmann::json::array()).size());
        if (report.contains("changes"))
            r.moved_households = report["changes"]["totals"].value("households_moved", 0LL);
    }
    catch (const std::exception& e)
    {
        r.status = "failed";
        r.error = std::string("finished but its report.json cannot be read: ") + e.what();
    }
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

std::vector<StreetJob> readManifest(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot open batch manifest '" + path + "'");
    int line = 1;
    std::vector<std::string> header;
    if (!readRecord(in, header, line))
        throw ConfigError("batch manifest '" + path + "' is empty (expected a header: name,out,args,previous)");
    if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0)
        header[0] = header[0].substr(3); // UTF-8 byte-order mark from spreadsheet exports
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i)
        column[trim(header[i])] = i;
    for (const char* required : {"name", "out"})
        if (!column.count(required))
            throw ConfigError("batch manifest '" + path + "': no '" + required +
                              "' column (header: name,out,args,previous, and option columns)");
    std::vector<StreetJob> jobs;
    std::set<std::string> names, outs;
    std::vector<std::string> fields;
    for (int start = line; readRecord(in, fields, line); start = line)
    {
        if (fields.size() == 1 && trim(fields[0]).empty())
            continue; // blank line
        const std::string where = "batch manifest '" + path + "' line " + std::to_string(start);
        auto cell = [&](const std::string& name) {
            auto it = column.find(name);
            return it != column.end() && it->second < fields.size() ? trim(fields[it->second]) : std::string();
        };
        StreetJob job;
        job.line = start;
        job.name = cell("name");
        job.out = cell("out");
        job.previous = cell("previous");
        if (job.name.empty() || job.out.empty())
            throw ConfigError(where + ": name and out must not be empty");
        if (job.name.find_first_of("/\\") != std::string::npos)
            throw ConfigError(where + ": the street name '" + job.name + "' must not contain a slash");
        if (!names.insert(job.name).second)
            throw ConfigError(where + ": street '" + job.name + "' is listed twice");
        if (!outs.insert(job.out).second)
            throw ConfigError(where + ": output folder '" + job.out + "' is used by two streets");
        for (const auto& [name, index] : column)
        {
            if (name == "name" || name == "out" || name == "previous" || name == "args" || name.empty())
                continue;
            const std::string value = index < fields.size() ? trim(fields[index]) : std::string();
            if (!value.empty())
                job.args.insert(job.args.end(), {"--" + name, value});
        }
        for (auto& w : splitWords(cell("args"), where))
            job.args.push_back(std::move(w));
        jobs.push_back(std::move(job));
    }
    if (jobs.empty())
        throw ConfigError("batch manifest '" + path + "' lists no street");
    return jobs;
}

std::vector<StreetResult> runBatch(const std::vector<StreetJob>& jobs, const std::string& manifest_dir,
                                   const BatchOptions& options)
{
    std::error_code ec;
    fs::create_directories(fs::path(options.summary_dir) / "logs", ec);
    if (ec)
        throw OutputError("cannot create '" + (fs::path(options.summary_dir) / "logs").string() + "': " + ec.message());
    std::vector<StreetResult> results(jobs.size());
    const int workers = std::max(1, std::min(static_cast<int>(jobs.size()),
                                             options.jobs > 0 ? options.jobs
                                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))));
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads_per_street = std::max(1, cores / workers);
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> pool;
        for (int w = 0; w < workers; ++w)
            pool.emplace_back([&] {
                for (std::size_t i; (i = next++) < jobs.size();)
                    results[i] = runStreet(jobs[i], manifest_dir, options, threads_per_street);
            });
    }
    return results;
}

void writeSummary(const std::vector<StreetResult>& results, const std::string& manifest, const std::string& dir)
{
    const auto csv_path = (fs::path(dir) / "summary.csv").string();
    const auto json_path = (fs::path(dir) / "summary.json").string();
    {
        std::ofstream out(csv_path, std::ios::binary);
        out << "name,status,exit_code,households,grids,grids_within_bounds_pct,gaps,moved_households,seconds,out,error\n";
        for (const auto& r : results)
            out << csvCell(r.name) << ',' << r.status << ',' << r.exit_code << ',' << r.households << ','
                << r.grids << ',' << number(r.grids_within_bounds_pct) << ',' << r.gaps << ','
                << r.moved_households << ',' << number(r.seconds) << ',' << csvCell(r.out) << ','
                << csvCell(r.error) << '\n';
        if (!out)
            throw OutputError("cannot write '" + csv_path + "'");
    }
    using Json = nlohmann::ordered_json;
    Json streets = Json::array();
    long long households = 0, grids = 0;
    int ok = 0;
    for (const auto& r : results)
    {
        streets.push_back({{"name", r.name},
                           {"status", r.status},
                           {"exit_code", r.exit_code},
                           {"households", r.households},
                           {"grids", r.grids},
                           {"grids_within_bounds_pct", r.grids_within_bounds_pct},
                           {"gaps", r.gaps},
                           {"moved_households", r.moved_households},
                           {"seconds", r.seconds},
                           {"out", r.out},
                           {"error", r.error.empty() ? Json(nullptr) : Json(r.error)}});
        ok += r.status == "ok";
        households += r.households;
        grids += r.grids;
    }
    Json summary = {{"manifest", manifest},
                    {"totals",
                     {{"streets", results.size()},
                      {"ok", ok},
                      {"failed", static_cast<int>(results.size()) - ok},
                      {"households", households},
                      {"grids", grids}}},
                    {"streets", streets}};
    std::ofstream out(json_path, std::ios::binary);
    out << summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out)
        throw OutputError("cannot write '" + json_path + "'");
}

} // namespace gp::batch
