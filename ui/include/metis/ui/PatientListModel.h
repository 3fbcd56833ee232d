#pragma once

#include "metis/database/PatientDatabase.h"

#include <QAbstractTableModel>

namespace metis::ui {

/// The patient browser's rows, fetched from the database page by page as the view scrolls, so
/// a 10,000-patient database opens as fast as a 10-patient one.
class PatientListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PatientId,
        Name,
        DiagnosisDate,
        Egfr,
        Series,
        ManualGtv,
        AiResult,
        Review,
        ColumnCount
    };

    explicit PatientListModel(db::PatientDatabase& database, QObject* parent = nullptr);

    /// Replaces the filters (and sort) and reloads from the first page.
    void setQuery(const db::PatientQuery& query);
    const db::PatientQuery& query() const { return query_; }
    /// Reloads with the same query (after an import, say).
    void refresh();
    std::int64_t totalMatching() const { return total_; }
    const db::PatientRow& patient(int row) const { return rows_.at(static_cast<size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    static constexpr int kPageSize = 200;

Q_SIGNALS:
    void totalChanged(qint64 total);

private:
    db::PatientDatabase& database_;
    db::PatientQuery query_;
    std::vector<db::PatientRow> rows_;
    std::int64_t total_ = 0;
};

} // namespace metis::ui
