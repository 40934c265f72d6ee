// `gridplan batch MANIFEST`: the thin CLI over gp::batch (src/batch/).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace gp::cli
{

struct BatchCommand
{
    std::string manifest;
    std::string summary_dir;
    int jobs = 0;
    bool quiet = false;

    CLI::App* add(CLI::App& app);
    // Exit code: 0 every street ok, 1 some street failed (or outputs unwritable), 2 bad manifest.
    int run() const;
};

} // namespace gp::cli
