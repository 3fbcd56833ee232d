#include "SyntheticLesions.h"
#include "metis/core/Contours.h"
#include "metis/core/Progress.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <gtest/gtest.h>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace metis;

using test_lesions::Ellipsoid;
using test_lesions::paintEllipsoids;

namespace {

constexpr double pi = 3.14159265358979323846;

ImageGeometry axialGeometry() {
    ImageGeometry geometry;
    geometry.size = {64, 60, 30};
    geometry.spacing = {0.9, 0.9, 1.5};
    geometry.origin = {-30.0, -25.0, 10.0};
    return geometry;
}

/// Rotated by `degrees` about an axis that is not an index axis, so every slice is oblique.
ImageGeometry obliqueGeometry(double degrees) {
    ImageGeometry geometry = axialGeometry();
    const double a = degrees * pi / 180.0;
    const Mat3 aboutX{{{1, 0, 0}, {0, std::cos(a), -std::sin(a)}, {0, std::sin(a), std::cos(a)}}};
    const Mat3 aboutZ{{{std::cos(a), -std::sin(a), 0}, {std::sin(a), std::cos(a), 0}, {0, 0, 1}}};
    geometry.direction = multiply(aboutZ, aboutX);
    return geometry;
}

ImageGeometry sagittalGeometry() {
    ImageGeometry geometry = axialGeometry();
    // Columns run anterior-posterior, rows foot-head, slices left-right.
    geometry.direction = {{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}};
    return geometry;
}

double dice(const LabelMap& a, const LabelMap& b, std::uint16_t label) {
    std::size_t both = 0, inA = 0, inB = 0;
    for (std::size_t n = 0; n < a.data().size(); ++n) {
        const bool x = label == 0 ? a.data()[n] != 0 : a.data()[n] == label;
        const bool y = label == 0 ? b.data()[n] != 0 : b.data()[n] == label;
        both += x && y;
        inA += x;
        inB += y;
    }
    return inA + inB == 0 ? 1.0 : 2.0 * static_cast<double>(both) / static_cast<double>(inA + inB);
}

std::size_t countLabel(const LabelMap& labels, std::uint16_t label) {
    return static_cast<std::size_t>(std::count(labels.data().begin(), labels.data().end(), label));
}

std::vector<double> sliceFrom(const std::vector<std::string>& rows) {
    std::vector<double> values;
    for (const auto& row : rows) {
        for (const char c : row) {
            values.push_back(c == '#' ? 1.0 : 0.0);
        }
    }
    return values;
}

/// The lesions used for the round trip: 5 to 20 mm, one with a central cavity.
std::vector<Ellipsoid> lesionSet() {
    return {
        {{-12.0, -8.0, 25.0}, {2.5, 2.5, 2.5}, 1}, // 5 mm sphere
        {{10.0, 5.0, 30.0}, {10.0, 7.0, 8.0}, 2},  // 20 x 14 x 16 mm ellipsoid
        {{-10.0, 12.0, 40.0}, {4.0, 3.0, 3.5}, 3}, // 8 x 6 x 7 mm
    };
}

} // namespace

TEST(CoreContours, singlePixelGivesCounterClockwiseDiamond) {
    const auto polygons = isoContoursOfSlice(sliceFrom({"...", ".#.", "..."}), 3, 3, 0.5);
    ASSERT_EQ(polygons.size(), std::size_t{1});
    ASSERT_EQ(polygons[0].size(), std::size_t{4});
    ASSERT_TRUE(std::abs(signedArea(polygons[0]) - 0.5) < 1e-12);
    for (const auto& p : polygons[0]) {
        ASSERT_TRUE(std::abs(std::abs(p[0] - 1.0) + std::abs(p[1] - 1.0) - 0.5) < 1e-12);
    }
}

TEST(CoreContours, holeIsSeparateClockwiseContour) {
    const auto polygons = isoContoursOfSlice(
        sliceFrom({".......", ".#####.", ".#...#.", ".#...#.", ".#####.", "......."}), 7, 6, 0.5);
    ASSERT_EQ(polygons.size(), std::size_t{2});
    const double a0 = signedArea(polygons[0]);
    const double a1 = signedArea(polygons[1]);
    ASSERT_TRUE(a0 * a1 < 0.0);
    ASSERT_TRUE(std::max(a0, a1) > std::abs(std::min(a0, a1)));
}

