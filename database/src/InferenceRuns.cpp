// Stored MTSA-Net results: PatientDatabase::recordInferenceRun and latestInferenceRun.
#include "LesionRows.h"
#include "StoredLabelMap.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/core/Json.h"
#include "metis/database/PatientDatabase.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace metis::db {
namespace {

// slice_probabilities holds one array per model slice:
//   [mutant probability, predicted GTV area in mm^2, rank in the top-50 % rule (0 = not used)]
// with null for a figure the model does not produce. Compact for a few hundred slices, and the
// rank keeps the order of the slices the rule used.
std::string sliceJson(const InferenceRun& run) {
    const std::size_t count =
        std::max(run.sliceMutantProbability.size(), run.sliceGtvAreaMm2.size());
    std::vector<std::size_t> rank(count, 0);
    for (std::size_t r = 0; r < run.slicesUsed.size(); ++r) {
        if (run.slicesUsed[r] >= count) {
            throw std::invalid_argument(
                "inference result: slice " + std::to_string(run.slicesUsed[r]) +
                " used by the EGFR call is beyond the " + std::to_string(count) + " model slices");
        }
        rank[run.slicesUsed[r]] = r + 1;
    }
    const auto figure = [](JsonWriter& json, const std::vector<double>& values, std::size_t k) {
        if (k < values.size()) {
            json.value(values[k]);
        } else {
            json.nullValue();
        }
    };
    JsonWriter json;
    json.beginArray();
    for (std::size_t k = 0; k < count; ++k) {
        json.beginArray();
        figure(json, run.sliceMutantProbability, k);
        figure(json, run.sliceGtvAreaMm2, k);
        json.value(static_cast<std::uint64_t>(rank[k]));
        json.endArray();
    }
    json.endArray();
    return json.str();
}

std::string lesionsJson(const std::vector<InferenceLesion>& lesions) {
    JsonWriter json;
    json.beginArray();
    for (const auto& lesion : lesions) {
        json.beginObject()
            .field("number", lesion.number)
            .field("volume_ml", lesion.volumeMl)
            .key("centre_mm")
            .beginArray()
            .value(lesion.centreMm[0])
            .value(lesion.centreMm[1])
            .value(lesion.centreMm[2])
            .endArray()
            .field("max_diameter_mm", lesion.maxDiameterMm)
            .field("axial_diameter_mm",
                   lesion.axialDiameterMm.value_or(std::numeric_limits<double>::quiet_NaN()))
            .field("mean_probability", lesion.meanProbability)
            .endObject();
    }
    json.endArray();
    return json.str();
}

// Reads what sliceJson wrote: an array of arrays of numbers or nulls (null reads as NaN).
std::vector<std::vector<double>> readSliceRows(const std::string& text, const std::string& origin) {
    try {
        std::vector<std::vector<double>> rows;
        const JsonValue document = parseJson(text, origin);
        for (const JsonValue& row : document.asArray(origin)) {
            std::vector<double> values;
            for (const JsonValue& value : row.asArray(origin)) {
                values.push_back(value.isNull() ? std::numeric_limits<double>::quiet_NaN()
                                                : value.asNumber(origin));
            }
            rows.push_back(std::move(values));
        }
        return rows;
    } catch (const std::runtime_error& e) {
        throw DatabaseError(e.what());
    }
}

} // namespace

bool InferenceRun::usedAllSlicesFallback() const {
    return !sliceGtvAreaMm2.empty() && std::all_of(sliceGtvAreaMm2.begin(), sliceGtvAreaMm2.end(),
                                                   [](double area) { return !(area > 0.0); });
}

