// Metis's JSON reader (model package metadata, evaluation reports, metrics lines).
#include "metis/core/Json.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const metis::JsonValue value =
            metis::parseJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
        (void)value;
    } catch (const std::runtime_error&) {
        // Refused with a message: the expected outcome for malformed text.
    }
    return 0;
}
