#include "core/config.hpp"

#include "core/error.hpp"

namespace gp
{

namespace
{

bool digits(const std::string& s, std::size_t n)
{
    return s.size() == n && s.find_first_not_of("0123456789") == std::string::npos;
}

void validateCodeScheme(const CodeScheme& c)
{
    if (c.scheme == "gridplan")
        return;
    if (c.scheme != "street15" && c.scheme != "cjt349")
        throw ConfigError("--code-scheme must be gridplan, street15 or cjt349, got '" + c.scheme +
                          "'");
    if (!digits(c.admin_code, 6))
        throw ConfigError("--code-scheme " + c.scheme +
                          " needs --admin-code: 6 digits (the county-level "
                          "administrative code, e.g. 110105), got '" +
                          c.admin_code + "'");
    if (!digits(c.street_number, 3))
        throw ConfigError("--code-scheme " + c.scheme +
                          " needs --street-number: 3 digits (e.g. 001), got '" + c.street_number +
                          "'");
    if (c.scheme == "cjt349" &&
        (c.service_code.empty() || !digits(c.service_code, c.service_code.size())))
        throw ConfigError(
            "--code-scheme cjt349 needs --service-code: the service-object code in digits, got '" +
            c.service_code + "'");
}

} // namespace

void validate(const PartitionConfig& config)
{
    if (config.buildings.path.empty())
        throw ConfigError("no buildings layer given (--buildings)");
    if (config.communities.path.empty())
        throw ConfigError("no communities layer given (--communities)");
    if (config.min_households <= 0)
        throw ConfigError("--min must be positive, got " + std::to_string(config.min_households));
    if (config.min_households > config.max_households)
        throw ConfigError("--min (" + std::to_string(config.min_households) + ") is above --max (" +
                          std::to_string(config.max_households) + ")");
    if (config.target_households < config.min_households ||
        config.target_households > config.max_households)
        throw ConfigError("--target (" + std::to_string(config.target_households) +
                          ") must lie within [--min, --max]");
    if (config.estimate.usable_ratio <= 0 || config.estimate.usable_ratio > 1)
        throw ConfigError("the usable floor-area ratio must be in (0, 1]");
    if (config.estimate.dwelling_m2 <= 0)
        throw ConfigError("the average dwelling size must be positive");
    if (config.estimate.floor_height_m <= 0)
        throw ConfigError("the storey height must be positive");
    const auto& d = config.dedicated;
    if (d.cluster_distance_m < 0 || d.fold_distance_m < 0)
        throw ConfigError("--dedicated-distance and --fold-distance must not be negative");
    if (d.min_floor_area_m2 <= 0 || d.min_buildings <= 0 || d.min_workers <= 0)
        throw ConfigError("--dedicated-floor-area, --dedicated-buildings and --dedicated-workers "
                          "must be positive");
    if (config.area_target_households <= 0)
        throw ConfigError("--area-target must be positive, got " +
                          std::to_string(config.area_target_households));
    if (config.area_count < 0)
        throw ConfigError("--areas must not be negative, got " + std::to_string(config.area_count));
    if (config.exact_max_units < 0 || config.exact_check_units < 0 || !(config.exact_seconds > 0))
        throw ConfigError(
            "--exact and --exact-max-units must not be negative, --exact-seconds must be positive");
    if (!config.specials.empty() && (!config.previous_dir.empty() || !config.lock_path.empty()))
        throw ConfigError("--special cannot be combined with --previous or --lock yet: re-run "
                          "without --special, or partition afresh");
    for (const auto& s : config.specials)
        if (s.kind.empty() && s.kind_field.empty())
            throw ConfigError("special layer '" + s.source.path +
                              "' needs --special-kind-field or --special-kind");
    if (config.output_format != "geojson" && config.output_format != "gpkg")
        throw ConfigError("--format must be geojson or gpkg, got '" + config.output_format + "'");
    if (config.pg_schema.empty() ||
        config.pg_schema.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") !=
            std::string::npos ||
        (config.pg_schema[0] >= '0' && config.pg_schema[0] <= '9'))
        throw ConfigError("--pg-schema must be lower-case letters, digits and _, got '" +
                          config.pg_schema + "'");
    if (config.pg_table_prefix.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") !=
        std::string::npos)
        throw ConfigError("--pg-prefix must be lower-case letters, digits and _, got '" +
                          config.pg_table_prefix + "'");
    validateCodeScheme(config.codes);
    // -j: 0 is every core; a negative count means nothing, and a huge one only costs memory
    // (each worker holds its own GEOS context and buffers).
    if (config.threads < 0 || config.threads > kMaxThreads)
        throw ConfigError("-j/--jobs must be 0 (every core) or 1 to " +
                          std::to_string(kMaxThreads) + " threads, got " +
                          std::to_string(config.threads));
    if (config.lang != "en" && config.lang != "zh")
        throw ConfigError("--lang must be en or zh, got '" + config.lang + "'");
}

} // namespace gp
