// metis: the workstation GUI.
#include "metis/database/PatientDatabase.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientBrowser.h"
#include "metis/ui/PatientListModel.h"
#include "metis/ui/Theme.h"
#include "metis/ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QWindow>
#include <cstdio>
#include <functional>

namespace {

void raiseDockOf(QWidget* content) {
    if (auto* dock = qobject_cast<QDockWidget*>(content->parentWidget())) {
        dock->show();
        dock->raise();
    }
}

/// Brings `panel` to the front once a patient has loaded and calls `whenIdle` when it shows its
/// result. The inference panel runs the model first when the patient has no AI result yet, so
/// the workstation opens with the predicted GTV beside the manual one. `strict` (screenshots):
/// a failed or impossible run ends the process with an error instead of leaving the message in
/// the panel.
void showPanel(metis::ui::MainWindow& window, const QString& panel,
               const std::function<void()>& whenIdle, bool strict) {
    if (panel == QLatin1String("browser")) {
        raiseDockOf(window.patientBrowser());
        whenIdle();
        return;
    }
    if (panel == QLatin1String("comparison")) {
        auto* comparison = window.comparisonPanel();
        raiseDockOf(comparison);
        if (!comparison->isRunning()) {
            whenIdle();
            return;
        }
        // A failed comparison says why in the panel, which is worth the picture too.
        QObject::connect(comparison, &metis::ui::ComparisonPanel::comparisonFinished, &window,
                         whenIdle);
        QObject::connect(comparison, &metis::ui::ComparisonPanel::comparisonFailed, &window,
                         whenIdle);
        return;
    }
    if (panel != QLatin1String("inference")) {
        whenIdle();
        return;
    }
    auto* inference = window.inferencePanel();
    raiseDockOf(inference);
    if (inference->shownRun()) {
        whenIdle();
        return;
    }
    if (!inference->runButton()->isEnabled()) {
        if (strict) {
            qCritical("cannot run inference: no model package (use --model DIR) or the user's "
                      "role may not run the model");
            QCoreApplication::exit(1);
        }
        return;
    }
    QObject::connect(inference, &metis::ui::InferencePanel::inferenceFinished, &window, whenIdle);
    if (strict) {
        QObject::connect(inference, &metis::ui::InferencePanel::inferenceFailed, &window,
                         [](const QString& message) {
                             qCritical("inference failed: %s", qPrintable(message));
                             QCoreApplication::exit(1);
                         });
    }
    inference->runInference();
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Metis"));
    QApplication::setApplicationName(QStringLiteral("Metis"));
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    metis::ui::installTranslation(app, language);
    metis::ui::applyReadingRoomTheme(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("Metis brain metastasis workstation"));
    parser.addHelpOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QObject::tr("Database file."),
                                QStringLiteral("FILE"));
    QCommandLineOption userOption(QStringLiteral("user"),
                                  QObject::tr("Sign in as this user without asking."),
                                  QStringLiteral("NAME"));
    QCommandLineOption openOption(QStringLiteral("open"), QObject::tr("Open this patient."),
                                  QStringLiteral("PATIENT_ID"));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QObject::tr("Save the main window as PNG once it is idle, then exit."),
        QStringLiteral("FILE.png"));
    QCommandLineOption panelOption(
        QStringLiteral("panel"),
        QObject::tr("Side panel to show with the --open patient: inference (runs the model "
                    "first when the patient has no AI result), comparison (manual against AI "
                    "GTV) or browser."),
        QStringLiteral("NAME"));
    QCommandLineOption modelOption(
        QStringLiteral("model"),
        QObject::tr("Model package folder for inference (default: the active registered model)."),
        QStringLiteral("DIR"));
    QCommandLineOption exitWhenReadyOption(
        QStringLiteral("exit-when-ready"),
        QObject::tr("Exit as soon as the window is on screen with the first page of patients "
                    "listed (start-up timing)."));
    QCommandLineOption reportOption(
        QStringLiteral("report"),
        QObject::tr("Write the PDF report of the --open patient to this file, then exit."),
        QStringLiteral("FILE.pdf"));
    parser.addOptions({dbOption, userOption, openOption, screenshotOption, panelOption, modelOption,
                       exitWhenReadyOption, reportOption});
    parser.process(app);
    const QString panel = parser.value(panelOption);
    if (!panel.isEmpty() && panel != QLatin1String("inference") &&
        panel != QLatin1String("comparison") && panel != QLatin1String("browser")) {
        qCritical("unknown panel '%s' (expected inference, comparison or browser)",
                  qPrintable(panel));
        return 2;
    }
    if (parser.isSet(reportOption) &&
        (!parser.isSet(openOption) || parser.isSet(screenshotOption))) {
        qCritical("--report needs --open PATIENT_ID and cannot be combined with --screenshot");
        return 2;
    }

    const QString databasePath =
        parser.isSet(dbOption)
            ? parser.value(dbOption)
            : QSettings()
                  .value(QStringLiteral("database/path"),
                         QString::fromStdString(metis::db::PatientDatabase::defaultPath()))
                  .toString();
    std::shared_ptr<metis::db::PatientDatabase> database;
    try {
        database = std::make_shared<metis::db::PatientDatabase>(databasePath.toStdString());
        database->ensureDefaultUsers();
    } catch (const std::exception& e) {
        QMessageBox::critical(
            nullptr, QObject::tr("Metis"),
            QObject::tr("Cannot open the patient database:\n%1").arg(QString::fromUtf8(e.what())));
        return 1;
    }

    std::optional<metis::db::User> user;
    if (parser.isSet(userOption)) {
        user = database->findUser(parser.value(userOption).toStdString());
        if (!user) {
            QMessageBox::critical(
                nullptr, QObject::tr("Metis"),
                QObject::tr("No active user named '%1'.").arg(parser.value(userOption)));
            return 1;
        }
    } else {
        metis::ui::LoginDialog login(*database);
        if (login.exec() != QDialog::Accepted || !(user = login.user())) {
            return 0;
        }
    }
    database->appendAudit(user->username, "session.start");

    metis::ui::MainWindow window(database, *user);
    if (parser.isSet(modelOption)) {
        window.inferencePanel()->setModelPackagePath(parser.value(modelOption));
    }
    if (parser.isSet(reportOption)) {
        // The report needs no window on screen: the study loads and the report is written in
        // the background, then the process exits with the outcome.
        const QString file = parser.value(reportOption);
        QObject::connect(&window, &metis::ui::MainWindow::patientLoaded, &window,
                         [&window, file] { window.exportReport(file); });
        QObject::connect(&window, &metis::ui::MainWindow::patientLoadFailed, &window,
                         [](const QString&, const QString& message) {
                             qCritical("cannot open the patient: %s", qPrintable(message));
                             QCoreApplication::exit(1);
                         });
        QObject::connect(
            &window, &metis::ui::MainWindow::reportExported, &window, [](const QString& path) {
                std::printf("report written: %s\n", qPrintable(QFileInfo(path).absoluteFilePath()));
                QCoreApplication::exit(0);
            });
        QObject::connect(&window, &metis::ui::MainWindow::reportFailed, &window,
                         [](const QString& path, const QString& message) {
                             qCritical("cannot write the report %s: %s", qPrintable(path),
                                       qPrintable(message));
                             QCoreApplication::exit(1);
                         });
    } else {
        window.show();
    }
    if (parser.isSet(exitWhenReadyOption)) {
        // Ready = the window system shows the window and the event loop has painted it once;
        // the browser fills its first page when it is built.
        auto* poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, [&window] {
            if (!window.windowHandle() || !window.windowHandle()->isExposed()) {
                return;
            }
            QCoreApplication::processEvents();
            const auto* patients = window.patientBrowser()->model();
            std::printf("ready: %d of %lld patients listed\n", patients->rowCount(),
                        static_cast<long long>(patients->totalMatching()));
            QCoreApplication::exit(0);
        });
        poll->start(0);
    }
    // Idle = the patient (if any) has loaded, the chosen panel shows its result and the event
    // queue has drained; a screenshot waits for it.
    const bool screenshot = parser.isSet(screenshotOption);
    const std::function<void()> whenIdle = [&window, screenshot,
                                            file = parser.value(screenshotOption)] {
        if (!screenshot) {
            return;
        }
        QTimer::singleShot(300, &window, [&window, file] {
            QCoreApplication::processEvents();
            QCoreApplication::exit(window.grab().save(file) ? 0 : 1);
        });
    };
    if (parser.isSet(openOption)) {
        QObject::connect(&window, &metis::ui::MainWindow::patientLoaded, &window,
                         [&window, panel, whenIdle, screenshot] {
                             showPanel(window, panel, whenIdle, screenshot);
                         });
        if (screenshot) {
            QObject::connect(&window, &metis::ui::MainWindow::patientLoadFailed, &window,
                             [](const QString&, const QString& message) {
                                 qCritical("cannot open the patient: %s", qPrintable(message));
                                 QCoreApplication::exit(1);
                             });
        }
    } else {
        whenIdle();
    }
    if (parser.isSet(openOption)) {
        window.openPatient(parser.value(openOption));
    }
    return QApplication::exec();
}
