#include "metis/ui/ContourReview.h"

#include <QCoreApplication>

namespace metis::ui {

std::optional<ReviewableContour> newestManualContour(db::PatientDatabase& database,
                                                     std::int64_t seriesId) {
    const auto version = database.newestManualStructureSet(seriesId);
    if (!version) {
        return std::nullopt;
    }
    return ReviewableContour{version->id, version->reviewStatus};
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
