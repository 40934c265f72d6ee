#include "core/model.hpp"

namespace gp
{

const char* toString(BuildingUse use)
{
    switch (use)
    {
    case BuildingUse::Residential:
        return "residential";
    case BuildingUse::Commercial:
        return "commercial";
    case BuildingUse::Market:
        return "market";
    case BuildingUse::Office:
        return "office";
    case BuildingUse::Industrial:
        return "industrial";
    case BuildingUse::Education:
        return "education";
    case BuildingUse::Public:
        return "public";
    case BuildingUse::Other:
        return "other";
    }
    return "other";
}

const char* toString(HouseholdsSource source)
{
    switch (source)
    {
    case HouseholdsSource::Field:
        return "field";
    case HouseholdsSource::Register:
        return "register";
    case HouseholdsSource::Estimated:
        return "estimated";
    case HouseholdsSource::None:
        return "none";
    }
    return "none";
}

const char* toString(GridKind kind)
{
    return kind == GridKind::Dedicated ? "dedicated" : "residential";
}

} // namespace gp
