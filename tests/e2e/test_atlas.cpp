// End-to-end: the atlas of the bundled run (README "Atlas and --pdf"). `partition --pdf` prints
// gridplan.qgs's layouts through headless QGIS into atlas.pdf: page count = communities + 1
// (pdfinfo), every page rendered (pdftoppm) and not blank, each community page naming its
// community, listing its grids and carrying the OSM attribution (pdftotext); Chinese with a CJK
// font embedded (pdffonts). Without QGIS, --pdf says so and exits 1 with the other outputs written.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace gp::test;
namespace fs = std::filesystem;

namespace
{

// stdout of a shell command.
std::string shell(const std::string& cmd)
{
    std::string out;
    if (FILE* p = ::popen(cmd.c_str(), "r"))
    {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;)
            out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

bool qgisInstalled()
{
    return std::system("/usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1") == 0;
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

int pdfPages(const std::string& pdf)
{
    const std::string info = shell("pdfinfo '" + pdf + "'");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

// The text of a page, NFKC-normalised: the text layer of Noto Sans CJK names some ideographs by
// their Kangxi radical code points (⼾ for 户), which NFKC folds back to ideographs.
std::string pageText(const std::string& pdf, int page)
{
    const std::string p = std::to_string(page);
    return shell("pdftotext -layout -f " + p + " -l " + p + " '" + pdf +
                 "' - | /usr/bin/python3 -c \"import sys, unicodedata; "
                 "sys.stdout.write(unicodedata.normalize('NFKC', sys.stdin.read()))\"");
}

// Share of pixels of a binary PPM (P6, pdftoppm's default output) darker than near-white.
double inkShare(const std::string& ppm_path)
{
    std::ifstream in(ppm_path, std::ios::binary);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    REQUIRE(magic == "P6");
    REQUIRE(w > 0);
    REQUIRE(h > 0);
    std::string pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3, '\0');
    in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
    REQUIRE(in.gcount() == static_cast<std::streamsize>(pixels.size()));
    std::size_t ink = 0;
    for (std::size_t i = 0; i < pixels.size(); i += 3)
    {
        const auto r = static_cast<unsigned char>(pixels[i]),
                   g = static_cast<unsigned char>(pixels[i + 1]),
                   b = static_cast<unsigned char>(pixels[i + 2]);
        if (r < 235 || g < 235 || b < 235)
            ++ink;
    }
    return static_cast<double>(ink) / static_cast<double>(w) / static_cast<double>(h);
}

// Community name -> grid codes, from the run's layers.
std::map<std::string, std::set<std::string>> gridsByCommunityName(const std::string& out)
{
    std::map<std::string, std::string> names;
    for (const auto& c : readLayer(out + "/communities.geojson"))
        names[c.fields.at("community")] =
            c.fields.count("name") ? c.fields.at("name") : c.fields.at("community");
    std::map<std::string, std::set<std::string>> grids;
    for (const auto& n : names)
        grids[n.second];
    for (const auto& g : readLayer(out + "/grids.geojson"))
        if (g.fields.count("community"))
            grids[names.at(g.fields.at("community"))].insert(g.fields.at("grid_code"));
    return grids;
}

struct InRepoRoot
{
    fs::path old = fs::current_path();
    InRepoRoot() { fs::current_path(GRIDPLAN_SOURCE_DIR); }
    ~InRepoRoot() { fs::current_path(old); }
};

RunResult runBundled(const std::string& out, const std::vector<std::string>& extra)
{
    std::vector<std::string> args = {"partition", "--config", "samples/porto-bundled.toml",
                                     "--out",     out,        "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return runGridplan(args);
}

// The checks every atlas.pdf of the bundled run must pass; the pages' text, first page first.
std::vector<std::string> checkAtlas(const TempDir& dir, const std::string& out)
{
    const std::string pdf = out + "/atlas.pdf";
    REQUIRE(fs::is_regular_file(pdf));
    const auto communities = readLayer(out + "/communities.geojson");
    REQUIRE(communities.size() >= 2);
    const int pages = pdfPages(pdf);
    CHECK(pages == static_cast<int>(communities.size()) + 1);
    // A3 landscape: 420 x 297 mm = 1191 x 842 pt.
    CHECK(contains(shell("pdfinfo '" + pdf + "'"), "1191 x 842 pts (A3)"));
    // Nothing left of the export's staging folder; atlas.pdf is listed as an output.
    for (const auto& e : fs::directory_iterator(out))
        CHECK(e.path().filename().string().rfind(".gridplan-staging-", 0) != 0);
    CHECK(contains(slurp(out + "/.gridplan-outputs"), "\natlas.pdf\n"));

    // Every page rendered and inked: maps and tables cover far more than 5 % of the page.
    const std::string prefix = dir.file("page");
    REQUIRE(std::system(("pdftoppm -r 30 '" + pdf + "' '" + prefix + "'").c_str()) == 0);
    int rendered = 0;
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().extension() == ".ppm")
        {
            ++rendered;
            const double share = inkShare(e.path().string());
            INFO(e.path().filename().string() << " ink share " << share);
            CHECK(share > 0.05);
            CHECK(share < 0.95);
        }
    CHECK(rendered == pages);

    std::vector<std::string> texts;
    for (int p = 1; p <= pages; ++p)
        texts.push_back(pageText(pdf, p));
    return texts;
}

} // namespace

TEST_CASE("partition --pdf prints the bundled run's atlas: overview + one page per community",
          "[e2e][atlas]")
{
    if (!qgisInstalled())
        FAIL("QGIS's Python bindings (python3-qgis) are missing: run scripts/setup.sh");
    InRepoRoot root;
    TempDir dir("atlas");
    const std::string out = dir.file("out");
    const auto run = runBundled(out, {"--pdf"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto texts = checkAtlas(dir, out);
    const auto grids = gridsByCommunityName(out);

    // Page 1: the street overview, with every community in its table.
    CHECK(contains(texts[0], "PT-PORTO · overview"));
    for (const auto& [name, codes] : grids)
        CHECK(contains(texts[0], name));
    // Pages 2..: one community each, in community-code order, with every grid code (labels and
    // table), the street, a scale bar in metres and the data attribution the inputs carry.
    std::set<std::string> seen;
    for (std::size_t p = 1; p < texts.size(); ++p)
    {
        const std::string& text = texts[p];
        INFO("page " << p + 1 << ":\n" << text);
        std::string community;
        for (const auto& [name, codes] : grids)
            if (text.rfind(name, 0) == 0 || contains(text.substr(0, 200), name + " · "))
                community = name;
        REQUIRE(!community.empty());
        seen.insert(community);
        for (const auto& code : grids.at(community))
            CHECK(contains(text, code));
        CHECK(contains(text, "Street: PT-PORTO"));
        CHECK(contains(text, "Grids of this community"));
        CHECK(contains(text, "© OpenStreetMap contributors, ODbL 1.0"));
        CHECK(contains(text, "0 m")); // the scale bar's last label: 100 m, 200 m, ...
        CHECK(
            contains(text, "Page " + std::to_string(p + 1) + " / " + std::to_string(texts.size())));
    }
    CHECK(seen.size() == grids.size());

    // A second run into the same folder replaces atlas.pdf (it is a listed output) ...
    const auto again =
        runBundled(out, {"--street-name", "Centro", "--attribution", "Dados: teste"});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    // ... and without --pdf removes the stale one rather than leaving it beside new outputs.
    CHECK_FALSE(fs::exists(out + "/atlas.pdf"));
    CHECK(contains(slurp(out + "/gridplan.qgs"), "Centro (PT-PORTO)"));
    CHECK(contains(slurp(out + "/gridplan.qgs"), "Data: Dados: teste"));
}

TEST_CASE("partition --pdf --lang zh prints the atlas in Chinese with a CJK font", "[e2e][atlas]")
{
    if (!qgisInstalled())
        FAIL("QGIS's Python bindings (python3-qgis) are missing: run scripts/setup.sh");
    InRepoRoot root;
    TempDir dir("atlas-zh");
    const std::string out = dir.file("out");
    const auto run = runBundled(out, {"--pdf", "--lang", "zh", "--street-name", "波尔图中心街道"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const auto texts = checkAtlas(dir, out);
    CHECK(contains(texts[0], "波尔图中心街道 (PT-PORTO) · 总览"));
    CHECK(contains(texts[0], "街道各社区"));
    for (std::size_t p = 1; p < texts.size(); ++p)
    {
        INFO("page " << p + 1 << ":\n" << texts[p]);
        CHECK(contains(texts[p], "街道: 波尔图中心街道 (PT-PORTO)")); // NFKC: "：" is ":"
        CHECK(contains(texts[p], "本社区网格"));
        CHECK(contains(texts[p], "网格编码")); // the grid table's heading
        CHECK(contains(texts[p], "OpenStreetMap contributors"));
    }
    // The Chinese glyphs come from an embedded CJK font, not from boxes of a Latin one.
    CHECK(contains(shell("pdffonts '" + out + "/atlas.pdf'"), "NotoSansCJK"));
}

TEST_CASE("partition --pdf without QGIS says so, writes the other outputs and exits 1",
          "[e2e][atlas]")
{
    InRepoRoot root;
    TempDir dir("atlas-noqgis");
    const std::string out = dir.file("out");
    // A Python without site packages cannot import qgis, as on a machine without python3-qgis.
    const std::string python = dir.file("python-without-qgis");
    {
        std::ofstream f(python);
        f << "#!/bin/sh\nexec /usr/bin/python3 -I -S \"$@\"\n";
    }
    fs::permissions(python, fs::perms::owner_all);
    ::setenv("GRIDPLAN_QGIS_PYTHON", python.c_str(), 1);
    const auto run = runBundled(out, {"--pdf"});
    ::unsetenv("GRIDPLAN_QGIS_PYTHON");
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, "atlas.pdf not written: QGIS is not installed"));
    CHECK(contains(run.err, "python3-qgis"));
    CHECK(fs::is_regular_file(out + "/gridplan.qgs"));
    CHECK(fs::is_regular_file(out + "/grids.geojson"));
    CHECK_FALSE(fs::exists(out + "/atlas.pdf"));
    for (const auto& e : fs::directory_iterator(out))
        CHECK(e.path().filename().string().rfind(".gridplan-staging-", 0) != 0);

    // A PostGIS output has no project to print: refused before any computing, as a usage error.
    const auto pg = runBundled("PG:dbname=gridplan_no_such_db", {"--pdf"});
    CHECK(pg.exit_code == 2);
    CHECK(contains(pg.err, "--pdf needs an --out folder"));
}
