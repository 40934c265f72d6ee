// End-to-end: households from a register (--households-table). An XLSX sheet written with GDAL,
// keyed by Chinese addresses with full-width digits and stray spaces, joined to the buildings'
// ASCII-digit addresses; counts, unmatched keys and buildings without a row checked exactly.
#include "classify/register_join.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace gp::test;

namespace
{

// One community 420 x 200 m with eight 20 x 20 m homes (住宅), addresses 幸福路1号 .. 幸福路8号.
void writeStreet(const TempDir& dir)
{
    const double x0 = 500000, y0 = 3300000;
    FixtureLayer buildings;
    buildings.fields = {{"bid", 'S'}, {"addr", 'S'}, {"use", 'S'}};
    for (int i = 0; i < 8; ++i)
    {
        const double x = x0 + 10 + (i % 4) * 100, y = y0 + 20 + (i / 4) * 100;
        buildings.features.push_back({rectWkt(x, y, x + 20, y + 20),
                                      {{"bid", "B" + std::to_string(i + 1)},
                                       {"addr", "幸福路" + std::to_string(i + 1) + "号"},
                                       {"use", "住宅"}}});
    }
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back({rectWkt(x0, y0, x0 + 420, y0 + 200), {{"cid", "C1"}}});
    writeLayer(dir.file("communities.shp"), communities);
}

std::vector<std::string> runArgs(const TempDir& dir, const std::vector<std::string>& extra)
{
    std::vector<std::string> args = {"partition",
                                     "--buildings",
                                     dir.file("buildings.shp"),
                                     "--buildings-id-field",
                                     "bid",
                                     "--use-field",
                                     "use",
                                     "--communities",
                                     dir.file("communities.shp"),
                                     "--communities-id-field",
                                     "cid",
                                     "--min",
                                     "100",
                                     "--max",
                                     "500",
                                     "--target",
                                     "300",
                                     "--out",
                                     dir.file("out"),
                                     "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::map<std::string, std::map<std::string, std::string>> buildingsById(const TempDir& dir)
{
    std::map<std::string, std::map<std::string, std::string>> out;
    for (const auto& b : readLayer(dir.file("out/buildings.geojson")))
        out[b.fields.at("building_id")] = b.fields;
    return out;
}

std::vector<ReadFeature> gapsWith(const TempDir& dir, const std::string& reason)
{
    std::vector<ReadFeature> out;
    for (const auto& g : readLayer(dir.file("out/gaps.geojson")))
        if (g.fields.at("reason") == reason)
            out.push_back(g);
    return out;
}

} // namespace

TEST_CASE("register keys compare after Unicode normalisation", "[register]")
{
    using gp::classify::normaliseKey;
    CHECK(normaliseKey("幸福路１２号") == "幸福路12号");
    CHECK(normaliseKey("\u3000幸福路 12号  ") == "幸福路 12号");
    CHECK(normaliseKey("Ａ栋　３单元") == "A栋 3单元");
    CHECK(normaliseKey("  a \t b  ") == "a b");
    CHECK(normaliseKey("") == "");
    CHECK(normaliseKey("\xff\xfe") == "\xff\xfe"); // malformed bytes pass through
}

TEST_CASE("an XLSX households register joined by a Chinese address with full-width digits",
          "[e2e][register]")
{
    TempDir dir("register");
    writeStreet(dir);
    // The register: 户数 per row; 幸福路1号 on two rows (60 + 40), leading / trailing spaces,
    // full-width digits, a key no building has, a row without a count. 幸福路8号 has no row.
    FixtureLayer reg;
    reg.driver = "XLSX";
    reg.crs = "";
    reg.layer_name = "房屋";
    reg.fields = {{"地址", 'S'}, {"户数", 'I'}, {"备注", 'S'}};
    auto row = [&](const std::string& addr, const std::string& households)
    {
        FixtureFeature f{"", {{"地址", addr}, {"备注", "登记"}}};
        if (!households.empty())
            f.fields["户数"] = households;
        reg.features.push_back(f);
    };
    row("幸福路１号", "60");
    row("幸福路1号 ", "40");
    row("　幸福路２号", "100");
    for (const char* addr : {"幸福路３号", "幸福路４号", "幸福路５号", "幸福路６号", "幸福路７号"})
        row(addr, "100");
    row("幸福路９９号", "25");
    row("幸福路４号", ""); // no count: ignored, listed
    writeLayer(dir.file("register.xlsx"), reg);

    const auto run = runGridplan(runArgs(
        dir, {"--households-table", dir.file("register.xlsx"), "--households-table-key", "地址",
              "--households-key-field", "addr", "--households-table-count", "户数"}));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto by_id = buildingsById(dir);
    for (int i = 1; i <= 7; ++i)
    {
        INFO("B" << i);
        CHECK(by_id.at("B" + std::to_string(i)).at("households") == "100");
        CHECK(by_id.at("B" + std::to_string(i)).at("households_source") == "register");
    }
    // No row: estimated from its footprint (6 floors for 住宅: 400 x 6 x 0.75 / 90 = 20).
    CHECK(by_id.at("B8").at("households") == "20");
    CHECK(by_id.at("B8").at("households_source") == "estimated");

    const auto unmatched = gapsWith(dir, "register_key_unmatched");
    REQUIRE(unmatched.size() == 1);
    CHECK(unmatched[0].fields.at("households") == "25");
    CHECK(unmatched[0].fields.at("detail").find("幸福路９９号") != std::string::npos);
    const auto no_row = gapsWith(dir, "register_no_row");
    REQUIRE(no_row.size() == 1);
    CHECK(nlohmann::json::parse(no_row[0].fields.at("building_ids")) ==
          nlohmann::json::array({"B8"}));
    CHECK(!no_row[0].wkt.empty()); // on the map where the building is
    const auto ignored = gapsWith(dir, "register_row_ignored");
    REQUIRE(ignored.size() == 1);
    CHECK(ignored[0].fields.at("detail").find("row 10") != std::string::npos);

    const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
    const auto& j = report.at("households_register");
    CHECK(j.at("rows_read") == 10);
    CHECK(j.at("rows_ignored") == 1);
    CHECK(j.at("keys") == 8);
    CHECK(j.at("keys_matched") == 7);
    CHECK(j.at("keys_unmatched") == 1);
    CHECK(j.at("rows_unmatched") == 1);
    CHECK(j.at("households_unmatched") == 25);
    CHECK(j.at("keys_on_several_buildings") == 0);
    CHECK(j.at("buildings_with_key") == 8);
    CHECK(j.at("buildings_matched") == 7);
    CHECK(j.at("residential_buildings_without_row") == 1);
    CHECK(j.at("households_joined") == 700);
}

TEST_CASE("a CSV register with one row per household is counted by key", "[e2e][register]")
{
    TempDir dir("register-rows");
    writeStreet(dir);
    // 实有人口: one row per household; B1 3 rows, B2 2 rows (full-width), an unknown address 1 row.
    std::ofstream(dir.file("people.csv"), std::ios::binary)
        << "户主,地址\n"
        << "张三,幸福路1号\n李四,幸福路１号\n王五, 幸福路1号\n"
        << "赵六,幸福路２号\n钱七,幸福路2号\n孙八,幸福路十号\n";
    const auto run = runGridplan(
        runArgs(dir, {"--households-table", dir.file("people.csv"), "--households-table-key",
                      "地址", "--households-key-field", "addr"}));
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto by_id = buildingsById(dir);
    CHECK(by_id.at("B1").at("households") == "3");
    CHECK(by_id.at("B2").at("households") == "2");
    CHECK(by_id.at("B3").at("households_source") == "estimated");
    CHECK(gapsWith(dir, "register_no_row").size() == 6); // B3 .. B8
    const auto unmatched = gapsWith(dir, "register_key_unmatched");
    REQUIRE(unmatched.size() == 1);
    CHECK(unmatched[0].fields.at("households") == "1");
    const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
    CHECK(report.at("households_register").at("count") == nullptr);
    CHECK(report.at("households_register").at("households_joined") == 5);

    // The same as an all-text XLSX sheet (no number column: GDAL's header detection would take
    // the header row for data).
    FixtureLayer people;
    people.driver = "XLSX";
    people.crs = "";
    people.layer_name = "实有人口";
    people.fields = {{"户主", 'S'}, {"地址", 'S'}};
    for (const char* addr :
         {"幸福路1号", "幸福路１号", " 幸福路1号", "幸福路２号", "幸福路2号", "幸福路十号"})
        people.features.push_back({"", {{"户主", "某"}, {"地址", addr}}});
    writeLayer(dir.file("people.xlsx"), people);
    const auto xlsx = runGridplan(
        runArgs(dir, {"--households-table", dir.file("people.xlsx"), "--households-table-key",
                      "地址", "--households-key-field", "addr"}));
    INFO(xlsx.err);
    REQUIRE(xlsx.exit_code == 0);
    const auto from_xlsx = buildingsById(dir);
    CHECK(from_xlsx.at("B1").at("households") == "3");
    CHECK(from_xlsx.at("B2").at("households") == "2");
    CHECK(nlohmann::json::parse(slurp(dir.file("out/report.json")))
              .at("households_register")
              .at("rows_read") == 6);
}

TEST_CASE("a households register without its column or file is refused, naming it",
          "[e2e][register]")
{
    TempDir dir("register-bad");
    writeStreet(dir);
    std::ofstream(dir.file("people.csv"), std::ios::binary) << "户主,地址\n张三,幸福路1号\n";
    auto run = runGridplan(
        runArgs(dir, {"--households-table", dir.file("people.csv"), "--households-table-key",
                      "门牌", "--households-key-field", "addr"}));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("no column named '门牌'") != std::string::npos);
    CHECK(run.err.find("people.csv") != std::string::npos);
    run = runGridplan(runArgs(dir, {"--households-table", dir.file("people.csv")}));
    CHECK(run.exit_code == 2);
    run = runGridplan(
        runArgs(dir, {"--households-table", dir.file("missing.xlsx"), "--households-table-key",
                      "地址", "--households-key-field", "addr"}));
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("missing.xlsx") != std::string::npos);
}
