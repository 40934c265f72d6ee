// End-to-end: --special polygon layers (parks, campuses, markets) become dedicated grids that
// tile their own land; the thresholds and area-grid options reach the core (issue 4).
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <ogr_geometry.h>

#include <map>
#include <set>

using namespace gp::test;

namespace
{

const double X0 = 500000, Y0 = 3300000;

std::string rect(double x0, double y0, double x1, double y1)
{
    return rectWkt(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1);
}

FixtureLayer buildingLayer()
{
    FixtureLayer l;
    l.fields = {{"bid", 'S'}, {"hh", 'I'}, {"use", 'S'}, {"floors", 'R'}};
    return l;
}

void addHome(FixtureLayer& l, const std::string& id, double x, double y, int households)
{
    l.features.push_back({rect(x, y, x + 20, y + 20),
                          {{"bid", id}, {"hh", std::to_string(households)}, {"use", "住宅"}}});
}

std::vector<std::string> partitionArgs(const TempDir& dir)
{
    return fixturePartitionArgs(dir, "310101001");
}

std::map<std::string, ReadFeature> gridsByCode(const TempDir& dir)
{
    std::map<std::string, ReadFeature> out;
    for (auto& g : readLayer(dir.file("out/grids.geojson")))
        out[g.fields.at("grid_code")] = g;
    return out;
}

double overlapArea(const OGRGeometry& a, const OGRGeometry& b)
{
    std::unique_ptr<OGRGeometry> common(a.Intersection(&b));
    return common ? areaOf(*common) : 0.0;
}

} // namespace

