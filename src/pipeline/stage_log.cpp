#include "pipeline/stage_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

namespace gp::pipeline
{

void say(const StageLog& log, const std::string& line)
{
    if (log && !line.empty())
        log(line);
}

// CPU time as well as wall time because a shared machine stretches wall time.
StageLog withStageTimes(const StageLog& log)
{
    if (!log)
        return {};
    struct Mark
    {
        std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
        std::clock_t cpu = std::clock();
    };
    auto last = std::make_shared<Mark>();
    return [log, last](const std::string& line)
    {
        const Mark now;
        char seconds[64];
        std::snprintf(seconds, sizeof seconds, " [%.3f s, cpu %.3f s]",
                      std::chrono::duration<double>(now.wall - last->wall).count(),
                      static_cast<double>(now.cpu - last->cpu) / CLOCKS_PER_SEC);
        *last = now;
        log(line + seconds);
    };
}

} // namespace gp::pipeline
