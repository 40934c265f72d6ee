// Fingerprints: a street already finished with the same inputs and options is not run again.
#pragma once

#include "batch/manifest.hpp"

#include <cstdint>
#include <string>

namespace gp::batch
{

// FNV-1a, 64 bits (Fowler, Noll, Vo): a stable hash for change detection, not for security.
std::uint64_t fnv1a(const std::string& bytes, std::uint64_t seed = 14695981039346656037ull);
std::string hex64(std::uint64_t value);

// The fingerprint of one street's run: the gridplan version and executable (size, mtime), every
// option of the child except the ones that do not change outputs (-j, -q, --out), and for each
// option value that names a file or folder (relative to manifest_dir): the size and modification
// time of that file, of its sidecars (same name, other extension: .dbf/.shx/.prj/.cpg of a
// Shapefile) and of the files of a folder (a --previous run). 16 hex digits.
std::string streetFingerprint(const StreetJob& job, const std::vector<std::string>& child_args,
                              const std::string& manifest_dir, const std::string& executable);

} // namespace gp::batch
