#include "metis/core/ImageGeometry.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace metis {

Mat3 multiply(const Mat3& a, const Mat3& b) {
    Mat3 r{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            for (int k = 0; k < 3; ++k) {
                r[i][j] += a[i][k] * b[k][j];
            }
        }
    }
    return r;
}

Vec3 multiply(const Mat3& m, const Vec3& v) {
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

Mat3 transpose(const Mat3& m) {
    Mat3 r{};
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            r[i][j] = m[j][i];
        }
    }
    return r;
}

Mat3 inverse(const Mat3& m) {
    const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (std::abs(det) < 1e-12) {
        throw std::invalid_argument("singular 3x3 matrix");
    }
    Mat3 r{};
    r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
    r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
    r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
    return r;
}

double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
Vec3 cross(const Vec3& a, const Vec3& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double norm(const Vec3& v) { return std::sqrt(dot(v, v)); }

Vec3 ImageGeometry::indexToPatient(const Vec3& index) const {
    const Vec3 scaled{index[0] * spacing[0], index[1] * spacing[1], index[2] * spacing[2]};
    const Vec3 offset = multiply(direction, scaled);
    return {origin[0] + offset[0], origin[1] + offset[1], origin[2] + offset[2]};
}

Vec3 ImageGeometry::patientToIndex(const Vec3& point) const {
    const Vec3 delta{point[0] - origin[0], point[1] - origin[1], point[2] - origin[2]};
    // The direction matrix is orthonormal (validate()), so its inverse is its transpose.
    const Vec3 scaled = multiply(transpose(direction), delta);
    return {scaled[0] / spacing[0], scaled[1] / spacing[1], scaled[2] / spacing[2]};
}

bool ImageGeometry::sameGridAs(const ImageGeometry& other, double tolerance) const {
    if (size != other.size) {
        return false;
    }
    for (int i = 0; i < 3; ++i) {
        if (std::abs(spacing[i] - other.spacing[i]) > tolerance ||
            std::abs(origin[i] - other.origin[i]) > tolerance) {
            return false;
        }
        for (int j = 0; j < 3; ++j) {
            if (std::abs(direction[i][j] - other.direction[i][j]) > tolerance) {
                return false;
            }
        }
    }
    return true;
}

void ImageGeometry::validate() const {
    for (int i = 0; i < 3; ++i) {
        if (size[i] <= 0) {
            throw std::invalid_argument("image geometry: size must be positive (" + describe() + ")");
        }
        if (!(spacing[i] > 0.0) || !std::isfinite(spacing[i])) {
            throw std::invalid_argument("image geometry: spacing must be positive (" + describe() + ")");
        }
    }
    const Mat3 product = multiply(transpose(direction), direction);
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            if (std::abs(product[i][j] - (i == j ? 1.0 : 0.0)) > 1e-3) {
                throw std::invalid_argument("image geometry: direction is not orthonormal (" +
                                            describe() + ")");
            }
        }
    }
}

std::string ImageGeometry::describe() const {
    std::ostringstream out;
    out << "size " << size[0] << "x" << size[1] << "x" << size[2] << ", spacing " << spacing[0]
        << "x" << spacing[1] << "x" << spacing[2] << " mm, origin (" << origin[0] << ", "
        << origin[1] << ", " << origin[2] << ") mm, direction [";
    for (int r = 0; r < 3; ++r) {
        out << (r ? "; " : "") << direction[r][0] << " " << direction[r][1] << " " << direction[r][2];
    }
    out << "]";
    return out.str();
}

} // namespace metis