TEST_CASE("special polygons become dedicated grids that tile their own land", "[e2e][special]")
{
    TempDir dir("special");
    // C1 (600 x 300 m) and C2 (300 x 300 m) side by side; homes in the west of C1 and in C2.
    auto buildings = buildingLayer();
    for (int i = 0; i < 12; ++i)
        addHome(buildings, "h" + std::to_string(i), 10 + (i % 4) * 80, 10 + (i / 4) * 90, 100);
    for (int i = 0; i < 4; ++i)
        addHome(buildings, "k" + std::to_string(i), 720 + (i % 2) * 80, 30 + (i / 2) * 60, 100);
    // Inside the campus: a dormitory (households, in C1) and a teaching block (in C2).
    buildings.features.push_back(
        {rect(420, 200, 450, 230), {{"bid", "dorm"}, {"hh", "60"}, {"use", "宿舍"}}});
    buildings.features.push_back(
        {rect(620, 200, 660, 240), {{"bid", "teach"}, {"use", "学校"}, {"floors", "4"}}});
    writeLayer(dir.file("buildings.shp"), buildings);

    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back({rect(0, 0, 600, 300), {{"cid", "C1"}}});
    communities.features.push_back({rect(600, 0, 900, 300), {{"cid", "C2"}}});
    writeLayer(dir.file("communities.shp"), communities);

    FixtureLayer special;
    special.fields = {{"sp_id", 'S'}, {"name", 'S'}, {"kind", 'S'}};
    special.features.push_back(
        {rect(400, 20, 560, 140), {{"sp_id", "S1"}, {"name", "人民公园"}, {"kind", "公园"}}});
    special.features.push_back(
        {rect(400, 160, 700, 290), {{"sp_id", "S2"}, {"name", "第一中学"}, {"kind", "学校"}}});
    // Overlaps the park by 20 x 40 m: the park (earlier) keeps that land.
    special.features.push_back(
        {rect(540, 20, 580, 60), {{"sp_id", "S3"}, {"name", "菜场"}, {"kind", "market"}}});
    special.features.push_back({rect(800, 200, 850, 260), {{"sp_id", "S4"}, {"kind", "foo"}}});
    writeLayer(dir.file("special.shp"), special);

    auto args = partitionArgs(dir);
    args.insert(args.end(), {"--special", dir.file("special.shp"), "--special-id-field", "sp_id"});
    const auto run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);

    const auto grids = gridsByCode(dir);
    std::map<std::string, std::string> code_of_special; // "S2@C1" -> grid code
    std::vector<std::string> residential;
    for (const auto& [code, g] : grids)
    {
        if (g.fields.count("special_id"))
        {
            CHECK(g.fields.at("kind") == "dedicated");
            CHECK(code.find("-D") != std::string::npos);
            code_of_special[g.fields.at("special_id") + "@" + g.fields.at("community")] = code;
        }
        else if (g.fields.at("kind") == "residential")
            residential.push_back(code);
    }
    // The campus straddles C1 and C2: one dedicated grid per community it lies in.
    REQUIRE(code_of_special.size() == 5);
    REQUIRE(code_of_special.count("S1@C1"));
    REQUIRE(code_of_special.count("S2@C1"));
    REQUIRE(code_of_special.count("S2@C2"));
    REQUIRE(code_of_special.count("S3@C1"));
    REQUIRE(code_of_special.count("S4@C2"));

    const auto& park = grids.at(code_of_special.at("S1@C1"));
    CHECK(park.fields.at("dedicated_type") == "park");
    CHECK(park.fields.at("name") == "人民公园");
    CHECK(park.fields.at("buildings") == "0");
    CHECK(areaOf(*metricGeometry(park.wkt)) == Approx(160.0 * 120.0).epsilon(1e-4));

    const auto& campus_west = grids.at(code_of_special.at("S2@C1"));
    CHECK(campus_west.fields.at("dedicated_type") == "campus");
    CHECK(campus_west.fields.at("name") == "第一中学");
    CHECK(campus_west.fields.at("households") == "60"); // the dormitory's
    CHECK(areaOf(*metricGeometry(campus_west.wkt)) == Approx(200.0 * 130.0).epsilon(1e-4));
    CHECK(grids.at(code_of_special.at("S2@C2")).fields.at("dedicated_type") == "campus");

    const auto& market = grids.at(code_of_special.at("S3@C1"));
    CHECK(market.fields.at("dedicated_type") == "market");
    CHECK(areaOf(*metricGeometry(market.wkt)) == Approx(20.0 * 40.0).epsilon(1e-3));
    CHECK(grids.at(code_of_special.at("S4@C2")).fields.at("dedicated_type") == "other");

    SECTION("buildings inside a special area belong to its grid")
    {
        std::map<std::string, std::string> grid_of;
        for (const auto& b : readLayer(dir.file("out/buildings.geojson")))
            grid_of[b.fields.at("building_id")] =
                b.fields.count("grid_code") ? b.fields.at("grid_code") : "";
        CHECK(grid_of.at("dorm") == code_of_special.at("S2@C1"));
        CHECK(grid_of.at("teach") == code_of_special.at("S2@C2"));
        for (int i = 0; i < 12; ++i)
            CHECK(std::find(residential.begin(), residential.end(),
                            grid_of.at("h" + std::to_string(i))) != residential.end());
    }

    SECTION("grids cover each community exactly, special land is not overlapped")
    {
        std::map<std::string, std::vector<std::unique_ptr<OGRGeometry>>> by_community;
        for (const auto& [code, g] : grids)
            by_community[g.fields.at("community")].push_back(metricGeometry(g.wkt));
        const std::map<std::string, double> expected = {{"C1", 600.0 * 300.0},
                                                        {"C2", 300.0 * 300.0}};
        for (const auto& [community, parts] : by_community)
        {
            double sum = 0;
            for (std::size_t i = 0; i < parts.size(); ++i)
            {
                sum += areaOf(*parts[i]);
                for (std::size_t j = i + 1; j < parts.size(); ++j)
                    CHECK(overlapArea(*parts[i], *parts[j]) < 1e-3);
            }
            INFO(community);
            CHECK(sum == Approx(expected.at(community)).epsilon(1e-4));
        }
    }

    SECTION("overlap and unknown kind are on the work list")
    {
        std::set<std::string> details;
        for (const auto& gap : readLayer(dir.file("out/gaps.geojson")))
            details.insert(gap.fields.at("reason") + ": " + gap.fields.at("detail"));
        auto has = [&](const std::string& reason, const std::string& words)
        {
            for (const auto& d : details)
                if (d.rfind(reason + ":", 0) == 0 && d.find(words) != std::string::npos)
                    return true;
            return false;
        };
        CHECK(has("special_area_overlap", "S3"));
        CHECK(has("value_ignored", "'foo'"));
    }

    SECTION("the report counts them")
    {
        const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
        CHECK(report["summary"]["dedicated_grids_from_special_areas"] == 5);
        CHECK(report["summary"]["dedicated_grids_by_type"]["campus"] == 2);
        CHECK(report["summary"]["dedicated_grids_by_type"]["park"] == 1);
    }
}

