#include "metis/ui/PatientBrowser.h"

#include "metis/ui/PatientListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace metis::ui {
namespace {

const QString kHiddenColumnsKey = QStringLiteral("browser/hiddenColumns");

} // namespace

void PatientBrowser::arrangeColumns() {
    QHeaderView* header = table_->horizontalHeader();
    // What a reader scans for first stays in view in a narrow list: the ID, then the review
    // state, the AI result and EGFR; the long name goes last, where it stretches.
    const int order[] = {PatientListModel::PatientId, PatientListModel::Review,
                         PatientListModel::AiResult,  PatientListModel::Egfr,
                         PatientListModel::ManualGtv, PatientListModel::DiagnosisDate,
                         PatientListModel::Series,    PatientListModel::Name};
    for (int visual = 0; visual < static_cast<int>(std::size(order)); ++visual) {
        header->moveSection(header->visualIndex(order[visual]), visual);
    }
    for (const int column : {PatientListModel::Review, PatientListModel::AiResult,
                             PatientListModel::Egfr, PatientListModel::ManualGtv}) {
        table_->setColumnWidth(
            column, fontMetrics().horizontalAdvance(
                        model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) +
                        24);
    }
    // Columns are shown and hidden from the header's context menu, remembered across sessions.
    const QStringList hidden = QSettings().value(kHiddenColumnsKey).toStringList();
    for (int column = 0; column < PatientListModel::ColumnCount; ++column) {
        table_->setColumnHidden(column, hidden.contains(QString::number(column)));
    }
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        for (int column = 0; column < PatientListModel::ColumnCount; ++column) {
            QAction* action = menu.addAction(
                model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
            action->setCheckable(true);
            action->setChecked(!table_->isColumnHidden(column));
            // The patient ID identifies the row: it stays.
            action->setEnabled(column != PatientListModel::PatientId);
            connect(action, &QAction::toggled, this,
                    [this, column](bool shown) { setColumnShown(column, shown); });
        }
        menu.exec(table_->horizontalHeader()->mapToGlobal(at));
    });
}

void PatientBrowser::setColumnShown(int column, bool shown) {
    if (column == PatientListModel::PatientId) {
        return;
    }
    table_->setColumnHidden(column, !shown);
    QStringList hidden;
    for (int c = 0; c < PatientListModel::ColumnCount; ++c) {
        if (table_->isColumnHidden(c)) {
            hidden << QString::number(c);
        }
    }
    QSettings().setValue(kHiddenColumnsKey, hidden);
}

