#include "metis/ui/PatientReport.h"

#include "metis/database/PatientDatabase.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/InferencePanel.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer/MprGeometry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace metis::ui {
namespace {

/// Translation context of the report's strings.
class PatientReport {
    Q_DECLARE_TR_FUNCTIONS(PatientReport)
};

QString orDash(const std::string& text) {
    return text.empty() ? QStringLiteral("\u2014") : QString::fromStdString(text).toHtmlEscaped();
}

QString volumeText(const std::optional<double>& volumeMl) {
    return volumeMl ? QLocale().toString(*volumeMl, 'f', 3) : QStringLiteral("\u2014");
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

QString imageUrl(std::size_t index) {
    return QStringLiteral("metis-key-image-%1.png").arg(index);
}

QString reportHtml(const PrintableReport& report) {
    const workflow::ReportData& data = report.data;
    const QString disclaimer =
        QStringLiteral("<p style=\"color:#b00000; font-weight:bold;\">%1</p>")
            .arg(reportDisclaimer().toHtmlEscaped());
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h2>%1</h2>")
                .arg(PatientReport::tr("Metis brain metastasis report").toHtmlEscaped());
    html += disclaimer;

    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">")
                .arg(PatientReport::tr("Patient and study").toHtmlEscaped());
    html += row(PatientReport::tr("Patient ID"), orDash(data.patientId));
    html += row(PatientReport::tr("Name"), orDash(data.patientName));
    html += row(PatientReport::tr("Birth date"), orDash(data.birthDate));
    html += row(PatientReport::tr("Sex"), orDash(data.sex));
    html += row(PatientReport::tr("Study date"), orDash(data.studyDate));
    html += row(PatientReport::tr("Study"), orDash(data.studyDescription));
    html += row(PatientReport::tr("Series"), orDash(data.seriesDescription));
    if (data.manualGtv) {
        // In the study's table, not a section of its own: the key images stay on page one.
        const workflow::ReportManualGtv& manual = *data.manualGtv;
        html += row(PatientReport::tr("Manual GTV"),
                    QStringLiteral("%1 %2 (%3), %4, %5")
                        .arg(PatientReport::tr("Version").toHtmlEscaped(),
                             QString::number(manual.version), orDash(manual.source),
                             orDash(manual.author), orDash(manual.createdAt)));
        html +=
            row(PatientReport::tr("Review"),
                manual.reviewedBy.empty() ? orDash(manual.reviewStatus)
                                          : PatientReport::tr("%1 by %2 at %3")
                                                .arg(QString::fromStdString(manual.reviewStatus),
                                                     QString::fromStdString(manual.reviewedBy),
                                                     QString::fromStdString(manual.reviewedAt))
                                                .toHtmlEscaped());
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">")
                .arg(PatientReport::tr("AI result").toHtmlEscaped());
    if (data.ai) {
        const workflow::ReportAiResult& ai = *data.ai;
        html += row(PatientReport::tr("EGFR call"), egfrCallText(ai.egfrCall).toHtmlEscaped());
        html += row(PatientReport::tr("EGFR mutation probability"),
                    ai.egfrProbability ? QLocale().toString(*ai.egfrProbability, 'f', 3)
                                       : QStringLiteral("\u2014"));
        html += row(PatientReport::tr("Model"), orDash(ai.modelName));
        // Where and in which precision it ran, beside the version: one row keeps the key images
        // and their captions on the first page.
        html +=
            row(PatientReport::tr("Model version"),
                orDash(ai.modelVersion) +
                    (ai.device.empty() ? QString()
                                       : QStringLiteral(" (%1)").arg(
                                             QString::fromStdString(ai.device + ", " + ai.precision)
                                                 .toHtmlEscaped())));
        html += row(PatientReport::tr("Inference run"), orDash(ai.runDate));
        if (ai.gtvThreshold && ai.minLesionVolumeMm3) {
            html += row(PatientReport::tr("Post-processing"),
                        (ai.postProcessingChanged
                             ? PatientReport::tr("threshold %1, smallest lesion %2 mm\u00b3, "
                                                 "chosen by the reader")
                             : PatientReport::tr("threshold %1, smallest lesion %2 mm\u00b3, the "
                                                 "model package's"))
                            .arg(QLocale().toString(*ai.gtvThreshold, 'f', 2),
                                 QLocale().toString(*ai.minLesionVolumeMm3, 'f', 0))
                            .toHtmlEscaped());
        }
        if (!ai.doubts.empty()) {
            QStringList lines;
            for (const workflow::AiDoubt& doubt : ai.doubts) {
                lines << aiDoubtText(doubt).toHtmlEscaped();
            }
            html += row(PatientReport::tr("Doubts"),
                        QStringLiteral("<span style=\"color:#b00000;\">%1</span>")
                            .arg(lines.join(QStringLiteral("<br>"))));
        }
    } else {
        html += row(PatientReport::tr("EGFR call"),
                    PatientReport::tr("no AI result: the model has not been run on this series")
                        .toHtmlEscaped());
    }
    html += row(PatientReport::tr("Recorded EGFR status"),
                (data.recordedEgfrStatus == "mutant" || data.recordedEgfrStatus == "wild_type"
                     ? egfrCallText(data.recordedEgfrStatus)
                     : PatientReport::tr("not recorded"))
                    .toHtmlEscaped());
    if (data.dice) {
        html += row(PatientReport::tr("Dice, manual vs AI GTV"),
                    QLocale().toString(*data.dice, 'f', 4));
    }
    if (data.hd95Mm) {
        html += row(PatientReport::tr("HD95, manual vs AI GTV (mm)"),
                    std::isfinite(*data.hd95Mm) ? QLocale().toString(*data.hd95Mm, 'f', 2)
                                                : QStringLiteral("\u2014"));
    }
    html += QStringLiteral("</table>");

    // The key images before the lesion table: on the first page, however long the table.
    if (!report.keyImages.empty()) {
        html += QStringLiteral("<h3>%1</h3><p>%2</p><table cellpadding=\"4\"><tr>")
                    .arg(PatientReport::tr("Key images").toHtmlEscaped(),
                         PatientReport::tr("Manual GTV yellow (solid), AI GTV green (dashed); "
                                           "radiological view (R on the left), 10 mm bar.")
                             .toHtmlEscaped());
        for (std::size_t i = 0; i < report.keyImages.size(); ++i) {
            html += QStringLiteral("<td valign=\"top\"><img src=\"%1\" width=\"150\"><br>%2</td>")
                        .arg(imageUrl(i), report.keyImages[i].caption.toHtmlEscaped());
        }
        html += QStringLiteral("</tr></table>");
    }

    // The lesion table starts a page of its own after the key images (page 1 is full by then;
    // a header row left alone at its foot read as an empty table), and repeats its header row.
    html +=
        QStringLiteral("<h3%1>%2</h3>")
            .arg(report.keyImages.empty() ? QString()
                                          : QStringLiteral(" style=\"page-break-before: always\""),
                 PatientReport::tr("GTV volumes per lesion").toHtmlEscaped());
    if (data.lesions.empty()) {
        html +=
            QStringLiteral("<p>%1</p>").arg(PatientReport::tr("No GTV lesions.").toHtmlEscaped());
    } else {
        html +=
            QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr>");
        for (const QString& header :
             {PatientReport::tr("Lesion"), PatientReport::tr("Status"),
              PatientReport::tr("Manual GTV (ml)"), PatientReport::tr("AI GTV (ml)"),
              PatientReport::tr("Axial diameter (mm)"), PatientReport::tr("3D extent (mm)"),
              PatientReport::tr("AI review")}) {
            html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
        }
        html += QStringLiteral("</tr></thead>");
        for (const workflow::ReportLesion& lesion : data.lesions) {
            QString review;
            if (lesion.aiReview) {
                review = *lesion.aiReview == db::AiLesionDecision::Confirmed
                             ? PatientReport::tr("confirmed")
                             : PatientReport::tr("rejected");
            }
            html +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td>"
                               "<td align=\"right\">%4</td><td align=\"right\">%5</td>"
                               "<td align=\"right\">%6</td><td>%7</td></tr>")
                    .arg(reportLesionName(lesion).toHtmlEscaped(),
                         reportLesionStatus(lesion).toHtmlEscaped(),
                         volumeText(lesion.manualVolumeMl), volumeText(lesion.aiVolumeMl),
                         lesion.axialDiameterMm
                             ? QLocale().toString(*lesion.axialDiameterMm, 'f', 1)
                             : QStringLiteral("\u2014"),
                         QLocale().toString(lesion.maxDiameterMm, 'f', 1), review.toHtmlEscaped());
        }
        html += QStringLiteral("</table><p><small>%1</small></p>")
                    .arg(PatientReport::tr("Axial diameter: RANO-BM, the longest diameter within "
                                           "one axial slice, edge to edge. 3D extent: the largest "
                                           "distance between two voxel centres, which thick "
                                           "slices inflate.")
                             .toHtmlEscaped());
    }
    if (data.rejectedAiLesions > 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(PatientReport::tr("%n AI lesion(s) rejected at review are not listed.",
                                           nullptr, static_cast<int>(data.rejectedAiLesions))
                             .toHtmlEscaped());
    }

