// metis-cli metrics against plastimatch dice on generated mask pairs: Dice within 1e-3 and HD95
// within one voxel diagonal (issue acceptance), plus lesion-wise counts on a known case.
#include "SyntheticLesions.h"
#include "metis/imaging/VolumeIO.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace metis;

using test_lesions::Ellipsoid;
using test_lesions::paintEllipsoids;

namespace {

QString run(const QString& program, const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        return QStringLiteral("FAILED: ") + process.readAll();
    }
    return QString::fromUtf8(process.readAll());
}

double captured(const QString& text, const QString& pattern) {
    const auto match = QRegularExpression(pattern).match(text);
    return match.hasMatch() ? match.captured(1).toDouble() : std::nan("");
}

} // namespace

class TestCliMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void agreesWithPlastimatchOnTwentyPairs() {
        QTemporaryDir dir;
        auto* random = QRandomGenerator::global();
        int compared = 0;
        for (int pair = 0; pair < 22; ++pair) {
            ImageGeometry geometry;
            geometry.size = {48, 44, 20 + pair % 5};
            geometry.spacing = {0.6 + 0.05 * (pair % 4), 0.7, pair % 2 ? 1.0 : 2.5};
            geometry.origin = {-12, -14, -20};
            std::vector<Ellipsoid> reference;
            std::vector<Ellipsoid> prediction;
            const int lesions = 1 + pair % 3;
            for (int l = 0; l < lesions; ++l) {
                const Vec3 centre{-4.0 + 8.0 * l + random->bounded(2.0), random->bounded(4.0) - 2,
                                  -5.0 + random->bounded(4.0)};
                const Vec3 radii{2.5 + random->bounded(3.0), 2.5 + random->bounded(3.0),
                                 3.0 + random->bounded(4.0)};
                reference.push_back({centre, radii});
                const Vec3 shift{random->bounded(2.4) - 1.2, random->bounded(2.4) - 1.2,
                                 random->bounded(3.0) - 1.5};
                prediction.push_back(
                    {{centre[0] + shift[0], centre[1] + shift[1], centre[2] + shift[2]},
                     {radii[0] * (0.8 + random->bounded(0.4)), radii[1], radii[2]}});
            }
            const QString a = dir.filePath(QString("ref%1.nii.gz").arg(pair));
            const QString b = dir.filePath(QString("pred%1.nii.gz").arg(pair));
            imaging::writeLabelMap(paintEllipsoids(geometry, reference), a.toStdString());
            imaging::writeLabelMap(paintEllipsoids(geometry, prediction), b.toStdString());

            const QString metis =
                run(METIS_CLI_PATH, {"metrics", "--ref", a, "--pred", b, "--json"});
            const QString plastimatch = run("plastimatch", {"dice", "--all", a, b});
            QVERIFY2(!metis.startsWith("FAILED"), qPrintable(metis));
            QVERIFY2(!plastimatch.startsWith("FAILED"), qPrintable(plastimatch));
            const auto json = QJsonDocument::fromJson(metis.toUtf8()).object();
            const double ourDice = json["dice"].toDouble();
            const double ourHd95 = json["hd95_mm"].toDouble();
            const double theirDice = captured(plastimatch, R"(DICE:\s*([0-9.eE+-]+))");
            const double theirHd95 = captured(
                plastimatch,
                R"(Percent \(0\.95\) Hausdorff distance \(boundary\)\s*=\s*([0-9.eE+-]+))");
            QVERIFY2(std::isfinite(theirDice) && std::isfinite(theirHd95), qPrintable(plastimatch));
            const double diagonal = std::sqrt(geometry.spacing[0] * geometry.spacing[0] +
                                              geometry.spacing[1] * geometry.spacing[1] +
                                              geometry.spacing[2] * geometry.spacing[2]);
            QVERIFY2(std::abs(ourDice - theirDice) <= 1e-3,
                     qPrintable(QString("pair %1: Dice %2 vs plastimatch %3")
                                    .arg(pair)
                                    .arg(ourDice)
                                    .arg(theirDice)));
            QVERIFY2(std::abs(ourHd95 - theirHd95) <= diagonal,
                     qPrintable(QString("pair %1: HD95 %2 vs plastimatch %3 (voxel diagonal %4)")
                                    .arg(pair)
                                    .arg(ourHd95)
                                    .arg(theirHd95)
                                    .arg(diagonal)));
            ++compared;
        }
        QVERIFY(compared >= 20);
    }

    void lesionWiseCountsAndBratsLabels() {
        QTemporaryDir dir;
        ImageGeometry geometry;
        geometry.size = {60, 40, 20};
        geometry.spacing = {1, 1, 2};
        // Reference: two lesions; prediction: the first, a shifted second... missing, and an extra.
        const auto reference =
            paintEllipsoids(geometry, {{{10, 20, 20}, {4, 4, 6}}, {{40, 20, 20}, {3, 3, 5}}});
        auto prediction =
            paintEllipsoids(geometry, {{{11, 20, 20}, {4, 4, 6}}, {{52, 10, 20}, {2, 2, 4}}});
        LabelMap brats(geometry);
        for (std::size_t v = 0; v < brats.data().size(); ++v) {
            brats.data()[v] = reference.data()[v] ? 3 : 0;
        }
        brats.data()[0] = 2; // oedema is not GTV
        const QString a = dir.filePath("ref.nii.gz");
        const QString b = dir.filePath("pred.nii.gz");
        imaging::writeLabelMap(brats, a.toStdString());
        imaging::writeLabelMap(prediction, b.toStdString());
        const QString out = run(METIS_CLI_PATH, {"metrics", "--ref", a, "--ref-labels", "brats",
                                                 "--pred", b, "--json"});
        const auto json = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY2(!json.isEmpty(), qPrintable(out));
        const auto lesions = json["lesions"].toObject();
        QCOMPARE(lesions["tp"].toInt(), 1);
        QCOMPARE(lesions["fn"].toInt(), 1);
        QCOMPARE(lesions["fp"].toInt(), 1);
        QCOMPARE(lesions["rows"].toArray().size(), 2);

        const QString mismatch =
            run(METIS_CLI_PATH, {"metrics", "--ref", a, "--pred", dir.filePath("missing.nii.gz")});
        QVERIFY2(mismatch.startsWith("FAILED") && mismatch.contains("missing.nii.gz"),
                 qPrintable(mismatch));
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "test_cli_metrics.moc"