TEST_CASE("a special layer needs a kind field or one kind for all", "[e2e][special]")
{
    TempDir dir("special-kind");
    auto buildings = buildingLayer();
    for (int i = 0; i < 4; ++i)
        addHome(buildings, "h" + std::to_string(i), 10 + i * 50, 10, 100);
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back({rect(0, 0, 400, 200), {{"cid", "C1"}}});
    writeLayer(dir.file("communities.shp"), communities);
    FixtureLayer parks;
    parks.fields = {{"名称", 'S'}};
    parks.features.push_back({rect(250, 50, 350, 150), {{"名称", "中山公园"}}});
    writeLayer(dir.file("parks.shp"), parks);

    auto args = partitionArgs(dir);
    args.insert(args.end(), {"--special", dir.file("parks.shp")});
    const auto refused = runGridplan(args);
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("parks.shp") != std::string::npos);
    CHECK(refused.err.find("'kind'") != std::string::npos);

    args.insert(args.end(), {"--special-kind", "park"});
    const auto run = runGridplan(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    int parks_found = 0;
    for (const auto& g : readLayer(dir.file("out/grids.geojson")))
        if (g.fields.count("special_id"))
        {
            ++parks_found;
            CHECK(g.fields.at("dedicated_type") == "park");
            CHECK(g.fields.at("name") == "中山公园"); // the 名称 field is the name
        }
    CHECK(parks_found == 1);
}