TEST(CoreContours, diagonalContactIsSplit) {
    const auto polygons = isoContoursOfSlice(sliceFrom({"#.", ".#"}), 2, 2, 0.5);
    ASSERT_EQ(polygons.size(), std::size_t{2});
    ASSERT_TRUE(signedArea(polygons[0]) > 0.0 && signedArea(polygons[1]) > 0.0);
}

TEST(CoreContours, subPixelLevelFollowsValues) {
    // A ramp 0, 0.25, 0.75, 1: the 0.5 crossing lies halfway between columns 1 and 2.
    const std::vector<double> ramp{0, 0.25, 0.75, 1, 0, 0.25, 0.75, 1};
    const auto polygons = isoContoursOfSlice(ramp, 4, 2, 0.5);
    ASSERT_EQ(polygons.size(), std::size_t{1});
    double minX = 1e9;
    for (const auto& p : polygons[0]) {
        minX = std::min(minX, p[0]);
    }
    ASSERT_TRUE(std::abs(minX - 1.5) < 1e-12);
}

TEST(CoreContours, squareBlockReducesToEightPoints) {
    ImageGeometry geometry = axialGeometry();
    LabelMap labels(geometry, 0);
    for (int j = 10; j < 20; ++j) {
        for (int i = 5; i < 15; ++i) {
            labels.at(i, j, 3) = 1;
        }
    }
    const auto contours = extractContours(labels, 1);
    ASSERT_EQ(contours.size(), std::size_t{1});
    ASSERT_EQ(contours[0].points.size(), std::size_t{8});
    for (const auto& p : contours[0].points) {
        ASSERT_TRUE(std::abs(p[2] - (10.0 + 3 * 1.5)) < 1e-9);
    }
    LabelMap back(geometry, 0);
    rasteriseContours(contours, back, 1);
    ASSERT_TRUE(back.data() == labels.data());
}

TEST(CoreContours, rasterisationTestsPixelCentres) {
    ImageGeometry geometry;
    geometry.size = {20, 20, 3};
    geometry.spacing = {1.0, 1.0, 2.0};
    // A rectangle from x = 2.4 to 7.6 and y = 3.0 to 5.0 mm on slice 1 (z = 2): centres
    // x = 3..7 lie inside; y = 3, 4 inside, y = 5 on the upper edge is outside (half-open).
    const PlanarContour rectangle{
        {{2.4, 3.0, 2.0}, {7.6, 3.0, 2.0}, {7.6, 5.0, 2.0}, {2.4, 5.0, 2.0}}};
    LabelMap labels(geometry, 0);
    rasteriseContours({rectangle}, labels, 4);
    ASSERT_EQ(countLabel(labels, 4), std::size_t{10});
    ASSERT_EQ(labels.at(3, 3, 1), std::uint16_t{4});
    ASSERT_EQ(labels.at(7, 4, 1), std::uint16_t{4});
    ASSERT_EQ(labels.at(2, 3, 1), std::uint16_t{0});
    ASSERT_EQ(labels.at(3, 3, 0), std::uint16_t{0});

    // A finely sampled disc of radius 6 mm: its area in voxels is close to pi r^2.
    PlanarContour disc;
    for (int n = 0; n < 360; ++n) {
        const double a = 2 * pi * n / 360.0;
        disc.points.push_back({10.0 + 6.0 * std::cos(a), 10.0 + 6.0 * std::sin(a), 4.0});
    }
    LabelMap discLabels(geometry, 0);
    rasteriseContours({disc}, discLabels, 1);
    const double area = static_cast<double>(countLabel(discLabels, 1));
    ASSERT_TRUE(std::abs(area - pi * 36.0) < 6.0) << area;
}

TEST(CoreContours, evenOddRuleMakesHolesAndKeepsSeparatePolygons) {
    ImageGeometry geometry;
    geometry.size = {30, 30, 1};
    auto square = [](double x0, double y0, double x1, double y1) {
        return PlanarContour{{{x0, y0, 0}, {x1, y0, 0}, {x1, y1, 0}, {x0, y1, 0}}};
    };
    // Outer 10 x 10 centres, a 4 x 4 hole, and a separate 3 x 3 island on the same slice.
    const std::vector<PlanarContour> contours{
        square(1.5, 1.5, 11.5, 11.5), square(4.5, 4.5, 8.5, 8.5), square(19.5, 19.5, 22.5, 22.5)};
    LabelMap labels(geometry, 0);
    rasteriseContours(contours, labels, 1);
    ASSERT_EQ(countLabel(labels, 1), std::size_t{100 - 16 + 9});
    ASSERT_EQ(labels.at(6, 6, 0), std::uint16_t{0});
    ASSERT_EQ(labels.at(3, 3, 0), std::uint16_t{1});
    ASSERT_EQ(labels.at(20, 21, 0), std::uint16_t{1});
}

