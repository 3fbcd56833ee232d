#pragma once

#include "metis/core/ImageGeometry.h"

#include <filesystem>
#include <vector>

namespace metis::imaging {

/// A volume file's grid and its voxels converted to `Pixel`.
template <typename Pixel> struct VolumeContents {
    ImageGeometry geometry;
    std::vector<Pixel> voxels;
};

/// Reads a MetaImage (.mha with its voxels after the header, .mhd naming a data file beside it)
/// with Metis's own parser: ITK 5.2's MetaIO trusts its header (fixed buffers, claimed sizes,
/// endless inflate loops) and damaged the heap on hostile files. Scalar 2-D and 3-D images (and
/// 4-D ones of a single time point), binary, raw or zlib/gzip compressed, either byte order;
/// geometry exactly as ITK places it. Throws std::runtime_error naming the file and the problem.
template <typename Pixel> VolumeContents<Pixel> readMetaImage(const std::filesystem::path& path);

extern template VolumeContents<float> readMetaImage<float>(const std::filesystem::path&);
extern template VolumeContents<double> readMetaImage<double>(const std::filesystem::path&);

} // namespace metis::imaging
