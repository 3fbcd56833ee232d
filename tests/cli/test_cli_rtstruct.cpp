// metis-cli rtstruct-to-mask / mask-to-rtstruct, run as a user runs them, on a generated series.
#include "ExternalTool.h"
#include "metis/core/Contours.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace metis;
using namespace metis::imaging;

namespace {

using Run = test_tools::ToolResult;

Run cli(const QStringList& arguments) {
    return test_tools::runTool(METIS_CLI_PATH, arguments);
}

ImageGeometry seriesGeometry() {
    ImageGeometry geometry;
    geometry.size = {64, 64, 24};
    geometry.spacing = {0.9, 0.9, 2.0};
    geometry.origin = {-28.0, -30.0, -20.0};
    return geometry;
}

/// Lesion k is a sphere of radius 3 + 2k mm.
LabelMap lesionMap(const ImageGeometry& geometry) {
    const Vec3 centres[] = {{-12, -10, -5}, {8, 6, 2}, {-10, 12, 10}};
    LabelMap labels(geometry, 0);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const Vec3 p = geometry.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                for (int n = 0; n < 3; ++n) {
                    const Vec3 d{p[0] - centres[n][0], p[1] - centres[n][1], p[2] - centres[n][2]};
                    const double radius = 3.0 + 2.0 * (n + 1);
                    if (dot(d, d) <= radius * radius) {
                        labels.at(i, j, k) = static_cast<std::uint16_t>(n + 1);
                    }
                }
            }
        }
    }
    return labels;
}

double dice(const LabelMap& a, const LabelMap& b, std::uint16_t labelA, std::uint16_t labelB) {
    std::size_t both = 0, inA = 0, inB = 0;
    for (std::size_t n = 0; n < a.data().size(); ++n) {
        const bool x = a.data()[n] == labelA;
        const bool y = b.data()[n] == labelB;
        both += x && y;
        inA += x;
        inB += y;
    }
    return inA + inB == 0 ? 1.0 : 2.0 * static_cast<double>(both) / static_cast<double>(inA + inB);
}

WrittenSeries writeSeries(const ImageGeometry& geometry, const QString& folder) {
    NullProgressSink progress;
    DicomWriteOptions options;
    options.metadata.patientId = "PHANTOM-0007";
    return writeDicomSeries(ImageVolume(geometry, 120.0f), folder.toStdString(), options, progress);
}

} // namespace

class TestCliRtStruct : public QObject {
    Q_OBJECT

    QTemporaryDir directory_;
    ImageGeometry geometry_ = seriesGeometry();
    LabelMap labels_;
    QString series_;
    QString path(const QString& name) const { return directory_.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(directory_.isValid());
        labels_ = lesionMap(geometry_);
        series_ = path("mr");
        writeSeries(geometry_, series_);
        // Something else in the folder must not get in the way.
        QFile note(QDir(series_).filePath("README.txt"));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("not DICOM\n");
        note.close();
        writeLabelMap(labels_, path("lesions.nii.gz").toStdString());
    }

    void maskToRtstructAndBack() {
        const auto toRt = cli({"mask-to-rtstruct", path("lesions.nii.gz"), "--ref", series_,
                               "--out", path("rt.dcm"), "--synthetic"});
        QVERIFY2(toRt.exitCode == 0, qPrintable(toRt.output));
        QVERIFY(toRt.output.contains("'GTV_03'") && toRt.output.contains("'GTV_ALL'"));

        const auto check =
            test_tools::runTool(QStandardPaths::findExecutable("dciodvfy"), {path("rt.dcm")});
        QVERIFY2(check.output.startsWith("RTStructureSet"), qPrintable(check.output));
        for (const auto& line : check.output.split('\n')) {
            QVERIFY2(!line.startsWith("Error"), qPrintable(line));
        }

        const auto toMask = cli(
            {"rtstruct-to-mask", path("rt.dcm"), "--ref", series_, "--out", path("back.nii.gz")});
        QVERIFY2(toMask.exitCode == 0, qPrintable(toMask.output));
        const LabelMap back = readLabelMap(path("back.nii.gz").toStdString());
        QVERIFY(back.geometry().sameGridAs(geometry_, 1e-3));
        for (std::uint16_t label = 1; label <= 3; ++label) {
            const double d = dice(labels_, back, label, label);
            QVERIFY2(d >= 0.98, qPrintable(QString("lesion %1: Dice %2").arg(label).arg(d)));
        }
        QCOMPARE(*std::max_element(back.data().begin(), back.data().end()), std::uint16_t{3});

        const auto toUnion = cli({"rtstruct-to-mask", path("rt.dcm"), "--ref", series_, "--out",
                                  path("union.nii.gz"), "--union"});
        QVERIFY2(toUnion.exitCode == 0, qPrintable(toUnion.output));
        LabelMap binary = labels_;
        for (auto& voxel : binary.data()) {
            voxel = voxel ? 1 : 0;
        }
        const LabelMap unionBack = readLabelMap(path("union.nii.gz").toStdString());
        QVERIFY(dice(binary, unionBack, 1, 1) >= 0.98);
        QCOMPARE(*std::max_element(unionBack.data().begin(), unionBack.data().end()),
                 std::uint16_t{1});
    }

