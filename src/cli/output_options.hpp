// The options added on top of main.cpp's input/planning options: output format and PostGIS
// target, the config file (--config, --print-config), option groups and the help footer.
#pragma once

#include "core/config.hpp"

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace gp::cli
{

struct ConfigFileOptions
{
    std::string file;                   // --config
    bool print = false;                 // --print-config
    std::vector<CLI::Option*> required; // checked after the config file is applied
};

// Adds --format/--pg-schema/--pg-prefix (partition), --config and --print-config to `sub`, sorts
// every option of `sub` into groups and adds examples to its help. Call after main's bindOptions:
// options it marked required are checked later by applyConfigFile (they may come from the file).
void bindOutputOptions(CLI::App& sub, PartitionConfig& config, ConfigFileOptions& file,
                       bool partition);

// After parsing: fills every option not given on the command line from the config file, then
// prints the effective configuration to `out` and returns true for --print-config, else checks
// the required options. `sibling` is the other command (keys it knows are ignored, so one file
// serves partition and check). Throws gp::ConfigError on an unreadable file, unknown key or
// bad value, or a missing required option.
bool applyConfigFile(CLI::App& sub, const CLI::App& sibling, ConfigFileOptions& file,
                     std::ostream& out);

// The effective configuration of `sub` as a config file (TOML) that --config reads back.
std::string effectiveConfig(const CLI::App& sub);

} // namespace gp::cli
