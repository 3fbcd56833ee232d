#pragma once

#include "metis/core/Progress.h"
#include "metis/viewer/SliceRenderer.h"

#include <QDateTime>
#include <QImage>
#include <QString>
#include <optional>
#include <vector>

namespace metis::db {
class PatientDatabase;
}

namespace metis::ui {

struct PatientStudy;

/// One GTV lesion of the report; a volume is absent when that GTV has no such lesion.
struct ReportLesion {
    QString name;   ///< "Lesion 2", "AI lesion 5"
    QString status; ///< matched, missed, false positive, manual GTV only, AI GTV only
    std::optional<double> manualVolumeMl;
    std::optional<double> aiVolumeMl;
    double maxDiameterMm = 0.0;
};

/// A key image with its caption, as rendered for the report.
struct ReportImage {
    QString caption;
    QImage image;
};

/// Everything the patient report shows, as plain values.
struct ReportData {
    QString patientId;
    QString patientName;
    QString birthDate;
    QString sex;
    QString studyDate;
    QString studyDescription;
    QString seriesDescription;

    bool hasAiResult = false;
    QString modelName; ///< "MTSA-Net"
    QString modelVersion;
    QString aiRunDate;
    QString aiComputedOn; ///< device and precision, e.g. "cpu, fp32"; empty when not recorded
    std::optional<double> egfrProbability; ///< patient-level mutant probability
    QString egfrCall;                      ///< as stored: mutant, wild_type or undetermined

    /// Manual against AI GTV, when both exist.
    std::optional<double> dice;
    std::optional<double> hd95Mm;
    std::vector<ReportLesion> lesions;
    std::vector<ReportImage> keyImages;

    QString author; ///< the signed-in user who exported the report
    QDateTime createdAt = QDateTime::currentDateTimeUtc();
};

/// The research-use disclaimer every report carries.
QString reportDisclaimer();
/// The EGFR call in words ("EGFR mutant", "EGFR wild type", "undetermined").
QString egfrCallText(const QString& storedCall);

/// Writes the report as a PDF (A4): patient and study, the AI result (EGFR probability and call,
/// model name and version), the GTV volumes per lesion, the key images and the disclaimer. The
/// file appears complete or not at all. Throws std::runtime_error naming the file when it cannot
/// be written.
void writePatientReport(const QString& path, const ReportData& data);

/// Axial slices through each target (patient mm) of `scene`, cropped to `fieldOfViewMm` around
/// it, with the scene's overlays stroked as outlines.
std::vector<ReportImage> renderKeyImages(const viewer::ViewerScene& scene,
                                         const std::vector<std::pair<Vec3, QString>>& targets,
                                         double fieldOfViewMm = 100.0);

/// The report of an opened study: patient and study rows from `database`, the study's stored
/// AI result, the lesion-wise comparison of the manual and the AI GTV (the comparison panel's
/// figures), and axial key images through the largest lesions (at most `keyImageCount`).
ReportData buildReportData(db::PatientDatabase& database, const PatientStudy& study,
                           const QString& author, ProgressSink& progress, int keyImageCount = 3);

} // namespace metis::ui
