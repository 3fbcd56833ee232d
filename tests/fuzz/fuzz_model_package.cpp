// A model package's metadata.json, as registration, activation and inference read it (a package
// comes from another site, a download, a USB stick). A small weights file sits beside it, so
// that the size and digest checks after parsing run too.
#include "FuzzInput.h"
#include "metis/models/ModelPackage.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto metadata = fuzz::writeInput(data, size, "package/metadata.json");
    static const bool weightsWritten = [&] {
        const std::uint8_t weights[16] = {};
        fuzz::writeInput(weights, sizeof weights, "package/weights.tensors");
        return true;
    }();
    (void)weightsWritten;
    try {
        (void)metis::models::readModelPackage(metadata.parent_path());
    } catch (const std::exception&) {
    }
    return 0;
}
