// The fuzz harness as a plain function, shared by the libFuzzer target (fuzz_target.cpp) and the
// Catch2 replay of seeds and regressions (test_fuzz_replay.cpp).
//
// A fuzz input is a small container decoded into files under GDAL's /vsimem/:
//   byte 0   bits 0-1 format of the fuzzed layer: 0 Shapefile, 1 GeoJSON, 2 CSV, 3 FlatGeobuf
//            bits 2-3 its role: 0 buildings, 1 communities, 2 compounds, 3 barriers
//            bit 4    --assume-crs EPSG:3763
//            bit 5    --<role>-id-field bid
//            bit 6    buildings fields: --households-field hh --floors-field fl --use-field use
//            bit 7    --working-crs EPSG:3763
//   then the format's member files in order (Shapefile: .shp .shx .dbf .prj .cpg; GeoJSON:
//   .geojson; CSV: .csv .csvt .prj; FlatGeobuf: .fgb): each but the last as a little-endian
//   uint16 length and that many bytes, the last takes the rest. A member of length 0 (or cut off
//   by the end of the input) is not written: that is how missing sidecars are fuzzed.
//   Optionally the input ends with a path trailer: the bytes "\0gp-path:" and a folder NAME (up to
//   4,096 bytes, no ".." component): the fuzzed layer's files then go to
//   /vsimem/gridplan-fuzz/NAME/, so that long, odd and non-ASCII paths are fuzzed too (issue 18).
// The other required layers are fixed and valid: four Porto buildings and two Porto parishes
// clipped around them (EPSG:3763), so the fuzzed layer goes through load, classify and place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gp::fuzz
{

enum class Outcome
{
    Accepted,    // gridplan check: partition would accept the inputs
    Refused,     // gridplan check: listed an error (exit 1), e.g. a file it cannot read
    InputError,  // gp::InputError escaped (exit 1)
    ConfigError, // gp::ConfigError escaped (exit 2)
};

struct Result
{
    Outcome outcome = Outcome::Accepted;
    std::string message; // the check table, or the exception's message
};

// Decodes `data`, writes the files to /vsimem/ and runs what `gridplan check` runs (load,
// validate, classify, place, coverage audit). Any exception other than gp::InputError and
// gp::ConfigError propagates: for the fuzzer that is a bug like a crash. GDAL messages are
// captured, and the /vsimem/ files are removed before returning.
Result runInput(const std::uint8_t* data, std::size_t size);
Result runInput(const std::string& bytes);

// The paths runInput writes the fuzzed layer to, e.g. "/vsimem/gridplan-fuzz/input.shp", so
// tests can assert that messages name the file.
std::string fuzzedPath(std::uint8_t header, const std::string& folder = "");

const char* toString(Outcome outcome);

} // namespace gp::fuzz