PatientBrowser::PatientBrowser(db::PatientDatabase& database, QWidget* parent)
    : QWidget(parent), model_(new PatientListModel(database, this)), search_(new QLineEdit(this)),
      egfr_(new QComboBox(this)), review_(new QComboBox(this)),
      manualOnly_(new QCheckBox(tr("Manual GTV"), this)),
      aiOnly_(new QCheckBox(tr("AI result"), this)),
      useDates_(new QCheckBox(tr("Diagnosed"), this)), from_(new QDateEdit(this)),
      to_(new QDateEdit(this)), table_(new QTableView(this)), count_(new QLabel(this)) {
    search_->setPlaceholderText(tr("Search patient ID or name"));
    search_->setClearButtonEnabled(true);
    egfr_->addItem(tr("Any EGFR status"), QString());
    egfr_->addItem(tr("Mutant"), QStringLiteral("mutant"));
    egfr_->addItem(tr("Wild-type"), QStringLiteral("wild_type"));
    egfr_->addItem(tr("Unknown"), QStringLiteral("unknown"));
    review_->addItem(tr("Any review status"), QString());
    for (const auto& [label, value] :
         {std::pair{tr("Draft"), "draft"}, std::pair{tr("Corrected"), "corrected"},
          std::pair{tr("Approved"), "approved"}, std::pair{tr("Locked"), "locked"}}) {
        review_->addItem(label, QString::fromLatin1(value));
    }
    for (QDateEdit* date : {from_, to_}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
    }
    from_->setDate(QDate(2018, 1, 1));
    to_->setDate(QDate::currentDate());

    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(PatientListModel::PatientId, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    // Fixed widths from the font: measuring every row (ResizeToContents) is slow at 10,000.
    table_->setColumnWidth(PatientListModel::PatientId,
                           fontMetrics().horizontalAdvance(QStringLiteral("PHANTOM-00000")) + 24);
    table_->setColumnWidth(PatientListModel::Name,
                           fontMetrics().horizontalAdvance(QStringLiteral("NAME^PATIENT")) + 16);
    table_->setColumnWidth(PatientListModel::Series,
                           fontMetrics().horizontalAdvance(QStringLiteral("Series")) + 24);
    table_->setAlternatingRowColors(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    arrangeColumns();

    auto* filters = new QGridLayout;
    // One filter a row where they would clip each other in a narrow dock.
    filters->addWidget(search_, 0, 0, 1, 4);
    filters->addWidget(egfr_, 1, 0, 1, 4);
    filters->addWidget(review_, 2, 0, 1, 4);
    filters->addWidget(manualOnly_, 3, 0, 1, 2);
    filters->addWidget(aiOnly_, 3, 2, 1, 2);
    filters->addWidget(useDates_, 4, 0, 1, 4);
    filters->addWidget(from_, 5, 0, 1, 2);
    filters->addWidget(new QLabel(QStringLiteral("–"), this), 5, 2, Qt::AlignCenter);
    filters->addWidget(to_, 5, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addWidget(count_);

    // Typing filters after a short pause, not on every key.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(search_, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &PatientBrowser::applyFilters);
    for (QComboBox* box : {egfr_, review_}) {
        connect(box, &QComboBox::currentIndexChanged, this, &PatientBrowser::applyFilters);
    }
    for (QCheckBox* box : {manualOnly_, aiOnly_}) {
        connect(box, &QCheckBox::toggled, this, &PatientBrowser::applyFilters);
    }
    connect(useDates_, &QCheckBox::toggled, this, [this](bool on) {
        from_->setEnabled(on);
        to_->setEnabled(on);
        applyFilters();
    });
    for (QDateEdit* date : {from_, to_}) {
        connect(date, &QDateEdit::dateChanged, this, &PatientBrowser::applyFilters);
    }
    connect(model_, &PatientListModel::totalChanged, this, [this](qint64 total) {
        count_->setText(tr("%n patient(s)", "", static_cast<int>(total)));
    });
    count_->setText(tr("%n patient(s)", "", static_cast<int>(model_->totalMatching())));
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT patientActivated(index.siblingAtColumn(0).data(Qt::UserRole).toString());
    });
}

void PatientBrowser::applyFilters() {
    db::PatientQuery query = model_->query();
    query.text = search_->text().trimmed().toStdString();
    const QString egfr = egfr_->currentData().toString();
    query.egfr =
        egfr.isEmpty() ? std::nullopt : std::optional(db::egfrStatusFromString(egfr.toStdString()));
    query.reviewStatus = review_->currentData().toString().toStdString();
    query.hasManualGtv = manualOnly_->isChecked() ? std::optional(true) : std::nullopt;
    query.hasAiResult = aiOnly_->isChecked() ? std::optional(true) : std::nullopt;
    query.dateFrom =
        useDates_->isChecked() ? from_->date().toString(Qt::ISODate).toStdString() : "";
    query.dateTo = useDates_->isChecked() ? to_->date().toString(Qt::ISODate).toStdString() : "";
    model_->setQuery(query);
}

void PatientBrowser::refresh() {
    model_->refresh();
}

bool PatientBrowser::selectPatient(const QString& patientId) {
    for (int row = 0; row < model_->rowCount(); ++row) {
        if (QString::fromStdString(model_->patient(row).patientId) == patientId) {
            table_->selectRow(row);
            table_->scrollTo(model_->index(row, 0));
            return true;
        }
    }
    return false;
}

} // namespace metis::ui
