// Phantom cohort generator: statistics of the sampling stage against PHANTOM.md section 10, and
// a small rendered cohort checked by independent tools (dciodvfy, dcm2niix, plastimatch), the
// DICOM reader, and a second run for determinism.
#include "ExternalTool.h"
#include "metis/core/Resample.h"
#include "metis/core/Sha256.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/phantom/Phantom.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace metis;
using namespace metis::phantom;
using namespace metis::imaging;

using test_tools::requireTool;
using test_tools::runTool;
using test_tools::ToolResult;

namespace {

QStringList errorLines(const QString& output) {
    QStringList errors;
    for (const auto& line : output.split('\n')) {
        if (line.startsWith("Error")) {
            errors << line;
        }
    }
    return errors;
}

double dice(const LabelMap& a, std::uint16_t la, const LabelMap& b, std::uint16_t lb) {
    std::size_t both = 0, inA = 0, inB = 0;
    for (std::size_t n = 0; n < a.data().size(); ++n) {
        const bool x = a.data()[n] == la, y = lb == 0 ? b.data()[n] != 0 : b.data()[n] == lb;
        both += x && y;
        inA += x;
        inB += y;
    }
    return inA + inB == 0 ? 1.0 : 2.0 * double(both) / double(inA + inB);
}

std::string volumeHash(const ImageVolume& volume) {
    Sha256 hash;
    hash.update(volume.data().data(), volume.data().size() * sizeof(float));
    return hash.hexDigest();
}

} // namespace

class TestPhantom : public QObject {
    Q_OBJECT

    std::shared_ptr<const PhantomAnatomy> anatomy_;
    QTemporaryDir directory_;
    PhantomCohort small_;
    std::vector<PatientOutcome> outcomes_;
    QString first_, second_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(directory_.isValid());
        anatomy_ = loadPhantomAnatomy();

