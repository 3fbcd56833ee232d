// Files encoded by other software (DCMTK's command-line tools): a raw data set without file
// meta information, big-endian, lossy JPEG extended (12-bit) and baseline (8-bit) slices all load.
// The originals are written by Metis, so the expected voxels are known.
#include "DicomTestVolumes.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/DicomSeriesWriter.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace metis;
using namespace metis::imaging;
using metis::testing::Orientation;
namespace fs = std::filesystem;

namespace {

/// Rewrites every file of `written` with a DCMTK tool into `target` (same file names).
void recode(const QString& tool, const QStringList& options, const WrittenSeries& written,
            const fs::path& target) {
    const QString program = QStandardPaths::findExecutable(tool);
    QVERIFY2(!program.isEmpty(), qPrintable(tool + " (DCMTK) is not on PATH"));
    fs::create_directories(target);
    for (const auto& file : written.files) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, options + QStringList{QString::fromStdString(file.string()),
                                                     QString::fromStdString(
                                                         (target / file.filename()).string())});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    }
}

struct Loaded {
    SeriesInfo series;
    ImageVolume volume;
};

Loaded scanAndLoad(const fs::path& folder) {
    NullProgressSink progress;
    const SeriesScan scan = scanDicomFolder(folder, progress);
    if (scan.series.size() != 1 || !scan.fileErrors.empty() || !scan.series.front().loadable) {
        throw std::runtime_error("expected one loadable series in " + folder.string());
    }
    return {scan.series.front(), loadSeries(scan.series.front(), progress)};
}

/// The same series decompressed by DCMTK's dcmdjpeg: the reference for decoded values.
ImageVolume decompressedByDcmdjpeg(const WrittenSeries& written, const fs::path& jpeg,
                                   const fs::path& target) {
    WrittenSeries compressed = written;
    for (auto& file : compressed.files) {
        file = jpeg / file.filename();
    }
    recode("dcmdjpeg", {}, compressed, target);
    return scanAndLoad(target).volume;
}

} // namespace