InferenceRun PatientDatabase::recordInferenceRun(const User& user, const LabelMap& mask,
                                                 InferenceRun run) {
    require(user, Permission::RunInference, "store an AI result");
    if (run.patientCall != "mutant" && run.patientCall != "wild_type" &&
        run.patientCall != kEgfrCallUndetermined) {
        throw std::invalid_argument("inference result: unknown patient call '" + run.patientCall +
                                    "' (expected mutant, wild_type or undetermined)");
    }
    if (!run.sliceMutantProbability.empty() && !run.sliceGtvAreaMm2.empty() &&
        run.sliceMutantProbability.size() != run.sliceGtvAreaMm2.size()) {
        throw std::invalid_argument(
            "inference result: " + std::to_string(run.sliceMutantProbability.size()) +
            " slice probabilities but " + std::to_string(run.sliceGtvAreaMm2.size()) +
            " slice areas");
    }
    const std::string slices = sliceJson(run);
    const std::string lesions = lesionsJson(run.lesions);

    // The file goes into storage first (content-addressed, so an aborted transaction leaves at
    // most an unreferenced file, never a row pointing at nothing), numbered per lesion so the
    // stored map and the lesion rows agree.
    const auto stored = storeLabelMap(storage_, labelConnectedComponents(mask).labels);

    Transaction transaction(db_);
    auto series = db_.prepare("SELECT id FROM series WHERE id = ?");
    series.bind(1, run.seriesId);
    if (!series.step()) {
        throw DatabaseError("no series with id " + std::to_string(run.seriesId));
    }
    const auto manual = newestManualStructureSet(run.seriesId);
    run.parentStructureSetId = manual ? std::optional<std::int64_t>(manual->id) : std::nullopt;
    run.createdAt = utcTimestamp();

    const auto optionalId = [](const std::optional<std::int64_t>& id) -> SqlValue {
        return id ? SqlValue(*id) : SqlValue(nullptr);
    };
    db_.prepare("INSERT INTO structure_sets(series_ref, source, author, created_at, parent_ref, "
                "sha256, label_path, label_convention) "
                "VALUES (?, 'ai', ?, ?, ?, ?, ?, 'metis_instances')")
        .bind(1, run.seriesId)
        .bind(2, run.modelVersion)
        .bind(3, run.createdAt)
        .bind(4, optionalId(run.parentStructureSetId))
        .bind(5, stored.sha256)
        .bind(6, stored.relativePath)
        .step();
    run.structureSetId = db_.lastInsertRowId();
    run.labelMapPath = storage_.absolutePath(stored.relativePath);

    std::vector<LesionRow> lesionRows;
    for (const auto& lesion : run.lesions) {
        lesionRows.push_back({lesion.number, std::nullopt, lesion.volumeMl, lesion.centreMm,
                              lesion.maxDiameterMm, lesion.axialDiameterMm,
                              lesion.meanProbability});
    }
    insertLesionRows(db_, run.structureSetId, lesionRows);

    db_.prepare("INSERT INTO inference_runs(series_ref, model_ref, model_version, created_at, "
                "slice_probabilities, patient_probability, patient_call, lesions_json, "
                "structure_set_ref, device, precision, gtv_threshold, min_lesion_volume_mm3, "
                "post_processing_changed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, run.seriesId)
        .bind(2, optionalId(run.modelId))
        .bind(3, run.modelVersion)
        .bind(4, run.createdAt)
        .bind(5, slices)
        .bind(6, run.patientProbability ? SqlValue(*run.patientProbability) : SqlValue(nullptr))
        .bind(7, run.patientCall)
        .bind(8, lesions)
        .bind(9, run.structureSetId)
        .bind(10, run.device)
        .bind(11, run.precision)
        .bind(12, run.gtvThreshold ? SqlValue(*run.gtvThreshold) : SqlValue(nullptr))
        .bind(13, run.minLesionVolumeMm3 ? SqlValue(*run.minLesionVolumeMm3) : SqlValue(nullptr))
        .bind(14, std::int64_t{run.postProcessingChanged ? 1 : 0})
        .step();
    run.id = db_.lastInsertRowId();

    std::string details = "model " + run.modelVersion + ", " + std::to_string(run.lesions.size()) +
                          " lesions, EGFR " + run.patientCall;
    if (run.patientProbability) {
        char probability[16];
        std::snprintf(probability, sizeof probability, " (%.3f)", *run.patientProbability);
        details += probability;
    }
    if (!run.device.empty()) {
        details += ", on " + run.device + " " + run.precision;
    }
    if (run.gtvThreshold && run.minLesionVolumeMm3) {
        char postProcessing[96];
        std::snprintf(postProcessing, sizeof postProcessing,
                      ", threshold %.2f, min lesion %.0f mm3%s", *run.gtvThreshold,
                      *run.minLesionVolumeMm3,
                      run.postProcessingChanged ? " (changed by the user)" : "");
        details += postProcessing;
    }
    appendAudit(user.username, "inference.run", "series", std::to_string(run.seriesId), details);
    transaction.commit();
    return run;
}

std::optional<InferenceRun> PatientDatabase::latestInferenceRun(std::int64_t seriesId) {
    auto query = db_.prepare(
        "SELECT ir.id, ir.model_ref, ir.model_version, ir.created_at, ir.slice_probabilities, "
        "ir.patient_probability, COALESCE(ir.patient_call, 'undetermined'), "
        "ir.structure_set_ref, ss.parent_ref, ss.label_path, ir.device, ir.precision, "
        "ir.gtv_threshold, ir.min_lesion_volume_mm3, ir.post_processing_changed "
        "FROM inference_runs ir "
        "LEFT JOIN structure_sets ss ON ss.id = ir.structure_set_ref "
        "WHERE ir.series_ref = ? ORDER BY ir.id DESC LIMIT 1");
    query.bind(1, seriesId);
    if (!query.step()) {
        return std::nullopt;
    }
    InferenceRun run;
    run.id = query.columnInt(0);
    run.seriesId = seriesId;
    if (!query.columnIsNull(1)) {
        run.modelId = query.columnInt(1);
    }
    run.modelVersion = query.columnText(2);
    run.createdAt = query.columnText(3);
    run.device = query.columnText(10);
    run.precision = query.columnText(11);
    if (!query.columnIsNull(12)) {
        run.gtvThreshold = query.columnDouble(12);
    }
    if (!query.columnIsNull(13)) {
        run.minLesionVolumeMm3 = query.columnDouble(13);
    }
    run.postProcessingChanged = query.columnInt(14) != 0;
    if (!query.columnIsNull(5)) {
        run.patientProbability = query.columnDouble(5);
    }
    run.patientCall = query.columnText(6);
    run.structureSetId = query.columnIsNull(7) ? 0 : query.columnInt(7);
    if (!query.columnIsNull(8)) {
        run.parentStructureSetId = query.columnInt(8);
    }
    if (!query.columnIsNull(9)) {
        run.labelMapPath = storage_.absolutePath(query.columnText(9));
    }

    const std::string origin = "inference run " + std::to_string(run.id) + " slice_probabilities";
    std::vector<std::pair<std::size_t, std::size_t>> ranked; // (rank, slice)
    const auto rows = readSliceRows(query.columnText(4), origin);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (rows[k].size() != 3) {
            throw DatabaseError(origin + ": slice " + std::to_string(k) + " has " +
                                std::to_string(rows[k].size()) + " figures instead of 3");
        }
        if (!std::isnan(rows[k][0])) {
            run.sliceMutantProbability.push_back(rows[k][0]);
        }
        if (!std::isnan(rows[k][1])) {
            run.sliceGtvAreaMm2.push_back(rows[k][1]);
        }
        if (rows[k][2] > 0) {
            ranked.emplace_back(static_cast<std::size_t>(rows[k][2]), k);
        }
    }
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [rank, slice] : ranked) {
        run.slicesUsed.push_back(slice);
    }

    auto lesions =
        db_.prepare("SELECT label_value, volume_ml, centre_x, centre_y, centre_z, max_diameter_mm, "
                    "COALESCE(mean_probability, 0), axial_diameter_mm FROM lesions "
                    "WHERE structure_set_ref = ? ORDER BY label_value");
    lesions.bind(1, run.structureSetId);
    while (lesions.step()) {
        InferenceLesion lesion;
        lesion.number = static_cast<int>(lesions.columnInt(0));
        lesion.volumeMl = lesions.columnDouble(1);
        lesion.centreMm = {lesions.columnDouble(2), lesions.columnDouble(3),
                           lesions.columnDouble(4)};
        lesion.maxDiameterMm = lesions.columnDouble(5);
        lesion.meanProbability = lesions.columnDouble(6);
        if (!lesions.columnIsNull(7)) {
            lesion.axialDiameterMm = lesions.columnDouble(7);
        }
        run.lesions.push_back(lesion);
    }
    return run;
}

