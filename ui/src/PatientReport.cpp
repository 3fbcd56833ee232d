#include "metis/ui/PatientReport.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/database/PatientDatabase.h"
#include "metis/ui/ComparisonPanel.h"
#include "metis/ui/PatientStudyLoader.h"
#include "metis/viewer/MprGeometry.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metis::ui {
namespace {

/// Translation context of the report's strings.
class PatientReport {
    Q_DECLARE_TR_FUNCTIONS(PatientReport)
};

QString orDash(const QString& text) {
    return text.isEmpty() ? QStringLiteral("\u2014") : text.toHtmlEscaped();
}

QString volumeText(const std::optional<double>& volumeMl) {
    return volumeMl ? QString::number(*volumeMl, 'f', 3) : QStringLiteral("\u2014");
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

QString imageUrl(std::size_t index) {
    return QStringLiteral("metis-key-image-%1.png").arg(index);
}

QString reportHtml(const ReportData& data) {
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
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\">")
                .arg(PatientReport::tr("AI result").toHtmlEscaped());
    if (data.hasAiResult) {
        html += row(PatientReport::tr("EGFR call"), egfrCallText(data.egfrCall).toHtmlEscaped());
        html += row(PatientReport::tr("EGFR mutation probability"),
                    data.egfrProbability ? QString::number(*data.egfrProbability, 'f', 3)
                                         : QStringLiteral("\u2014"));
        html += row(PatientReport::tr("Model"), orDash(data.modelName));
        // Where and in which precision it ran, beside the version: one row keeps the key images
        // and their captions on the first page.
        html += row(PatientReport::tr("Model version"),
                    orDash(data.modelVersion) +
                        (data.aiComputedOn.isEmpty()
                             ? QString()
                             : QStringLiteral(" (%1)").arg(data.aiComputedOn.toHtmlEscaped())));
        html += row(PatientReport::tr("Inference run"), orDash(data.aiRunDate));
    } else {
        html += row(PatientReport::tr("EGFR call"),
                    PatientReport::tr("no AI result: the model has not been run on this series")
                        .toHtmlEscaped());
    }
    if (data.dice) {
        html +=
            row(PatientReport::tr("Dice, manual vs AI GTV"), QString::number(*data.dice, 'f', 4));
    }
    if (data.hd95Mm) {
        html += row(PatientReport::tr("HD95, manual vs AI GTV (mm)"),
                    std::isfinite(*data.hd95Mm) ? QString::number(*data.hd95Mm, 'f', 2)
                                                : QStringLiteral("\u2014"));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>")
                .arg(PatientReport::tr("GTV volumes per lesion").toHtmlEscaped());
    if (data.lesions.empty()) {
        html +=
            QStringLiteral("<p>%1</p>").arg(PatientReport::tr("No GTV lesions.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
        for (const QString& header :
             {PatientReport::tr("Lesion"), PatientReport::tr("Status"),
              PatientReport::tr("Manual GTV (ml)"), PatientReport::tr("AI GTV (ml)"),
              PatientReport::tr("Max diameter (mm)")}) {
            html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
        }
        html += QStringLiteral("</tr>");
        for (const ReportLesion& lesion : data.lesions) {
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td>"
                                   "<td align=\"right\">%4</td><td align=\"right\">%5</td></tr>")
                        .arg(lesion.name.toHtmlEscaped(), lesion.status.toHtmlEscaped(),
                             volumeText(lesion.manualVolumeMl), volumeText(lesion.aiVolumeMl),
                             QString::number(lesion.maxDiameterMm, 'f', 1));
        }
        html += QStringLiteral("</table>");
    }

    if (!data.keyImages.empty()) {
        html += QStringLiteral("<h3>%1</h3><p>%2</p><table cellpadding=\"4\"><tr>")
                    .arg(PatientReport::tr("Key images").toHtmlEscaped(),
                         PatientReport::tr("Manual GTV yellow, AI GTV green.").toHtmlEscaped());
        for (std::size_t i = 0; i < data.keyImages.size(); ++i) {
            html += QStringLiteral("<td valign=\"top\"><img src=\"%1\" width=\"150\"><br>%2</td>")
                        .arg(imageUrl(i), data.keyImages[i].caption.toHtmlEscaped());
        }
        html += QStringLiteral("</tr></table>");
    }

    html +=
        QStringLiteral("<p>%1</p>")
            .arg(PatientReport::tr("Created %1 by %2 with Metis.")
                     .arg(data.createdAt.toUTC().toString(Qt::ISODate),
                          data.author.isEmpty() ? PatientReport::tr("unknown user") : data.author)
                     .toHtmlEscaped());
    html += disclaimer;
    html += QStringLiteral("</body></html>");
    return html;
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

QString egfrCallText(const QString& storedCall) {
    if (storedCall == QLatin1String("mutant")) {
        return PatientReport::tr("EGFR mutant");
    }
    if (storedCall == QLatin1String("wild_type")) {
        return PatientReport::tr("EGFR wild type");
    }
    return PatientReport::tr("undetermined");
}

void writePatientReport(const QString& path, const ReportData& data) {
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
        writer.setTitle(PatientReport::tr("Metis report %1").arg(data.patientId));
        writer.setCreator(QStringLiteral("Metis"));

        QTextDocument document;
        for (std::size_t i = 0; i < data.keyImages.size(); ++i) {
            document.addResource(QTextDocument::ImageResource, QUrl(imageUrl(i)),
                                 data.keyImages[i].image);
        }
        document.setHtml(reportHtml(data));
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
            painter.setPen(QPen(colour, 1.5 / kScale));
            painter.drawPath(path);
        }
        painter.end();
        images.push_back({caption, std::move(picture)});
    }
    return images;
}

ReportData buildReportData(db::PatientDatabase& database, const PatientStudy& study,
                           const QString& author, ProgressSink& progress, int keyImageCount) {
    ProgressScope scope(progress, "Patient report");
    ReportData data;
    data.author = author;
    data.patientId = QString::fromStdString(study.patientId);
    data.seriesDescription = QString::fromStdString(study.seriesDescription);
    if (const auto record = database.seriesRecord(study.seriesId)) {
        data.patientName = QString::fromStdString(record->patientName);
        data.birthDate = QString::fromStdString(record->birthDate);
        data.sex = QString::fromStdString(record->sex);
        data.studyDate = QString::fromStdString(record->studyDate);
        data.studyDescription = QString::fromStdString(record->studyDescription);
    }

    if (study.inferenceRun) {
        const db::InferenceRun& run = *study.inferenceRun;
        data.hasAiResult = true;
        data.modelName = QStringLiteral("MTSA-Net");
        data.modelVersion = QString::fromStdString(run.modelVersion);
        data.aiRunDate = QString::fromStdString(run.createdAt);
        if (!run.device.empty()) {
            data.aiComputedOn = QString::fromStdString(run.device + ", " + run.precision);
        }
        data.egfrProbability = run.patientProbability;
        data.egfrCall = QString::fromStdString(run.patientCall);
    }
    scope.step(0.1, "lesions");

    // Lesions with where they are and how large, to pick the key images.
    struct Located {
        Vec3 centreMm;
        double volumeMl;
    };
    std::vector<Located> located;
    if (study.manualGtv && study.predictedGtv) {
        NullProgressSink quiet;
        const ComparisonResult comparison =
            compareSegmentations(*study.manualGtv, *study.predictedGtv, quiet);
        data.dice = comparison.report.dice;
        data.hd95Mm = comparison.report.hausdorff.percentileMm;
        for (const LesionComparison& lesion : comparison.lesions) {
            const bool falsePositive = lesion.status == LesionComparison::Status::FalsePositive;
            ReportLesion row;
            row.name = falsePositive ? PatientReport::tr("AI lesion %1").arg(lesion.aiId)
                                     : PatientReport::tr("Lesion %1").arg(lesion.manualId);
            row.status = lesionStatusText(lesion.status);
            if (!falsePositive) {
                row.manualVolumeMl = lesion.manualVolumeMl;
            }
            if (lesion.status != LesionComparison::Status::Missed) {
                row.aiVolumeMl = lesion.aiVolumeMl;
            }
            row.maxDiameterMm = lesion.maxDiameterMm;
            data.lesions.push_back(row);
            located.push_back(
                {lesion.centreMm, std::max(lesion.manualVolumeMl, lesion.aiVolumeMl)});
        }
    } else if (study.manualGtv || study.predictedGtv) {
        const bool manual = static_cast<bool>(study.manualGtv);
        const ComponentLabeling components = labelConnectedComponents(
            manual ? *study.manualGtv : *study.predictedGtv, comparisonOptions().connectivity);
        for (const ComponentStats& component : components.components) {
            ReportLesion row;
            row.name = manual ? PatientReport::tr("Lesion %1").arg(component.label)
                              : PatientReport::tr("AI lesion %1").arg(component.label);
            row.status =
                manual ? PatientReport::tr("manual GTV only") : PatientReport::tr("AI GTV only");
            (manual ? row.manualVolumeMl : row.aiVolumeMl) = component.volumeMl;
            row.maxDiameterMm = component.maxDiameterMm;
            data.lesions.push_back(row);
            located.push_back({component.centroidMm, component.volumeMl});
        }
    }
    scope.step(0.6, "key images");

    std::vector<std::size_t> order(located.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return located[a].volumeMl > located[b].volumeMl;
    });
    order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(keyImageCount, 0))));
    std::vector<std::pair<Vec3, QString>> targets;
    for (const std::size_t i : order) {
        targets.emplace_back(located[i].centreMm, PatientReport::tr("%1, axial slice at z = %2 mm")
                                                      .arg(data.lesions[i].name)
                                                      .arg(located[i].centreMm[2], 0, 'f', 1));
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
        data.keyImages = renderKeyImages(scene, targets);
    }
    return data;
}

} // namespace metis::ui
