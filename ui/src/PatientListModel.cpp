#include "metis/ui/PatientListModel.h"

#include <QBrush>
#include <QColor>

namespace metis::ui {
namespace {

QString egfrText(const std::string& status) {
    if (status == "mutant") {
        return PatientListModel::tr("Mutant");
    }
    if (status == "wild_type") {
        return PatientListModel::tr("Wild-type");
    }
    return PatientListModel::tr("Unknown");
}

QString reviewText(const std::string& status) {
    if (status == "draft") {
        return PatientListModel::tr("Draft");
    }
    if (status == "corrected") {
        return PatientListModel::tr("Corrected");
    }
    if (status == "approved") {
        return PatientListModel::tr("Approved");
    }
    if (status == "locked") {
        return PatientListModel::tr("Locked");
    }
    return {};
}

} // namespace

PatientListModel::PatientListModel(db::PatientDatabase& database, QObject* parent)
    : QAbstractTableModel(parent), database_(database) {
    query_.limit = kPageSize;
    refresh();
}

void PatientListModel::setQuery(const db::PatientQuery& query) {
    query_ = query;
    refresh();
}

void PatientListModel::refresh() {
    beginResetModel();
    db::PatientQuery first = query_;
    first.offset = 0;
    first.limit = kPageSize;
    auto page = database_.listPatients(first);
    rows_ = std::move(page.rows);
    total_ = page.totalMatching;
    endResetModel();
    Q_EMIT totalChanged(total_);
}

int PatientListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PatientListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) {
        return {};
    }
    const auto& row = rows_[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PatientId:
            return QString::fromStdString(row.patientId);
        case Name:
            return QString::fromStdString(row.name);
        case DiagnosisDate:
            return QString::fromStdString(row.diagnosisDate);
        case Egfr:
            return egfrText(row.egfrStatus);
        case Series:
            return row.seriesCount;
        case ManualGtv:
            return row.hasManualGtv ? tr("Yes") : QString();
        case AiResult:
            return row.hasAiResult ? tr("Yes") : QString();
        case Review:
            return reviewText(row.reviewStatus);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        // The whole row at a glance, whatever columns a narrow list shows.
        const QString none = tr("none");
        return tr("%1 %2\nDiagnosis: %3\nEGFR: %4\nSeries: %5\nManual GTV: %6 (review: %7)\n"
                  "AI result: %8")
            .arg(QString::fromStdString(row.patientId), QString::fromStdString(row.name),
                 row.diagnosisDate.empty() ? none : QString::fromStdString(row.diagnosisDate),
                 egfrText(row.egfrStatus))
            .arg(row.seriesCount)
            .arg(row.hasManualGtv ? tr("Yes") : tr("No"),
                 row.reviewStatus.empty() ? none : reviewText(row.reviewStatus),
                 row.hasAiResult ? tr("Yes") : tr("No"));
    }
    if (role == Qt::ForegroundRole && index.column() == Egfr && row.egfrStatus == "mutant") {
        return QBrush(QColor(0xf0, 0xb4, 0x5a));
    }
    if (role == Qt::UserRole) {
        return QString::fromStdString(row.patientId);
    }
    return {};
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case PatientId:
        return tr("Patient ID");
    case Name:
        return tr("Name");
    case DiagnosisDate:
        return tr("Diagnosis");
    case Egfr:
        return tr("EGFR");
    case Series:
        return tr("Series");
    case ManualGtv:
        return tr("Manual GTV");
    case AiResult:
        return tr("AI result");
    case Review:
        return tr("Review");
    default:
        return {};
    }
}

bool PatientListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && static_cast<std::int64_t>(rows_.size()) < total_;
}

void PatientListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    db::PatientQuery next = query_;
    next.offset = static_cast<int>(rows_.size());
    next.limit = kPageSize;
    auto page = database_.listPatients(next);
    if (page.rows.empty()) {
        return;
    }
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(page.rows.size()) - 1);
    for (auto& row : page.rows) {
        rows_.push_back(std::move(row));
    }
    endInsertRows();
}

void PatientListModel::sort(int column, Qt::SortOrder order) {
    using Sort = db::PatientQuery::Sort;
    switch (column) {
    case Name:
        query_.sort = Sort::Name;
        break;
    case DiagnosisDate:
        query_.sort = Sort::DiagnosisDate;
        break;
    default:
        query_.sort = Sort::PatientId;
        break;
    }
    query_.descending = order == Qt::DescendingOrder;
    refresh();
}

} // namespace metis::ui
