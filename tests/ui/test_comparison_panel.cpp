// The comparison panel against metis-cli metrics on the same two masks: the same lesions, the
// same patient and per-lesion figures, and a click on a lesion centres the viewer on it.
#include "ExternalTool.h"
#include "SyntheticLesions.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/viewer_widgets/MprLayout.h"
#include "metis/viewer_widgets/SliceView.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace metis;
using namespace metis::ui;
using test_lesions::Ellipsoid;
using test_lesions::paintEllipsoids;
using namespace test_lesions::comparison_case;

namespace {

double cellValue(const QTableWidget* table, int row, int column) {
    return table->item(row, column)->text().toDouble();
}

} // namespace

class TestComparisonPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void figuresEqualTheCommandLine() {
        QTemporaryDir dir;
        const QString manualPath = dir.filePath("manual.nii.gz");
        const QString aiPath = dir.filePath("ai.nii.gz");
        imaging::writeLabelMap(manualMask(), manualPath.toStdString());
        imaging::writeLabelMap(aiMask(), aiPath.toStdString());
        const auto cli = test_tools::runTool(
            METIS_CLI_PATH, {"metrics", "--ref", manualPath, "--pred", aiPath, "--json"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.output));
        const QJsonObject json = QJsonDocument::fromJson(cli.output.toUtf8()).object();
        QVERIFY2(!json.isEmpty(), qPrintable(cli.output));

        // The panel works on the maps as the workstation loads them (read back from the files).
        ComparisonPanel panel(nullptr);
        QSignalSpy finished(&panel, &ComparisonPanel::comparisonFinished);
        panel.compare(
            std::make_shared<const LabelMap>(imaging::readLabelMap(manualPath.toStdString())),
            std::make_shared<const LabelMap>(imaging::readLabelMap(aiPath.toStdString())));
        QVERIFY(panel.isRunning() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(panel.result());
        const SegmentationReport& report = panel.result()->report;
        QCOMPARE(report.dice, json["dice"].toDouble());
        QCOMPARE(report.hausdorff.percentileMm, json["hd95_mm"].toDouble());
        QCOMPARE(report.precision, json["precision"].toDouble());
        QCOMPARE(report.recall, json["recall"].toDouble());
        QVERIFY(panel.summaryLabel()->text().contains(QString::number(report.dice, 'f', 4)));
        QVERIFY(panel.summaryLabel()->text().contains(
            QString::number(report.hausdorff.percentileMm, 'f', 4)));

        const QJsonObject lesions = json["lesions"].toObject();
        QCOMPARE(lesions["tp"].toInt(), 2);
        QCOMPARE(lesions["fn"].toInt(), 1);
        QCOMPARE(lesions["fp"].toInt(), 1);
        const QJsonArray rows = lesions["rows"].toArray();
        const QJsonArray falsePositives = lesions["false_positives"].toArray();
        const QTableWidget* table = panel.lesionTable();
        QCOMPARE(table->rowCount(), rows.size() + falsePositives.size());
        for (int r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            const bool matched = row["matched_prediction_id"].toInt() != 0;
            QCOMPARE(table->item(r, ComparisonPanel::StatusColumn)->text(),
                     matched ? QString("matched") : QString("missed"));
            QCOMPARE(cellValue(table, r, ComparisonPanel::DiceColumn),
                     std::round(row["dice"].toDouble() * 1e4) / 1e4);
            if (matched) {
                QCOMPARE(cellValue(table, r, ComparisonPanel::Hd95Column),
                         std::round(row["hd95_mm"].toDouble() * 100) / 100);
            }
            const double manualMl = row["reference_volume_ml"].toDouble();
            const double aiMl = row["prediction_volume_ml"].toDouble();
            QCOMPARE(cellValue(table, r, ComparisonPanel::ManualVolumeColumn),
                     std::round(manualMl * 1000) / 1000);
            QCOMPARE(cellValue(table, r, ComparisonPanel::AiVolumeColumn),
                     std::round(aiMl * 1000) / 1000);
            QCOMPARE(cellValue(table, r, ComparisonPanel::VolumeDifferenceColumn),
                     std::round((aiMl - manualMl) * 1000) / 1000);
            QCOMPARE(cellValue(table, r, ComparisonPanel::DiameterColumn),
                     std::round(row["max_diameter_mm"].toDouble() * 10) / 10);
            QCOMPARE(cellValue(table, r, ComparisonPanel::AxialDiameterColumn),
                     std::round(row["axial_diameter_mm"].toDouble() * 10) / 10);
        }
        const int fpRow = static_cast<int>(rows.size());
        QCOMPARE(table->item(fpRow, ComparisonPanel::StatusColumn)->text(),
                 QString("false positive"));
        QCOMPARE(cellValue(table, fpRow, ComparisonPanel::AiVolumeColumn),
                 std::round(falsePositives[0].toObject()["volume_ml"].toDouble() * 1000) / 1000);

        // The 3 mm lesion is missed: the small bin has 0 of 1, the others 1 of 1.
        const QJsonArray bins = lesions["size_bins"].toArray();
        QCOMPARE(panel.sizeBinTable()->rowCount(), bins.size());
        for (int b = 0; b < bins.size(); ++b) {
            const QJsonObject bin = bins[b].toObject();
            QCOMPARE(panel.sizeBinTable()->item(b, 1)->text(),
                     QString("%1 / %2").arg(bin["detected"].toInt()).arg(bin["lesions"].toInt()));
        }
        QCOMPARE(panel.sizeBinTable()->item(0, 1)->text(), QString("0 / 1"));
    }

