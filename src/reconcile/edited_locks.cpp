#include "reconcile/edited_locks.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace gp::reconcile
{

void appendEditedLocks(std::vector<LockedGrid>& locks, const Plan& plan,
                       const PreviousRun& previous)
{
    const auto path = (std::filesystem::path(previous.dir) / "report.json").string();
    std::ifstream in(path, std::ios::binary);
    const auto report = nlohmann::json::parse(in, nullptr, false);
    if (report.is_discarded() || !report.contains("review") ||
        !report["review"].contains("edited_grids"))
        throw InputError("--lock-edited: '" + path +
                         "' has no review section; --previous must be a `gridplan review` output");
    std::vector<std::string> codes;
    for (const auto& code : report["review"]["edited_grids"])
        codes.push_back(code.get<std::string>());
    auto edited = locksFromCodes(codes, "--lock-edited ('" + path + "')", plan, previous);
    for (auto& lock : edited)
        locks.push_back(std::move(lock));
}

} // namespace gp::reconcile
