#include "write/changes.hpp"

#include "write/fields.hpp"

namespace gp::write
{

io::FeatureTable changesTable(const ChangeReport& changes)
{
    using io::FieldType;
    io::FeatureTable t;
    t.name = "changes";
    t.fields = {{"kind", FieldType::String},
                {"status", FieldType::String},
                {"old_code", FieldType::String},
                {"new_code", FieldType::String},
                {"old_codes", FieldType::String},
                {"new_codes", FieldType::String},
                {"community", FieldType::String},
                {"building_id", FieldType::String},
                {"households", FieldType::Integer},
                {"households_old", FieldType::Integer},
                {"moved_households", FieldType::Integer}};
    for (const auto& g : changes.grids)
    {
        io::FeatureTable::Row row;
        row.values = {text("grid"),
                      text(toString(g.status)),
                      text(g.old_code),
                      text(g.new_code),
                      text(join(g.old_codes)),
                      text(join(g.new_codes)),
                      text(g.community),
                      io::FieldValue{},
                      integer(g.households_new),
                      integer(g.households_old),
                      integer(g.moved_households)};
        row.area = g.area;
        t.rows.push_back(std::move(row));
    }
    for (const auto& b : changes.buildings)
    {
        io::FeatureTable::Row row;
        row.values = {text("building"),  text(toString(b.status)), text(b.old_code),
                      text(b.new_code),  io::FieldValue{},         io::FieldValue{},
                      text(b.community), text(b.building_id),      integer(b.households),
                      io::FieldValue{},  io::FieldValue{}};
        row.area = b.area;
        row.point = b.point;
        t.rows.push_back(std::move(row));
    }
    return t;
}

nlohmann::ordered_json changesReport(const ChangeReport& changes)
{
    using Json = nlohmann::ordered_json;
    std::map<std::string, int> by_status;
    for (const auto& g : changes.grids)
        ++by_status[toString(g.status)];
    Json grids = Json::array();
    for (const auto& g : changes.grids)
        grids.push_back({{"status", toString(g.status)},
                         {"old_code", g.old_code.empty() ? Json(nullptr) : Json(g.old_code)},
                         {"new_code", g.new_code.empty() ? Json(nullptr) : Json(g.new_code)},
                         {"old_codes", g.old_codes},
                         {"new_codes", g.new_codes},
                         {"community", g.community},
                         {"households_old", g.households_old},
                         {"households_new", g.households_new},
                         {"moved_households", g.moved_households}});
    Json buildings = Json::array();
    for (const auto& b : changes.buildings)
        buildings.push_back({{"building_id", b.building_id},
                             {"status", toString(b.status)},
                             {"old_code", b.old_code.empty() ? Json(nullptr) : Json(b.old_code)},
                             {"new_code", b.new_code.empty() ? Json(nullptr) : Json(b.new_code)},
                             {"community", b.community},
                             {"households", b.households}});
    return {{"previous", changes.previous_dir},
            {"totals",
             {{"communities_unchanged", changes.communities_unchanged},
              {"communities_changed", changes.communities_changed},
              {"grids_kept", changes.grids_kept},
              {"grids_changed", changes.grids_changed},
              {"grids_by_status", by_status},
              {"households_moved", changes.households_moved},
              {"households_new", changes.households_new},
              {"households_removed", changes.households_removed},
              {"buildings_changed", changes.buildings.size()}}},
            {"grids", grids},
            {"buildings", buildings}};
}

} // namespace gp::write
