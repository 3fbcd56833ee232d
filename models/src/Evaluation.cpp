#include "metis/models/Evaluation.h"

#include "metis/core/Json.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace metis::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double meanOf(double sum, std::size_t count) {
    return count ? sum / static_cast<double>(count) : kNaN;
}

SetSummary summarise(const std::string& name, const std::vector<const PatientEvaluation*>& list) {
    SetSummary s;
    s.set = name;
    s.patients = list.size();
    double dice = 0, hd95 = 0, precision = 0, recall = 0;
    std::map<std::string, SizeBinSensitivity> bins;
    std::vector<std::string> binOrder;
    std::vector<int> labels;
    std::vector<double> probabilities;
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
        if (p->egfrCall && p->egfrMutant >= 0) {
            labels.push_back(p->egfrMutant);
            probabilities.push_back(p->egfrCall->meanProbability);
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
    if (!labels.empty()) {
        s.egfr = evaluateClassification(labels, probabilities);
    }
    return s;
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
    }
    evaluation.egfrCall = result.patientCall;
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
        json.field("hd95_mm", s.meanHd95Mm);
        json.field("hd95_patients", static_cast<std::uint64_t>(s.hd95Patients));
        json.field("pixel_precision", s.meanPrecision);
        json.field("pixel_recall", s.meanRecall);
        json.field("lesions", static_cast<std::uint64_t>(s.lesions));
        json.field("detected_lesions", static_cast<std::uint64_t>(s.detectedLesions));
        json.field("false_positive_lesions", static_cast<std::uint64_t>(s.falsePositiveLesions));
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
            json.field("patients", static_cast<std::uint64_t>(s.egfr->samples));
            json.field("accuracy", s.egfr->accuracy);
            json.field("precision", s.egfr->precision);
            json.field("recall", s.egfr->recall);
            json.field("f1", s.egfr->f1);
            json.field("roc_auc", s.egfr->rocAuc);
            json.field("expected_calibration_error", s.egfr->expectedCalibrationError);
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
        }
        if (p.egfrCall) {
            json.field("egfr_probability", p.egfrCall->meanProbability);
            json.field("egfr_call", p.egfrCall->mutant ? "mutant" : "wild-type");
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
        "| set | patients | Dice | HD95 (mm) | pixel precision | pixel recall | "
        "lesion sensitivity <5 / 5-10 / >10 mm | EGFR accuracy | precision | "
        "recall | F1 | AUC | ECE |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const SetSummary& s : sets) {
        std::string bins;
        for (const SizeBinSensitivity& bin : s.lesionSensitivity) {
            bins += (bins.empty() ? "" : " / ") + formatted(bin.sensitivity, "%.2f") + " (" +
                    std::to_string(bin.detected) + "/" + std::to_string(bin.lesions) + ")";
        }
        const ClassificationReport* e = s.egfr ? &*s.egfr : nullptr;
        table += "| " + s.set + " | " + std::to_string(s.patients) + " | " + formatted(s.meanDice) +
                 " | " + formatted(s.meanHd95Mm, "%.2f") + " | " + formatted(s.meanPrecision) +
                 " | " + formatted(s.meanRecall) + " | " + (bins.empty() ? "-" : bins) + " | " +
                 (e ? formatted(e->accuracy) : "-") + " | " + (e ? formatted(e->precision) : "-") +
                 " | " + (e ? formatted(e->recall) : "-") + " | " + (e ? formatted(e->f1) : "-") +
                 " | " + (e ? formatted(e->rocAuc) : "-") + " | " +
                 (e ? formatted(e->expectedCalibrationError) : "-") + " |\n";
    }
    return table;
}

} // namespace metis::models
