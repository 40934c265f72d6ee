// The batch manifest reader: RFC 4180 quoting, option columns, args words, and clear errors.
#include "batch/batch.hpp"
#include "batch/shard.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <stdexcept>

using gp::test::TempDir;

namespace
{

std::string writeManifest(const TempDir& dir, const std::string& text)
{
    const auto path = dir.file("m.csv");
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

TEST_CASE("manifest rows become partition arguments", "[batch]")
{
    TempDir dir("manifest");
    const auto jobs = gp::batch::readManifest(
        writeManifest(dir, "\xEF\xBB\xBFname,out,buildings,communities-where,previous,args\r\n"
                           "东城,out/东城,b.shp,\"name IN ('a', "
                           "'b')\",old/东城,\"--households-field hh --communities 'c d.shp'\"\r\n"
                           "\n"
                           "west,out/west,,,,\n"));
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[0].name == "东城");
    CHECK(jobs[0].out == "out/东城");
    CHECK(jobs[0].previous == "old/东城");
    // Option columns in header order (sorted by name), then the args words.
    CHECK(jobs[0].args == std::vector<std::string>{"--buildings", "b.shp", "--communities-where",
                                                   "name IN ('a', 'b')", "--households-field", "hh",
                                                   "--communities", "c d.shp"});
    CHECK(jobs[1].args.empty());
    CHECK(jobs[1].line == 4);
}

TEST_CASE("malformed manifests are refused naming the line", "[batch]")
{
    TempDir dir("manifest-bad");
    CHECK_THROWS_AS(gp::batch::readManifest(writeManifest(dir, "name,folder\nx,y\n")),
                    gp::ConfigError);
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o1\na,o2\n")),
                      Catch::Contains("line 3") && Catch::Contains("listed twice"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o\nb,o\n")),
                      Catch::Contains("used by two streets"));
    CHECK_THROWS_WITH(
        gp::batch::readManifest(writeManifest(dir, "name,out,args\na,o,\"--x 'y\"\n")),
        Catch::Contains("unclosed quote"));
    CHECK_THROWS_AS(gp::batch::readManifest(writeManifest(dir, "name,out\n")), gp::ConfigError);
    CHECK_THROWS_AS(gp::batch::readManifest(dir.file("none.csv")), gp::InputError);
}

TEST_CASE("parallelFor runs every item once and rethrows the first failure", "[core][parallel]")
{
    for (int threads : {1, 2, 4})
    {
        std::vector<int> hits(100, 0);
        gp::parallelFor(hits.size(), threads, [&](std::size_t i, int) { ++hits[i]; });
        CHECK(std::count(hits.begin(), hits.end(), 1) == 100);
        CHECK_THROWS_WITH(gp::parallelFor(50, threads,
                                          [](std::size_t i, int)
                                          {
                                              if (i == 7 || i == 30)
                                                  throw std::runtime_error("item " +
                                                                           std::to_string(i));
                                          }),
                          "item 7");
    }
}

TEST_CASE("shards balance building counts, deterministically", "[unit][batch]")
{
    // Greedy largest-first: 9 -> s0, 8 -> s1, 7 -> s2, 4 -> s2 (11), 3 -> s1 (11), 2 -> s0 (11),
    // 0 (costs 1) -> s0.
    const std::vector<long long> counts = {2, 9, 0, 7, 3, 8, 4};
    const auto shard = gp::batch::assignShards(counts, 3);
    CHECK(shard == std::vector<int>{0, 0, 0, 2, 1, 1, 2});
    CHECK(gp::batch::assignShards(counts, 3) == shard);
    std::vector<long long> load(3, 0);
    for (std::size_t i = 0; i < counts.size(); ++i)
        load[static_cast<std::size_t>(shard[i])] += counts[i];
    CHECK(load == std::vector<long long>{11, 11, 11});
    // More shards than streets: every street its own shard, the rest empty.
    CHECK(gp::batch::assignShards({5, 5}, 4) == std::vector<int>{0, 1});
    CHECK(gp::batch::parseShard("3/8").index == 3);
    CHECK(gp::batch::parseShard("3/8").count == 8);
    CHECK_THROWS_AS(gp::batch::parseShard("8/8"), gp::ConfigError);
    CHECK_THROWS_AS(gp::batch::parseShard("-1/8"), gp::ConfigError);
    CHECK_THROWS_AS(gp::batch::parseShard("1/8x"), gp::ConfigError);
}

TEST_CASE("manifest: encodings, columns and folder spellings", "[unit][batch]")
{
    TempDir dir("manifest-rules");
    gp::batch::ManifestRules rules;
    rules.partition_options = {"buildings", "communities", "households-field"};
    CHECK_THROWS_WITH(
        gp::batch::readManifest(writeManifest(dir, "name,out,bulidings\na,o,b.shp\n"), rules),
        Catch::Contains("unknown column 'bulidings'"));
    CHECK_THROWS_WITH(
        gp::batch::readManifest(writeManifest(dir, "name,out,args\na,o,--nope 1\n"), rules),
        Catch::Contains("unknown partition option '--nope'"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out,out\na,o,p\n"), rules),
                      Catch::Contains("column 'out' is given twice"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o,extra\n"), rules),
                      Catch::Contains("3 cells, the header has 2"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\n\xB6\xAB,o\n"), rules),
                      Catch::Contains("not UTF-8") && Catch::Contains("GBK"));
    CHECK_THROWS_WITH(
        gp::batch::readManifest(writeManifest(dir, "name,out\na,x/../same\nb,same/.\n"), rules),
        Catch::Contains("line 3") && Catch::Contains("used by two streets"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o\n\"b,o2\n"), rules),
                      Catch::Contains("line 3") && Catch::Contains("never closed"));
    // Without out (PostGIS store) the out column may be absent.
    rules.out_required = false;
    CHECK(gp::batch::readManifest(writeManifest(dir, "name,buildings\na,b.shp\n"), rules).size() ==
          1);
}