        // Three patients, one per vendor, covering 2D and 3D (sagittal) acquisitions.
        PhantomCohortOptions options;
        options.preset = "demo";
        options.seed = 7;
        options.patients = 3;
        small_ = samplePhantomCohort(options, *anatomy_);
        QCOMPARE(small_.patients.size(), std::size_t{3});
        const std::pair<PhantomVendor, AcquisitionMode> profiles[] = {
            {PhantomVendor::GE, AcquisitionMode::TwoD},
            {PhantomVendor::Siemens, AcquisitionMode::ThreeD},
            {PhantomVendor::Philips, AcquisitionMode::TwoD}};
        for (std::size_t n = 0; n < 3; ++n) {
            small_.patients[n].acquisition =
                sampleAcquisition(profiles[n].first, profiles[n].second, small_.patients[n].seed);
        }
        first_ = directory_.filePath("first");
        second_ = directory_.filePath("second");
        PhantomOutputOptions output;
        output.directory = first_.toStdString();
        output.threads = 1;
        outcomes_ = writePhantomCohort(small_, *anatomy_, output, {});
        output.directory = second_.toStdString();
        output.threads = 2;
        writePhantomCohort(small_, *anatomy_, output, {});
    }

    void templatesLineUpThroughWorldCoordinates() {
        // The loader refuses templates whose brains do not overlap; this reports the figure.
        const std::string description = describeAnatomy(*anatomy_);
        qInfo("%s", description.c_str());
        const auto at = description.find("Dice ");
        QVERIFY(at != std::string::npos);
        QVERIFY(std::stod(description.substr(at + 5)) >= 0.9);
    }

    void interceptMatchesTheSpecification() {
        QVERIFY(std::abs(solveInterceptForPrevalence(0.55) - 0.40) < 0.03);
        QVERIFY(solveInterceptForPrevalence(0.25) < solveInterceptForPrevalence(0.55));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, solveInterceptForPrevalence(1.0));
    }

    void paperPresetMatchesSectionTen() {
        PhantomCohortOptions options;
        options.preset = "paper";
        options.seed = 1; // the CLI's default
        const PhantomCohort cohort = samplePhantomCohort(options, *anatomy_);
        const CohortStatistics s = cohortStatistics(cohort);
        qInfo("%s", formatStatistics(s).c_str());
        QCOMPARE(s.patients, 226);
        QVERIFY2(std::abs(s.shareBelow3 - 0.13) <= 0.05, "lesions < 3 mm");
        QVERIFY2(std::abs(s.shareBelow5 - 0.31) <= 0.05, "lesions < 5 mm");
        QVERIFY2(std::abs(s.shareBelow10 - 0.60) <= 0.05, "lesions < 10 mm");
        QVERIFY2(std::abs(s.shareAbove20 - 0.11) <= 0.05, "lesions > 20 mm");
        QVERIFY2(std::abs(s.countShares[0] - 0.49) <= 0.08, "single lesion share");
        QVERIFY2(std::abs(s.countShares[1] - 0.35) <= 0.08, "2-4 lesions share");
        QVERIFY(s.meanCountMutant > s.meanCountWildType);
        QVERIFY2(s.oracleAucFlipped >= 0.84 && s.oracleAucFlipped <= 0.89,
                 qPrintable(QString::number(s.oracleAucFlipped)));
        QVERIFY(s.oracleAucClean >= s.oracleAucFlipped - 0.01);
        QVERIFY2(std::abs(s.cerebellumShare - 0.16) <= 0.06, "cerebellum share");
        QVERIFY2(s.supratentorialShare >= 0.70 && s.supratentorialShare <= 0.88,
                 "supratentorial share");

        // Internal: 188 patients, 33 test patients after 2021-05-01, 10 validation patients;
        // external: 22 Siemens + 16 Philips, exactly 21 mutant / 17 wild-type.
        int internal = 0, test = 0, validation = 0, internalMutant = 0, siemens = 0, philips = 0,
            extMutant = 0, extWild = 0;
        for (const auto& p : cohort.patients) {
            if (p.site == PhantomSite::Internal) {
                ++internal;
                internalMutant += p.label;
                QVERIFY(p.diagnosisDate >= "2018-08-01" && p.diagnosisDate <= "2021-10-31");
                QCOMPARE(p.split == "test", p.diagnosisDate >= "2021-05-01");
                test += p.split == "test";
                validation += p.split == "validation";
                QVERIFY(p.acquisition.vendor == PhantomVendor::GE);
            } else {
                QVERIFY(p.diagnosisDate >= "2019-01-01" && p.diagnosisDate <= "2022-12-31");
                siemens += p.acquisition.vendor == PhantomVendor::Siemens;
                philips += p.acquisition.vendor == PhantomVendor::Philips;
                (p.label ? extMutant : extWild) += 1;
            }
            for (const auto& lesion : p.lesions) {
                QVERIFY(lesion.diameterMm >= 1.5 && lesion.diameterMm <= 55.0);
            }
            QVERIFY(!p.lesions.empty() && p.lesions.size() <= 60);
        }
        QCOMPARE(internal, 188);
        QCOMPARE(test, 33);
        QCOMPARE(validation, 10);
        QCOMPARE(siemens, 22);
        QCOMPARE(philips, 16);
        QCOMPARE(extMutant, 21);
        QCOMPARE(extWild, 17);
        const double internalPrevalence = double(internalMutant) / internal;
        QVERIFY2(internalPrevalence > 0.45 && internalPrevalence < 0.65,
                 qPrintable(QString::number(internalPrevalence)));

        // Sampling is a function of the seed alone.
        const PhantomCohort again = samplePhantomCohort(options, *anatomy_);
        QCOMPARE(phantomManifestJson(again, {}), phantomManifestJson(cohort, {}));
        options.seed = 2;
        QVERIFY(phantomManifestJson(samplePhantomCohort(options, *anatomy_), {}) !=
                phantomManifestJson(cohort, {}));
    }

    void labelModelReachesTheSimulatedOracleAuc() {
        // Over many patients the oracle AUC converges on section 4's simulation (0.865 after
        // flips, 0.889 clean) and the prevalence on 0.55.
        PhantomCohortOptions options;
        options.preset = "paper";
        options.seed = 99;
        options.patients = 3000;
        options.external = false;
        const CohortStatistics s = cohortStatistics(samplePhantomCohort(options, *anatomy_));
        qInfo("3000 patients: oracle AUC %.3f clean, %.3f flipped, prevalence %.3f",
              s.oracleAucClean, s.oracleAucFlipped, s.prevalence);
        QVERIFY(std::abs(s.oracleAucFlipped - 0.865) < 0.015);
        QVERIFY(std::abs(s.oracleAucClean - 0.889) < 0.015);
        QVERIFY(std::abs(s.prevalence - 0.55) < 0.03);
    }

    void sameSeedGivesIdenticalOutput() {
        for (const auto& p : small_.patients) {
            const QString id = QString::fromStdString(p.patientId);
            for (const char* name : {"truth_series.nii.gz", "truth_fine_0p5mm.nii.gz"}) {
                const auto a = sha256OfFile(QDir(first_).filePath(id + "/" + name).toStdString());
                const auto b = sha256OfFile(QDir(second_).filePath(id + "/" + name).toStdString());
                QCOMPARE(a, b);
            }
            NullProgressSink quiet;
            const auto scanA =
                scanDicomFolder(QDir(first_).filePath(id + "/MR").toStdString(), quiet);
            const auto scanB =
                scanDicomFolder(QDir(second_).filePath(id + "/MR").toStdString(), quiet);
            QCOMPARE(scanA.series.size(), std::size_t{1});
            QCOMPARE(scanB.series.size(), std::size_t{1});
            QCOMPARE(volumeHash(loadSeries(scanA.series[0], quiet)),
                     volumeHash(loadSeries(scanB.series[0], quiet)));
        }
        for (const char* name : {"manifest.json", "clinical.csv"}) {
            QCOMPARE(sha256OfFile(QDir(first_).filePath(name).toStdString()),
                     sha256OfFile(QDir(second_).filePath(name).toStdString()));
        }
    }

    void clinicalTableListsEveryPatient() {
        QFile csv(QDir(first_).filePath("clinical.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.front(), QString("patient_id,diagnosis_date,egfr_status,site"));
        QCOMPARE(lines.size(), 4);
        for (std::size_t n = 0; n < 3; ++n) {
            const auto& p = small_.patients[n];
            QCOMPARE(lines[static_cast<int>(n) + 1],
                     QString::fromStdString(p.patientId + "," + p.diagnosisDate + "," +
                                            (p.label ? "mutant" : "wild-type") + "," +
                                            toString(p.site)));
        }
    }

    void readerLoadsEverySeriesWithoutWarnings() {
        for (const auto& p : small_.patients) {
            NullProgressSink quiet;
            const auto scan = scanDicomFolder(
                QDir(first_).filePath(QString::fromStdString(p.patientId)).toStdString(), quiet);
            QCOMPARE(scan.series.size(), std::size_t{1});
            QVERIFY(scan.fileErrors.empty());
            const SeriesInfo& series = scan.series[0];
            QVERIFY(series.loadable);
            for (const auto& issue : series.issues) {
                QFAIL(qPrintable(QString::fromStdString(issue.code + ": " + issue.message)));
            }
            QCOMPARE(scan.nonImageObjects.size(), std::size_t{1}); // the RTSTRUCT
            QCOMPARE(series.patientId, p.patientId);
            const LabelMap truth = readLabelMap(
                QDir(first_)
                    .filePath(QString::fromStdString(p.patientId) + "/truth_series.nii.gz")
                    .toStdString());
            QVERIFY2(series.geometry.sameGridAs(truth.geometry(), 1e-3),
                     series.geometry.describe().c_str());
            QCOMPARE(series.pixelsSigned, p.acquisition.vendor == PhantomVendor::GE);
            QCOMPARE(series.bitsStored, p.acquisition.bitsStored);
            if (p.acquisition.philipsRescale) {
                QVERIFY(std::abs(series.slices[0].rescaleSlope - p.acquisition.rescaleSlope) <
                        1e-6);
            }
        }
    }

    void lesionsSitWhereTheManifestSaysAndEnhance() {
        for (std::size_t n = 0; n < small_.patients.size(); ++n) {
            const auto& p = small_.patients[n];
            const QString folder = QDir(first_).filePath(QString::fromStdString(p.patientId));
            const LabelMap fine =
                readLabelMap(QDir(folder).filePath("truth_fine_0p5mm.nii.gz").toStdString());
            const LabelMap truth =
                readLabelMap(QDir(folder).filePath("truth_series.nii.gz").toStdString());
            NullProgressSink quiet;
            const ImageVolume image = loadSeries(
                scanDicomFolder(QDir(folder).filePath("MR").toStdString(), quiet).series[0], quiet);
            const double wm = p.acquisition.storedWhiteMatter *
                              (p.acquisition.philipsRescale ? p.acquisition.rescaleSlope : 1.0);
            for (std::size_t k = 0; k < p.lesions.size(); ++k) {
                const auto& lesion = p.lesions[k];
                const auto label = static_cast<std::uint16_t>(k + 1);
                // The 0.5 mm truth: centroid at the manifest's centre, volume near the nominal one.
                Vec3 sum{0, 0, 0};
                std::size_t count = 0;
                const auto& g = fine.geometry();
                for (std::int64_t z = 0; z < g.size[2]; ++z) {
                    for (std::int64_t y = 0; y < g.size[1]; ++y) {
                        for (std::int64_t x = 0; x < g.size[0]; ++x) {
                            if (fine.at(x, y, z) == label) {
                                const Vec3 w = g.indexToPatient({double(x), double(y), double(z)});
                                for (int a = 0; a < 3; ++a) {
                                    sum[static_cast<std::size_t>(a)] +=
                                        w[static_cast<std::size_t>(a)];
                                }
                                ++count;
                            }
                        }
                    }
                }
                QVERIFY(count > 0);
                const double volume = double(count) * 0.125;
                const double nominal = M_PI / 6 * std::pow(lesion.diameterMm, 3);
                QVERIFY2(volume > 0.5 * nominal && volume < 2.0 * nominal,
                         qPrintable(QString("lesion %1: %2 mm3 vs nominal %3")
                                        .arg(k + 1)
                                        .arg(volume)
                                        .arg(nominal)));
                for (int a = 0; a < 3; ++a) {
                    const double centroid = sum[static_cast<std::size_t>(a)] / double(count);
                    QVERIFY2(
                        std::abs(centroid - lesion.centrePatient[static_cast<std::size_t>(a)]) <
                            0.25 * lesion.diameterMm + 1.0,
                        qPrintable(QString("lesion %1 axis %2").arg(k + 1).arg(a)));
                }
                // Every lesion is on the series truth; solid lesions of 5 mm or more enhance.
                double signal = 0;
                std::size_t voxels = 0;
                for (std::size_t v = 0; v < truth.data().size(); ++v) {
                    if (truth.data()[v] == label) {
                        signal += image.data()[v];
                        ++voxels;
                    }
                }
                QVERIFY2(voxels > 0,
                         qPrintable(QString("lesion %1 missing from the series truth").arg(k + 1)));
                if (!lesion.ring && lesion.diameterMm >= 5 &&
                    p.acquisition.mode == AcquisitionMode::ThreeD) {
                    QVERIFY2(signal / double(voxels) > 1.1 * wm,
                             qPrintable(QString("lesion %1 does not enhance").arg(k + 1)));
                }
            }
        }
    }

    void dciodvfyFindsNoErrors() {
        const QString tool = requireTool("dciodvfy");
        for (const auto& p : small_.patients) {
            const QDir folder(QDir(first_).filePath(QString::fromStdString(p.patientId)));
            const QStringList slices =
                QDir(folder.filePath("MR")).entryList({"*.dcm"}, QDir::Files, QDir::Name);
            QVERIFY(slices.size() >= 3);
            for (const QString& slice :
                 {slices.front(), slices[slices.size() / 2], slices.back()}) {
                const auto result = runTool(tool, {folder.filePath("MR/" + slice)});
                QVERIFY2(result.output.startsWith("MRImage"), qPrintable(result.output));
                QVERIFY2(errorLines(result.output).isEmpty(),
                         qPrintable(slice + "\n" + result.output));
            }
            // Every object says it is synthetic.
            const auto comment =
                runTool(requireTool("dcmdump"),
                        {"+P", "0020,4000", folder.filePath("MR/" + slices.front())});
            QVERIFY2(comment.output.contains("SYNTHETIC PHANTOM - NOT FOR CLINICAL USE"),
                     qPrintable(comment.output));
            const auto description = runTool(requireTool("dcmdump"),
                                             {"+P", "0008,103e", folder.filePath("RTSTRUCT.dcm")});
            QVERIFY2(description.output.contains("SYNTHETIC"), qPrintable(description.output));
            const auto rt = runTool(tool, {folder.filePath("RTSTRUCT.dcm")});
            QVERIFY2(rt.output.startsWith("RTStructureSet"), qPrintable(rt.output));
            QVERIFY2(errorLines(rt.output).isEmpty(), qPrintable(rt.output));
        }
    }

    void dcm2niixGeometryMatchesTheTruth() {
        const QString tool = requireTool("dcm2niix");
        for (const auto& p : small_.patients) {
            const QString id = QString::fromStdString(p.patientId);
            const QString out = directory_.filePath("dcm2niix_" + id);
            QVERIFY(QDir().mkpath(out));
            const auto result = runTool(
                tool, {"-z", "y", "-f", "series", "-o", out, QDir(first_).filePath(id + "/MR")});
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
            const ImageVolume converted =
                readImage(QDir(out).filePath("series.nii.gz").toStdString());
            const LabelMap truth =
                readLabelMap(QDir(first_).filePath(id + "/truth_series.nii.gz").toStdString());
            // dcm2niix may reorder axes: every truth voxel centre must be a converted voxel centre.
            const auto& t = truth.geometry();
            const auto& c = converted.geometry();
            QCOMPARE(c.voxelCount(), t.voxelCount());
            double worst = 0;
            for (int corner = 0; corner < 8; ++corner) {
                const Vec3 index{(corner & 1) ? double(t.size[0] - 1) : 0.0,
                                 (corner & 2) ? double(t.size[1] - 1) : 0.0,
                                 (corner & 4) ? double(t.size[2] - 1) : 0.0};
                const Vec3 mapped = c.patientToIndex(t.indexToPatient(index));
                for (int a = 0; a < 3; ++a) {
                    const double v = mapped[static_cast<std::size_t>(a)];
                    QVERIFY(v > -0.5 && v < double(c.size[static_cast<std::size_t>(a)]) - 0.5);
                    worst = std::max(worst, std::abs(v - std::round(v)) *
                                                c.spacing[static_cast<std::size_t>(a)]);
                }
            }
            qInfo("%s: dcm2niix voxel centres within %.4f mm of the truth grid", qPrintable(id),
                  worst);
            QVERIFY2(worst <= 0.1, qPrintable(QString::number(worst)));
            // The same pixels: the converted image resampled onto the truth grid equals the series.
            NullProgressSink quiet;
            const ImageVolume series = loadSeries(
                scanDicomFolder(QDir(first_).filePath(id + "/MR").toStdString(), quiet).series[0],
                quiet);
            const ImageVolume back = resampleLinear(converted, t);
            double maxDifference = 0;
            for (std::size_t v = 0; v < series.data().size(); ++v) {
                maxDifference =
                    std::max(maxDifference, double(std::abs(series.data()[v] - back.data()[v])));
            }
            QVERIFY2(maxDifference <= 1e-3 * (1 + p.acquisition.rescaleSlope),
                     qPrintable(QString::number(maxDifference)));
        }
    }

    void plastimatchRasterisesEveryRtStructLikeTheTruth() {
        const QString tool = requireTool("plastimatch");
        for (const auto& p : small_.patients) {
            const QString id = QString::fromStdString(p.patientId);
            const QString out = directory_.filePath("plastimatch_" + id);
            const auto result =
                runTool(tool, {"convert", "--input", QDir(first_).filePath(id + "/RTSTRUCT.dcm"),
                               "--referenced-ct", QDir(first_).filePath(id + "/MR"),
                               "--output-prefix", out, "--prefix-format", "mha"});
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
            const LabelMap truth =
                readLabelMap(QDir(first_).filePath(id + "/truth_series.nii.gz").toStdString());
            for (std::size_t k = 0; k < p.lesions.size(); ++k) {
                const QString roi = QString("GTV_%1").arg(k + 1, 2, 10, QChar('0'));
                const QString file = QDir(out).filePath(roi + ".mha");
                QVERIFY2(QFile::exists(file), qPrintable(file + "\n" + result.output));
                const LabelMap theirs =
                    resampleNearest(readLabelMap(file.toStdString()), truth.geometry(), 1);
                const double d = dice(truth, static_cast<std::uint16_t>(k + 1), theirs, 0);
                qInfo("%s %s (%.1f mm): plastimatch Dice %.4f", qPrintable(id), qPrintable(roi),
                      p.lesions[k].diameterMm, d);
                if (p.lesions[k].diameterMm >= 5) {
                    QVERIFY2(d >= 0.98, qPrintable(QString("%1 %2: Dice %3").arg(id, roi).arg(d)));
                }
            }
            QVERIFY(QFile::exists(QDir(out).filePath("GTV_ALL.mha")));
        }
    }

    void montageIsAPng() {
        std::vector<PhantomPreview> previews;
        for (const auto& o : outcomes_) {
            QVERIFY(o.previews.empty()); // none were asked for
        }
        PhantomPreview preview;
        ImageGeometry tile;
        tile.size = {32, 32, 1};
        preview.image = ImageVolume(tile, 1.0f);
        preview.truth = LabelMap(tile, 0);
        preview.truth.at(10, 10, 0) = 1;
        previews.push_back(preview);
        const QString file = directory_.filePath("montage.png");
        writePhantomMontage(previews, 2, 32, file.toStdString());
        QFile png(file);
        QVERIFY(png.open(QIODevice::ReadOnly));
        QCOMPARE(png.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    }
};

QTEST_GUILESS_MAIN(TestPhantom)
#include "test_phantom.moc"