    const QDateTime created = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(data.createdAt.time_since_epoch())
            .count(),
        Qt::UTC);
    html += QStringLiteral("<p>%1</p>")
                .arg(PatientReport::tr("Created %1 by %2 with Metis.")
                         .arg(created.toString(Qt::ISODate),
                              data.author.empty() ? PatientReport::tr("unknown user")
                                                  : QString::fromStdString(data.author))
                         .toHtmlEscaped());
    html += disclaimer;
    html += QStringLiteral("</body></html>");
    return html;
}

// Orientation letters at the edge centres (an axial slice as the viewer shows it: anterior up,
// the patient's right on the left) and a 10 mm bar, so a key image reads on its own.
void annotateKeyImage(QPainter& painter, const QSize& size, double pixelsPerMm) {
    QFont font = painter.font();
    font.setPixelSize(std::max(12, size.height() / 14));
    font.setBold(true);
    painter.setFont(font);
    const QRect area(QPoint(0, 0), size);
    const int margin = font.pixelSize() / 3;
    const auto letter = [&](const QString& text, int flags) {
        painter.setPen(QColor(0, 0, 0, 200));
        painter.drawText(area.adjusted(margin + 1, margin + 1, -margin + 1, -margin + 1), flags,
                         text);
        painter.setPen(QColor(255, 255, 255));
        painter.drawText(area.adjusted(margin, margin, -margin, -margin), flags, text);
    };
    letter(QStringLiteral("A"), Qt::AlignTop | Qt::AlignHCenter);
    letter(QStringLiteral("P"), Qt::AlignBottom | Qt::AlignHCenter);
    letter(QStringLiteral("R"), Qt::AlignLeft | Qt::AlignVCenter);
    letter(QStringLiteral("L"), Qt::AlignRight | Qt::AlignVCenter);
    const double bar = 10.0 * pixelsPerMm;
    const QPointF end(size.width() - margin, size.height() - margin - font.pixelSize() * 0.2);
    painter.setPen(QPen(QColor(255, 255, 255), std::max(2.0, size.height() / 200.0)));
    painter.drawLine(QPointF(end.x() - bar, end.y()), end);
}

