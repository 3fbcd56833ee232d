#include "metis/models/Evaluation.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/core/Json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <random>

namespace metis::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double meanOf(double sum, std::size_t count) {
    return count ? sum / static_cast<double>(count) : kNaN;
}

constexpr int kBootstrapResamples = 2000;

/// Percentile bootstrap over patients: `statistic` gets the resampled indices. Deterministic
/// (fixed seed), so the same evaluation prints the same interval.
template <typename Statistic>
ConfidenceInterval bootstrapInterval(std::size_t count, Statistic statistic) {
    if (count < 2) {
        return {kNaN, kNaN};
    }
    std::mt19937_64 random(20230101);
    std::uniform_int_distribution<std::size_t> pick(0, count - 1);
    std::vector<double> values;
    std::vector<std::size_t> sample(count);
    for (int r = 0; r < kBootstrapResamples; ++r) {
        for (auto& index : sample) {
            index = pick(random);
        }
        const double value = statistic(sample);
        if (std::isfinite(value)) {
            values.push_back(value);
        }
    }
    if (values.size() < kBootstrapResamples / 2) {
        return {kNaN, kNaN};
    }
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
        return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
    };
    return {at(0.025), at(0.975)};
}

/// Patient-level EGFR figures of one call (a PatientEvaluation member) over the patients with a
/// known label and that call.
void summariseEgfr(const std::vector<const PatientEvaluation*>& list,
                   std::optional<PatientEgfrCall> PatientEvaluation::*call,
                   std::optional<ClassificationReport>& report, ConfidenceInterval& aucInterval) {
    std::vector<int> labels;
    std::vector<double> probabilities;
    for (const PatientEvaluation* p : list) {
        if ((p->*call) && p->egfrMutant >= 0) {
            labels.push_back(p->egfrMutant);
            probabilities.push_back((p->*call)->meanProbability);
        }
    }
    if (labels.empty()) {
        return;
    }
    report = evaluateClassification(labels, probabilities);
    aucInterval = bootstrapInterval(labels.size(), [&](const auto& sample) {
        std::vector<int> l;
        std::vector<double> p;
        for (const std::size_t i : sample) {
            l.push_back(labels[i]);
            p.push_back(probabilities[i]);
        }
        return rocAuc(l, p);
    });
}

/// The reference GTV's area (mm^2) on each slice of the model grid (identity direction, slice k
/// at origin + k * spacing along S): each reference voxel counts on the model slice nearest its
/// centre, its volume spread over that slice's thickness.
std::vector<double> referenceAreaPerModelSlice(const LabelMap& reference,
                                               const ImageGeometry& model) {
    std::vector<double> area(static_cast<std::size_t>(model.size[2]), 0.0);
    const ImageGeometry& series = reference.geometry();
    const double voxelAreaMm2 =
        series.spacing[0] * series.spacing[1] * series.spacing[2] / model.spacing[2];
    const std::vector<std::uint16_t>& labels = reference.data();
    for (std::int64_t k = 0; k < series.size[2]; ++k) {
        for (std::int64_t j = 0; j < series.size[1]; ++j) {
            for (std::int64_t i = 0; i < series.size[0]; ++i) {
                if (labels[series.linearIndex(i, j, k)] == 0) {
                    continue;
                }
                const Vec3 point = series.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                const auto slice = static_cast<std::int64_t>(
                    std::lround((point[2] - model.origin[2]) / model.spacing[2]));
                if (slice >= 0 && slice < model.size[2]) {
                    area[static_cast<std::size_t>(slice)] += voxelAreaMm2;
                }
            }
        }
    }
    return area;
}

