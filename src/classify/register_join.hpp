// Households from the register: street offices keep households in tables (实有人口 / 房屋,
// Excel or CSV) keyed by a building number or an address, not in the building layer. The rows
// are joined to the buildings by that key after Unicode normalisation; each building's count
// becomes its households field value (so classify/ reads it like --households-field).
#pragma once

#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gp::classify
{

// The key as compared: full-width ASCII (U+FF01..U+FF5E, the digits and letters of Chinese
// input methods) mapped to ASCII, ideographic and no-break spaces to spaces, runs of white space
// collapsed to one space and the ends trimmed (the NFKC folds that matter for these keys).
std::string normaliseKey(std::string_view text);

struct RegisterRow
{
    std::string key; // as read (normalised by the join)
    std::int64_t households = 1;
    std::int64_t row = 0; // 1-based data row (FID for sources that have one), for messages
};

struct RegisterTable
{
    std::string path;
    std::vector<RegisterRow> rows;
    std::int64_t rows_read = 0;
    std::vector<Issue> ignored; // rows left out (empty key, bad count), one issue each
};

// Joins `table` to `buildings` whose key values are `keys` (one per building, nullopt when the
// building has none): matched buildings get inputs.households = the households of their key (a
// key on several buildings is split evenly between them, in building order). Keys that match no
// building become register_key_unmatched issues; the counts go into the returned join.
RegisterJoin joinRegister(std::vector<Building>& buildings,
                          const std::vector<std::optional<std::string>>& keys,
                          const RegisterTable& table, std::vector<Issue>& issues);

// After classify: register-joined buildings are labelled households_source "register", and
// residential buildings without a row become register_no_row issues.
void finishRegisterJoin(Plan& plan, const std::string& key_field);

} // namespace gp::classify
