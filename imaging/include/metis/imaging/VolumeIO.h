#pragma once

#include "metis/core/Volume.h"

#include <filesystem>
#include <string>

namespace metis::imaging {

/// Research volume formats, chosen by file extension.
enum class VolumeFileFormat {
    Nifti,     ///< .nii, .nii.gz
    Nrrd,      ///< .nrrd, .nhdr
    MetaImage, ///< .mha, .mhd
};

/// Throws std::invalid_argument naming the path when the extension is none of the above.
VolumeFileFormat volumeFileFormat(const std::filesystem::path& path);
bool isVolumeFile(const std::filesystem::path& path);

/// How an image's voxels are stored on disk.
enum class ImageStorage {
    /// int16 when every value is an integer in its range (exact, half the size), else float32.
    Automatic,
    Float32,
};

/// Reads any scalar image; geometry comes back in LPS exactly as ITK places it (NIfTI's RAS is
/// converted). Throws std::runtime_error naming the file on any failure.
ImageVolume readImage(const std::filesystem::path& path);
void writeImage(const ImageVolume& image, const std::filesystem::path& path,
                ImageStorage storage = ImageStorage::Automatic);

/// Reads a label map; throws std::runtime_error naming the file when a voxel is negative,
/// fractional or above 65535.
LabelMap readLabelMap(const std::filesystem::path& path);
/// Stored as uint8 when every label fits, else uint16.
void writeLabelMap(const LabelMap& labels, const std::filesystem::path& path);

/// Label conventions of public brain-metastasis data sets (PHANTOM.md section 5).
enum class LabelConvention {
    /// BraTS-METS 2023 and Yale Mets-to-Brain: 1 NETC, 2 SNFH (oedema), 3 ET.
    BratsMets,
    /// UCSF-BMSR and other binary masks: any non-zero voxel is tumour.
    UcsfBinary,
    /// Metis instance maps: lesion k has value k.
    MetisInstances,
};

/// A label map reduced to what Metis uses: the GTV and, where the convention has one, oedema.
struct LesionLabels {
    LabelMap gtv;    ///< 1 = GTV (BraTS: NETC or ET), 0 elsewhere
    LabelMap oedema; ///< 1 = oedema (BraTS SNFH); all zero in other conventions
};

/// Throws std::invalid_argument for a value the convention does not define (e.g. 4 in BraTS).
LesionLabels interpretLabels(const LabelMap& labels, LabelConvention convention);

} // namespace metis::imaging
