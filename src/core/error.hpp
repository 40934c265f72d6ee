// The error model: the core throws these; only the CLI turns them into messages and exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace gp
{

// Bad input data: a file that cannot be read, a feature that cannot be used. Exit code 1.
struct InputError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Bad options or configuration: the user must change the command. Exit code 2.
struct ConfigError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// A geometry operation failed (carries the GEOS or GDAL message). Exit code 3 (internal).
struct GeometryError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Writing outputs failed. Exit code 1.
struct OutputError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

} // namespace gp
