// Draws the core's progress on stderr as GDAL's command-line tools do ("0...10...20...100 - done.",
// a tick every 2.5 %); with -v, items (communities, layers) get one timestamped line each instead.
#pragma once

#include "core/progress.hpp"

#include <chrono>
#include <string>

namespace gp::cli
{

class StderrProgress : public ProgressReporter
{
  public:
    explicit StderrProgress(bool verbose);
    void begin(const std::string& task) override;
    void advance(std::size_t done, std::size_t total, const std::string& item) override;
    void end(bool completed) override;

  private:
    void drawTo(int tick);
    bool m_verbose;
    std::chrono::steady_clock::time_point m_start;
    std::string m_task;
    int m_tick = -1; // last tick drawn (0..40), -1: the bar is not on screen
};

} // namespace gp::cli
