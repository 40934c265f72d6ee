// The batch manifest reader: RFC 4180 quoting, option columns, args words, and clear errors.
#include "batch/batch.hpp"
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
    const auto jobs = gp::batch::readManifest(writeManifest(
        dir, "\xEF\xBB\xBFname,out,buildings,communities-where,previous,args\r\n"
             "东城,out/东城,b.shp,\"name IN ('a', 'b')\",old/东城,\"--households-field hh --communities 'c d.shp'\"\r\n"
             "\n"
             "west,out/west,,,,\n"));
    REQUIRE(jobs.size() == 2);
    CHECK(jobs[0].name == "东城");
    CHECK(jobs[0].out == "out/东城");
    CHECK(jobs[0].previous == "old/东城");
    // Option columns in header order (sorted by name), then the args words.
    CHECK(jobs[0].args == std::vector<std::string>{"--buildings", "b.shp", "--communities-where", "name IN ('a', 'b')",
                                                   "--households-field", "hh", "--communities", "c d.shp"});
    CHECK(jobs[1].args.empty());
    CHECK(jobs[1].line == 4);
}

TEST_CASE("malformed manifests are refused naming the line", "[batch]")
{
    TempDir dir("manifest-bad");
    CHECK_THROWS_AS(gp::batch::readManifest(writeManifest(dir, "name,folder\nx,y\n")), gp::ConfigError);
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o1\na,o2\n")),
                      Catch::Contains("line 3") && Catch::Contains("listed twice"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out\na,o\nb,o\n")),
                      Catch::Contains("used by two streets"));
    CHECK_THROWS_WITH(gp::batch::readManifest(writeManifest(dir, "name,out,args\na,o,\"--x 'y\"\n")),
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
                                          [](std::size_t i, int) {
                                              if (i == 7 || i == 30)
                                                  throw std::runtime_error("item " + std::to_string(i));
                                          }),
                          "item 7");
    }
}