SetSummary summarise(const std::string& name, const std::vector<const PatientEvaluation*>& list) {
    SetSummary s;
    s.set = name;
    s.patients = list.size();
    double dice = 0, hd95 = 0, precision = 0, recall = 0;
    std::map<std::string, SizeBinSensitivity> bins;
    std::vector<std::string> binOrder;
    for (const PatientEvaluation* p : list) {
        if (p->segmentation) {
            const SegmentationReport& r = *p->segmentation;
            ++s.segmentedPatients;
            dice += r.dice;
            precision += std::isfinite(r.precision) ? r.precision : 0.0;
            recall += std::isfinite(r.recall) ? r.recall : 0.0;
            if (std::isfinite(r.hausdorff.percentileMm)) {
                hd95 += r.hausdorff.percentileMm;
                ++s.hd95Patients;
            }
            s.lesions += r.lesions.referenceLesions;
            s.detectedLesions += r.lesions.truePositive;
            s.falsePositiveLesions += r.lesions.falsePositive;
            for (const SizeBinSensitivity& bin : r.lesions.sizeBins) {
                auto [it, added] = bins.try_emplace(bin.name, bin);
                if (added) {
                    binOrder.push_back(bin.name);
                } else {
                    it->second.lesions += bin.lesions;
                    it->second.detected += bin.detected;
                }
            }
        }
    }
    s.meanDice = meanOf(dice, s.segmentedPatients);
    s.meanPrecision = meanOf(precision, s.segmentedPatients);
    s.meanRecall = meanOf(recall, s.segmentedPatients);
    s.meanHd95Mm = meanOf(hd95, s.hd95Patients);
    for (const std::string& binName : binOrder) {
        SizeBinSensitivity bin = bins.at(binName);
        bin.sensitivity = bin.lesions ? static_cast<double>(bin.detected) / bin.lesions : kNaN;
        s.lesionSensitivity.push_back(bin);
    }
    summariseEgfr(list, &PatientEvaluation::egfrCall, s.egfr, s.egfrAucInterval);
    summariseEgfr(list, &PatientEvaluation::egfrCallOnReferenceSlices, s.egfrOnReferenceSlices,
                  s.egfrOnReferenceSlicesAucInterval);
    std::vector<double> dices;
    std::vector<double> falsePositives;
    for (const PatientEvaluation* p : list) {
        if (p->segmentation) {
            dices.push_back(p->segmentation->dice);
            falsePositives.push_back(static_cast<double>(p->segmentation->lesions.falsePositive));
        }
    }
    s.falsePositivesPerPatient = meanOf(static_cast<double>(s.falsePositiveLesions), dices.size());
    auto meanOver = [](const std::vector<double>& values) {
        return [&values](const std::vector<std::size_t>& sample) {
            double sum = 0.0;
            for (const std::size_t i : sample) {
                sum += values[i];
            }
            return sum / static_cast<double>(sample.size());
        };
    };
    s.diceInterval = bootstrapInterval(dices.size(), meanOver(dices));
    s.falsePositivesInterval = bootstrapInterval(falsePositives.size(), meanOver(falsePositives));
    return s;
}

void egfrFields(JsonWriter& json, const ClassificationReport& egfr,
                const ConfidenceInterval& aucInterval) {
    json.field("patients", static_cast<std::uint64_t>(egfr.samples));
    json.field("accuracy", egfr.accuracy);
    json.field("precision", egfr.precision);
    json.field("recall", egfr.recall);
    json.field("f1", egfr.f1);
    json.field("roc_auc", egfr.rocAuc);
    json.field("roc_auc_ci95_low", aucInterval.low);
    json.field("roc_auc_ci95_high", aucInterval.high);
    json.field("mutant_calls",
               static_cast<std::uint64_t>(egfr.counts.truePositive + egfr.counts.falsePositive));
    json.field("expected_calibration_error", egfr.expectedCalibrationError);
}

std::string formatted(double value, const char* format = "%.3f") {
    if (!std::isfinite(value)) {
        return "-";
    }
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

} // namespace

PatientEvaluation evaluatePatient(const std::string& patientId, const std::string& set,
                                  int egfrMutant, const InferenceResult& result,
                                  const LabelMap& reference) {
    PatientEvaluation evaluation;
    evaluation.patientId = patientId;
    evaluation.set = set;
    evaluation.egfrMutant = egfrMutant;
    evaluation.seconds = result.seconds;
    if (!result.sliceGtvAreaMm2.empty()) {
        SegmentationOptions options;
        options.perSlice = false;
        evaluation.segmentation = evaluateSegmentation(reference, result.mask, options);
        // The same labelling evaluateSegmentation numbered its rows with.
        const ComponentLabeling lesions = labelConnectedComponents(reference, options.connectivity);
        std::vector<double> peak(lesions.components.size() + 1, 0.0);
        const std::vector<std::uint16_t>& labels = lesions.labels.data();
        const std::vector<float>& probability = result.probability.data();
        if (probability.size() == labels.size()) {
            for (std::size_t v = 0; v < labels.size(); ++v) {
                if (labels[v] != 0) {
                    peak[labels[v]] =
                        std::max(peak[labels[v]], static_cast<double>(probability[v]));
                }
            }
        }
        for (const LesionRow& row : evaluation.segmentation->lesions.rows) {
            evaluation.lesionPeakProbability.push_back(peak[row.referenceId]);
        }
        evaluation.sliceSpacingMm = reference.geometry().spacing[2];
    }
    evaluation.egfrCall = result.patientCall;
    if (result.patientCall) {
        const std::vector<double> area =
            referenceAreaPerModelSlice(reference, result.modelGeometry);
        if (std::any_of(area.begin(), area.end(), [](double a) { return a > 0.0; })) {
            evaluation.egfrCallOnReferenceSlices =
                patientLevelEgfr(area, result.sliceMutantProbability);
        }
    }
    return evaluation;
}

