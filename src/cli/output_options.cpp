#include "cli/output_options.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

namespace gp::cli
{

namespace
{

// Help groups, in the order --help and --print-config show them; options not listed are "Other".
const std::vector<std::pair<std::string, std::vector<std::string>>>& optionGroups()
{
    static const std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
        {"Inputs",
         {"buildings",
          "buildings-layer",
          "buildings-where",
          "buildings-id-field",
          "communities",
          "communities-layer",
          "communities-where",
          "communities-id-field",
          "communities-name-field",
          "street",
          "street-layer",
          "street-where",
          "street-id-field",
          "compounds",
          "compounds-layer",
          "compounds-where",
          "compounds-id-field",
          "barriers",
          "barriers-layer",
          "barriers-where",
          "streets",
          "streets-layer",
          "streets-where",
          "roads",
          "roads-layer",
          "roads-where",
          "road-class-field",
          "road-class",
          "assume-crs",
          "source-encoding",
          "working-crs"}},
        {"Households",
         {"households-field", "floors-field", "height-field", "use-field", "use-map",
          "usable-ratio", "dwelling-m2", "floor-height", "min-dwelling-footprint",
          "default-floors"}},
        {"Grids", {"min", "max", "target", "street-code", "seed"}},
        {"Outputs",
         {"out", "format", "pg-schema", "pg-prefix", "street-name", "attribution", "pdf"}},
        {"Run", {"config", "print-config", "verbose", "quiet", "help"}},
    };
    return groups;
}

std::string groupOf(const std::string& name)
{
    for (const auto& [group, names] : optionGroups())
        for (const auto& n : names)
            if (n == name)
                return group;
    return "Other";
}

const char* kPartitionFooter = R"(Examples:
  gridplan partition --buildings shapes/buildings.shp --communities shapes/communities.shp --out out
      the two layers every run needs; grids.geojson, buildings.geojson, gaps.geojson, report.json in out/
  gridplan partition --config samples/porto-bundled.toml
      every option from a config file (run from the repository root: paths are relative to the
      current folder); options on the command line override the file
  gridplan partition --config samples/porto-bundled.toml --max 450 --out out-450 --format gpkg
      the same run with other bounds, all layers in one GeoPackage out-450/gridplan.gpkg
  gridplan partition --config mine.toml --print-config > effective.toml
      show the effective configuration (a config file that --config reads back)
  gridplan partition --buildings PG:"dbname=city" --buildings-layer plan.buildings \
      --communities PG:"dbname=city" --communities-layer plan.communities \
      --out PG:"dbname=city" --pg-schema plan
      read from and write to PostGIS; the tables plan.gridplan_* are replaced in one transaction

Exit codes: 0 done, 1 bad input data or output cannot be written, 2 bad options, 3 internal error.
See samples/ for a config file per use case and README.md for the outputs.)";

const char* kCheckFooter = R"(Examples:
  gridplan check --buildings shapes/buildings.shp --communities shapes/communities.shp
  gridplan check --config samples/porto-bundled.toml    (the partition config: output keys are ignored))";

bool isNumberType(const CLI::Option& opt)
{
    const std::string type = opt.get_type_name();
    return type.rfind("INT", 0) == 0 || type.rfind("UINT", 0) == 0 || type.rfind("FLOAT", 0) == 0 ||
           type.rfind("NUMBER", 0) == 0;
}

bool isFlag(const CLI::Option& opt)
{
    return opt.get_expected_min() == 0;
}

bool isList(const CLI::Option& opt)
{
    return opt.get_items_expected_max() > 1;
}

std::string quoted(const std::string& value)
{
    // CLI11 strips one pair of quotes and knows no escapes: pick the quote the value lacks.
    return value.find('"') == std::string::npos ? "\"" + value + "\"" : "'" + value + "'";
}

