#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace metis {

using Vec3 = std::array<double, 3>;
/// Row-major 3x3 matrix. As a direction matrix, column c is the patient-space (LPS) unit vector
/// of index axis c (the ITK and DICOM convention).
using Mat3 = std::array<std::array<double, 3>, 3>;
using Size3 = std::array<std::int64_t, 3>;

constexpr Mat3 identityMatrix() {
    return {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
}

/// Where a voxel grid sits in patient space (LPS, millimetres). Orientation lives here only.
/// patient = origin + direction * diag(spacing) * index, with index (i, j, k) and i fastest in
/// memory; origin is the centre of voxel (0, 0, 0).
struct ImageGeometry {
    Size3 size{0, 0, 0};
    Vec3 spacing{1, 1, 1};
    Vec3 origin{0, 0, 0};
    Mat3 direction = identityMatrix();

    std::size_t voxelCount() const {
        return static_cast<std::size_t>(size[0]) * static_cast<std::size_t>(size[1]) *
               static_cast<std::size_t>(size[2]);
    }
    std::size_t linearIndex(std::int64_t i, std::int64_t j, std::int64_t k) const {
        return static_cast<std::size_t>(i + size[0] * (j + size[1] * k));
    }
    bool containsIndex(std::int64_t i, std::int64_t j, std::int64_t k) const {
        return i >= 0 && j >= 0 && k >= 0 && i < size[0] && j < size[1] && k < size[2];
    }

    /// Continuous index -> patient position (mm).
    Vec3 indexToPatient(const Vec3& index) const;
    /// Patient position (mm) -> continuous index.
    Vec3 patientToIndex(const Vec3& point) const;

    /// Same grid, within `tolerance` mm / direction cosine.
    bool sameGridAs(const ImageGeometry& other, double tolerance = 1e-4) const;
    /// Throws std::invalid_argument naming the problem (zero size, non-positive spacing,
    /// non-orthonormal direction).
    void validate() const;
    std::string describe() const;
};

Mat3 multiply(const Mat3& a, const Mat3& b);
Vec3 multiply(const Mat3& m, const Vec3& v);
Mat3 transpose(const Mat3& m);
/// Inverse of a general 3x3 matrix; throws std::invalid_argument when singular.
Mat3 inverse(const Mat3& m);
double dot(const Vec3& a, const Vec3& b);
Vec3 cross(const Vec3& a, const Vec3& b);
double norm(const Vec3& v);

} // namespace metis