std::vector<SetSummary> summariseEvaluation(const std::vector<PatientEvaluation>& patients) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const PatientEvaluation*>> bySet;
    std::vector<const PatientEvaluation*> all;
    for (const PatientEvaluation& p : patients) {
        auto& list = bySet[p.set];
        if (list.empty()) {
            order.push_back(p.set);
        }
        list.push_back(&p);
        all.push_back(&p);
    }
    std::vector<SetSummary> sets;
    for (const std::string& name : order) {
        sets.push_back(summarise(name, bySet.at(name)));
    }
    if (order.size() > 1) {
        sets.push_back(summarise("all", all));
    }
    return sets;
}

std::string evaluationReportJson(const std::vector<PatientEvaluation>& patients,
                                 const ModelPackageMetadata& model) {
    JsonWriter json;
    json.beginObject();
    json.key("model").beginObject();
    json.field("description", model.description);
    json.field("created_utc", model.createdUtc);
    json.field("weights_sha256", model.weightsSha256);
    json.field("input_size", model.architecture.inputSize);
    json.field("base_width", model.architecture.baseWidth);
    json.field("heads", toString(model.architecture.heads));
    json.endObject();
    json.key("sets").beginArray();
    for (const SetSummary& s : summariseEvaluation(patients)) {
        json.beginObject();
        json.field("set", s.set);
        json.field("patients", static_cast<std::uint64_t>(s.patients));
        json.field("dice", s.meanDice);
        json.field("dice_ci95_low", s.diceInterval.low);
        json.field("dice_ci95_high", s.diceInterval.high);
        json.field("hd95_mm", s.meanHd95Mm);
        json.field("hd95_patients", static_cast<std::uint64_t>(s.hd95Patients));
        json.field("pixel_precision", s.meanPrecision);
        json.field("pixel_recall", s.meanRecall);
        json.field("lesions", static_cast<std::uint64_t>(s.lesions));
        json.field("detected_lesions", static_cast<std::uint64_t>(s.detectedLesions));
        json.field("false_positive_lesions", static_cast<std::uint64_t>(s.falsePositiveLesions));
        json.field("false_positives_per_patient", s.falsePositivesPerPatient);
        json.field("false_positives_per_patient_ci95_low", s.falsePositivesInterval.low);
        json.field("false_positives_per_patient_ci95_high", s.falsePositivesInterval.high);
        json.key("lesion_sensitivity").beginArray();
        for (const SizeBinSensitivity& bin : s.lesionSensitivity) {
            json.beginObject();
            json.field("bin", bin.name);
            json.field("lesions", static_cast<std::uint64_t>(bin.lesions));
            json.field("detected", static_cast<std::uint64_t>(bin.detected));
            json.field("sensitivity", bin.sensitivity);
            json.endObject();
        }
        json.endArray();
        if (s.egfr) {
            json.key("egfr").beginObject();
            egfrFields(json, *s.egfr, s.egfrAucInterval);
            json.endObject();
        }
        if (s.egfrOnReferenceSlices) {
            json.key("egfr_on_reference_slices").beginObject();
            egfrFields(json, *s.egfrOnReferenceSlices, s.egfrOnReferenceSlicesAucInterval);
            json.endObject();
        }
        json.endObject();
    }
    json.endArray();
    json.key("patients").beginArray();
    for (const PatientEvaluation& p : patients) {
        json.beginObject();
        json.field("patient_id", p.patientId);
        json.field("set", p.set);
        json.field("egfr_label", p.egfrMutant);
        if (p.segmentation) {
            json.field("dice", p.segmentation->dice);
            json.field("hd95_mm", p.segmentation->hausdorff.percentileMm);
            json.field("pixel_precision", p.segmentation->precision);
            json.field("pixel_recall", p.segmentation->recall);
            json.field("reference_lesions",
                       static_cast<std::uint64_t>(p.segmentation->lesions.referenceLesions));
            json.field("detected_lesions",
                       static_cast<std::uint64_t>(p.segmentation->lesions.truePositive));
            json.field("false_positive_lesions",
                       static_cast<std::uint64_t>(p.segmentation->lesions.falsePositive));
            json.field("slice_spacing_mm", p.sliceSpacingMm);
            json.key("lesions").beginArray();
            const std::vector<LesionRow>& rows = p.segmentation->lesions.rows;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                json.beginObject();
                json.field("axial_diameter_mm", rows[i].axialDiameterMm);
                json.field("volume_ml", rows[i].referenceVolumeMl);
                json.field("detected", rows[i].matchedPredictionId != 0);
                json.field("dice", rows[i].dice);
                json.field("peak_probability", p.lesionPeakProbability.at(i));
                json.endObject();
            }
            json.endArray();
        }
        if (p.egfrCall) {
            json.field("egfr_probability", p.egfrCall->meanProbability);
            json.field("egfr_call", p.egfrCall->mutant ? "mutant" : "wild-type");
        }
        if (p.egfrCallOnReferenceSlices) {
            json.field("egfr_probability_on_reference_slices",
                       p.egfrCallOnReferenceSlices->meanProbability);
        }
        json.field("seconds", p.seconds);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.str();
}

