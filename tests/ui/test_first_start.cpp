// First start on an empty database: the demo cohort offer generates the cohort with the real
// metis-cli, imports it and activates the demo model from the installation's data folder
// (build/share/metis mirrors /usr/share/metis); a cancelled or failed generation leaves nothing.
#include "SmallScreen.h"
#include "TestIsolation.h"
#include "metis/ui/DemoCohortDialog.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/Translations.h"
#include "metis/workflow/Installation.h"

#include <QDir>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::ui;

namespace {

const QString kCliDirectory = QFileInfo(QStringLiteral(METIS_CLI_PATH)).absolutePath();

struct EmptyWorkstation {
    QTemporaryDir dir;
    std::shared_ptr<db::PatientDatabase> database;
    db::User admin;
    EmptyWorkstation() {
        database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
        database->ensureDefaultUsers();
        admin = *database->findUser("admin");
    }
};

QPushButton* button(QDialog& dialog, const QString& text) {
    for (auto* candidate : dialog.findChildren<QPushButton*>()) {
        if (candidate->text() == text) {
            return candidate;
        }
    }
    return nullptr;
}

} // namespace

class TestFirstStart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(test_tools::startWithEmptyIsolatedSettings()); }

    void theBuildTreeHasTheInstallationsLayout() {
        const auto package = workflow::installedDemoModel(kCliDirectory.toStdString());
        QVERIFY2(!package.empty(), "no share/metis/models/mtsa-net-demo beside the programs");
        QVERIFY(workflow::installedDemoModel("/nonexistent/bin").empty());
    }

    void demoCohortIsGeneratedImportedAndTheDemoModelActivated() {
        EmptyWorkstation station;
        MainWindow window(station.database, station.admin);
        window.show();
        QSignalSpy ready(&window, &MainWindow::demoCohortReady);
        DemoCohortDialog* offer = window.offerDemoCohort(kCliDirectory, 2);
        QVERIFY(offer->isVisible());
        QVERIFY(button(*offer, QStringLiteral("Create the demo cohort")));
        button(*offer, QStringLiteral("Create the demo cohort"))->click();
        QVERIFY2(ready.wait(300000), "the demo cohort was not generated and imported");
        QVERIFY2(ready.at(0).at(0).toString().contains("is active"),
                 qPrintable(ready.at(0).at(0).toString()));
        QCOMPARE(station.database->stats().patients, 2);
        const auto active = station.database->activeModel();
        QVERIFY(active.has_value());
        QCOMPARE(QFileInfo(QString::fromStdString(active->packagePath)).fileName(),
                 QStringLiteral("mtsa-net-demo"));
        QVERIFY(!station.database->auditLog("admin", {}, "model.activate").empty());
        QVERIFY(QFileInfo::exists(station.dir.filePath("demo-cohort/clinical.csv")));
    }

    void cancellingLeavesNoHalfCohort() {
        EmptyWorkstation station;
        MainWindow window(station.database, station.admin);
        DemoCohortDialog* offer = window.offerDemoCohort(kCliDirectory, 24);
        QSignalSpy generated(offer, &DemoCohortDialog::cohortGenerated);
        QSignalSpy closed(offer, &QDialog::rejected);
        offer->generate();
        auto* progress = offer->findChild<QProgressBar*>();
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 1, 120000);
        button(*offer, QStringLiteral("Cancel"))->click();
        QVERIFY(closed.wait(30000));
        QCOMPARE(generated.count(), 0);
        QVERIFY(!QFileInfo::exists(station.dir.filePath("demo-cohort")));
        QCOMPARE(station.database->stats().patients, 0);
    }

    void aGeneratorThatCannotStartIsExplained() {
        EmptyWorkstation station;
        DemoCohortDialog offer(station.dir.filePath("no-such-metis-cli"),
                               station.dir.filePath("demo-cohort"), 2);
        offer.show();
        offer.generate();
        QTRY_VERIFY_WITH_TIMEOUT(offer.problem().contains("no-such-metis-cli"), 10000);
        QVERIFY(button(offer, QStringLiteral("Create the demo cohort"))->isEnabled());
        QVERIFY(!QFileInfo::exists(station.dir.filePath("demo-cohort")));
    }

    // The offer fits the smallest supported screen (1024 x 700) in every language, at work too.
    // With METIS_DOCS_DIR set, it is saved for looking at.
    void theOfferFitsASmallScreenInEveryLanguage() {
        EmptyWorkstation station;
        for (const QString& language : availableLanguages()) {
            installTranslation(*qApp, language);
            DemoCohortDialog offer(QStringLiteral(METIS_CLI_PATH),
                                   station.dir.filePath("demo-cohort-" + language), 24);
            offer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&offer));
            offer.generate();
            QTRY_VERIFY_WITH_TIMEOUT(offer.findChild<QProgressBar*>()->value() >= 1, 120000);
            test_tools::verifyFitsSmallScreen(offer, language, "demo-cohort-offer");
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        installTranslation(*qApp, "en");
    }
};

QTEST_MAIN(TestFirstStart)
#include "test_first_start.moc"
