// --pdf: after a command has written its outputs (partition, review), print the QGIS project's
// atlas (write/qgis_layout.hpp) to OUT/atlas.pdf through QGIS, headless, with
// scripts/export_atlas.py. QGIS is optional: without it the other outputs stand and the command
// says plainly why there is no atlas.pdf (README "Atlas and --pdf").
#pragma once

#include "core/config.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace gp::cli
{

struct PdfOptions
{
    bool pdf = false; // --pdf
};

// Adds --pdf, and the atlas's --street-name and --attribution (into `config`), to `sub`.
void bindAtlasOptions(CLI::App& sub, PdfOptions& options, PartitionConfig& config);

// Before computing: --pdf needs an --out folder (a PostGIS output has no QGIS project); throws
// ConfigError otherwise.
void checkPdfOption(const PdfOptions& options, const std::string& out_dir);

// The outcome of exportAtlasPdf: ok, or why atlas.pdf was not written.
struct PdfResult
{
    bool ok = false;
    std::string message; // one line for the user: what was written, or what went wrong and why
};

// Runs the export script on out_dir (which holds gridplan.qgs): atlas.pdf appears complete or not
// at all. The script is found beside the executable (installed: ../share/gridplan/, build tree:
// ../scripts/, or its own folder), or at $GRIDPLAN_ATLAS_SCRIPT; QGIS's Python is
// $GRIDPLAN_QGIS_PYTHON, else /usr/bin/python3 (python3-qgis lives in the system Python), else
// python3 on PATH.
PdfResult exportAtlasPdf(const std::string& out_dir);

// For a command that has just written out_dir: nothing unless --pdf; else exports and prints the
// result on stderr (unless `quiet` and written). Returns false when --pdf was asked and atlas.pdf
// could not be written: the command should then exit 1 (its other outputs are written).
bool exportPdfIfAsked(const PdfOptions& options, const std::string& out_dir, bool quiet);

} // namespace gp::cli
