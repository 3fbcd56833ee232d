#include "metis/ui/VersionsDialog.h"

#include "metis/workflow/Comparison.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metis::ui {

VersionsDialog::VersionsDialog(db::PatientDatabase& database, std::int64_t seriesId,
                               QWidget* parent)
    : QDialog(parent), database_(database), versions_(database.structureSetVersions(seriesId)) {
    setWindowTitle(tr("Contour versions"));
    resize(900, 420);
    auto* column = new QVBoxLayout(this);
    table_ = new QTableWidget(static_cast<int>(versions_.size()), 7, this);
    table_->setHorizontalHeaderLabels({tr("Version"), tr("Source"), tr("Author"), tr("Saved (UTC)"),
                                       tr("Parent"), tr("Status"), tr("Note")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::MultiSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < static_cast<int>(versions_.size()); ++row) {
        const db::StructureSetVersion& version = versions_[static_cast<std::size_t>(row)];
        const QStringList cells{
            QString::number(version.id),
            QString::fromStdString(version.source),
            QString::fromStdString(version.author),
            QString::fromStdString(version.createdAt).left(19).replace(QLatin1Char('T'), ' '),
            version.parentId ? QString::number(*version.parentId) : QStringLiteral("-"),
            QString::fromStdString(version.reviewStatus),
            QString::fromStdString(version.note)};
        for (int cell = 0; cell < cells.size(); ++cell) {
            table_->setItem(row, cell, new QTableWidgetItem(cells[cell]));
        }
    }
    table_->resizeColumnsToContents();
    column->addWidget(table_);
    auto* compareButton = new QPushButton(tr("Compare the two selected versions"), this);
    column->addWidget(compareButton);
    result_ = new QLabel(tr("Select two versions to compare them."), this);
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(result_);
    connect(compareButton, &QPushButton::clicked, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        if (rows.size() != 2) {
            result_->setText(tr("Select exactly two versions."));
            return;
        }
        const int a = std::min(rows[0].row(), rows[1].row());
        const int b = std::max(rows[0].row(), rows[1].row());
        compare(versions_[static_cast<std::size_t>(a)].id,
                versions_[static_cast<std::size_t>(b)].id);
    });
}

QString VersionsDialog::compare(std::int64_t first, std::int64_t second) {
    QString text;
    try {
        const SegmentationReport report =
            workflow::compareStructureSetVersions(database_, first, second);
        text = tr("Version %1 against version %2: Dice %3, HD95 %4 mm (95th percentile of the "
                  "surface distances of both directions pooled), volumes %5 ml and %6 ml, "
                  "lesions %7 matched, %8 only in %1, %9 only in %2.")
                   .arg(first)
                   .arg(second)
                   .arg(report.dice, 0, 'f', 3)
                   .arg(report.hausdorff.percentileMm, 0, 'f', 2)
                   .arg(report.referenceVolumeMl, 0, 'f', 2)
                   .arg(report.predictionVolumeMl, 0, 'f', 2)
                   .arg(report.lesions.truePositive)
                   .arg(report.lesions.falseNegative)
                   .arg(report.lesions.falsePositive);
    } catch (const std::exception& error) {
        text = tr("Cannot compare versions %1 and %2: %3")
                   .arg(first)
                   .arg(second)
                   .arg(QString::fromUtf8(error.what()));
    }
    result_->setText(text);
    return text;
}

} // namespace metis::ui
