// A GDAL configuration option set for the current thread while the object lives (the previous
// value restored after), for driver behaviour that only a config option controls.
#pragma once

#include <cpl_conv.h>

#include <optional>
#include <string>

namespace gp::io
{

class ScopedThreadConfig
{
  public:
    ScopedThreadConfig(const char* key, const char* value) : m_key(key)
    {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr))
            m_old = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ScopedThreadConfig()
    {
        CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr);
    }
    ScopedThreadConfig(const ScopedThreadConfig&) = delete;
    ScopedThreadConfig& operator=(const ScopedThreadConfig&) = delete;

  private:
    const char* m_key;
    std::optional<std::string> m_old;
};

} // namespace gp::io
