#include "check/check.hpp"

#include "audit/coverage.hpp"
#include "classify/classify.hpp"
#include "classify/footprints.hpp"
#include "classify/households.hpp"
#include "classify/use_mapping.hpp"
#include "core/error.hpp"
#include "core/model.hpp"
#include "io/gdal_support.hpp"
#include "io/layer_reader.hpp"
#include "io/load.hpp"
#include "place/place.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

namespace gp::check
{

namespace
{

struct NamedSource
{
    const LayerSource* source;
    std::string role;
};

std::vector<NamedSource> sourcesOf(const PartitionConfig& config)
{
    std::vector<NamedSource> out{{&config.buildings, "buildings"},
                                 {&config.communities, "communities"}};
    if (config.street)
        out.push_back({&*config.street, "street"});
    if (config.compounds)
        out.push_back({&*config.compounds, "compounds"});
    for (const auto& b : config.barriers)
        out.push_back({&b, "barriers"});
    for (const auto& s : config.streets)
        out.push_back({&s, "streets"});
    for (const auto& r : config.roads)
        out.push_back({&r, "roads"});
    return out;
}

// Opens every layer on its own, so that each missing file or CRS is reported, not just the first.
// Returns false when some layer cannot be used at all.
bool checkLayers(const PartitionConfig& config, CheckResult& result)
{
    bool ok = true;
    std::vector<std::pair<std::string, std::string>> crs_of; // "role 'path'", CRS
    for (const auto& [source, role] : sourcesOf(config))
    {
        const std::string name = role + " source '" + source->path + "'";
        try
        {
            // Without a CRS of its own the layer needs --assume-crs: tell which layers rely on it.
            auto ds = io::openVector(source->path, role);
            OGRLayer* layer = io::pickLayer(*ds, source->path, source->layer, role);
            const OGRSpatialReference* own = layer->GetSpatialRef();
            if ((!own || own->IsLocal()) && !config.assume_crs.empty())
                result.problems.push_back(
                    {Severity::Note, "crs_assumed",
                     name + (own ? ": an engineering (LOCAL_CS) CRS" : ": no CRS of its own") +
                         "; --assume-crs " + config.assume_crs + " used"});
            io::InputLayer opened(*source, role, config.assume_crs);
            crs_of.emplace_back(name, io::describeSrs(opened.srs()));
            if (!source->where.empty())
                layer->SetAttributeFilter(source->where.c_str());
            if (layer->GetFeatureCount(TRUE) == 0)
                result.problems.push_back(
                    {role == "buildings" || role == "communities" ? Severity::Error
                                                                  : Severity::Warning,
                     "layer_empty",
                     name + ": no features" +
                         (source->where.empty() ? "" : " match the --where filter")});
        }
        catch (const InputError& e)
        {
            const std::string what = e.what();
            result.problems.push_back({Severity::Error,
                                       what.find("no CRS") != std::string::npos ||
                                               what.find("LOCAL_CS") != std::string::npos
                                           ? "crs_missing"
                                           : "input_error",
                                       what});
            ok = false;
        }
    }
    for (std::size_t i = 1; i < crs_of.size(); ++i)
        if (crs_of[i].second != crs_of[0].second)
            result.problems.push_back({Severity::Note, "crs_differs",
                                       crs_of[i].first + " is in " + crs_of[i].second + ", " +
                                           crs_of[0].first + " in " + crs_of[0].second +
                                           "; reprojected to the working CRS"});
    for (const auto& p : result.problems)
        ok = ok && p.severity != Severity::Error;
    return ok;
}

// The exact same footprint (or point) twice: usually a layer loaded twice or a copy-paste.
void findDuplicates(const Plan& plan, CheckResult& result)
{
    std::vector<std::pair<std::string, std::size_t>> keys;
    for (std::size_t i = 0; i < plan.buildings.size(); ++i)
    {
        const auto& b = plan.buildings[i];
        std::ostringstream ss;
        ss.precision(17);
        if (b.footprint.empty())
            ss << bg::wkt(b.anchor);
        else
            ss << bg::wkt(b.footprint);
        keys.emplace_back(ss.str(), i);
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 1; k < keys.size(); ++k)
        if (keys[k].first == keys[k - 1].first)
            result.problems.push_back(
                {Severity::Warning, "duplicate_geometry",
                 "buildings " + plan.buildings[keys[k - 1].second].id + " and " +
                     plan.buildings[keys[k].second].id +
                     " have identical geometry: with households from the field both are counted "
                     "(one record "
                     "per 单元), an estimated copy is merged (see overlapping_footprints)"});
}

std::string rolesLine(const Plan& plan)
{
    std::ostringstream ss;
    ss << plan.buildings.size() << " buildings, " << plan.communities.size() << " communities";
    if (!plan.compounds.empty())
        ss << ", " << plan.compounds.size() << " compounds";
    ss << ", working CRS " << plan.working_crs;
    return ss.str();
}

} // namespace

const char* toString(Severity severity)
{
    switch (severity)
    {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "?";
}

CheckResult checkInputs(const PartitionConfig& config)
{
    validate(config);
    CheckResult result;
    if (!checkLayers(config, result))
    {
        result.accepted = false;
        result.summary = "inputs cannot be loaded";
        return result;
    }

    Plan plan;
    try
    {
        plan = io::loadInputs(config);
    }
    catch (const InputError& e)
    {
        result.problems.push_back({Severity::Error, "input_error", e.what()});
        result.accepted = false;
        result.summary = "inputs cannot be loaded";
        return result;
    }

    classify::classifyPlan(plan, config);
    findDuplicates(plan, result);
    classify::resolveOverlappingFootprints(plan.buildings, plan.issues);
    place::placeBuildings(plan);
    audit::auditCoverage(plan);

    int residential = 0, households = 0;
    for (const auto& b : plan.buildings)
    {
        residential += b.use == BuildingUse::Residential;
        households += b.households;
    }
    if (residential == 0)
        result.problems.push_back(
            {Severity::Warning, "no_residential_buildings",
             "no building is classified residential: check --use-field / --use-map"});
    for (const auto& issue : plan.issues)
        result.problems.push_back({Severity::Warning, issue.reason, issue.detail});
    for (const auto& p : result.problems)
        result.accepted = result.accepted && p.severity != Severity::Error;
    result.summary = rolesLine(plan) + ", " + std::to_string(residential) +
                     " residential buildings, " + std::to_string(households) + " households";
    return result;
}

std::string formatTable(const CheckResult& result, std::size_t examples)
{
    // Group by severity then problem name; within a group keep the order found.
    std::map<std::pair<Severity, std::string>, std::vector<const Problem*>> groups;
    for (const auto& p : result.problems)
        groups[{p.severity, p.problem}].push_back(&p);

    std::ostringstream out;
    out << "gridplan check: " << result.summary << "\n\n";
    if (groups.empty())
        out << "no problems found\n";
    else
    {
        std::size_t width = 7;
        for (const auto& [key, items] : groups)
            width = std::max(width, key.second.size());
        auto pad = [](const std::string& s, std::size_t n)
        { return s + std::string(n > s.size() ? n - s.size() : 0, ' '); };
        out << pad("SEVERITY", 9) << pad("PROBLEM", width + 2) << "COUNT\n";
        for (const auto& [key, items] : groups)
        {
            out << pad(toString(key.first), 9) << pad(key.second, width + 2) << items.size()
                << '\n';
            for (std::size_t i = 0; i < items.size() && i < examples; ++i)
                out << "    - " << items[i]->detail << '\n';
            if (items.size() > examples)
                out << "    ... and " << items.size() - examples << " more\n";
        }
    }
    out << '\n'
        << (result.accepted ? "partition would accept these inputs"
                            : "partition would refuse these inputs (errors above)")
        << '\n';
    return out.str();
}

} // namespace gp::check
