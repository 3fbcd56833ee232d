// A site's clinical table (CSV), as import and training read it.
#include "FuzzInput.h"
#include "metis/core/ClinicalTable.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)metis::readClinicalTable(fuzz::writeInput(data, size, "clinical.csv"));
    } catch (const std::runtime_error&) {
    }
    return 0;
}