    void clickingALesionCentresTheViewer() {
        auto manual = std::make_shared<const LabelMap>(manualMask());
        auto ai = std::make_shared<const LabelMap>(aiMask());
        auto image = std::make_shared<ImageVolume>(testGrid(), 100.0f);
        auto scene = std::make_shared<viewer::ViewerScene>();
        scene->image = image;
        scene->overlays = {viewer::manualGtvLayer(manual), viewer::predictedGtvLayer(ai)};
        viewer_widgets::MprLayout layout;
        layout.resize(800, 600);
        layout.setScene(scene);
        layout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&layout));

        ComparisonPanel panel(&layout);
        QSignalSpy finished(&panel, &ComparisonPanel::comparisonFinished);
        panel.compare(manual, ai);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        panel.show();
        QSignalSpy selected(&panel, &ComparisonPanel::lesionSelected);
        const auto cursor = [&layout] {
            return layout.sliceView(viewer::ViewOrientation::Axial)->state().cursorMm;
        };
        // Rows follow component numbers (raster order), so they are found by status: the missed
        // lesion is the 3 mm one.
        QTableWidget* table = panel.lesionTable();
        const auto rowWithStatus = [table](const QString& status) {
            for (int row = 0; row < table->rowCount(); ++row) {
                if (table->item(row, ComparisonPanel::StatusColumn)->text() == status) {
                    return row;
                }
            }
            return -1;
        };
        for (const auto& [row, expected] :
             {std::pair{rowWithStatus("missed"), kSmall},
              std::pair{rowWithStatus("false positive"), kFalsePositive}}) {
            QVERIFY(row >= 0);
            const QRect cell = table->visualItemRect(table->item(row, 0));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
            const Vec3 at = cursor();
            for (int a = 0; a < 3; ++a) {
                // The centroid of a voxelised ellipsoid lies near its centre; the views may snap to
                // a voxel.
                QVERIFY2(std::abs(at[a] - expected[a]) <= testGrid().spacing[a],
                         qPrintable(QString("row %1 axis %2: %3 vs %4")
                                        .arg(row)
                                        .arg(a)
                                        .arg(at[a])
                                        .arg(expected[a])));
            }
        }
        QCOMPARE(selected.count(), 2);
    }

    void saysWhatIsMissing() {
        ComparisonPanel panel(nullptr);
        panel.compare(std::make_shared<const LabelMap>(manualMask()), nullptr);
        QVERIFY(!panel.isRunning());
        QVERIFY(!panel.result());
        QVERIFY(panel.messageLabel()->text().contains("no AI result"));
        QCOMPARE(panel.lesionTable()->rowCount(), 0);
    }

    void differentGridsFailWithAMessage() {
        ImageGeometry other = testGrid();
        other.spacing = {1, 1, 1};
        ComparisonPanel panel(nullptr);
        QSignalSpy failed(&panel, &ComparisonPanel::comparisonFailed);
        panel.compare(std::make_shared<const LabelMap>(manualMask()),
                      std::make_shared<const LabelMap>(other, 0));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY(!panel.result());
        QVERIFY(panel.messageLabel()->text().startsWith("The comparison failed"));
    }
};

QTEST_MAIN(TestComparisonPanel)
#include "test_comparison_panel.moc"
