// The options partition, check and review share (inputs, dedicated grids, areas, households,
// bounds, estimates, CRS, codes), bound in named groups, and their conversion into the
// PartitionConfig. Each command adds its own options on top (main.cpp, review_command.cpp).
#pragma once

#include "core/config.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace gp::cli
{

// A repeatable line input (--barriers, --streets, --roads): its sources and, once for all or once
// per source, their -layer, -where and -crs.
struct RepeatedSource
{
    std::vector<std::string> paths, layers, wheres, crss;

    void add(CLI::App& sub, const std::string& name, const std::string& what);
    std::vector<gp::LayerSource> sources(const std::string& name) const;
};

// Everything the options of partition, check and review fill in.
struct CliOptions
{
    gp::PartitionConfig config;
    gp::LayerSource street, compounds;
    RepeatedSource barriers, streets, roads; // streets and classed roads: issue 13
    std::vector<std::string> use_map, default_floors;
    std::vector<std::string> special_paths, special_layers, special_wheres, special_id_fields,
        special_kind_fields, special_kinds, special_crss;
    std::vector<std::string> road_classes;
    std::string source_encoding;
    gp::HouseholdsTable households_table;
    bool quiet = false, verbose = false;
    std::string batch_fingerprint; // set by gridplan batch, kept in report.json
};

// Binds every shared option group onto `sub`, in --help order.
void bindInputOptions(CLI::App& sub, CliOptions& o);

// Options of one input layer, as ogr2ogr names them: --ROLE (path), --ROLE-layer, --ROLE-where,
// --ROLE-id-field (when asked) and --ROLE-crs. Shared by the inputs above and review's edited plan.
void bindLayerSource(CLI::App& app, LayerSource& source, const std::string& role,
                     const std::string& help, bool required, bool with_id_field = true);

// Turns the raw option values into the config: optional layers, barriers, key=value lists.
// ConfigError (exit 2) for a malformed value.
void finishConfig(CliOptions& o);

} // namespace gp::cli