QImage toQImage(const viewer::RgbaImage& rgba) {
    // Straight to RGB32: on an RGB32 image converted from a scaled RGBA8888 one, Qt 6.4 strokes
    // antialiased outlines with red and blue swapped (yellow came out cyan).
    QImage image(rgba.width, rgba.height, QImage::Format_RGB32);
    for (int y = 0; y < rgba.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < rgba.width; ++x) {
            const std::uint8_t* pixel = rgba.pixel(x, y);
            line[x] = qRgb(pixel[0], pixel[1], pixel[2]);
        }
    }
    return image;
}

} // namespace

QString reportDisclaimer() {
    return PatientReport::tr("SYNTHETIC PHANTOM / research use only, not for clinical decisions.");
}

QString egfrCallText(const std::string& storedCall) {
    if (storedCall == "mutant") {
        return PatientReport::tr("EGFR mutant");
    }
    if (storedCall == "wild_type") {
        return PatientReport::tr("EGFR wild type");
    }
    return PatientReport::tr("undetermined");
}

QString reportLesionName(const workflow::ReportLesion& lesion) {
    return QString::fromStdString(lesion.name);
}

QString reportLesionStatus(const workflow::ReportLesion& lesion) {
    using Status = workflow::ReportLesion::Status;
    using Compared = workflow::LesionComparison::Status;
    switch (lesion.status) {
    case Status::Matched:
        return lesionStatusText(Compared::Matched);
    case Status::Missed:
        return lesionStatusText(Compared::Missed);
    case Status::FalsePositive:
        return lesionStatusText(Compared::FalsePositive);
    case Status::ManualOnly:
        return PatientReport::tr("manual GTV only");
    case Status::AiOnly:
        break;
    }
    return PatientReport::tr("AI GTV only");
}

void writePatientReport(const QString& path, const PrintableReport& report) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw std::runtime_error(PatientReport::tr("cannot write the report %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        // The document's metadata carries no patient identifier (file managers and indexers show
        // it); the pages do.
        writer.setTitle(PatientReport::tr("Metis brain metastasis report"));
        writer.setCreator(QStringLiteral("Metis"));

        QTextDocument document;
        for (std::size_t i = 0; i < report.keyImages.size(); ++i) {
            document.addResource(QTextDocument::ImageResource, QUrl(imageUrl(i)),
                                 report.keyImages[i].image);
        }
        document.setHtml(reportHtml(report));
        document.print(&writer);
    }
    if (file.size() == 0 || !file.commit()) {
        throw std::runtime_error(PatientReport::tr("cannot write the report %1: %2")
                                     .arg(path, file.errorString())
                                     .toStdString());
    }
}

