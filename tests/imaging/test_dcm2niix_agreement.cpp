// Acceptance: `metis-cli convert` and dcm2niix place every voxel of the same DICOM series at the
// same patient position (<= 0.1 mm) with the same value, in every orientation; `metis-cli info
// --json` describes the series. metis-cli comes from the METIS_CLI environment variable.
#include "DicomTestVolumes.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/VolumeIO.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <filesystem>

using namespace metis;
using namespace metis::imaging;
using metis::testing::Orientation;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(metis::testing::Orientation)

namespace {

struct ProcessResult {
    int exitCode = -1;
    QString output;
};

ProcessResult runTool(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000)) {
        return {-1, "did not finish: " + process.errorString()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAll())};
}

struct Agreement {
    double maxDistanceMm = 0.0;
    std::size_t differingValues = 0;
    std::size_t outside = 0;
};

/// For every voxel of `ours`, the nearest voxel of `theirs` to the same patient point.
Agreement compareVoxelCentres(const ImageVolume& ours, const ImageVolume& theirs) {
    Agreement agreement;
    const ImageGeometry& a = ours.geometry();
    const ImageGeometry& b = theirs.geometry();
    for (std::int64_t k = 0; k < a.size[2]; ++k) {
        for (std::int64_t j = 0; j < a.size[1]; ++j) {
            for (std::int64_t i = 0; i < a.size[0]; ++i) {
                const Vec3 point = a.indexToPatient({double(i), double(j), double(k)});
                const Vec3 continuous = b.patientToIndex(point);
                const std::int64_t bi = std::llround(continuous[0]);
                const std::int64_t bj = std::llround(continuous[1]);
                const std::int64_t bk = std::llround(continuous[2]);
                if (!b.containsIndex(bi, bj, bk)) {
                    ++agreement.outside;
                    continue;
                }
                const Vec3 centre = b.indexToPatient({double(bi), double(bj), double(bk)});
                const Vec3 delta{centre[0] - point[0], centre[1] - point[1], centre[2] - point[2]};
                agreement.maxDistanceMm = std::max(agreement.maxDistanceMm, norm(delta));
                if (ours.at(i, j, k) != theirs.at(bi, bj, bk)) {
                    ++agreement.differingValues;
                }
            }
        }
    }
    return agreement;
}

} // namespace

class TestDcm2niixAgreement : public QObject {
    Q_OBJECT
private:
    QString cli_;
    QString dcm2niix_;

private Q_SLOTS:
    void initTestCase() {
        cli_ = qEnvironmentVariable("METIS_CLI");
        QVERIFY2(!cli_.isEmpty() && QFileInfo(cli_).isExecutable(),
                 "METIS_CLI must name the built metis-cli");
        dcm2niix_ = QStandardPaths::findExecutable("dcm2niix");
        QVERIFY2(!dcm2niix_.isEmpty(), "dcm2niix is part of the test setup; it is not on PATH");
    }

    void convertAgreesWithDcm2niix_data() {
        QTest::addColumn<Orientation>("orientation");
        for (auto o : {Orientation::Axial, Orientation::Sagittal, Orientation::Coronal,
                       Orientation::Oblique10}) {
            QTest::newRow(testing::orientationName(o)) << o;
        }
    }
    void convertAgreesWithDcm2niix() {
        QFETCH(Orientation, orientation);
        QTemporaryDir dir;
        const QString dicom = dir.filePath("dicom");
        const ImageVolume original =
            testing::patternVolume(testing::testGeometry(orientation, {48, 40, 16}));
        NullProgressSink progress;
        writeDicomSeries(original, dicom.toStdString(), {}, progress);

        const QString ours = dir.filePath("metis.nii.gz");
        const ProcessResult convert = runTool(cli_, {"convert", dicom, "--out", ours});
        QVERIFY2(convert.exitCode == 0, qPrintable(convert.output));

        QDir().mkpath(dir.filePath("dcm2niix"));
        const ProcessResult reference = runTool(
            dcm2niix_, {"-z", "n", "-b", "n", "-f", "out", "-o", dir.filePath("dcm2niix"), dicom});
        QVERIFY2(reference.exitCode == 0, qPrintable(reference.output));

        const ImageVolume metis = readImage(ours.toStdString());
        const ImageVolume theirs = readImage(dir.filePath("dcm2niix/out.nii").toStdString());
        QCOMPARE(metis.geometry().voxelCount(), theirs.geometry().voxelCount());
        const Agreement agreement = compareVoxelCentres(metis, theirs);
        qInfo("%s: max voxel-centre difference %.6f mm", testing::orientationName(orientation),
              agreement.maxDistanceMm);
        QCOMPARE(agreement.outside, std::size_t{0});
        QVERIFY2(agreement.maxDistanceMm <= 0.1,
                 qPrintable(QString::number(agreement.maxDistanceMm)));
        QCOMPARE(agreement.differingValues, std::size_t{0});
        // And both agree with the volume the series was written from.
        QVERIFY(metis.geometry().sameGridAs(original.geometry(), 1e-4));
        QVERIFY(metis.data() == original.data());
    }

