// The patient report as a reader sees it: the PDF's text (pdftotext) carries the EGFR call, the
// model version, the lesion volumes and the research-use disclaimer; key images show the GTVs.
#include "ExternalTool.h"
#include "SyntheticLesions.h"
#include "metis/database/PatientDatabase.h"
#include "metis/ui/PatientReport.h"
#include "metis/ui/PatientStudyLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::ui;

namespace {

ImageGeometry testGrid() {
    ImageGeometry geometry;
    geometry.size = {80, 80, 24};
    geometry.spacing = {1, 1, 2};
    geometry.origin = {-40, -40, -24};
    return geometry;
}

const Vec3 kLargeCentre{-12, 4, 0};

/// A study as the loader would give it: image, manual GTV with two lesions, an AI GTV that finds
/// the large one, and a stored AI result.
PatientStudy syntheticStudy() {
    PatientStudy study;
    study.patientId = "PHANTOM-007";
    study.seriesId = 1;
    study.seriesDescription = "T1 CE";
    // A left-right ramp, so that the window/level presets see a spread of intensities.
    auto image = std::make_shared<ImageVolume>(testGrid(), 0.0f);
    for (std::int64_t k = 0; k < testGrid().size[2]; ++k) {
        for (std::int64_t j = 0; j < testGrid().size[1]; ++j) {
            for (std::int64_t i = 0; i < testGrid().size[0]; ++i) {
                image->at(i, j, k) = 50.0f + static_cast<float>(i);
            }
        }
    }
    study.scene = std::make_shared<viewer::ViewerScene>();
    study.scene->image = image;
    study.manualGtv = std::make_shared<const LabelMap>(test_lesions::paintEllipsoids(
        testGrid(), {{kLargeCentre, {9, 8, 7}, 1}, {{15, -10, 6}, {3, 3, 3}, 2}}));
    study.predictedGtv = std::make_shared<const LabelMap>(
        test_lesions::paintEllipsoids(testGrid(), {{{-11, 4, 0}, {9, 8, 7}, 1}}));
    study.scene->overlays = {viewer::manualGtvLayer(study.manualGtv),
                             viewer::predictedGtvLayer(study.predictedGtv)};
    db::InferenceRun run;
    run.modelVersion = "mtsa-net-test-4.5.6";
    run.device = "cpu";
    run.precision = "fp32";
    run.createdAt = "2026-11-27T01:02:03.000Z";
    run.patientProbability = 0.8125;
    run.patientCall = "mutant";
    run.gtvThreshold = 0.35;
    run.minLesionVolumeMm3 = 15.0;
    run.postProcessingChanged = true;
    study.inferenceRun = run;
    study.recordedEgfrStatus = "wild_type";
    study.aiDoubts = {{workflow::AiDoubtKind::EgfrDisagreesWithRecord, 0.8125, 0.5}};
    return study;
}

QString pdfText(const QString& path) {
    const auto result =
        test_tools::runTool(test_tools::requireTool("pdftotext"), {path, QStringLiteral("-")});
    return result.exitCode == 0 ? result.output.simplified() : QString();
}

} // namespace

class TestPatientReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportCarriesTheCallTheModelAndTheDisclaimer() {
        QTemporaryDir dir;
        db::PatientDatabase database(dir.filePath("metis.db").toStdString());
        NullProgressSink quiet;
        const PrintableReport report =
            buildPrintableReport(database, syntheticStudy(), "oncologist", quiet);
        const workflow::ReportData& data = report.data;
        QVERIFY(data.ai);
        QCOMPARE(data.lesions.size(), std::size_t(2));
        QCOMPARE(reportLesionStatus(data.lesions[0]), QString("matched"));
        QCOMPARE(reportLesionStatus(data.lesions[1]), QString("missed"));
        QVERIFY(!data.lesions[1].aiVolumeMl);
        QVERIFY(data.dice && *data.dice > 0.7 && *data.dice < 1.0);
        // One key image per lesion, the largest first.
        QCOMPARE(report.keyImages.size(), std::size_t(2));
        QVERIFY(report.keyImages[0].caption.startsWith("GTV_01"));

