// Research volumes and masks: NIfTI, NRRD or MetaImage, the format picked by the first byte so
// that one corpus covers the three readers.
#include "FuzzInput.h"
#include "metis/imaging/VolumeIO.h"

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) {
        return 0;
    }
    static const char* const kNames[] = {"volume.nii", "volume.nrrd", "volume.mha"};
    const char* name = kNames[data[0] % 3];
    const auto file = fuzz::writeInput(data + 1, size - 1, name);
    try {
        (void)metis::imaging::readImage(file);
    } catch (const std::exception&) {
    }
    try {
        (void)metis::imaging::readLabelMap(file);
    } catch (const std::exception&) {
    }
    return 0;
}