    void convertPicksTheLargestSeriesAndSaysSo() {
        QTemporaryDir dir;
        NullProgressSink progress;
        const ImageVolume small =
            testing::patternVolume(testing::testGeometry(Orientation::Axial, {16, 16, 3}));
        const ImageVolume large =
            testing::patternVolume(testing::testGeometry(Orientation::Sagittal, {16, 16, 9}));
        writeDicomSeries(small, dir.filePath("dicom/small").toStdString(), {}, progress);
        const WrittenSeries chosen =
            writeDicomSeries(large, dir.filePath("dicom/large").toStdString(), {}, progress);

        const QString out = dir.filePath("largest.nrrd");
        const ProcessResult convert =
            runTool(cli_, {"convert", dir.filePath("dicom"), "--out", out});
        QVERIFY2(convert.exitCode == 0, qPrintable(convert.output));
        QVERIFY(convert.output.contains("2 series found"));
        QVERIFY(convert.output.contains(QString::fromStdString(chosen.seriesInstanceUid)));
        QVERIFY(readImage(out.toStdString()).data() == large.data());

        const ProcessResult unknown =
            runTool(cli_, {"convert", dir.filePath("dicom"), "--out", out, "--series", "1.2.3.4"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.output.contains("no series 1.2.3.4"));
    }

    // An unreadable slice in the middle: the series is not written at a made-up spacing; it is
    // refused, or with --allow-gaps written with the gap on its true position.
    void convertRefusesAGapUnlessAllowed() {
        QTemporaryDir dir;
        NullProgressSink progress;
        const ImageVolume volume =
            testing::patternVolume(testing::testGeometry(Orientation::Axial, {16, 16, 4}));
        const WrittenSeries written =
            writeDicomSeries(volume, dir.filePath("dicom").toStdString(), {}, progress);
        QFile broken(QString::fromStdString(written.files[2].string()));
        QVERIFY(broken.resize(300)); // truncated: unreadable

        const QString out = dir.filePath("gapped.nii.gz");
        const ProcessResult refused =
            runTool(cli_, {"convert", dir.filePath("dicom"), "--out", out});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains(QString::fromStdString(written.files[2].string())),
                 qPrintable(refused.output));
        QVERIFY2(refused.output.contains("missing slices"), qPrintable(refused.output));
        QVERIFY(!QFileInfo::exists(out));

        const ProcessResult allowed =
            runTool(cli_, {"convert", dir.filePath("dicom"), "--out", out, "--allow-gaps"});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.output));
        const ImageVolume read = readImage(out.toStdString());
        QVERIFY(read.geometry().sameGridAs(volume.geometry(), 1e-4));
        for (std::int64_t k = 0; k < 4; ++k) {
            QCOMPARE(read.at(5, 5, k), k == 2 ? 0.0f : volume.at(5, 5, k));
        }
    }

    void infoDescribesSeriesAsJson() {
        QTemporaryDir dir;
        NullProgressSink progress;
        const ImageVolume volume =
            testing::patternVolume(testing::testGeometry(Orientation::Oblique10, {20, 18, 7}));
        const WrittenSeries written =
            writeDicomSeries(volume, dir.filePath("dicom").toStdString(), {}, progress);
        QFile::remove(QString::fromStdString(written.files[3].string()));
        QFile junk(dir.filePath("dicom/readme.txt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not an image");
        junk.close();

        const ProcessResult info = runTool(cli_, {"info", dir.filePath("dicom"), "--json"});
        QCOMPARE(info.exitCode, 0);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(info.output.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(info.output));
        const QJsonObject root = document.object();
        QCOMPARE(root["kind"].toString(), QString("dicom"));
        QCOMPARE(root["skipped_files"].toArray().size(), 1);
        const QJsonArray series = root["series"].toArray();
        QCOMPARE(series.size(), 1);
        const QJsonObject first = series[0].toObject();
        QCOMPARE(first["series_instance_uid"].toString(),
                 QString::fromStdString(written.seriesInstanceUid));
        QCOMPARE(first["slices"].toInt(), 6);
        QVERIFY(first["loadable"].toBool());
        const QJsonArray size = first["geometry"].toObject()["size"].toArray();
        QCOMPARE(size[0].toInt(), 20);
        QCOMPARE(size[2].toInt(), 7); // the missing slice keeps its slot
        const QJsonArray issues = first["issues"].toArray();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues[0].toObject()["code"].toString(), QString("missing-slices"));

        const QString nifti = dir.filePath("volume.nii.gz");
        writeImage(volume, nifti.toStdString());
        const ProcessResult volumeInfo = runTool(cli_, {"info", nifti, "--json"});
        QCOMPARE(volumeInfo.exitCode, 0);
        const QJsonObject described = QJsonDocument::fromJson(volumeInfo.output.toUtf8()).object();
        QCOMPARE(described["kind"].toString(), QString("volume"));
        QCOMPARE(described["geometry"].toObject()["size"].toArray()[1].toInt(), 18);
    }
};

QTEST_GUILESS_MAIN(TestDcm2niixAgreement)
#include "test_dcm2niix_agreement.moc"