TEST(CoreContours, degenerateContoursAreRejected) {
    const ImageGeometry geometry = axialGeometry();
    LabelMap labels(geometry, 0);
    const PlanarContour twoPoints{{{0, 0, 10}, {1, 0, 10}, {0, 0, 10}}};
    ASSERT_THROW(rasteriseContours({twoPoints}, labels, 1), std::invalid_argument);
    StructureRoi roi;
    roi.number = 7;
    roi.name = "GTV_07";
    roi.contours = {twoPoints};
    try {
        rasteriseRoi(roi, geometry);
        FAIL() << "a 2-point contour was accepted";
    } catch (const std::invalid_argument& e) {
        ASSERT_TRUE(std::string(e.what()).find("GTV_07") != std::string::npos);
        ASSERT_TRUE(std::string(e.what()).find("3") != std::string::npos);
    }
    // A contour across slices (drawn sagittally on an axial grid) is not planar in the grid.
    const PlanarContour tilted{{{0, 0, 10}, {0, 5, 10}, {0, 5, 20}, {0, 0, 20}}};
    ASSERT_THROW(rasteriseContours({tilted}, labels, 1), std::invalid_argument);
}

TEST(CoreContours, contoursOutsideTheGridAreIgnored) {
    const ImageGeometry geometry = axialGeometry();
    LabelMap labels(geometry, 0);
    const PlanarContour far{{{0, 0, 500}, {5, 0, 500}, {5, 5, 500}}};
    rasteriseContours({far}, labels, 1);
    ASSERT_EQ(countLabel(labels, 0), geometry.voxelCount());
    // Absurd in-plane coordinates on a real slice clip to the grid instead of overflowing.
    const PlanarContour huge{{{-1e300, -1e300, 14.5}, {1e300, -1e300, 14.5}, {0, 1e300, 14.5}}};
    rasteriseContours({huge}, labels, 1);
    ASSERT_TRUE(countLabel(labels, 1) > 0);
    const PlanarContour notANumber{{{0, 0, 14.5}, {NAN, 0, 14.5}, {0, 5, 14.5}}};
    ASSERT_THROW(rasteriseContours({notANumber}, labels, 1), std::invalid_argument);
}

namespace {

/// One row of the round trip: the grid it runs on (0 axial, 1 sagittal, 2 oblique 10 degrees).
struct RoundTripCase {
    const char* name;
    int orientation;
};

void PrintTo(const RoundTripCase& row, std::ostream* out) {
    *out << row.name;
}

} // namespace

// The parameterised tests register as Orientation/CoreContours, so the plain TEST(CoreContours,
// ...) cases keep their suite name beside this fixture.
class CoreContours : public ::testing::TestWithParam<RoundTripCase> {};

TEST_P(CoreContours, roundTripKeepsLesions) {
    const int orientation = GetParam().orientation;
    const ImageGeometry geometry = orientation == 0   ? axialGeometry()
                                   : orientation == 1 ? sagittalGeometry()
                                                      : obliqueGeometry(10.0);
    std::vector<Ellipsoid> lesions = lesionSet();
    if (orientation != 0) {
        // Keep the lesions inside the rotated field of view.
        const Vec3 centre = geometry.indexToPatient({32, 30, 15});
        for (std::size_t n = 0; n < lesions.size(); ++n) {
            lesions[n].centre = {centre[0] - 10.0 + 10.0 * static_cast<double>(n),
                                 centre[1] + (n == 1 ? 5.0 : -5.0),
                                 centre[2] - 4.0 + 4.0 * static_cast<double>(n)};
        }
    }
    const LabelMap labels = paintEllipsoids(geometry, lesions);
    for (const auto& lesion : lesions) {
        ASSERT_TRUE(countLabel(labels, lesion.label) > 0);
    }

    const StructureSet set = labelMapToStructureSet(labels);
    ASSERT_EQ(set.rois.size(), lesions.size() + 1);
    ASSERT_EQ(set.rois[0].name, std::string("GTV_01"));
    ASSERT_EQ(set.rois[2].number, 3);
    ASSERT_EQ(set.rois.back().name, std::string("GTV_ALL"));
    ASSERT_EQ(set.rois.back().number, 4);
    ASSERT_EQ(set.rois[1].interpretedType, std::string("GTV"));

    // Every contour lies in one slice plane of the grid.
    const Vec3 normal{geometry.direction[0][2], geometry.direction[1][2], geometry.direction[2][2]};
    for (const auto& roi : set.rois) {
        for (const auto& contour : roi.contours) {
            ASSERT_TRUE(contour.points.size() >= 3);
            const double d0 = dot(contour.points[0], normal);
            for (const auto& p : contour.points) {
                ASSERT_TRUE(std::abs(dot(p, normal) - d0) < 1e-6);
            }
        }
    }

    StructureSet lesionsOnly = set;
    lesionsOnly.rois.pop_back();
    const LabelMap back = structureSetToLabelMap(lesionsOnly, geometry);
    for (const auto& lesion : lesions) {
        const double d = dice(labels, back, lesion.label);
        ASSERT_TRUE(d >= 0.98) << d;
    }
    // Iso-0.5 contours pass between pixel centres, so the pixel-centre rule restores the mask.
    ASSERT_TRUE(back.data() == labels.data());
    const LabelMap unionBack = structureSetToLabelMap(set, geometry, RoiLabelling::Union);
    ASSERT_TRUE(dice(labels, unionBack, 0) >= 0.98);
    ASSERT_EQ(countLabel(unionBack, 1) + countLabel(unionBack, 0), geometry.voxelCount());
}

