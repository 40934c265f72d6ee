#include "core/config.hpp"

#include "core/error.hpp"

namespace gp
{

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
    if (config.lang != "en" && config.lang != "zh")
        throw ConfigError("--lang must be en or zh, got '" + config.lang + "'");
}

} // namespace gp