TEST_CASE("dedicated-grid thresholds come from the command line", "[e2e][special]")
{
    TempDir dir("thresholds");
    auto buildings = buildingLayer();
    for (int i = 0; i < 8; ++i)
        addHome(buildings, "h" + std::to_string(i), 10 + (i % 4) * 45, 10 + (i / 4) * 45, 100);
    // Three two-storey shops together, 200 m from the homes: below the default thresholds.
    for (int i = 0; i < 3; ++i)
        buildings.features.push_back(
            {rect(400 + i * 30, 40, 420 + i * 30, 60),
             {{"bid", "s" + std::to_string(i)}, {"use", "商铺"}, {"floors", "2"}}});
    writeLayer(dir.file("buildings.shp"), buildings);
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    communities.features.push_back({rect(0, 0, 600, 120), {{"cid", "C1"}}});
    writeLayer(dir.file("communities.shp"), communities);

    auto dedicatedCount = [&](const std::vector<std::string>& extra)
    {
        auto args = partitionArgs(dir);
        args.insert(args.end(), extra.begin(), extra.end());
        const auto run = runGridplan(args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
        return report["summary"]["dedicated_grids"].get<int>();
    };
    CHECK(dedicatedCount({}) == 0);
    CHECK(dedicatedCount({"--dedicated-buildings", "3"}) == 1);
    CHECK(dedicatedCount({"--dedicated-floor-area", "2000"}) == 1); // 3 x 400 m² x 2 floors
    CHECK(dedicatedCount({"--dedicated-buildings", "3", "--dedicated-distance", "5"}) == 0);
    // Folding reach: with 100 m the shops are too far from every home to be folded in.
    auto args = partitionArgs(dir);
    args.insert(args.end(), {"--fold-distance", "100"});
    REQUIRE(runGridplan(args).exit_code == 0);
    const auto report = nlohmann::json::parse(slurp(dir.file("out/report.json")));
    CHECK(report["summary"]["issues_by_reason"]["dedicated_candidate_unfolded"] == 3);

    SECTION("--measure-improvement reports compactness before the improve stage too")
    {
        auto measured = partitionArgs(dir);
        measured.push_back("--measure-improvement");
        REQUIRE(runGridplan(measured).exit_code == 0);
        const auto summary = nlohmann::json::parse(slurp(dir.file("out/report.json")))["summary"];
        REQUIRE(summary.contains("mean_polsby_popper_before_improve"));
        CHECK(summary["mean_polsby_popper_before_improve"].get<double>() > 0.0);
        CHECK(summary["mean_polsby_popper_before_improve"].get<double>() <= 1.0);
    }

    auto bad = partitionArgs(dir);
    bad.insert(bad.end(), {"--dedicated-buildings", "0"});
    CHECK(runGridplan(bad).exit_code == 2);
}

TEST_CASE("area grids: requested count or target, contiguous, like with like", "[e2e][areas]")
{
    TempDir dir("areas");
    // 2 x 2 communities of 400 households; the northern two are full of offices and shops.
    auto buildings = buildingLayer();
    FixtureLayer communities;
    communities.fields = {{"cid", 'S'}};
    const std::map<std::string, std::pair<double, double>> corner = {
        {"NW", {0, 300}}, {"NE", {300, 300}}, {"SW", {0, 0}}, {"SE", {300, 0}}};
    for (const auto& [cid, xy] : corner)
    {
        const auto [x, y] = xy;
        communities.features.push_back({rect(x, y, x + 300, y + 300), {{"cid", cid}}});
        for (int i = 0; i < 4; ++i)
            addHome(buildings, cid + "h" + std::to_string(i), x + 20 + i * 60, y + 20, 100);
        if (y > 0)
            for (int i = 0; i < 4; ++i)
                buildings.features.push_back(
                    {rect(x + 20 + i * 60, y + 150, x + 60 + i * 60, y + 190),
                     {{"bid", cid + "o" + std::to_string(i)},
                      {"use", "office"},
                      {"floors", "10"}}});
    }
    writeLayer(dir.file("buildings.shp"), buildings);
    writeLayer(dir.file("communities.shp"), communities);

    auto areasOf = [&](const std::vector<std::string>& extra)
    {
        auto args = partitionArgs(dir);
        args.insert(args.end(), extra.begin(), extra.end());
        const auto run = runGridplan(args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        std::map<std::string, std::string> area_of; // community -> area code
        for (const auto& c : readLayer(dir.file("out/communities.geojson")))
        {
            REQUIRE(c.fields.count("community"));
            REQUIRE(c.fields.count("area_code"));
            area_of[c.fields.at("community")] = c.fields.at("area_code");
        }
        return area_of;
    };
    const auto two = areasOf({"--areas", "2"});
    REQUIRE(two.size() == 4);
    CHECK(two.at("NW") == two.at("NE")); // offices with offices
    CHECK(two.at("SW") == two.at("SE"));
    CHECK(two.at("NW") != two.at("SW"));
    const auto one = areasOf({"--area-target", "1600"});
    CHECK(std::set<std::string>{one.at("NW"), one.at("NE"), one.at("SW"), one.at("SE")}.size() ==
          1);
    const auto four = areasOf({"--areas", "4"});
    CHECK(
        std::set<std::string>{four.at("NW"), four.at("NE"), four.at("SW"), four.at("SE")}.size() ==
        4);
    CHECK(readLayer(dir.file("out/areas.geojson")).size() == 4);
}