INSTANTIATE_TEST_SUITE_P(Orientation, CoreContours,
                         ::testing::Values(RoundTripCase{"axial", 0}, RoundTripCase{"sagittal", 1},
                                           RoundTripCase{"oblique_10_degrees", 2}),
                         [](const ::testing::TestParamInfo<RoundTripCase>& row) {
                             return std::string(row.param.name);
                         });

TEST(CoreContours, ringLesionKeepsItsHole) {
    const ImageGeometry geometry = axialGeometry();
    // A 16 mm sphere with a 7 mm cavity: the middle slices hold a ring.
    LabelMap labels = paintEllipsoids(geometry, {{{0.0, 0.0, 30.0}, {8.0, 8.0, 8.0}, 1}});
    const LabelMap cavity = paintEllipsoids(geometry, {{{0.0, 0.0, 30.0}, {3.5, 3.5, 3.5}, 1}});
    for (std::size_t n = 0; n < labels.data().size(); ++n) {
        if (cavity.data()[n]) {
            labels.data()[n] = 0;
        }
    }
    const auto contours = extractContours(labels, 1);
    int holes = 0;
    const Vec3 normal{0, 0, 1};
    for (const auto& contour : contours) {
        // Orientation seen from +z (the slice normal) tells outer (counter-clockwise) from
        // hole.
        double twice = 0.0;
        for (std::size_t n = 0; n < contour.points.size(); ++n) {
            const auto& a = contour.points[n];
            const auto& b = contour.points[(n + 1) % contour.points.size()];
            twice += dot(cross(a, b), normal);
        }
        holes += twice < 0.0;
    }
    ASSERT_TRUE(holes >= 3);
    LabelMap back(geometry, 0);
    rasteriseContours(contours, back, 1);
    ASSERT_TRUE(dice(labels, back, 1) >= 0.98);
    const Vec3 centre = geometry.patientToIndex({0.0, 0.0, 30.0});
    ASSERT_EQ(back.at(std::lround(centre[0]), std::lround(centre[1]), std::lround(centre[2])),
              std::uint16_t{0});
}

TEST(CoreContours, progressIsReportedAndCancellable) {
    class StopAtOnce : public ProgressSink {
    public:
        void begin(const std::string&) override {}
        bool report(double, const std::string&) override { return false; }
        void end() override {}
    } stop;
    const LabelMap labels = paintEllipsoids(axialGeometry(), lesionSet());
    ASSERT_THROW(extractContours(labels, 1, {}, &stop), OperationCancelled);
}

