// libFuzzer entry point (built with -DGRIDPLAN_FUZZ=ON; run by scripts/fuzz.sh): every input must
// end in success or a documented InputError/ConfigError; anything else escapes and aborts.
#include "fuzz/fuzz_input.hpp"

#include <cpl_conv.h>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // No network or helper threads from GDAL while fuzzing: faster and reproducible.
    CPLSetConfigOption("GDAL_NUM_THREADS", "1");
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
    // The Shapefile driver matches an ESRI .prj against the whole EPSG database (PROJ identify):
    // about 1.6 s CPU for a mutated CRS name, which turned a loaded machine's runs into
    // timeouts (regressions/timeout-bc0575...). The CRS is used the same without the match.
    CPLSetConfigOption("USE_OSR_FIND_MATCHES", "NO");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto result = gp::fuzz::runInput(data, size);
    // GRIDPLAN_FUZZ_PRINT=1 gridplan_fuzz_input FILE: shows the outcome, to write FILE.expected.
    static const bool print = std::getenv("GRIDPLAN_FUZZ_PRINT") != nullptr;
    if (print)
        std::fprintf(stderr, "%s\n%s\n", gp::fuzz::toString(result.outcome),
                     result.message.c_str());
    return 0;
}
