#include "cli/progress_bar.hpp"

#include <cstdio>

namespace gp::cli
{

StderrProgress::StderrProgress(bool verbose)
    : m_verbose(verbose), m_start(std::chrono::steady_clock::now())
{
}

void StderrProgress::begin(const std::string& task)
{
    m_task = task;
    m_tick = -1;
    if (!m_verbose)
        drawTo(0);
}

void StderrProgress::drawTo(int tick)
{
    if (m_tick < 0)
    {
        if (m_verbose)
        {
            const auto s = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::steady_clock::now() - m_start)
                               .count();
            std::fprintf(stderr, "[%02lld:%02lld] ", static_cast<long long>(s / 60),
                         static_cast<long long>(s % 60));
        }
        std::fprintf(stderr, "%s: ", m_task.c_str());
    }
    for (int t = m_tick + 1; t <= tick; ++t)
    {
        if (t % 4 == 0)
            std::fprintf(stderr, "%d", t / 4 * 10);
        else
            std::fputc('.', stderr);
    }
    if (tick > m_tick)
        m_tick = tick;
    std::fflush(stderr);
}

void StderrProgress::advance(std::size_t done, std::size_t total, const std::string& item)
{
    if (m_verbose && !item.empty())
    {
        if (m_tick >= 0) // an item after anonymous steps: end the bar's line first
        {
            std::fputc('\n', stderr);
            m_tick = -1;
        }
        const auto s = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - m_start)
                           .count();
        std::fprintf(stderr, "[%02lld:%02lld] %s %zu/%zu: %s\n", static_cast<long long>(s / 60),
                     static_cast<long long>(s % 60), m_task.c_str(), done, total, item.c_str());
        return;
    }
    const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    drawTo(static_cast<int>(fraction * 40.0 + 1e-9));
}

void StderrProgress::end(bool completed)
{
    if (m_tick < 0)
        return;
    if (completed)
    {
        drawTo(40);
        std::fputs(" - done.\n", stderr);
    }
    else
        std::fputc('\n', stderr);
    m_tick = -1;
}

} // namespace gp::cli
