// The stage lines of a run ("partition: 52 grids in 4 communities"), one per finished stage,
// each with the wall and CPU time the stage took (for scripts/bench.sh). Only the log (stderr)
// carries timings, so outputs stay byte-identical.
#pragma once

#include <functional>
#include <string>

namespace gp::pipeline
{

// Receives one line per finished stage.
using StageLog = std::function<void(const std::string&)>;

// Passes `line` on when there is a log and the line is not empty (a stage with nothing to say).
void say(const StageLog& log, const std::string& line);

// A log that appends to each line the wall and CPU time since the previous line (or since this
// call, for the first): "... [1.234 s, cpu 1.201 s]". Empty when `log` is.
StageLog withStageTimes(const StageLog& log);

} // namespace gp::pipeline