std::string evaluationTableMarkdown(const std::vector<SetSummary>& sets) {
    std::string table =
        "| set | patients | Dice [95 % CI] | HD95 (mm) | pixel precision | pixel recall | "
        "lesion sensitivity <5 / 5-10 / >10 mm | false-positive lesions per patient [95 % CI] | "
        "EGFR accuracy | precision | recall | F1 | AUC [95 % CI] | ECE | "
        "AUC on reference-GTV slices [95 % CI] |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const SetSummary& s : sets) {
        std::string bins;
        for (const SizeBinSensitivity& bin : s.lesionSensitivity) {
            bins += (bins.empty() ? "" : " / ") + formatted(bin.sensitivity, "%.2f") + " (" +
                    std::to_string(bin.detected) + "/" + std::to_string(bin.lesions) + ")";
        }
        const ClassificationReport* e = s.egfr ? &*s.egfr : nullptr;
        auto withInterval = [](double value, const ConfidenceInterval& interval,
                               const char* format) {
            if (!std::isfinite(value)) {
                return std::string("-");
            }
            std::string text = formatted(value, format);
            if (std::isfinite(interval.low)) {
                text += " [" + formatted(interval.low, format) + "-" +
                        formatted(interval.high, format) + "]";
            }
            return text;
        };
        const bool segmented = s.segmentedPatients > 0;
        table +=
            "| " + s.set + " | " + std::to_string(s.patients) + " | " +
            withInterval(s.meanDice, s.diceInterval, "%.3f") + " | " +
            formatted(s.meanHd95Mm, "%.2f") + " | " + formatted(s.meanPrecision) + " | " +
            formatted(s.meanRecall) + " | " + (bins.empty() ? "-" : bins) + " | " +
            (segmented ? withInterval(s.falsePositivesPerPatient, s.falsePositivesInterval, "%.2f")
                       : "-") +
            " | " + (e ? formatted(e->accuracy) : "-") + " | " +
            (e ? formatted(e->precision) : "-") + " | " + (e ? formatted(e->recall) : "-") + " | " +
            (e ? formatted(e->f1) : "-") + " | " +
            (e ? withInterval(e->rocAuc, s.egfrAucInterval, "%.3f") : "-") + " | " +
            (e ? formatted(e->expectedCalibrationError) : "-") + " | " +
            (s.egfrOnReferenceSlices ? withInterval(s.egfrOnReferenceSlices->rocAuc,
                                                    s.egfrOnReferenceSlicesAucInterval, "%.3f")
                                     : "-") +
            " |\n";
    }
    return table;
}

} // namespace metis::models
