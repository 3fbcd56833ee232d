// Role tests through the workstation: who may approve a GTV and register/activate models, what
// the UI offers each role, that the database refuses what the UI would not offer, and that
// every such action and refusal lands in the audit log.
#include "../database/ImportFixtures.h"
#include "SmallScreen.h"
#include "TestIsolation.h"
#include "TinyModel.h"
#include "metis/database/Importer.h"
#include "metis/models/ModelPackage.h"
#include "metis/ui/ContourReview.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/ModelsDialog.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/ui/Translations.h"
#include "metis/ui/UsersDialog.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace metis;
using namespace metis::ui;
namespace fs = std::filesystem;

namespace {

// A database with the default users and one imported patient "R1" with a manual GTV (RTSTRUCT).
std::shared_ptr<db::PatientDatabase> makeDatabase(const QTemporaryDir& dir) {
    auto database = std::make_shared<db::PatientDatabase>(dir.filePath("metis.db").toStdString());
    database->ensureDefaultUsers();
    const fs::path data = dir.filePath("data").toStdString();
    const auto patient = fixtures::writePatient(data, "R1");
    fixtures::writeRtStruct(data, patient);
    NullProgressSink quiet;
    const auto report = db::importPaths(*database, {data.string()}, {}, quiet);
    if (report.seriesImported != 1 || report.structureSetsImported != 1) {
        throw std::runtime_error("fixture import failed");
    }
    return database;
}

fs::path writeTinyPackage(const QTemporaryDir& dir, const std::string& name, std::uint64_t seed) {
    models::ModelPackageMetadata m = test_tools::tinyModelMetadata();
    m.metrics = {{"validation_dice", 0.5}};
    const fs::path package = fs::path(dir.path().toStdString()) / name;
    models::writeRandomModelPackage(package, m, seed);
    return package;
}

std::size_t auditCount(db::PatientDatabase& database, const std::string& user,
                       const std::string& action) {
    return database.auditLog(user, {}, action).size();
}

void openAndWait(MainWindow& window, const QString& patientId) {
    QSignalSpy loaded(&window, &MainWindow::patientLoaded);
    window.openPatient(patientId);
    QVERIFY(loaded.wait(30000));
}

std::string reviewStatus(db::PatientDatabase& database, std::int64_t seriesId) {
    return newestManualContour(database, seriesId)->reviewStatus;
}

// The (action, details) rows the audit-log viewer shows for `user`, newest first.
QStringList auditViewerRows(db::PatientDatabase& database, const QString& user) {
    AuditLogDialog viewer(database);
    viewer.findChildren<QLineEdit*>().at(0)->setText(user);
    QStringList rows;
    for (int row = 0; row < viewer.table()->rowCount(); ++row) {
        rows << viewer.table()->item(row, 2)->text() + " " + viewer.table()->item(row, 5)->text();
    }
    return rows;
}

void selectRow(QTableWidget* table, const QString& version) {
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == version) {
            table->selectRow(row);
            return;
        }
    }
    QFAIL(qPrintable("no row for model " + version));
}

} // namespace