        const QString path = dir.filePath("report.pdf");
        writePatientReport(path, report);
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext found no text");
        QVERIFY2(text.contains("EGFR mutant"), qPrintable(text));
        QVERIFY2(text.contains("0.812") || text.contains("0.813"), qPrintable(text));
        QVERIFY2(text.contains("mtsa-net-test-4.5.6"), qPrintable(text));
        QVERIFY2(text.contains("cpu, fp32"), qPrintable(text));
        // What is recorded beside what the AI says, how the GTV was made, and the doubt.
        QVERIFY2(text.contains("Recorded EGFR status EGFR wild type"), qPrintable(text));
        QVERIFY2(text.contains("threshold 0.35, smallest lesion 15 mm³, chosen by the reader"),
                 qPrintable(text));
        QVERIFY2(text.contains("disagrees with the recorded EGFR status"), qPrintable(text));
        QVERIFY2(text.contains("MTSA-Net"), qPrintable(text));
        QVERIFY2(text.contains("PHANTOM-007"), qPrintable(text));
        QVERIFY2(text.contains("SYNTHETIC PHANTOM / research use only, not for clinical decisions"),
                 qPrintable(text));
        QVERIFY2(text.contains(QString::number(*data.lesions[0].manualVolumeMl, 'f', 3)),
                 qPrintable(text));
        QVERIFY2(text.contains(QString::number(*data.lesions[0].aiVolumeMl, 'f', 3)),
                 qPrintable(text));
    }

    void keyImagesShowBothOutlines() {
        const PatientStudy study = syntheticStudy();
        const auto images = renderKeyImages(*study.scene, {{kLargeCentre, "large"}}, 60.0);
        QCOMPARE(images.size(), std::size_t(1));
        const QImage& image = images[0].image;
        QVERIFY(!image.isNull());
        int yellow = 0;
        int green = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.red() > 200 && c.green() > 200 && c.blue() < 80) {
                    ++yellow;
                } else if (c.green() > 150 && c.red() < 100 && c.blue() < 100) {
                    ++green;
                }
            }
        }
        QVERIFY2(yellow > 50, qPrintable(QString::number(yellow)));
        QVERIFY2(green > 50, qPrintable(QString::number(green)));
        // The orientation letters and the scale bar: white on the grey ramp, at the top centre
        // (A) and along the bottom right (the 10 mm bar).
        const auto whiteIn = [&](const QRect& area) {
            int white = 0;
            for (int y = area.top(); y <= area.bottom(); ++y) {
                for (int x = area.left(); x <= area.right(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    white += c.red() > 245 && c.green() > 245 && c.blue() > 245 ? 1 : 0;
                }
            }
            return white;
        };
        const int w = image.width();
        const int h = image.height();
        QVERIFY(whiteIn(QRect(w * 2 / 5, 0, w / 5, h / 8)) > 10);
        QVERIFY(whiteIn(QRect(w * 3 / 4, h * 7 / 8, w / 4 - 1, h / 8 - 1)) > 10);
    }

    void withoutAiResultTheReportSaysSo() {
        QTemporaryDir dir;
        db::PatientDatabase database(dir.filePath("metis.db").toStdString());
        PatientStudy study = syntheticStudy();
        study.predictedGtv.reset();
        study.inferenceRun.reset();
        NullProgressSink quiet;
        const PrintableReport report = buildPrintableReport(database, study, "oncologist", quiet);
        const workflow::ReportData& data = report.data;
        QVERIFY(!data.ai);
        QCOMPARE(data.lesions.size(), std::size_t(2));
        QCOMPARE(reportLesionStatus(data.lesions[0]), QString("manual GTV only"));
        const QString path = dir.filePath("report.pdf");
        writePatientReport(path, report);
        const QString text = pdfText(path);
        QVERIFY2(text.contains("no AI result"), qPrintable(text));
        QVERIFY2(!text.contains("EGFR mutant"), qPrintable(text));
        QVERIFY2(text.contains("research use only"), qPrintable(text));
    }

    void unwritablePathIsReportedAndLeavesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath("no-such-folder/report.pdf");
        PrintableReport report;
        report.data.patientId = "P1";
        try {
            writePatientReport(path, report);
            QFAIL("an unwritable report path was accepted");
        } catch (const std::runtime_error& error) {
            QVERIFY2(QString(error.what()).contains(path), error.what());
        }
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestPatientReport)
#include "test_patient_report.moc"
