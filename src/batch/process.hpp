// Child processes of the batch engine: a street's `gridplan partition`, or sbatch.
#pragma once

#include <string>
#include <vector>

namespace gp::batch
{

constexpr int kNotStarted = -1000;

// Runs argv (argv[0]: a path, or a name looked up on PATH) with stdin from /dev/null and stdout
// plus stderr into `log_path` (a file, truncated) or, when log_path is empty, into `captured`;
// in folder `dir` when not empty. Returns the exit code, -1 - N when killed by signal N, or
// kNotStarted.
int runProcess(const std::vector<std::string>& argv, const std::string& dir,
               const std::string& log_path, std::string* captured = nullptr);

} // namespace gp::batch