    void binaryMaskIsSplitIntoLesions() {
        LabelMap binary = labels_;
        for (auto& voxel : binary.data()) {
            voxel = voxel ? 1 : 0;
        }
        writeLabelMap(binary, path("binary.nii.gz").toStdString());
        const auto toRt = cli({"mask-to-rtstruct", path("binary.nii.gz"), "--ref", series_, "--out",
                               path("binary_rt.dcm")});
        QVERIFY2(toRt.exitCode == 0, qPrintable(toRt.output));
        QVERIFY2(toRt.output.contains("'GTV_03'") && !toRt.output.contains("'GTV_04'"),
                 qPrintable(toRt.output));
        const auto toMask = cli({"rtstruct-to-mask", path("binary_rt.dcm"), "--ref", series_,
                                 "--out", path("binary_back.nii.gz")});
        QVERIFY2(toMask.exitCode == 0, qPrintable(toMask.output));
        const LabelMap back = readLabelMap(path("binary_back.nii.gz").toStdString());
        // Components are numbered in raster order (k slowest): lesion 1 has the lowest centre.
        for (std::uint16_t label = 1; label <= 3; ++label) {
            QVERIFY(dice(labels_, back, label, label) >= 0.98);
        }
    }

    // A slice of the series is missing where a lesion lies: the export is not refused; the
    // contours of that slice are written without an image reference, each with a warning.
    void seriesWithAMissingSliceStillGetsEveryContour() {
        const QString gapped = path("gapped_mr");
        const WrittenSeries written = writeSeries(geometry_, gapped);
        const int lost = 7; // z = -6 mm, through lesion 1 (centre z = -5 mm, radius 5 mm)
        QVERIFY(QFile::remove(QString::fromStdString(written.files[lost].string())));

        const auto toRt = cli({"mask-to-rtstruct", path("lesions.nii.gz"), "--ref", gapped, "--out",
                               path("gapped_rt.dcm")});
        QVERIFY2(toRt.exitCode == 0, qPrintable(toRt.output));
        QVERIFY2(toRt.output.contains("lies on slice 7, which the series lacks"),
                 qPrintable(toRt.output));
        const auto check = test_tools::runTool(QStandardPaths::findExecutable("dciodvfy"),
                                               {path("gapped_rt.dcm")});
        for (const auto& line : check.output.split('\n')) {
            QVERIFY2(!line.startsWith("Error"), qPrintable(line));
        }

        const auto toMask = cli({"rtstruct-to-mask", path("gapped_rt.dcm"), "--ref", gapped,
                                 "--out", path("gapped_back.nii.gz")});
        QVERIFY2(toMask.exitCode == 0, qPrintable(toMask.output));
        const LabelMap back = readLabelMap(path("gapped_back.nii.gz").toStdString());
        for (std::uint16_t label = 1; label <= 3; ++label) {
            const double d = dice(labels_, back, label, label);
            QVERIFY2(d >= 0.98, qPrintable(QString("lesion %1: Dice %2").arg(label).arg(d)));
        }
    }

    void rtstructOfAnotherSeriesIsAClearError() {
        const QString other = path("other_mr");
        writeSeries(geometry_, other);
        const auto result = cli(
            {"rtstruct-to-mask", path("rt.dcm"), "--ref", other, "--out", path("wrong.nii.gz")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.output.contains("references series") && result.output.contains("not under"),
                 qPrintable(result.output));
        QVERIFY(!QFile::exists(path("wrong.nii.gz")));
    }

    void usageErrors() {
        QCOMPARE(cli({"rtstruct-to-mask", path("rt.dcm"), "--out", path("x.nii.gz")}).exitCode, 2);
        QCOMPARE(cli({"mask-to-rtstruct", "--ref", series_, "--out", path("x.dcm")}).exitCode, 2);
        const auto missing = cli(
            {"rtstruct-to-mask", path("missing.dcm"), "--ref", series_, "--out", path("x.nii.gz")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.output.contains("missing.dcm"));
    }
};

QTEST_GUILESS_MAIN(TestCliRtStruct)
#include "test_cli_rtstruct.moc"
