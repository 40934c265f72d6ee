// Progress of the stages that can take more than a second (loading a layer, partitioning and
// tiling each community, writing each layer). The core reports through this interface and never
// prints; the CLI draws it (GDAL-style "0...10...20" bars on stderr, or nothing with -q).
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

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
    // Item `index` (of `total`, numbered in a fixed order) is finished; may be called from worker
    // threads in any order. Items are reported in index order as soon as all before them are
    // done, so the lines read the same whatever the threads did.
    void stepInOrder(std::size_t index, const std::string& item);
    // Reports at most every 1/200 of the total, so per-feature calls stay cheap.
    void stepQuietly();
    void finish();

  private:
    ProgressReporter* m_reporter;
    std::size_t m_total;
    std::size_t m_done = 0;
    std::size_t m_reported = 0;
    bool m_ended = false;
    std::mutex m_order_mutex;
    std::vector<std::string> m_finished; // stepInOrder: labels of finished items, by index
    std::vector<char> m_is_finished;
    std::size_t m_next = 0; // first index not reported yet
};

} // namespace gp