namespace {

/// A sphere of `radius` about `centre`, cut into circles every `spacing` mm along `normal`
/// (unit), each circle of `points` points.
std::vector<PlanarContour> sphereContours(const Vec3& centre, double radius, double spacing,
                                          const Vec3& normal, int points) {
    // Two unit vectors spanning the planes.
    const Vec3 helper = std::abs(normal[0]) < 0.9 ? Vec3{1, 0, 0} : Vec3{0, 1, 0};
    Vec3 u{normal[1] * helper[2] - normal[2] * helper[1],
           normal[2] * helper[0] - normal[0] * helper[2],
           normal[0] * helper[1] - normal[1] * helper[0]};
    const double length = std::sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    u = {u[0] / length, u[1] / length, u[2] / length};
    const Vec3 v{normal[1] * u[2] - normal[2] * u[1], normal[2] * u[0] - normal[0] * u[2],
                 normal[0] * u[1] - normal[1] * u[0]};
    std::vector<PlanarContour> contours;
    for (double h = -radius + spacing / 2; h < radius; h += spacing) {
        const double r = std::sqrt(radius * radius - h * h);
        PlanarContour contour;
        for (int k = 0; k < points; ++k) {
            const double a = 2 * pi * k / points;
            contour.points.push_back(
                {centre[0] + h * normal[0] + r * (std::cos(a) * u[0] + std::sin(a) * v[0]),
                 centre[1] + h * normal[1] + r * (std::cos(a) * u[1] + std::sin(a) * v[1]),
                 centre[2] + h * normal[2] + r * (std::cos(a) * u[2] + std::sin(a) * v[2])});
        }
        contours.push_back(contour);
    }
    return contours;
}

PlanarContour axialSquare(double x0, double y0, double side, double z, bool clockwise) {
    PlanarContour square;
    square.points = {
        {x0, y0, z}, {x0 + side, y0, z}, {x0 + side, y0 + side, z}, {x0, y0 + side, z}};
    if (clockwise) {
        std::reverse(square.points.begin(), square.points.end());
    }
    return square;
}

} // namespace

TEST(CoreContours, measureContoursOfASphereInAnyOrientation) {
    const double invSqrt3 = 1.0 / std::sqrt(3.0);
    for (const Vec3& normal : {Vec3{0, 0, 1}, Vec3{invSqrt3, invSqrt3, invSqrt3}}) {
        const Vec3 centre{12.5, -40.0, 7.25};
        const ContourFigures figures =
            measureContours(sphereContours(centre, 10.0, 1.0, normal, 360), 1.0);
        // Slabs of 1 mm: the sum of the 360-gons' areas, sum over h = +-0.5 ... +-9.5 of
        // (100 - h^2) * n/2 sin(2 pi/n) = 1335 * 180 sin(pi/180) mm3 (4/3 pi R^3 within 0.12 %).
        EXPECT_NEAR(figures.volumeMm3, 1335.0 * 180.0 * std::sin(pi / 180.0), 1e-6) << normal[0];
        for (int axis = 0; axis < 3; ++axis) {
            EXPECT_NEAR(figures.centreMm[axis], centre[axis], 1e-6) << axis;
        }
        // Opposite points of the two widest circles (h = +-0.5 mm, radius sqrt(99.75)) lie
        // sqrt(1 + 4 * 99.75) = 20 mm apart: the sphere's diameter.
        EXPECT_NEAR(figures.maxDiameterMm, 20.0, 1e-9);
        // Axial planes: the widest circle's diameter (opposite points of an even polygon) is
        // the RANO-BM axial diameter; oblique planes have none.
        if (normal[2] == 1.0) {
            ASSERT_TRUE(figures.axialDiameterMm.has_value());
            EXPECT_NEAR(*figures.axialDiameterMm, 2 * std::sqrt(99.75), 1e-9);
        } else {
            EXPECT_FALSE(figures.axialDiameterMm.has_value());
        }
    }
}

TEST(CoreContours, measureContoursSubtractsHolesByTheEvenOddRule) {
    // One plane: a 10 mm square with a 4 mm square hole (either winding), and a separate 2 mm
    // island inside the hole, which counts again. Another plane 3 mm away: a lone 10 mm square.
    for (const bool holeClockwise : {true, false}) {
        const std::vector<PlanarContour> contours = {
            axialSquare(0, 0, 10, 5.0, false), axialSquare(3, 3, 4, 5.0, holeClockwise),
            axialSquare(4, 4, 2, 5.0, false), axialSquare(0, 0, 10, 8.0, false)};
        const ContourFigures figures = measureContours(contours, 3.0);
        EXPECT_NEAR(figures.volumeMm3, (100.0 - 16.0 + 4.0 + 100.0) * 3.0, 1e-9);
        EXPECT_NEAR(figures.centreMm[0], 5.0, 1e-9);
        EXPECT_NEAR(figures.centreMm[2], (88.0 * 5.0 + 100.0 * 8.0) / 188.0, 1e-9);
        EXPECT_NEAR(figures.maxDiameterMm, std::sqrt(200.0 + 9.0), 1e-9);
        EXPECT_NEAR(figures.axialDiameterMm.value_or(0.0), std::sqrt(200.0), 1e-9);
    }
    EXPECT_EQ(measureContours({}, 1.0).volumeMm3, 0.0);
}
