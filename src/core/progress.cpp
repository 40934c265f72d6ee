#include "core/progress.hpp"

#include <algorithm>

namespace gp
{

ProgressTask::ProgressTask(ProgressReporter* reporter, const std::string& task, std::size_t total)
    : m_reporter(reporter), m_total(total)
{
    if (m_reporter)
        m_reporter->begin(task);
}

ProgressTask::~ProgressTask()
{
    if (m_reporter && !m_ended)
        m_reporter->end(false);
}

void ProgressTask::step(const std::string& item)
{
    ++m_done;
    m_reported = m_done;
    if (m_reporter)
        m_reporter->advance(m_done, std::max(m_total, m_done), item);
}

void ProgressTask::stepInOrder(std::size_t index, const std::string& item)
{
    const std::lock_guard<std::mutex> lock(m_order_mutex);
    if (m_is_finished.size() <= index)
    {
        m_is_finished.resize(std::max(index + 1, m_total), 0);
        m_finished.resize(m_is_finished.size());
    }
    m_is_finished[index] = 1;
    m_finished[index] = item;
    while (m_next < m_is_finished.size() && m_is_finished[m_next])
        step(m_finished[m_next++]);
}

void ProgressTask::stepQuietly()
{
    ++m_done;
    const std::size_t every = std::max<std::size_t>(1, m_total / 200);
    if (m_done - m_reported >= every || m_done == m_total)
    {
        m_reported = m_done;
        if (m_reporter)
            m_reporter->advance(m_done, std::max(m_total, m_done), {});
    }
}

void ProgressTask::finish()
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_reporter)
    {
        if (m_reported < m_total)
            m_reporter->advance(m_total, m_total, {});
        m_reporter->end(true);
    }
}

} // namespace gp