class TestRoles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY2(test_tools::startWithEmptyIsolatedSettings("MetisTestRoles"),
                 "the test would use the user's settings");
    }

    void annotatorCannotApproveTheBackendRefusesAndAudits() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const db::User annotator = *database->findUser("annotator");
        MainWindow window(database, annotator);
        QVERIFY(!window.approveContourAction()->isEnabled());
        openAndWait(window, "R1");
        QVERIFY(!window.approveContourAction()->isEnabled());
        QVERIFY(!window.lockContourAction()->isEnabled());
        const auto seriesId = window.currentStudy()->seriesId;

        // Triggered anyway (a shortcut, a script): the database refuses and records it.
        const QString refusal = window.reviewContour("approved");
        QVERIFY2(refusal.contains("annotator"), qPrintable(refusal));
        QVERIFY_THROWS_EXCEPTION(
            db::PermissionDenied,
            database->setReviewStatus(
                annotator, newestManualContour(*database, seriesId)->structureSetId, "locked"));
        QCOMPARE(reviewStatus(*database, seriesId), std::string("draft"));
        const auto refusals = database->auditLog("annotator", {}, "permission.denied");
        QCOMPARE(refusals.size(), std::size_t{2});
        QCOMPARE(refusals.back().details, std::string("set a structure set to approved"));
        QCOMPARE(refusals.front().details, std::string("set a structure set to locked"));
        const QStringList shown = auditViewerRows(*database, "annotator");
        QVERIFY2(shown.contains("permission.denied set a structure set to approved"),
                 qPrintable(shown.join('\n')));
        QVERIFY(database->check().ok());
    }

    void oncologistApprovesThenLocksAudited() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        MainWindow window(database, *database->findUser("oncologist"));
        QVERIFY(!window.approveContourAction()->isEnabled()); // nothing open yet
        openAndWait(window, "R1");
        const auto seriesId = window.currentStudy()->seriesId;
        QVERIFY(window.approveContourAction()->isEnabled());

        window.approveContourAction()->trigger();
        QCOMPARE(reviewStatus(*database, seriesId), std::string("approved"));
        QVERIFY(!window.approveContourAction()->isEnabled());
        QVERIFY(window.lockContourAction()->isEnabled());
        window.lockContourAction()->trigger();
        QCOMPARE(reviewStatus(*database, seriesId), std::string("locked"));
        QVERIFY(!window.lockContourAction()->isEnabled());

        const auto reviews = database->auditLog("oncologist", {}, "structure_set.review");
        QCOMPARE(reviews.size(), std::size_t{2});
        QCOMPARE(reviews.front().details, std::string("approved -> locked"));
        QCOMPARE(reviews.back().details, std::string("draft -> approved"));
        const QStringList shown = auditViewerRows(*database, "oncologist");
        QVERIFY2(shown.contains("structure_set.review draft -> approved") &&
                     shown.contains("structure_set.review approved -> locked"),
                 qPrintable(shown.join('\n')));
        QVERIFY(database->check().ok());
    }

    void physicistRegistersAndActivatesAudited() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const fs::path first = writeTinyPackage(dir, "mtsa-a", 1);
        const fs::path second = writeTinyPackage(dir, "mtsa-b", 2);
        ModelsDialog dialog(database, *database->findUser("physicist"));
        QVERIFY(dialog.registerButton()->isEnabled());
        QVERIFY(!dialog.activateButton()->isEnabled()); // nothing selected

        QVERIFY2(dialog.registerPackage(QString::fromStdString(first.string())),
                 qPrintable(dialog.message()));
        QVERIFY2(dialog.registerPackage(QString::fromStdString(second.string())),
                 qPrintable(dialog.message()));
        QCOMPARE(dialog.table()->rowCount(), 2);
        QVERIFY(dialog.table()->item(0, 3)->text().contains("validation_dice 0.5"));

        // The click asks for a reason, then (random weights) whether to activate anyway: a timer
        // answers the modal dialogs as the physicist would.
        QTimer answerer;
        answerer.setInterval(50);
        connect(&answerer, &QTimer::timeout, [] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* input = qobject_cast<QInputDialog*>(modal)) {
                input->setTextValue("routine switch");
                input->accept();
            } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                box->button(QMessageBox::Yes)->click();
            }
        });
        answerer.start();
        QSignalSpy changed(&dialog, &ModelsDialog::activeModelChanged);
        selectRow(dialog.table(), "mtsa-a");
        QVERIFY(dialog.activateButton()->isEnabled());
        dialog.activateButton()->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(database->activeModel()->version, std::string("mtsa-a"));
        selectRow(dialog.table(), "mtsa-a");
        QVERIFY(!dialog.activateButton()->isEnabled()); // already active
        selectRow(dialog.table(), "mtsa-b");
        dialog.activateButton()->click();
        QCOMPARE(database->activeModel()->version, std::string("mtsa-b"));

        QCOMPARE(auditCount(*database, "physicist", "model.register"), std::size_t{2});
        const auto activations = database->auditLog("physicist", {}, "model.activate");
        QCOMPARE(activations.size(), std::size_t{2});
        QCOMPARE(activations.front().entityId, std::string("mtsa-b"));
        QCOMPARE(activations.front().details,
                 std::string("reason: routine switch (untrained, forced)"));
        const QStringList shown = auditViewerRows(*database, "physicist");
        QCOMPARE(shown.filter(QRegularExpression("^model\\.activate")).size(), 2);
        QCOMPARE(shown.filter(QRegularExpression("^model\\.register")).size(), 2);
        QVERIFY(database->check().ok());
    }

    // The sign-in dialog: a wrong password is refused in the dialog (which stays open) and
    // audited; the right one signs the annotator in, who then cannot register a model.
    void signInRefusesAWrongPasswordAndAcceptsTheRightOne() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const db::User admin = *database->findUser("admin");
        database->setOsAccount(admin, "annotator", "");
        database->setPassword(admin, "annotator", "contours all day");

        LoginDialog login(*database);
        login.show();
        login.fill("annotator", "");
        login.signIn();
        QVERIFY(login.result() != QDialog::Accepted && !login.user());
        QVERIFY2(login.refusal().contains("needs a password"), qPrintable(login.refusal()));
        login.fill("annotator", "guessed");
        login.signIn();
        QVERIFY(login.result() != QDialog::Accepted && !login.user());
        QVERIFY2(login.refusal().contains("wrong password for 'annotator'"),
                 qPrintable(login.refusal()));
        if (const char* docs = std::getenv("METIS_DOCS_DIR")) {
            login.grab().save(QString::fromUtf8(docs) + "/sign-in-refused.png");
        }
        QCOMPARE(database->auditLog("annotator", {}, "auth.failed").size(), std::size_t{2});

        login.fill("annotator", "contours all day");
        login.signIn();
        QCOMPARE(login.result(), int(QDialog::Accepted));
        QVERIFY(login.user() && login.user()->role == db::Role::Annotator);
        QCOMPARE(database->auditLog("annotator", {}, "auth.sign-in").front().details,
                 std::string("password"));
        ModelsDialog dialog(database, *login.user());
        QVERIFY(!dialog.registerButton()->isEnabled());
    }

    // Tools > Users: the admin adds, re-roles and deactivates users (audited); anyone else sees
    // the list and may change no one's password but their own.
    void adminManagesUsersOthersOnlyTheirOwnPassword() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        UsersDialog admin(database, *database->findUser("admin"));
        admin.resize(1024, 640);
        admin.show();
        QVERIFY(admin.addButton()->isEnabled());
        QVERIFY2(admin.addUser("ann2", "Ann Two", db::Role::Annotator, "", "short").contains("8"),
                 qPrintable(admin.message()));
        QVERIFY(!database->findUser("ann2"));
        QCOMPARE(admin.addUser("ann2", "Ann Two", db::Role::Annotator, "", "contours all day"),
                 QString());
        QVERIFY(!admin.table()->findItems("ann2", Qt::MatchExactly).isEmpty());
        QVERIFY(database->passwordMatches("ann2", "contours all day"));
        QCOMPARE(admin.changeRole("ann2", db::Role::Physicist), QString());
        QVERIFY(database->findUser("ann2")->role == db::Role::Physicist);
        QCOMPARE(admin.setActive("ann2", false), QString());
        QVERIFY(!database->findUser("ann2"));
        if (const char* docs = std::getenv("METIS_DOCS_DIR")) {
            admin.grab().save(QString::fromUtf8(docs) + "/users-dialog.png");
        }

        UsersDialog annotator(database, *database->findUser("annotator"));
        QVERIFY(!annotator.addButton()->isEnabled());
        QVERIFY2(annotator.changeRole("annotator", db::Role::Admin).contains("may not"),
                 qPrintable(annotator.message()));
        QVERIFY2(annotator.setPassword("admin", "taken over!").contains("may not"),
                 qPrintable(annotator.message()));
        QCOMPARE(annotator.setPassword("annotator", "my own secret"), QString());
        QVERIFY(database->findUser("annotator")->role == db::Role::Annotator);
        QCOMPARE(auditCount(*database, "admin", "user."), std::size_t{4});
        QCOMPARE(auditCount(*database, "annotator", "permission.denied"), std::size_t{2});
    }

    void annotatorCannotRegisterOrActivateAModel() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const fs::path package = writeTinyPackage(dir, "mtsa-a", 1);
        const auto metadata = models::readModelPackage(package);
        const auto id = database->registerModel(*database->findUser("physicist"), package.string(),
                                                models::kModelPackageWeightsFile, "mtsa-a",
                                                metadata.weightsSha256, "{}");
        const db::User annotator = *database->findUser("annotator");
        MainWindow window(database, annotator);
        QVERIFY(window.modelsAction()->isEnabled()); // everyone may see which model is in use
        ModelsDialog dialog(database, annotator);
        QVERIFY(!dialog.registerButton()->isEnabled());
        selectRow(dialog.table(), "mtsa-a");
        QVERIFY(!dialog.activateButton()->isEnabled());

        QVERIFY(!dialog.activateModel(id, "test"));
        QVERIFY2(dialog.message().contains("may not activate a model"),
                 qPrintable(dialog.message()));
        QVERIFY(!dialog.registerPackage(QString::fromStdString(package.string())));
        QVERIFY_THROWS_EXCEPTION(db::PermissionDenied, database->activateModel(annotator, id));
        QVERIFY(!database->activeModel());
        QCOMPARE(database->listModels().size(), std::size_t{1});

        const auto refusals = database->auditLog("annotator", {}, "permission.denied");
        QCOMPARE(refusals.size(), std::size_t{3});
        QCOMPARE(refusals[0].details, std::string("activate a model"));
        QCOMPARE(refusals[1].details, std::string("register a model"));
        QCOMPARE(refusals[2].details, std::string("activate a model"));
        QCOMPARE(auditCount(*database, "", "model.activate"), std::size_t{0});
        QCOMPARE(auditViewerRows(*database, "annotator").filter("permission.denied").size(), 3);
    }

    // A random-weights package is registered, but not put to work on patients by a mistaken click.
    void activationRefusesUntrainedPackagesAndNeedsAReason() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        ModelsDialog dialog(database, *database->findUser("physicist"));
        const fs::path package = writeTinyPackage(dir, "random", 1);
        QVERIFY(dialog.registerPackage(QString::fromStdString(package.string())));
        const auto id = database->listModels().front().id;
        QVERIFY(!dialog.activateModel(id, "first use"));
        QVERIFY2(dialog.message().contains("untrained"), qPrintable(dialog.message()));
        QVERIFY(!dialog.activateModel(id, "", true));
        QVERIFY2(dialog.message().contains("reason"), qPrintable(dialog.message()));
        QVERIFY(!database->activeModel());
        QVERIFY(dialog.activateModel(id, "pipeline test", true));
        QCOMPARE(database->activeModel()->id, id);
        QCOMPARE(database->auditLog("physicist", {}, "model.activate").front().details,
                 std::string("reason: pipeline test (untrained, forced)"));
    }

    void missingWeightsFileIsNamedOnRegisterAndActivate() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        ModelsDialog dialog(database, *database->findUser("physicist"));

        const fs::path broken = writeTinyPackage(dir, "broken", 1);
        fs::remove(broken / models::kModelPackageWeightsFile);
        QVERIFY(!dialog.registerPackage(QString::fromStdString(broken.string())));
        QVERIFY2(dialog.message().contains(
                     QString::fromStdString((broken / models::kModelPackageWeightsFile).string())),
                 qPrintable(dialog.message()));
        QVERIFY(database->listModels().empty());

        // Registered while whole, then the weights disappear: activation is refused.
        const fs::path gone = writeTinyPackage(dir, "gone", 2);
        QVERIFY(dialog.registerPackage(QString::fromStdString(gone.string())));
        fs::remove(gone / models::kModelPackageWeightsFile);
        QVERIFY(!dialog.activateModel(database->listModels().front().id, "test", true));
        QVERIFY2(dialog.message().contains(
                     QString::fromStdString((gone / models::kModelPackageWeightsFile).string())),
                 qPrintable(dialog.message()));
        QVERIFY(!database->activeModel());
        QCOMPARE(database->auditLog({}, {}, "model.activate").size(), std::size_t{0});
        // Otherwise sound: the one problem a check finds is the removed weights file.
        const auto checked = database->check();
        QCOMPARE(checked.problems.size(), std::size_t{1});
        QVERIFY2(checked.problems.front().find(
                     (gone / models::kModelPackageWeightsFile).string()) != std::string::npos,
                 checked.problems.front().c_str());
    }

    // The sign-in (showing a refusal) and Tools > Users fit the smallest supported screen
    // (1024 x 700) in every language. With METIS_DOCS_DIR set, they are saved for looking at.
    void signInAndUsersFitASmallScreenInEveryLanguage() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const db::User admin = *database->findUser("admin");
        database->setPassword(admin, "annotator", "contours all day");
        for (const QString& language : availableLanguages()) {
            installTranslation(*qApp, language);
            LoginDialog login(*database);
            login.show();
            login.fill("annotator", "guessed");
            login.signIn();
            QVERIFY(!login.refusal().isEmpty());
            // The reason is in the interface's language too, not only the frame around it.
            if (language == QLatin1String("de")) {
                QVERIFY2(login.refusal().contains(QString::fromUtf8("falsches Passwort für")),
                         qPrintable(login.refusal()));
            }
            UsersDialog users(database, admin);
            for (QDialog* dialog : std::initializer_list<QDialog*>{&login, &users}) {
                test_tools::verifyFitsSmallScreen(*dialog, language);
                if (QTest::currentTestFailed()) {
                    return;
                }
            }
        }
        installTranslation(*qApp, "en");
    }

    void reviewAndModelActionsAreTranslated() {
        QTemporaryDir dir;
        auto database = makeDatabase(dir);
        const db::User physicist = *database->findUser("physicist");
        QVERIFY(installTranslation(*QCoreApplication::instance(), "de"));
        MainWindow german(database, physicist);
        ModelsDialog germanModels(database, physicist);
        QVERIFY(installTranslation(*QCoreApplication::instance(), "zh_CN"));
        MainWindow chinese(database, physicist);
        QCOMPARE(german.approveContourAction()->text(), QString("Kontur &freigeben"));
        QCOMPARE(germanModels.activateButton()->text(), QString("&Aktivieren"));
        QCOMPARE(chinese.lockContourAction()->text(), QString::fromUtf8("锁定轮廓(&L)"));
        // Back to English for whatever runs after this.
        for (auto* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
};

QTEST_MAIN(TestRoles)
#include "test_roles.moc"
