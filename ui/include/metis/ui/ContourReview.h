#pragma once

#include "metis/database/PatientDatabase.h"

#include <QString>
#include <optional>

namespace metis::ui {

/// The GTV structure set a clinician reviews: the newest manual or imported set of the series.
struct ReviewableContour {
    std::int64_t structureSetId = 0;
    std::string reviewStatus;
};
std::optional<ReviewableContour> newestManualContour(db::PatientDatabase& database,
                                                     std::int64_t seriesId);

/// Sets the review status ("approved" or "locked") of the series' newest manual GTV as `user`.
/// Returns an empty string on success, otherwise the reason in words for the user; the database
/// refuses (and audits) what the user's role may not do even when the UI did not stop it.
QString setContourReviewStatus(db::PatientDatabase& database, const db::User& user,
                               std::int64_t seriesId, const std::string& status);

} // namespace metis::ui
