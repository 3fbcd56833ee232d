#include "metis/ui/ModelsDialog.h"

#include "metis/models/ModelPackage.h"
#include "metis/ui/FileDialogs.h"
#include "metis/workflow/ModelRegistration.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <filesystem>

namespace metis::ui {
namespace {

enum Column { Version, Registered, Active, Metrics, Package, ColumnCount };

// "{"validation_dice":0.81,"auc":0.7}" reads better in a table as "validation_dice 0.81, auc 0.7".
QString metricsText(const std::string& json) {
    QString text = QString::fromStdString(json);
    text.remove(QLatin1Char('{')).remove(QLatin1Char('}')).remove(QLatin1Char('"'));
    text.replace(QLatin1Char(':'), QLatin1Char(' '))
        .replace(QLatin1Char(','), QStringLiteral(", "));
    return text;
}

} // namespace

ModelsDialog::ModelsDialog(std::shared_ptr<db::PatientDatabase> database, db::User user,
                           QWidget* parent)
    : QDialog(parent), database_(std::move(database)), user_(std::move(user)),
      table_(new QTableWidget(0, ColumnCount, this)),
      activateButton_(new QPushButton(tr("&Activate"), this)),
      registerButton_(new QPushButton(tr("&Register package..."), this)),
      message_(new QLabel(this)) {
    setWindowTitle(tr("Metis - models"));
    table_->setHorizontalHeaderLabels(
        {tr("Version"), tr("Registered"), tr("Active"), tr("Metrics"), tr("Package")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const bool mayRegister = db::roleAllows(user_.role, db::Permission::TrainModel);
    registerButton_->setEnabled(mayRegister);
    if (!mayRegister) {
        registerButton_->setToolTip(tr("Only physicists and administrators register models"));
    }
    if (!db::roleAllows(user_.role, db::Permission::ActivateModel)) {
        activateButton_->setToolTip(tr("Only physicists and administrators activate models"));
    }
    connect(registerButton_, &QPushButton::clicked, this, &ModelsDialog::choosePackage);
    connect(activateButton_, &QPushButton::clicked, this, &ModelsDialog::activateSelected);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ModelsDialog::updateButtons);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(registerButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(activateButton_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(900, 360);
    reload();
}

QString ModelsDialog::message() const {
    return message_->text();
}

void ModelsDialog::reload() {
    const auto models = database_->listModels();
    table_->setRowCount(static_cast<int>(models.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const db::RegisteredModel& model = models[static_cast<std::size_t>(row)];
        auto* version = new QTableWidgetItem(QString::fromStdString(model.version));
        version->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(model.id));
        version->setToolTip(model.signedBy.empty()
                                ? tr("Unsigned package")
                                : tr("Package signed by %1")
                                      .arg(QString::fromStdString(model.signedBy)));
        table_->setItem(row, Version, version);
        const QDateTime registered =
            QDateTime::fromString(QString::fromStdString(model.registeredAt), Qt::ISODateWithMs);
        table_->setItem(row, Registered,
                        new QTableWidgetItem(
                            registered.isValid()
                                ? QLocale().toString(registered.toLocalTime(), QLocale::ShortFormat)
                                : QString::fromStdString(model.registeredAt)));
        table_->setItem(row, Active, new QTableWidgetItem(model.active ? tr("active") : QString()));
        table_->setItem(row, Metrics, new QTableWidgetItem(metricsText(model.metricsJson)));
        table_->setItem(row, Package,
                        new QTableWidgetItem(QString::fromStdString(model.packagePath)));
        if (model.active) {
            for (int column = 0; column < ColumnCount; ++column) {
                QFont font = table_->item(row, column)->font();
                font.setBold(true);
                table_->item(row, column)->setFont(font);
            }
        }
    }
    table_->resizeColumnsToContents();
    updateButtons();
}

void ModelsDialog::updateButtons() {
    const bool mayActivate = db::roleAllows(user_.role, db::Permission::ActivateModel);
    const auto selected = table_->selectedItems();
    const bool inactiveSelected =
        !selected.isEmpty() && table_->item(selected.front()->row(), Active)->text().isEmpty();
    activateButton_->setEnabled(mayActivate && inactiveSelected);
}

void ModelsDialog::report(const QString& text, bool isError) {
    message_->setStyleSheet(isError ? QStringLiteral("color: #ff8a80;") : QString());
    message_->setText(text);
}

void ModelsDialog::choosePackage() {
    const QString folder = chooseFolder(this, tr("Model package folder"));
    if (!folder.isEmpty()) {
        registerPackage(folder);
    }
}

bool ModelsDialog::registerPackage(const QString& packageDir) {
    db::RegisteredModel model;
    try {
        model = workflow::registerModelPackage(*database_, user_, packageDir.toStdString());
    } catch (const std::exception& error) {
        report(tr("Cannot register %1: %2").arg(packageDir, QString::fromStdString(error.what())),
               true);
        return false;
    }
    reload();
    report(
        tr("Registered model %1 from %2.").arg(QString::fromStdString(model.version), packageDir),
        false);
    return true;
}

bool ModelsDialog::activateModel(std::int64_t modelId, const QString& reason, bool allowUntrained) {
    const auto models = database_->listModels();
    const auto model = std::find_if(models.begin(), models.end(),
                                    [modelId](const auto& m) { return m.id == modelId; });
    const QString version =
        model == models.end() ? QString::number(modelId) : QString::fromStdString(model->version);
    untrainedRefused_ = false;
    try {
        workflow::activateRegisteredModel(*database_, user_, modelId,
                                          {reason.toStdString(), allowUntrained});
    } catch (const std::exception& error) {
        untrainedRefused_ = dynamic_cast<const workflow::UntrainedModelPackage*>(&error) != nullptr;
        report(
            tr("Cannot activate model %1: %2").arg(version, QString::fromStdString(error.what())),
            true);
        return false;
    }
    reload();
    report(tr("Model %1 is now the active model.").arg(version), false);
    Q_EMIT activeModelChanged();
    return true;
}

void ModelsDialog::activateSelected() {
    const auto selected = table_->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    const int row = selected.front()->row();
    const std::int64_t id = table_->item(row, Version)->data(Qt::UserRole).toLongLong();
    const QString version = table_->item(row, Version)->text();
    // Which model runs on patients is a clinical decision: confirmed, with a reason for the audit.
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Activate model"),
        tr("Model %1 will be used for every new AI result.\nReason (recorded in the audit log):")
            .arg(version),
        QLineEdit::Normal, QString(), &ok);
    if (!ok) {
        return;
    }
    if (activateModel(id, reason)) {
        return;
    }
    if (untrainedRefused_) {
        const auto answer = QMessageBox::warning(
            this, tr("Activate model"),
            tr("Model %1 names no training cohort: its weights are untrained and its results "
               "would be meaningless. Activate it anyway (for a pipeline test only)?")
                .arg(version),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes) {
            activateModel(id, reason, true);
        }
    }
}

} // namespace metis::ui
