// Progress of the stages that can take more than a second (loading a layer, partitioning and
// tiling each community, writing each layer). The core reports through this interface and never
// prints; the CLI draws it (GDAL-style "0...10...20" bars on stderr, or nothing with -q).
#pragma once

#include <cstddef>
#include <string>

namespace gp
{

class ProgressReporter
{
  public:
    virtual ~ProgressReporter() = default;
    // A task starts, e.g. "load buildings", "partition", "tile", "write".
    virtual void begin(const std::string& task) = 0;
    // `done` of `total` items are finished (non-decreasing within a task); `item` names the one
    // just finished (a community, a layer), or is empty for anonymous items (features).
    virtual void advance(std::size_t done, std::size_t total, const std::string& item) = 0;
    // The task is over; `completed` is false when it stopped on an error.
    virtual void end(bool completed) = 0;
};

// One task of a (possibly null) reporter: begins on construction, ends on destruction (as not
// completed unless finish() was called, e.g. when an exception unwinds).
class ProgressTask
{
  public:
    ProgressTask(ProgressReporter* reporter, const std::string& task, std::size_t total);
    ~ProgressTask();
    ProgressTask(const ProgressTask&) = delete;
    ProgressTask& operator=(const ProgressTask&) = delete;

    // One more item is finished.
    void step(const std::string& item = {});
    // Reports at most every 1/200 of the total, so per-feature calls stay cheap.
    void stepQuietly();
    void finish();

  private:
    ProgressReporter* m_reporter;
    std::size_t m_total;
    std::size_t m_done = 0;
    std::size_t m_reported = 0;
    bool m_ended = false;
};

} // namespace gp
