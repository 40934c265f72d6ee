#include "io/output_dir.hpp"

#include "core/error.hpp"

#include <unistd.h>

namespace gp::io
{

namespace fs = std::filesystem;

OutputStaging::OutputStaging(const std::string& out_dir) : m_dir(out_dir)
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec || !fs::is_directory(m_dir))
        throw OutputError("cannot create output folder '" + out_dir + "': " + ec.message());
    m_staging = m_dir / (".gridplan-staging-" + std::to_string(::getpid()));
    fs::remove_all(m_staging, ec);
    if (!fs::create_directory(m_staging, ec) || ec)
        throw OutputError("cannot create staging folder in '" + out_dir + "': " + ec.message());
}

OutputStaging::~OutputStaging()
{
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

std::string OutputStaging::path(const std::string& file_name)
{
    m_files.push_back(file_name);
    return (m_staging / file_name).string();
}

void OutputStaging::commit()
{
    for (const auto& name : m_files)
    {
        std::error_code ec;
        fs::rename(m_staging / name, m_dir / name, ec);
        if (ec)
            throw OutputError("cannot move '" + name + "' into '" + m_dir.string() + "': " + ec.message());
    }
    m_committed = true;
}

} // namespace gp::io
