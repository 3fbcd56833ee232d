// A floor under the committed demo model: eight phantom patients generated with a seed the
// model never saw (the demo model trained on the `paper` preset, seed 1), run through the same
// `metis-cli evaluate` a user runs, must be segmented with mean Dice >= 0.70 and at most three
// false-positive lesions per patient. Eight rather than three: the first three of this seed
// alone score a mean Dice of 0.68 (0.81 over the 71 test patients; patient Dice ranges from 0
// to 0.95 with lesion size), so three would test the draw more than the package. It catches a
// damaged package and any change to the pre- or post-processing that the model was not trained for.
// Phantom figures only.
#include "ExternalTool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(METIS_CLI_PATH);
const QString kDemoModel = QStringLiteral(METIS_DEMO_MODEL);
constexpr int kPatients = 8;

} // namespace

class TestCliDemoModelQuality : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void demoModelFindsTheLesionsOfUnseenPhantomPatients() {
        QTemporaryDir dir;
        const QString cohort = dir.filePath("cohort");
        auto phantom =
            test_tools::runTool(kCli,
                                {"phantom", "--out", cohort, "--preset", "paper", "--seed",
                                 "424242", "--patients", QString::number(kPatients)},
                                600000);
        QVERIFY2(phantom.exitCode == 0, qPrintable(phantom.output));

        auto evaluation = test_tools::runTool(kCli,
                                              {"evaluate", "--model", kDemoModel, "--data", cohort,
                                               "--sets", "cohort", "--out",
                                               dir.filePath("evaluation.json"), "--device", "cpu"},
                                              600000);
        QVERIFY2(evaluation.exitCode == 0, qPrintable(evaluation.output));
        QFile file(dir.filePath("evaluation.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray patients = report.value("patients").toArray();
        QCOMPARE(patients.size(), kPatients);
        double diceSum = 0.0;
        int falsePositives = 0;
        int lesions = 0;
        for (const auto& value : patients) {
            const QJsonObject p = value.toObject();
            diceSum += p.value("dice").toDouble(-1.0);
            falsePositives += p.value("false_positive_lesions").toInt(-1);
            lesions += p.value("reference_lesions").toInt();
        }
        const double meanDice = diceSum / kPatients;
        const QString summary = QString("mean Dice %1, %2 false-positive lesions on %3 patients, "
                                        "%4 reference lesions")
                                    .arg(meanDice, 0, 'f', 3)
                                    .arg(falsePositives)
                                    .arg(kPatients)
                                    .arg(lesions);
        qInfo("%s", qPrintable(summary));
        QVERIFY(lesions > 0);
        QVERIFY2(meanDice >= 0.70, qPrintable(summary));
        QVERIFY2(falsePositives >= 0 && falsePositives <= 3 * kPatients, qPrintable(summary));
    }
};

QTEST_GUILESS_MAIN(TestCliDemoModelQuality)
#include "test_cli_demo_model_quality.moc"
