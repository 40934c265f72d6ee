// Atomic outputs: every file of a run is written into a staging folder inside DIR and moved into
// place only when all of them are complete, so a failed run leaves DIR's earlier outputs as they
// were. DIR's own files are listed in a manifest (.gridplan-outputs), so a run never replaces a
// file it did not write, nor an input of the same run (README "Output folder safety").
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace gp
{
struct PartitionConfig;
}

namespace gp::io
{

// The manifest of the files gridplan wrote into an output folder (one name a line).
inline constexpr const char* kOutputManifest = ".gridplan-outputs";

// Every file path a run reads (layers, lock list); --previous is left out: its files are
// gridplan's own outputs, meant to be replaced by the new run.
std::vector<std::string> runInputPaths(const PartitionConfig& config);

// Before any computing: refuses (ConfigError) an output folder holding files gridplan did not
// write or whose outputs would replace an input; creates the folder, proves it writable
// (OutputError) and removes staging folders left behind by runs that were killed.
void prepareOutputDir(const std::string& out_dir, const std::vector<std::string>& input_paths);

// Adds `name` to DIR's manifest (kept sorted): for a file written into DIR after the run's commit,
// such as atlas.pdf (cli/atlas_pdf.cpp), so that the next run replaces it rather than refusing
// the folder. Listed before the file appears, so a crash never leaves it unlisted.
void recordOutput(const std::string& out_dir, const std::string& name);

class OutputStaging
{
  public:
    OutputStaging(const std::string& out_dir, std::vector<std::string> input_paths);
    ~OutputStaging(); // removes the staging folder (and its partial files) unless committed
    OutputStaging(const OutputStaging&) = delete;
    OutputStaging& operator=(const OutputStaging&) = delete;

    // Where to write `file_name` now; the name is remembered for commit().
    std::string path(const std::string& file_name);
    // Renames every staged file into DIR, then the manifest; files of the previous manifest this
    // run did not write again are removed (stale layers would read as part of this run).
    void commit();

  private:
    void writeManifest(const std::set<std::string>& names); // staged, then moved into DIR

    std::filesystem::path m_dir;
    std::filesystem::path m_staging;
    std::vector<std::string> m_inputs;
    std::vector<std::string> m_files;
    bool m_committed = false;
};

} // namespace gp::io
