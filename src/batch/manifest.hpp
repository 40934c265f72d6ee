// The batch manifest: a CSV file listing streets, one `gridplan partition` run each. Read once,
// checked whole before anything runs: a manifest problem is a usage error (exit 2) naming the
// line, never a silent mismatch found street by street.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace gp::batch
{

// One row of the manifest.
struct StreetJob
{
    std::string name;
    std::string out;               // output folder (relative paths: to the manifest's folder)
    std::string previous;          // optional previous-run folder
    std::vector<std::string> args; // partition options (from the args column and option columns)
    int line = 0;                  // manifest line, for messages
};

struct ManifestRules
{
    // Long names (without dashes) of the partition options; option columns and `--name` words
    // of the args column must be one of them. Empty: not checked (unit tests of the syntax).
    std::set<std::string> partition_options;
    bool out_required = true; // false when the batch writes to PostGIS (`--out PG:...`)
};

// CSV manifest (header row; RFC 4180 quoting), UTF-8 (a byte-order mark is skipped). Columns:
// name, out, previous, args (partition options as shell-like words, quotes allowed), and any
// other column named after a partition option without its dashes (buildings,
// communities-where, ...) giving its value. Empty cells are skipped. ConfigError naming the line
// on a malformed manifest: not UTF-8 (GBK said so), an unknown column or option, a name or an
// output folder used twice (folders compared by resolved path, so `same`, `./same/` and its
// absolute path are one folder). InputError when it cannot be read.
std::vector<StreetJob> readManifest(const std::string& path, const ManifestRules& rules = {});

// Shell-like words: blanks separate, single and double quotes group, no expansion.
// ConfigError "<where>: unclosed quote".
std::vector<std::string> splitWords(const std::string& text, const std::string& where);

// The value of `--name V` or `--name=V` in a street's options (the last one given), else empty.
std::string optionValue(const std::vector<std::string>& args, const std::string& name);

// The manifest's bytes (for a fingerprint of the whole manifest); InputError when unreadable.
std::string readManifestBytes(const std::string& path);

} // namespace gp::batch