std::string tomlValue(const CLI::Option& opt, const std::vector<std::string>& values)
{
    if (isList(opt))
    {
        std::string out = "[";
        for (std::size_t i = 0; i < values.size(); ++i)
            out += (i ? ", " : "") + (isNumberType(opt) ? values[i] : quoted(values[i]));
        return out + "]";
    }
    const std::string v = values.empty() ? std::string() : values.back();
    return isNumberType(opt) ? v : quoted(v);
}

// TOML numbers may group digits with underscores (1_000); CLI11 reads them as text.
std::vector<std::string> tomlNumbers(const CLI::Option& opt, std::vector<std::string> values)
{
    if (!isNumberType(opt))
        return values;
    for (auto& v : values)
    {
        bool grouped = v.find('_') != std::string::npos;
        for (std::size_t i = 0; grouped && i < v.size(); ++i)
            if (v[i] == '_') // only between two digits, as TOML allows
                grouped = i > 0 && i + 1 < v.size() &&
                          std::isdigit(static_cast<unsigned char>(v[i - 1])) &&
                          std::isdigit(static_cast<unsigned char>(v[i + 1]));
        if (grouped)
            v.erase(std::remove(v.begin(), v.end(), '_'), v.end());
    }
    return values;
}

std::string keyOf(const CLI::Option& opt)
{
    return opt.get_lnames().empty() ? std::string() : opt.get_lnames().front();
}

} // namespace

void bindOutputOptions(CLI::App& sub, PartitionConfig& config, ConfigFileOptions& file,
                       bool partition)
{
    if (partition)
    {
        sub.add_option(
               "--format", config.output_format,
               "Output format of the layers in --out: geojson (one file per layer) or gpkg (one "
               "GeoPackage gridplan.gpkg); ignored for a PG: output")
            ->capture_default_str()
            ->check(CLI::IsMember({"geojson", "gpkg"}));
        sub.add_option("--pg-schema", config.pg_schema,
                       "PostGIS output (--out PG:...): schema of the tables (created when missing)")
            ->capture_default_str();
        sub.add_option(
               "--pg-prefix", config.pg_table_prefix,
               "PostGIS output: prefix of every table name (<prefix>grids, ..., <prefix>report)")
            ->capture_default_str();
    }
    if (partition)
        sub.get_option("--out")->description("Output folder (created; earlier outputs are replaced "
                                             "only when the run succeeds), or a "
                                             "PostGIS database as PG:\"dbname=... host=... "
                                             "port=... user=...\" (tables, see --pg-schema)");
    sub.add_option(
        "--config", file.file,
        "Read options from this config file (TOML: key = value, keys are the long option names); "
        "options on the command line win");
    sub.add_flag("--print-config", file.print,
                 "Print the effective configuration as a config file and exit (no input is opened)")
        ->configurable(false);
    sub.get_option("--config")->configurable(false);

    for (CLI::Option* opt : sub.get_options())
    {
        if (opt->get_required())
        {
            file.required.push_back(opt);
            opt->required(false);
        }
        opt->group(groupOf(keyOf(*opt)));
    }
    // Re-added last so that --help lists the groups from Inputs to Run.
    sub.set_help_flag();
    sub.set_help_flag("-h,--help", "Print this help message and exit")->group("Run");
    sub.footer(partition ? kPartitionFooter : kCheckFooter);
}

