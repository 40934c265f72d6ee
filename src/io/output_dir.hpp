// Atomic outputs: every file of a run is written into a staging folder inside DIR and moved into
// place only when all of them are complete, so a failed run leaves DIR's earlier outputs as they were.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gp::io
{

class OutputStaging
{
  public:
    explicit OutputStaging(const std::string& out_dir);
    ~OutputStaging(); // removes the staging folder (and its partial files) unless committed
    OutputStaging(const OutputStaging&) = delete;
    OutputStaging& operator=(const OutputStaging&) = delete;

    // Where to write `file_name` now; the name is remembered for commit().
    std::string path(const std::string& file_name);
    // Renames every staged file into DIR.
    void commit();

  private:
    std::filesystem::path m_dir;
    std::filesystem::path m_staging;
    std::vector<std::string> m_files;
    bool m_committed = false;
};

} // namespace gp::io