std::vector<ReportImage> renderKeyImages(const viewer::ViewerScene& scene,
                                         const std::vector<std::pair<Vec3, QString>>& targets,
                                         double fieldOfViewMm) {
    std::vector<ReportImage> images;
    if (!scene.image) {
        return images;
    }
    const auto presets = viewer::t1ContrastPresets(*scene.image);
    // Outlines are stroked on an enlarged copy so that they stay thin against the anatomy.
    constexpr int kScale = 4;
    for (const auto& [centreMm, caption] : targets) {
        viewer::SliceViewState state;
        state.orientation = viewer::ViewOrientation::Axial;
        state.cursorMm = centreMm;
        if (!presets.empty()) {
            state.windowLevel = presets.front().windowLevel;
        }
        const viewer::RenderedSlice slice = viewer::renderSlice(scene, state);
        const viewer::Vec2 centre = slice.geometry.patientToPixel(centreMm);
        const int half =
            static_cast<int>(std::lround(fieldOfViewMm / 2 / slice.geometry.spacingMm));
        const QRect crop =
            QRect(static_cast<int>(std::lround(centre[0])) - half,
                  static_cast<int>(std::lround(centre[1])) - half, 2 * half + 1, 2 * half + 1)
                .intersected(QRect(0, 0, slice.image.width, slice.image.height));
        if (crop.isEmpty()) {
            continue;
        }
        QImage picture =
            toQImage(slice.image)
                .copy(crop)
                .scaled(crop.size() * kScale, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(QImage::Format_RGB32);
        QPainter painter(&picture);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(kScale, kScale);
        // Pixel centres sit at integer slice coordinates, half a pixel inside the crop's edge.
        painter.translate(0.5 - crop.left(), 0.5 - crop.top());
        for (const viewer::SliceOutline& outline : slice.outlines) {
            QPainterPath path;
            for (const Polygon2& polygon : outline.polygons) {
                if (polygon.empty()) {
                    continue;
                }
                path.moveTo(polygon.front()[0], polygon.front()[1]);
                for (const auto& point : polygon) {
                    path.lineTo(point[0], point[1]);
                }
                path.closeSubpath();
            }
            QColor colour(outline.colour[0], outline.colour[1], outline.colour[2]);
            colour.setAlphaF(static_cast<float>(outline.opacity));
            QPen pen(colour, 1.5 / kScale);
            if (outline.layerIndex < scene.overlays.size() &&
                scene.overlays[outline.layerIndex].dashed) {
                pen.setDashPattern({4.0, 3.0});
            }
            painter.setPen(pen);
            painter.drawPath(path);
        }
        painter.resetTransform();
        annotateKeyImage(painter, picture.size(), kScale / slice.geometry.spacingMm);
        painter.end();
        images.push_back({caption, std::move(picture)});
    }
    return images;
}

PrintableReport buildPrintableReport(db::PatientDatabase& database, const PatientStudy& study,
                                     const QString& author, ProgressSink& progress,
                                     const workflow::ComparisonResult* comparison,
                                     int keyImageCount) {
    ProgressScope scope(progress, "Patient report");
    PrintableReport report;
    // The figures take most of the time when the GTVs are compared here.
    SubrangeProgressSink figures(progress, 0.0, 0.6);
    report.data = workflow::buildReportData(database, study, author.toStdString(), figures,
                                            comparison, keyImageCount);
    scope.step(0.6, "key images");
    std::vector<std::pair<Vec3, QString>> targets;
    for (const std::size_t i : report.data.keyImageLesions) {
        const workflow::ReportLesion& lesion = report.data.lesions[i];
        targets.emplace_back(lesion.centreMm, PatientReport::tr("%1, axial slice at z = %2 mm")
                                                  .arg(reportLesionName(lesion))
                                                  .arg(lesion.centreMm[2], 0, 'f', 1));
    }
    if (study.scene && study.scene->image) {
        // The report's own layers, whatever the viewer's visibility settings are now.
        viewer::ViewerScene scene;
        scene.image = study.scene->image;
        if (study.manualGtv) {
            scene.overlays.push_back(viewer::manualGtvLayer(study.manualGtv));
        }
        if (study.predictedGtv) {
            scene.overlays.push_back(viewer::predictedGtvLayer(study.predictedGtv));
        }
        scene.heatMap.visible = false;
        report.keyImages = renderKeyImages(scene, targets);
    }
    return report;
}

} // namespace metis::ui
