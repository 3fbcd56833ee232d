#include "metis/workflow/ReportData.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace metis::workflow {

ReportData buildReportData(db::PatientDatabase& database, const OpenedStudy& study,
                           const std::string& author, ProgressSink& progress,
                           const ComparisonResult* comparison, int keyImageCount) {
    ProgressScope scope(progress, "Patient report");
    ReportData data;
    data.author = author;
    data.patientId = study.patientId;
    data.seriesDescription = study.seriesDescription;
    if (const auto record = database.seriesRecord(study.seriesId)) {
        data.patientName = record->patientName;
        data.birthDate = record->birthDate;
        data.sex = record->sex;
        data.studyDate = record->studyDate;
        data.studyDescription = record->studyDescription;
    }

    std::map<int, db::AiLesionDecision> decisions;
    if (study.inferenceRun) {
        const db::InferenceRun& run = *study.inferenceRun;
        for (const db::AiLesionReview& review : database.aiLesionReviews(run.id)) {
            decisions[review.lesionNumber] = review.decision;
        }
        ReportAiResult ai;
        ai.modelName = "MTSA-Net";
        ai.modelVersion = run.modelVersion;
        ai.runDate = run.createdAt;
        ai.device = run.device;
        ai.precision = run.precision;
        ai.egfrProbability = run.patientProbability;
        ai.egfrCall = run.patientCall;
        ai.gtvThreshold = run.gtvThreshold;
        ai.minLesionVolumeMm3 = run.minLesionVolumeMm3;
        ai.postProcessingChanged = run.postProcessingChanged;
        ai.doubts = study.aiDoubts;
        data.ai = std::move(ai);
    }
    data.recordedEgfrStatus = study.recordedEgfrStatus;
    if (study.manualStructureSetId) {
        if (const auto version = database.structureSetVersion(*study.manualStructureSetId)) {
            ReportManualGtv manual;
            manual.version = version->id;
            manual.source = version->source;
            manual.author = version->author;
            manual.createdAt = version->createdAt;
            manual.reviewStatus = version->reviewStatus;
            const auto reviews =
                database.auditLog({}, std::to_string(version->id), "structure_set.review", 1);
            if (!reviews.empty()) {
                manual.reviewedBy = reviews.front().username;
                manual.reviewedAt = reviews.front().at;
            }
            data.manualGtv = std::move(manual);
        }
    }
    scope.step(0.1, "lesions");

    // How large each lesion is, to pick the key images.
    std::vector<double> sizeMl;
    if (study.manualGtv && study.predictedGtv) {
        ComparisonResult compared;
        if (!comparison) {
            NullProgressSink quiet;
            compared = compareSegmentations(*study.manualGtv, *study.predictedGtv, quiet,
                                            study.manualLesions.of(study.manualGtv),
                                            study.aiLesions.of(study.predictedGtv));
            comparison = &compared;
        }
        data.dice = comparison->report.dice;
        data.hd95Mm = comparison->report.hausdorff.percentileMm;
        for (const LesionComparison& lesion : comparison->lesions) {
            ReportLesion row;
            switch (lesion.status) {
            case LesionComparison::Status::Matched:
                row.status = ReportLesion::Status::Matched;
                break;
            case LesionComparison::Status::Missed:
                row.status = ReportLesion::Status::Missed;
                break;
            case LesionComparison::Status::FalsePositive:
                row.status = ReportLesion::Status::FalsePositive;
                break;
            }
            row.number = row.isAiLesion() ? lesion.aiId : lesion.manualId;
            row.name = row.isAiLesion() ? aiLesionName(row.number)
                                        : manualLesionName(study.manualLesionNames, row.number);
            row.aiNumber = lesion.aiId;
            if (!row.isAiLesion()) {
                row.manualVolumeMl = lesion.manualVolumeMl;
            }
            if (row.status != ReportLesion::Status::Missed) {
                row.aiVolumeMl = lesion.aiVolumeMl;
            }
            row.maxDiameterMm = lesion.maxDiameterMm;
            row.axialDiameterMm = lesion.axialDiameterMm;
            row.centreMm = lesion.centreMm;
            data.lesions.push_back(row);
            sizeMl.push_back(std::max(lesion.manualVolumeMl, lesion.aiVolumeMl));
        }
    } else if (study.manualGtv || study.predictedGtv) {
        const bool manual = static_cast<bool>(study.manualGtv);
        const auto& gtv = manual ? study.manualGtv : study.predictedGtv;
        const GtvLesions& carried = manual ? study.manualLesions : study.aiLesions;
        const std::vector<GtvLesion>* lesions = carried.of(gtv);
        std::vector<GtvLesion> labelled;
        if (!lesions) {
            labelled = labelGtvLesions(*gtv);
            lesions = &labelled;
        }
        for (std::size_t n = 0; n < lesions->size(); ++n) {
            const GtvLesion& lesion = (*lesions)[n];
            ReportLesion row;
            row.status = manual ? ReportLesion::Status::ManualOnly : ReportLesion::Status::AiOnly;
            row.number = static_cast<std::uint16_t>(n + 1);
            row.aiNumber = manual ? 0 : row.number;
            row.name = manual ? manualLesionName(study.manualLesionNames, row.number)
                              : aiLesionName(row.number);
            (manual ? row.manualVolumeMl : row.aiVolumeMl) = lesion.volumeMl;
            row.maxDiameterMm = lesion.maxDiameterMm;
            row.axialDiameterMm = lesion.axialDiameterMm;
            row.centreMm = lesion.centreMm;
            data.lesions.push_back(row);
            sizeMl.push_back(lesion.volumeMl);
        }
    }
    scope.step(0.6, "key images");

    // A rejected AI lesion that no manual lesion backs is not reported as a lesion.
    std::vector<ReportLesion> kept;
    std::vector<double> keptSizeMl;
    for (std::size_t n = 0; n < data.lesions.size(); ++n) {
        ReportLesion& row = data.lesions[n];
        if (const auto found = decisions.find(row.aiNumber);
            row.aiNumber != 0 && found != decisions.end()) {
            row.aiReview = found->second;
        }
        if (row.isAiLesion() && row.aiReview == db::AiLesionDecision::Rejected) {
            ++data.rejectedAiLesions;
            continue;
        }
        kept.push_back(row);
        keptSizeMl.push_back(sizeMl[n]);
    }
    data.lesions = std::move(kept);
    sizeMl = std::move(keptSizeMl);

    std::vector<std::size_t> order(sizeMl.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sizeMl[a] > sizeMl[b]; });
    order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(keyImageCount, 0))));
    data.keyImageLesions = std::move(order);
    return data;
}

} // namespace metis::workflow
