#include "cli/atlas_pdf.hpp"

#include "batch/process.hpp"
#include "core/error.hpp"
#include "io/gdal_support.hpp"
#include "io/output_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

namespace gp::cli
{

namespace fs = std::filesystem;

namespace
{

// Exit code of scripts/export_atlas.py when QGIS's Python bindings are missing.
constexpr int kNoQgis = 3;

fs::path executableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

std::string findScript()
{
    if (const char* env = std::getenv("GRIDPLAN_ATLAS_SCRIPT"); env && *env)
        return env;
    const fs::path dir = executableDir();
    std::vector<fs::path> candidates;
    if (!dir.empty())
        candidates = {dir / ".." / "share" / "gridplan" / "export_atlas.py",
                      dir / ".." / "scripts" / "export_atlas.py", dir / "export_atlas.py"};
#ifdef GRIDPLAN_SOURCE_DIR
    candidates.push_back(fs::path(GRIDPLAN_SOURCE_DIR) / "scripts" / "export_atlas.py");
#endif
    std::error_code ec;
    for (const auto& c : candidates)
        if (fs::is_regular_file(c, ec))
            return fs::weakly_canonical(c, ec).string();
    return "";
}

std::string findPython()
{
    if (const char* env = std::getenv("GRIDPLAN_QGIS_PYTHON"); env && *env)
        return env;
    std::error_code ec;
    return fs::exists("/usr/bin/python3", ec) ? "/usr/bin/python3" : "python3";
}

// The script's last non-empty output line (its verdict or error).
std::string lastLine(const std::string& text)
{
    auto end = text.find_last_not_of("\r\n");
    if (end == std::string::npos)
        return "";
    const auto start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1,
                       end + 1 - (start == std::string::npos ? 0 : start + 1));
}

} // namespace

void bindAtlasOptions(CLI::App& sub, PdfOptions& options, PartitionConfig& config)
{
    sub.add_option("--street-name", config.street_name,
                   "The street's name on the atlas pages of gridplan.qgs (default: --street-code)");
    sub.add_option("--attribution", config.attribution,
                   "Data attribution printed on every atlas page (default: what ATTRIBUTION.txt "
                   "beside the inputs says)");
    sub.add_flag("--pdf", options.pdf,
                 "Also print the QGIS project's atlas (overview + one A3 page per community) to "
                 "atlas.pdf, through QGIS (python3-qgis); exit 1 when it cannot");
}

void checkPdfOption(const PdfOptions& options, const std::string& out_dir)
{
    if (options.pdf && io::isPostgisConnection(out_dir))
        throw ConfigError("--pdf needs an --out folder: a PostGIS output has no QGIS project to "
                          "print");
}

PdfResult exportAtlasPdf(const std::string& out_dir)
{
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(out_dir) / "gridplan.qgs", ec))
        return {false, "no gridplan.qgs in '" + out_dir + "' to print"};
    const std::string script = findScript();
    if (script.empty())
        return {false, "export_atlas.py not found beside the gridplan executable (looked in "
                       "../share/gridplan, ../scripts and its own folder; set "
                       "GRIDPLAN_ATLAS_SCRIPT)"};
    const std::string python = findPython();
    // Listed first, so the next run replaces atlas.pdf rather than refusing the folder.
    io::recordOutput(out_dir, "atlas.pdf");
    // Headless: no display needed. Keep the caller's choice when set.
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    std::string output;
    const int code = batch::runProcess({python, script, out_dir}, "", "", &output);
    if (code == 0)
        return {true, lastLine(output)};
    if (code == batch::kNotStarted || code == 127)
        return {false, "cannot run " + python + " (QGIS needs Python 3 with python3-qgis)"};
    if (code == kNoQgis)
        return {false, "QGIS is not installed (Debian/Ubuntu: apt install python3-qgis "
                       "qgis-providers); open gridplan.qgs in QGIS and print its layouts instead"};
    return {false, lastLine(output).empty()
                       ? "QGIS export failed (exit " + std::to_string(code) + ")"
                       : lastLine(output)};
}

bool exportPdfIfAsked(const PdfOptions& options, const std::string& out_dir, bool quiet)
{
    if (!options.pdf)
        return true;
    const PdfResult r = exportAtlasPdf(out_dir);
    if (r.ok)
    {
        if (!quiet)
            std::cerr << "gridplan: " << r.message << '\n';
        return true;
    }
    std::cerr << "gridplan: --pdf: atlas.pdf not written: " << r.message
              << "\n(the other outputs are written)\n";
    return false;
}

} // namespace gp::cli
