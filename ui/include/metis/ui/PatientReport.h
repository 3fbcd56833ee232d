#pragma once

#include "metis/core/Progress.h"
#include "metis/viewer/SliceRenderer.h"
#include "metis/workflow/ReportData.h"

#include <QImage>
#include <QString>
#include <string>
#include <utility>
#include <vector>

namespace metis::db {
class PatientDatabase;
}

namespace metis::ui {

struct PatientStudy;

/// A key image with its caption, as rendered for the report.
struct ReportImage {
    QString caption;
    QImage image;
};

/// A report ready to print: its data (workflow::buildReportData) and the key images rendered
/// for it.
struct PrintableReport {
    workflow::ReportData data;
    std::vector<ReportImage> keyImages; ///< through data.keyImageLesions, in that order
};

/// The research-use disclaimer every report carries.
QString reportDisclaimer();
/// The EGFR call in words ("EGFR mutant", "EGFR wild type", "undetermined").
QString egfrCallText(const std::string& storedCall);
/// A report lesion's name ("Lesion 2", "AI lesion 5") and its status in words.
QString reportLesionName(const workflow::ReportLesion& lesion);
QString reportLesionStatus(const workflow::ReportLesion& lesion);

/// Writes the report as a PDF (A4): patient and study, the AI result (EGFR probability and call,
/// model name and version), the GTV volumes per lesion, the key images and the disclaimer. The
/// file appears complete or not at all. Throws std::runtime_error naming the file when it cannot
/// be written.
void writePatientReport(const QString& path, const PrintableReport& report);

/// Axial slices through each target (patient mm) of `scene`, cropped to `fieldOfViewMm` around
/// it, with the scene's overlays stroked as outlines.
std::vector<ReportImage> renderKeyImages(const viewer::ViewerScene& scene,
                                         const std::vector<std::pair<Vec3, QString>>& targets,
                                         double fieldOfViewMm = 100.0);

/// The report of an opened study: its data from workflow::buildReportData (`comparison`: the
/// comparison panel's figures for the study's two GTVs, when it has them) and axial key images
/// through the largest lesions (at most `keyImageCount`).
PrintableReport buildPrintableReport(db::PatientDatabase& database, const PatientStudy& study,
                                     const QString& author, ProgressSink& progress,
                                     const workflow::ComparisonResult* comparison = nullptr,
                                     int keyImageCount = 3);

} // namespace metis::ui
