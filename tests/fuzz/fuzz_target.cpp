// libFuzzer entry point (built with -DGRIDPLAN_FUZZ=ON; run by scripts/fuzz.sh): every input must
// end in success or a documented InputError/ConfigError; anything else escapes and aborts.
#include "fuzz/fuzz_input.hpp"

#include <cpl_conv.h>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // No network or helper threads from GDAL while fuzzing: faster and reproducible.
    CPLSetConfigOption("GDAL_NUM_THREADS", "1");
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    gp::fuzz::runInput(data, size);
    return 0;
}
