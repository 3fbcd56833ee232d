// metis-cli metrics: segmentation agreement between two label maps.
#include "CommandLine.h"
#include "metis/core/SegmentationMetrics.h"
#include "metis/imaging/VolumeIO.h"

#include <iostream>

namespace metis::cli {
namespace {

// Every non-zero voxel is GTV under instances and binary alike; instances keep lesion numbers,
// which the metrics do not need (lesions are matched by connected components).
const Choices<imaging::LabelConvention> kConventions = {
    {"instances", imaging::LabelConvention::MetisInstances},
    {"binary", imaging::LabelConvention::UcsfBinary},
    {"brats", imaging::LabelConvention::BratsMets}};

LabelMap readGtv(const std::string& path, imaging::LabelConvention convention) {
    return imaging::interpretLabels(imaging::readLabelMap(path), convention).gtv;
}

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

struct MetricsOptions {
    std::string reference;
    std::string prediction;
    imaging::LabelConvention referenceLabels = imaging::LabelConvention::MetisInstances;
    imaging::LabelConvention predictionLabels = imaging::LabelConvention::MetisInstances;
    bool perSlice = false;
    bool json = false;
};

int runMetrics(const MetricsOptions& options) {
    const std::string& referencePath = options.reference;
    const std::string& predictionPath = options.prediction;
    const LabelMap reference = readGtv(referencePath, options.referenceLabels);
    const LabelMap prediction = readGtv(predictionPath, options.predictionLabels);
    if (!reference.geometry().sameGridAs(prediction.geometry(), 1e-3)) {
        throw std::runtime_error("the masks are on different grids: " + referencePath + " has " +
                                 reference.geometry().describe() + "; " + predictionPath + " has " +
                                 prediction.geometry().describe());
    }
    SegmentationOptions segmentation;
    segmentation.perSlice = options.perSlice;
    const auto report = evaluateSegmentation(reference, prediction, segmentation);
    if (options.json) {
        std::cout << report.toJson() << "\n";
        return 0;
    }
    std::cout << "Dice " << fixed(report.dice) << ", HD95 " << fixed(report.hausdorff.percentileMm)
              << " mm, precision " << fixed(report.precision) << ", recall " << fixed(report.recall)
              << "\nlesions: " << report.lesions.truePositive << " TP, "
              << report.lesions.falsePositive << " FP, " << report.lesions.falseNegative << " FN\n";
    return 0;
}

} // namespace

void registerMetricsCommands(CommandLine& commands) {
    auto [app, o] = commands.add("metrics",
                                 "Dice, HD95 (mm), pixel precision and recall, lesion-wise "
                                 "TP/FP/FN and per-lesion rows between a reference and a "
                                 "predicted GTV",
                                 runMetrics);
    app.add_option("--ref", o.reference, "the reference label map")
        ->required()
        ->type_name("A.nii.gz");
    app.add_option("--pred", o.prediction, "the predicted label map, on the same grid")
        ->required()
        ->type_name("B.nii.gz");
    addChoice(app, "--ref-labels", o.referenceLabels, kConventions,
              "what the reference's values mean: instances (lesion k = k), binary (non-zero) or "
              "brats (BraTS-METS 1 NETC, 2 oedema, 3 ET)");
    addChoice(app, "--pred-labels", o.predictionLabels, kConventions,
              "what the prediction's values mean (as --ref-labels)");
    app.add_flag("--json", o.json, "the report as JSON, with one row per lesion");
    app.add_flag("--per-slice", o.perSlice,
                 "also a row per slice (Dice, HD95, precision, recall) in the JSON report");
}

} // namespace metis::cli