class TestDicomExternalEncodings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rawDataSetWithoutMetaHeader() {
        QTemporaryDir dir;
        const ImageVolume original =
            testing::patternVolume(testing::testGeometry(Orientation::Sagittal, {20, 14, 5}));
        NullProgressSink progress;
        const WrittenSeries written =
            writeDicomSeries(original, fs::path(dir.path().toStdString()) / "in", {}, progress);
        const fs::path raw = fs::path(dir.path().toStdString()) / "raw";
        recode("dcmconv", {"+ti", "-F"}, written, raw);
        const Loaded loaded = scanAndLoad(raw);
        QCOMPARE(loaded.series.slices.front().transferSyntaxUid, std::string("1.2.840.10008.1.2"));
        QVERIFY(loaded.series.geometry.sameGridAs(original.geometry(), 1e-6));
        QVERIFY(loaded.volume.data() == original.data());
    }

    void explicitBigEndian() {
        QTemporaryDir dir;
        const ImageVolume original =
            testing::patternVolume(testing::testGeometry(Orientation::Coronal, {20, 14, 5}));
        NullProgressSink progress;
        const WrittenSeries written =
            writeDicomSeries(original, fs::path(dir.path().toStdString()) / "in", {}, progress);
        const fs::path big = fs::path(dir.path().toStdString()) / "big";
        recode("dcmconv", {"+tb"}, written, big);
        const Loaded loaded = scanAndLoad(big);
        QCOMPARE(loaded.series.slices.front().transferSyntaxUid,
                 std::string("1.2.840.10008.1.2.2"));
        QVERIFY(loaded.volume.data() == original.data());
    }

    void lossyJpegExtendedTwelveBit() {
        QTemporaryDir dir;
        // A smooth image: lossy JPEG keeps it close, and a wrong decode (bit depth, sign) would
        // not.
        ImageGeometry geometry = testing::testGeometry(Orientation::Axial, {64, 48, 3});
        ImageVolume original(geometry, 0.0f);
        for (std::int64_t k = 0; k < 3; ++k) {
            for (std::int64_t j = 0; j < 48; ++j) {
                for (std::int64_t i = 0; i < 64; ++i) {
                    original.at(i, j, k) = static_cast<float>(std::lround(
                        2000 + 1500 * std::sin(i * 0.1) * std::cos(j * 0.13) + 100 * k));
                }
            }
        }
        DicomWriteOptions options;
        options.pixels.isSigned = false;
        options.pixels.bitsStored = 12;
        NullProgressSink progress;
        const WrittenSeries written = writeDicomSeries(
            original, fs::path(dir.path().toStdString()) / "in", options, progress);
        const fs::path jpeg = fs::path(dir.path().toStdString()) / "jpeg";
        recode("dcmcjpeg", {"+ee"}, written, jpeg);
        const Loaded loaded = scanAndLoad(jpeg);
        QCOMPARE(loaded.series.slices.front().transferSyntaxUid,
                 std::string("1.2.840.10008.1.2.4.51"));

        QVERIFY(
            loaded.volume.data() ==
            decompressedByDcmdjpeg(written, jpeg, fs::path(dir.path().toStdString()) / "decoded")
                .data());

        // dcmcjpeg shifts each slice's stored range to start at 0 for lossy coding; apart from that
        // offset every slice must match the original within JPEG's error.
        const std::size_t sliceVoxels = std::size_t(geometry.size[0] * geometry.size[1]);
        double worst = 0.0;
        for (std::size_t first = 0; first < original.data().size(); first += sliceVoxels) {
            double offset = 0.0;
            for (std::size_t n = first; n < first + sliceVoxels; ++n) {
                offset += double(loaded.volume.data()[n]) - double(original.data()[n]);
            }
            offset /= double(sliceVoxels);
            for (std::size_t n = first; n < first + sliceVoxels; ++n) {
                worst = std::max(worst, std::abs(double(loaded.volume.data()[n]) -
                                                 double(original.data()[n]) - offset));
            }
        }
        qInfo("JPEG extended: largest error beyond the slice offset %.1f of a 0..4095 range",
              worst);
        QVERIFY(worst < 60.0);
    }

    void lossyJpegBaselineEightBit() {
        QTemporaryDir dir;
        const ImageVolume original = testing::patternVolume(
            testing::testGeometry(Orientation::Oblique10, {32, 24, 3}), 0, 4095);
        DicomWriteOptions options;
        options.pixels.isSigned = false;
        options.pixels.bitsStored = 12;
        NullProgressSink progress;
        const WrittenSeries written = writeDicomSeries(
            original, fs::path(dir.path().toStdString()) / "in", options, progress);
        const fs::path jpeg = fs::path(dir.path().toStdString()) / "jpeg";
        recode("dcmcjpeg", {"+eb"}, written, jpeg); // windows the 12-bit values down to 8 bits
        const Loaded loaded = scanAndLoad(jpeg);
        QCOMPARE(loaded.series.slices.front().transferSyntaxUid,
                 std::string("1.2.840.10008.1.2.4.50"));
        QCOMPARE(loaded.series.bitsAllocated, 8);
        QVERIFY(loaded.series.geometry.sameGridAs(original.geometry(), 1e-6));
        QVERIFY(
            loaded.volume.data() ==
            decompressedByDcmdjpeg(written, jpeg, fs::path(dir.path().toStdString()) / "decoded")
                .data());
        const auto [low, high] =
            std::minmax_element(loaded.volume.data().begin(), loaded.volume.data().end());
        QVERIFY(*low >= 0.0f && *high <= 255.0f && *high - *low > 100.0f);
    }
};

QTEST_GUILESS_MAIN(TestDicomExternalEncodings)
#include "test_dicom_external_encodings.moc"
