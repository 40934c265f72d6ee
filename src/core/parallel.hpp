// A small fork-join helper: runs fn(i, worker) for i in [0, n) on up to `threads` std::jthreads
// (0: every core). Items are independent; callers store results per item and combine them in
// index order afterwards, so the outcome does not depend on the number of threads. The exception
// of the lowest failing item is rethrown (the same one a serial run would give first).
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace gp
{

inline int resolveThreads(int threads)
{
    return threads > 0 ? threads
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

inline void parallelFor(std::size_t n, int threads, const std::function<void(std::size_t, int)>& fn)
{
    const int workers = static_cast<int>(
        std::min<std::size_t>(n, static_cast<std::size_t>(resolveThreads(threads))));
    std::vector<std::exception_ptr> errors(n);
    if (workers <= 1)
    {
        for (std::size_t i = 0; i < n; ++i)
            fn(i, 0); // serial: exceptions propagate as they are
        return;
    }
    std::atomic<std::size_t> next{0};
    {
        std::vector<std::jthread> pool;
        for (int w = 0; w < workers; ++w)
            pool.emplace_back(
                [&, w]
                {
                    for (std::size_t i; (i = next++) < n;)
                    {
                        try
                        {
                            fn(i, w);
                        }
                        catch (...)
                        {
                            errors[i] = std::current_exception();
                        }
                    }
                });
    }
    for (auto& e : errors)
        if (e)
            std::rethrow_exception(e);
}

} // namespace gp