bool applyConfigFile(CLI::App& sub, const CLI::App& sibling, ConfigFileOptions& file,
                     std::ostream& out)
{
    if (!file.file.empty())
    {
        std::vector<CLI::ConfigItem> items;
        try
        {
            items = CLI::ConfigTOML().from_file(file.file);
        }
        catch (const CLI::Error& e)
        {
            throw ConfigError("cannot read config file '" + file.file + "': " + e.what());
        }
        std::map<std::string, std::string> seen; // key -> where it was first given
        for (const auto& item : items)
        {
            if (item.name == "++" || item.name == "--") // CLI11's section markers
                continue;
            const std::string section = item.parents.empty() ? std::string() : item.parents.front();
            if (item.parents.size() > 1 ||
                (!section.empty() && section != sub.get_name() && section != sibling.get_name()))
                throw ConfigError("config file '" + file.file + "': unknown section [" +
                                  item.fullname() + "] (keys go at the top or under [" +
                                  sub.get_name() + "])");
            // A [partition] section serves check too (inputs), but [check] is check's only.
            if (section == "check" && sub.get_name() != "check")
                continue;
            CLI::Option* opt = sub.get_option_no_throw("--" + item.name);
            if (!opt || !opt->get_configurable())
            {
                if (sibling.get_option_no_throw("--" + item.name))
                    continue; // e.g. `out` when checking
                throw ConfigError("config file '" + file.file + "': unknown option '" + item.name +
                                  "' (keys are the long option names of gridplan " +
                                  sub.get_name() + " --help, without the dashes)");
            }
            // A key given twice (or at the top and under a section) is a mistake, not "last wins".
            const std::string place =
                section.empty() ? "at the top level" : "under [" + section + "]";
            // (CLI11 joins the values of a key repeated on consecutive lines into one item.)
            if (!isList(*opt) && item.inputs.size() > 1)
                throw ConfigError("config file '" + file.file + "': '" + item.name +
                                  "' is given twice " + place + " (or as a list); keep one");
            if (const auto [it, fresh] = seen.emplace(item.name, place); !fresh)
                throw ConfigError(
                    "config file '" + file.file + "': '" + item.name + "' is given twice " +
                    (it->second == place ? place : "(" + it->second + " and " + place + ")") +
                    "; keep one");
            if (opt->count() > 0)
                continue; // given on the command line: it wins
            try
            {
                if (isFlag(*opt)) // as CLI11 reads flags from its own config files
                    opt->add_result(
                        opt->get_flag_value(item.name, CLI::ConfigTOML().to_flag(item)));
                else
                    opt->add_result(tomlNumbers(*opt, item.inputs));
                opt->run_callback();
            }
            catch (const CLI::Error& e)
            {
                throw ConfigError("config file '" + file.file + "': bad value for '" + item.name +
                                  "': " + e.what());
            }
        }
    }
    if (file.print)
    {
        out << effectiveConfig(sub);
        return true;
    }
    for (const CLI::Option* opt : file.required)
        if (opt->count() == 0)
            throw ConfigError(opt->get_name() +
                              " is required (on the command line or in the --config file)");
    return false;
}

std::string effectiveConfig(const CLI::App& sub)
{
    std::map<std::string, std::vector<const CLI::Option*>> by_group;
    for (const CLI::Option* opt : sub.get_options())
        if (opt->get_configurable() && !keyOf(*opt).empty() && keyOf(*opt) != "help")
            by_group[opt->get_group()].push_back(opt);
    std::ostringstream out;
    out << "# gridplan " << sub.get_name() << ": effective configuration. Read it back with\n"
        << "#   gridplan " << sub.get_name()
        << " --config FILE   (options on the command line win)\n"
        << "# Paths are relative to the folder gridplan runs in. Commented keys are unset.\n";
    std::vector<std::string> order;
    for (const auto& [group, names] : optionGroups())
        order.push_back(group);
    order.push_back("Other");
    for (const auto& group : order)
    {
        const auto it = by_group.find(group);
        if (it == by_group.end())
            continue;
        out << "\n# --- " << group << " ---\n";
        for (const CLI::Option* opt : it->second)
        {
            const std::string key = keyOf(*opt);
            out << "# " << opt->get_description() << '\n';
            if (isFlag(*opt))
                out << key << " = " << (opt->count() > 0 && opt->as<bool>() ? "true" : "false")
                    << '\n';
            else if (opt->count() > 0)
                out << key << " = " << tomlValue(*opt, opt->results()) << '\n';
            else if (!opt->get_default_str().empty())
                out << key << " = " << tomlValue(*opt, {opt->get_default_str()}) << '\n';
            else
                out << "# " << key << " = "
                    << (isList(*opt)         ? "[]"
                        : isNumberType(*opt) ? ""
                                             : "\"\"")
                    << '\n';
        }
    }
    return out.str();
}

} // namespace gp::cli
