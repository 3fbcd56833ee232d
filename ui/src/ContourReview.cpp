#include "metis/ui/ContourReview.h"

#include <QCoreApplication>

namespace metis::ui {

std::optional<ReviewableContour> newestManualContour(db::PatientDatabase& database,
                                                     std::int64_t seriesId) {
    auto query = database.sql().prepare(
        "SELECT id, review_status FROM structure_sets WHERE series_ref = ? "
        "AND source IN ('manual', 'imported') ORDER BY created_at DESC, id DESC LIMIT 1");
    query.bind(1, seriesId);
    if (!query.step()) {
        return std::nullopt;
    }
    return ReviewableContour{query.columnInt(0), query.columnText(1)};
}

QString setContourReviewStatus(db::PatientDatabase& database, const db::User& user,
                               std::int64_t seriesId, const std::string& status) {
    const auto contour = newestManualContour(database, seriesId);
    if (!contour) {
        return QCoreApplication::translate("metis::ui::ContourReview",
                                           "The series has no manual GTV to review.");
    }
    try {
        database.setReviewStatus(user, contour->structureSetId, status);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace metis::ui
