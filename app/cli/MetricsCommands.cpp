// metis-cli metrics: segmentation agreement between two label maps.
#include "CommandLine.h"
#include "metis/core/SegmentationMetrics.h"
#include "metis/imaging/VolumeIO.h"

#include <iostream>

namespace metis::cli {
namespace {

imaging::LabelConvention conventionFromName(const std::string& name) {
    if (name == "instances" || name == "binary") {
        // Every non-zero voxel is GTV in both; instances keep lesion numbers, which the metrics
        // do not need (lesions are matched by connected components).
        return name == "binary" ? imaging::LabelConvention::UcsfBinary
                                : imaging::LabelConvention::MetisInstances;
    }
    if (name == "brats") {
        return imaging::LabelConvention::BratsMets;
    }
    throw UsageError("unknown label convention '" + name + "' (instances, binary or brats)");
}

LabelMap readGtv(const std::string& path, const std::string& convention) {
    return imaging::interpretLabels(imaging::readLabelMap(path), conventionFromName(convention))
        .gtv;
}

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

int runMetrics(const Arguments& args) {
    const std::string referencePath = args.required("--ref");
    const std::string predictionPath = args.required("--pred");
    const LabelMap reference =
        readGtv(referencePath, args.option("--ref-labels").value_or("instances"));
    const LabelMap prediction =
        readGtv(predictionPath, args.option("--pred-labels").value_or("instances"));
    if (!reference.geometry().sameGridAs(prediction.geometry(), 1e-3)) {
        throw std::runtime_error("the masks are on different grids: " + referencePath + " has " +
                                 reference.geometry().describe() + "; " + predictionPath + " has " +
                                 prediction.geometry().describe());
    }
    SegmentationOptions options;
    options.perSlice = args.flag("--per-slice");
    const auto report = evaluateSegmentation(reference, prediction, options);
    if (args.flag("--json")) {
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

void registerMetricsCommands(CommandTable& table) {
    table.push_back({"metrics",
                     "--ref A.nii.gz --pred B.nii.gz [--json] [--per-slice] "
                     "[--ref-labels instances|binary|brats] [--pred-labels ...]",
                     "Dice, HD95 (mm), pixel precision and recall, lesion-wise TP/FP/FN and "
                     "per-lesion rows between a reference and a predicted GTV",
                     {"--ref", "--pred", "--ref-labels", "--pred-labels"},
                     {"--json", "--per-slice"},
                     runMetrics});
}

} // namespace metis::cli
