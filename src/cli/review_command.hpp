// `gridplan review`: the CLI over gp::review (src/review/). The same input options as partition
// (cli/input_options), the edited plan (--plan-grids / --plan-buildings, each with -layer,
// -where, -crs), --previous (the plan it was edited from) and --out.
#pragma once

#include "cli/atlas_pdf.hpp"
#include "cli/input_options.hpp"
#include "cli/output_options.hpp"
#include "review/edited.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace gp::cli
{

struct ReviewCommand
{
    LayerSource plan_grids, plan_buildings;
    std::string previous;
    PdfOptions pdf;                 // --pdf: the atlas of the reviewed plan
    mutable ConfigFileOptions file; // applyConfigFile fills it after parsing
    CLI::App* sub = nullptr;

    CLI::App* add(CLI::App& app, CliOptions& o);
    // After parsing and finishConfig. Exit code: 0 no violation, 1 violations (all listed on
    // stdout and in gaps.geojson); errors are thrown as for partition.
    int run(CliOptions& o) const;
};

} // namespace gp::cli
