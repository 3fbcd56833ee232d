// metis: the workstation GUI.
#include "metis/core/Version.h"
#include "metis/database/PatientDatabase.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/ContourEditPanel.h"
#include "metis/ui/Dialogs.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/MainWindow.h"
#include "metis/ui/PatientBrowser.h"
#include "metis/ui/PatientListModel.h"
#include "metis/ui/Theme.h"
#include "metis/ui/Translations.h"
#include "metis/workflow/SignIn.h"

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
#include <sys/stat.h>

namespace {

// The panel sits in a scroll area inside its dock.
void raiseDockOf(QWidget* content) {
    for (QWidget* parent = content->parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto* dock = qobject_cast<QDockWidget*>(parent)) {
            dock->show();
            dock->raise();
            return;
        }
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
    if (panel == QLatin1String("editing")) {
        raiseDockOf(window.contourEditPanel());
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

/// The command line, built before any QApplication exists so that --help works without a
/// display.
struct CommandLine {
    QCommandLineOption db{QStringLiteral("db"), QObject::tr("Database file."),
                          QStringLiteral("FILE")};
    QCommandLineOption user{QStringLiteral("user"),
                            QObject::tr("Sign in as this user without asking."),
                            QStringLiteral("NAME")};
    QCommandLineOption open{QStringLiteral("open"), QObject::tr("Open this patient."),
                            QStringLiteral("PATIENT_ID")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QObject::tr("Save the main window as PNG once it is idle, then exit."),
        QStringLiteral("FILE.png")};
    QCommandLineOption panel{
        QStringLiteral("panel"),
        QObject::tr("Side panel to show with the --open patient: inference (runs the model "
                    "first when the patient has no AI result), comparison (manual against AI "
                    "GTV), editing (the contour editor) or browser."),
        QStringLiteral("NAME")};
    QCommandLineOption model{
        QStringLiteral("model"),
        QObject::tr("Model package folder for inference (default: the active registered model)."),
        QStringLiteral("DIR")};
    QCommandLineOption exitWhenReady{
        QStringLiteral("exit-when-ready"),
        QObject::tr("Exit as soon as the window is on screen with the first page of patients "
                    "listed (start-up timing).")};
    QCommandLineOption report{
        QStringLiteral("report"),
        QObject::tr("Write the PDF report of the --open patient to this file, then exit."),
        QStringLiteral("FILE.pdf")};
    QCommandLineParser parser;

    CommandLine() {
        parser.setApplicationDescription(QObject::tr("Metis brain metastasis workstation"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({db, user, open, screenshot, panel, model, exitWhenReady, report});
    }
    /// A run that nobody watches: it must end with an exit status, never wait for a dialog.
    bool scripted() const {
        return parser.isSet(screenshot) || parser.isSet(report) || parser.isSet(exitWhenReady);
    }
};

bool asksForHelp(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QLatin1String arg(argv[i]);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
            arg == QLatin1String("-?") || arg == QLatin1String("--help-all") ||
            arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            return true;
        }
    }
    return false;
}

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char** argv) {
    // Everything the workstation writes (the database, stored files, exports, reports, edit
    // journals, settings) may hold patient data: the owner's alone.
    ::umask(077);
    if (asksForHelp(argc, argv)) {
        QCoreApplication helpOnly(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("metis"));
        QCoreApplication::setApplicationVersion(QString::fromStdString(metis::metisVersion()));
        CommandLine commandLine;
        commandLine.parser.process(helpOnly); // prints the help or the version and exits
        return 0;
    }
    if (!hasDisplay()) {
        std::fputs("metis: no display (DISPLAY is not set); the workstation needs a graphical "
                   "session (for headless work use metis-cli, or start Xvfb)\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Metis"));
    QApplication::setApplicationName(QStringLiteral("Metis"));
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    metis::ui::installTranslation(app, language);
    metis::ui::applyReadingRoomTheme(app);

    CommandLine commandLine;
    QCommandLineParser& parser = commandLine.parser;
    const QCommandLineOption& dbOption = commandLine.db;
    const QCommandLineOption& userOption = commandLine.user;
    const QCommandLineOption& openOption = commandLine.open;
    const QCommandLineOption& screenshotOption = commandLine.screenshot;
    const QCommandLineOption& panelOption = commandLine.panel;
    const QCommandLineOption& modelOption = commandLine.model;
    const QCommandLineOption& exitWhenReadyOption = commandLine.exitWhenReady;
    const QCommandLineOption& reportOption = commandLine.report;
    parser.process(app);
    const bool scripted = commandLine.scripted();
    const QString panel = parser.value(panelOption);
    if (!panel.isEmpty() && panel != QLatin1String("inference") &&
        panel != QLatin1String("comparison") && panel != QLatin1String("editing") &&
        panel != QLatin1String("browser")) {
        qCritical("unknown panel '%s' (expected inference, comparison, editing or browser)",
                  qPrintable(panel));
        return 2;
    }
    if (parser.isSet(reportOption) &&
        (!parser.isSet(openOption) || parser.isSet(screenshotOption))) {
        qCritical("--report needs --open PATIENT_ID and cannot be combined with --screenshot");
        return 2;
    }
    if (scripted && !parser.isSet(userOption)) {
        qCritical("--screenshot, --report and --exit-when-ready need --user NAME: a scripted run "
                  "cannot answer the sign-in dialog");
        return 2;
    }
    // Scripted runs report on stderr and exit; interactive ones show a message box.
    const auto fail = [scripted](const QString& message) {
        if (scripted) {
            qCritical("%s", qPrintable(message));
        } else {
            QMessageBox::critical(nullptr, QObject::tr("Metis"), message);
        }
        return 1;
    };

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
        return fail(
            QObject::tr("Cannot open the patient database:\n%1").arg(QString::fromUtf8(e.what())));
    }

    std::optional<metis::db::User> user;
    if (parser.isSet(userOption)) {
        // Scripted starts sign in as this OS account's user (no password to type).
        try {
            user = metis::workflow::signIn(*database, parser.value(userOption).toStdString(),
                                           std::nullopt);
        } catch (const std::exception& e) {
            return fail(QObject::tr("Not signed in: %1").arg(QString::fromUtf8(e.what())));
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
    // The browser has listed its first page, unfiltered: its total is the database's patients
    // (no counting of every table at start-up).
    if (!scripted && !parser.isSet(openOption) &&
        metis::db::roleAllows(user->role, metis::db::Permission::ImportData) &&
        window.patientBrowser()->model()->totalMatching() == 0) {
        // First start (or an emptied database): offer the demo cohort once the window shows.
        QTimer::singleShot(0, &window, [&window] {
            window.offerDemoCohort(QCoreApplication::applicationDirPath());
        });
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