std::string toString(AiLesionDecision decision) {
    return decision == AiLesionDecision::Confirmed ? "confirmed" : "rejected";
}

void PatientDatabase::reviewAiLesion(const User& user, std::int64_t inferenceRunId,
                                     int lesionNumber, AiLesionDecision decision) {
    require(user, Permission::EditContours, "review an AI lesion");
    Transaction transaction(db_);
    auto lesion = db_.prepare("SELECT count(*) FROM inference_runs ir "
                              "JOIN lesions l ON l.structure_set_ref = ir.structure_set_ref "
                              "WHERE ir.id = ? AND l.label_value = ?");
    lesion.bind(1, inferenceRunId).bind(2, std::int64_t{lesionNumber});
    lesion.step();
    if (lesion.columnInt(0) == 0) {
        throw DatabaseError("AI result " + std::to_string(inferenceRunId) + " has no lesion " +
                            std::to_string(lesionNumber));
    }
    auto previous = db_.prepare("SELECT decision FROM ai_lesion_reviews "
                                "WHERE inference_run_ref = ? AND lesion_number = ?");
    previous.bind(1, inferenceRunId).bind(2, std::int64_t{lesionNumber});
    const std::string before = previous.step() ? previous.columnText(0) : "none";
    db_.prepare("INSERT INTO ai_lesion_reviews(inference_run_ref, lesion_number, decision, "
                "username, decided_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(inference_run_ref, lesion_number) DO UPDATE SET "
                "decision = excluded.decision, username = excluded.username, "
                "decided_at = excluded.decided_at")
        .bind(1, inferenceRunId)
        .bind(2, std::int64_t{lesionNumber})
        .bind(3, toString(decision))
        .bind(4, user.username)
        .bind(5, utcTimestamp())
        .step();
    appendAudit(user.username, "ai_lesion.review", "inference_run", std::to_string(inferenceRunId),
                "lesion " + std::to_string(lesionNumber) + ": " + before + " -> " +
                    toString(decision));
    transaction.commit();
}

std::vector<AiLesionReview> PatientDatabase::aiLesionReviews(std::int64_t inferenceRunId) {
    auto query = db_.prepare("SELECT lesion_number, decision, username, decided_at "
                             "FROM ai_lesion_reviews WHERE inference_run_ref = ? "
                             "ORDER BY lesion_number");
    query.bind(1, inferenceRunId);
    std::vector<AiLesionReview> reviews;
    while (query.step()) {
        AiLesionReview review;
        review.lesionNumber = static_cast<int>(query.columnInt(0));
        review.decision = query.columnText(1) == "confirmed" ? AiLesionDecision::Confirmed
                                                             : AiLesionDecision::Rejected;
        review.username = query.columnText(2);
        review.decidedAt = query.columnText(3);
        reviews.push_back(std::move(review));
    }
    return reviews;
}

} // namespace metis::db
