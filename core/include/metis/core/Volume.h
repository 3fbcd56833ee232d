#pragma once

#include "metis/core/ImageGeometry.h"

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace metis {

/// The most voxels Metis loads into one volume from outside (640^3; brain MR series stay below
/// 512^3): readers refuse a header claiming more before allocating anything, so a crafted file
/// cannot make the process ask for gigabytes.
inline constexpr std::uint64_t kMaxVolumeVoxels = std::uint64_t{1} << 28;

/// A contiguous voxel buffer (i fastest) and the geometry that places it in patient space.
template <typename T> class Volume {
public:
    using value_type = T;

    Volume() = default;
    explicit Volume(const ImageGeometry& geometry, T fill = T{})
        : geometry_(geometry), data_(geometry.voxelCount(), fill) {}
    Volume(const ImageGeometry& geometry, std::vector<T> data)
        : geometry_(geometry), data_(std::move(data)) {
        if (data_.size() != geometry_.voxelCount()) {
            throw std::invalid_argument("volume: buffer size does not match the geometry");
        }
    }

    const ImageGeometry& geometry() const { return geometry_; }
    /// Re-places the same voxels in patient space (e.g. after reading a header correction).
    void setGeometry(const ImageGeometry& geometry) {
        if (geometry.voxelCount() != data_.size()) {
            throw std::invalid_argument("volume: new geometry has a different voxel count");
        }
        geometry_ = geometry;
    }
    const Size3& size() const { return geometry_.size; }
    bool empty() const { return data_.empty(); }

    T& at(std::int64_t i, std::int64_t j, std::int64_t k) {
        return data_[geometry_.linearIndex(i, j, k)];
    }
    const T& at(std::int64_t i, std::int64_t j, std::int64_t k) const {
        return data_[geometry_.linearIndex(i, j, k)];
    }
    std::vector<T>& data() { return data_; }
    const std::vector<T>& data() const { return data_; }

private:
    ImageGeometry geometry_;
    std::vector<T> data_;
};

/// Intensities in physical units (after DICOM rescale).
using ImageVolume = Volume<float>;
/// Labels sharing an image's geometry: 0 background, k > 0 a structure or lesion number.
using LabelMap = Volume<std::uint16_t>;

} // namespace metis
