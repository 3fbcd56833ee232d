// An RTSTRUCT from another system, read into ROIs and contours.
#include "FuzzInput.h"
#include "metis/imaging/RtStruct.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)metis::imaging::RtStructReader::read(fuzz::writeInput(data, size, "rtstruct.dcm"));
    } catch (const std::exception&) {
    }
    return 0;
}
