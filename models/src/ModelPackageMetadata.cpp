// Model package metadata: reading and writing metadata.json and checking a package's weights
// against it. No LibTorch here: the metadata reader is fuzzed on its own (tests/fuzz).
#include "metis/core/Json.h"
#include "metis/core/Sha256.h"
#include "metis/core/Version.h"
#include "metis/models/ModelPackage.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace metis::models {
namespace {

namespace fs = std::filesystem;

NetworkHeads headsFromString(const std::string& text, const std::string& context) {
    for (const auto heads :
         {NetworkHeads::Both, NetworkHeads::SegmentationOnly, NetworkHeads::ClassificationOnly}) {
        if (text == toString(heads)) {
            return heads;
        }
    }
    throw std::runtime_error(context + ": unknown heads '" + text + "'");
}

std::string readWholeFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot open the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        throw std::runtime_error(path.string() + ": read error");
    }
    return text.str();
}

ModelPackageMetadata parseMetadata(const JsonValue& root, const std::string& origin) {
    const auto ctx = [&origin](const std::string& field) { return origin + ": " + field; };
    const std::string format = root.at("format", origin).asString(ctx("format"));
    if (format != kModelPackageFormat) {
        throw std::runtime_error(origin + ": not a Metis MTSA-Net package (format '" + format +
                                 "')");
    }
    const auto version = root.at("formatVersion", origin).asInteger(ctx("formatVersion"), 1, 1000);
    if (version != kModelPackageFormatVersion) {
        throw std::runtime_error(origin + ": package format version " + std::to_string(version) +
                                 " is not supported (this Metis reads version " +
                                 std::to_string(kModelPackageFormatVersion) + ")");
    }

    ModelPackageMetadata m;
    const JsonValue& arch = root.at("architecture", origin);
    const int kMaxInt = 1 << 20;
    m.architecture.inputSize =
        static_cast<int>(arch.at("inputSize", ctx("architecture"))
                             .asInteger(ctx("architecture.inputSize"), 1, kMaxInt));
    m.architecture.baseWidth =
        static_cast<int>(arch.at("baseWidth", ctx("architecture"))
                             .asInteger(ctx("architecture.baseWidth"), 1, kMaxInt));
    m.architecture.embedDim =
        static_cast<int>(arch.at("embedDim", ctx("architecture"))
                             .asInteger(ctx("architecture.embedDim"), 1, kMaxInt));
    m.architecture.attentionHeads =
        static_cast<int>(arch.at("attentionHeads", ctx("architecture"))
                             .asInteger(ctx("architecture.attentionHeads"), 1, kMaxInt));
    m.architecture.mlpRatio =
        static_cast<int>(arch.at("mlpRatio", ctx("architecture"))
                             .asInteger(ctx("architecture.mlpRatio"), 1, kMaxInt));
    m.architecture.dropout =
        arch.at("dropout", ctx("architecture")).asNumber(ctx("architecture.dropout"));
    m.architecture.heads =
        headsFromString(arch.at("heads", ctx("architecture")).asString(ctx("architecture.heads")),
                        ctx("architecture.heads"));
    // Packages written before the gate existed carry the paper's linear gate.
    if (const JsonValue* gate = arch.find("attentionGate")) {
        try {
            m.architecture.attentionGate =
                attentionGateFromString(gate->asString(ctx("architecture.attentionGate")));
        } catch (const std::invalid_argument& error) {
            throw std::runtime_error(ctx("architecture.attentionGate") + ": " + error.what());
        }
    }
    // Packages written before context slices existed see one slice.
    if (const JsonValue* context = arch.find("contextSlices")) {
        m.architecture.contextSlices =
            static_cast<int>(context->asInteger(ctx("architecture.contextSlices"), 0, kMaxInt));
    }
    try {
        m.architecture.validate();
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(origin + ": " + error.what());
    }

    const JsonValue& pre = root.at("preprocessing", origin);
    m.preprocessing.inputSize =
        static_cast<int>(pre.at("inputSize", ctx("preprocessing"))
                             .asInteger(ctx("preprocessing.inputSize"), 1, kMaxInt));
    m.preprocessing.fieldOfViewMm =
        pre.at("fieldOfViewMm", ctx("preprocessing")).asNumber(ctx("preprocessing.fieldOfViewMm"));
    m.preprocessing.sliceSpacingMm = pre.at("sliceSpacingMm", ctx("preprocessing"))
                                         .asNumber(ctx("preprocessing.sliceSpacingMm"));
    m.preprocessing.lowerPercentile = pre.at("lowerPercentile", ctx("preprocessing"))
                                          .asNumber(ctx("preprocessing.lowerPercentile"));
    m.preprocessing.upperPercentile = pre.at("upperPercentile", ctx("preprocessing"))
                                          .asNumber(ctx("preprocessing.upperPercentile"));
    // Absent in packages written before the option: they were trained on point-sampled slices.
    if (const JsonValue* antiAliasing = pre.find("antiAliasing")) {
        m.preprocessing.antiAliasing = antiAliasing->asBoolean(ctx("preprocessing.antiAliasing"));
    }
    if (m.preprocessing.inputSize != m.architecture.inputSize) {
        throw std::runtime_error(
            origin + ": preprocessing.inputSize " + std::to_string(m.preprocessing.inputSize) +
            " does not match architecture.inputSize " + std::to_string(m.architecture.inputSize));
    }
    // Ranges a head MRI can have: a package outside them verified and registered before, then
    // failed every inference (a field of view of 1e308 mm).
    if (!(m.preprocessing.fieldOfViewMm > 0.0 && m.preprocessing.fieldOfViewMm <= 1000.0) ||
        !(m.preprocessing.sliceSpacingMm >= 0.0 && m.preprocessing.sliceSpacingMm <= 50.0) ||
        !(m.preprocessing.lowerPercentile >= 0.0 &&
          m.preprocessing.lowerPercentile < m.preprocessing.upperPercentile &&
          m.preprocessing.upperPercentile <= 100.0)) {
        throw std::runtime_error(origin + ": preprocessing needs 0 < fieldOfViewMm <= 1000, "
                                          "0 <= sliceSpacingMm <= 50 and 0 <= lowerPercentile < "
                                          "upperPercentile <= 100");
    }

    const JsonValue& loss = root.at("loss", origin);
    try {
        m.loss.weighting = taskWeightingFromString(
            loss.at("weighting", ctx("loss")).asString(ctx("loss.weighting")));
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(origin + ": " + error.what());
    }
    // Packages written before the choice existed were trained with the paper's loss.
    if (const JsonValue* segmentation = loss.find("segmentation")) {
        try {
            m.loss.segmentation =
                segmentationLossFromString(segmentation->asString(ctx("loss.segmentation")));
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(origin + ": " + e.what());
        }
    }
    if (const JsonValue* post = root.find("postProcessing")) {
        m.postProcessing.threshold =
            post->at("threshold", ctx("postProcessing")).asNumber(ctx("postProcessing.threshold"));
        m.postProcessing.minLesionVolumeMm3 =
            post->at("minLesionVolumeMm3", ctx("postProcessing"))
                .asNumber(ctx("postProcessing.minLesionVolumeMm3"));
        m.postProcessing.headMarginMm = post->at("headMarginMm", ctx("postProcessing"))
                                            .asNumber(ctx("postProcessing.headMarginMm"));
        try {
            m.postProcessing.validate();
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(origin + ": " + e.what());
        }
    }
    if (const JsonValue* inference = root.find("inference")) {
        m.testTimeMirror = inference->at("testTimeMirror", ctx("inference"))
                               .asBoolean(ctx("inference.testTimeMirror"));
        if (const JsonValue* oversampling = inference->find("sliceOversampling")) {
            m.sliceOversampling =
                static_cast<int>(oversampling->asInteger(ctx("inference.sliceOversampling"), 1, 8));
        }
    }
    m.loss.focalWeight = loss.at("focalWeight", ctx("loss")).asNumber(ctx("loss.focalWeight"));
    m.loss.focalAlpha = loss.at("focalAlpha", ctx("loss")).asNumber(ctx("loss.focalAlpha"));
    m.loss.focalGamma = loss.at("focalGamma", ctx("loss")).asNumber(ctx("loss.focalGamma"));
    m.loss.diceSmoothing =
        loss.at("diceSmoothing", ctx("loss")).asNumber(ctx("loss.diceSmoothing"));
    m.loss.fixedGtvWeight =
        loss.at("fixedGtvWeight", ctx("loss")).asNumber(ctx("loss.fixedGtvWeight"));
    m.loss.fixedEgfrWeight =
        loss.at("fixedEgfrWeight", ctx("loss")).asNumber(ctx("loss.fixedEgfrWeight"));

    if (const JsonValue* window = loss.find("lesionWindowPixels")) {
        m.loss.lesionWindowPixels =
            static_cast<int>(window->asInteger(ctx("loss.lesionWindowPixels"), 1, 4095));
        m.loss.lesionShareReference =
            loss.at("lesionShareReference", ctx("loss")).asNumber(ctx("loss.lesionShareReference"));
        m.loss.maxLesionWeight =
            loss.at("maxLesionWeight", ctx("loss")).asNumber(ctx("loss.maxLesionWeight"));
    }
    const JsonValue& training = root.at("training", origin);
    m.cohortManifestSha256 = training.at("cohortManifestSha256", ctx("training"))
                                 .asString(ctx("training.cohortManifestSha256"));
    m.description = root.at("description", origin).asString(ctx("description"));
    for (const auto& [name, value] : root.at("metrics", origin).asObject(ctx("metrics"))) {
        m.metrics.emplace_back(name, value.isNull() ? std::nan("")
                                                    : value.asNumber(ctx("metrics." + name)));
    }
    m.createdUtc = root.at("createdUtc", origin).asString(ctx("createdUtc"));
    m.metisVersion = root.at("metisVersion", origin).asString(ctx("metisVersion"));

    const JsonValue& weights = root.at("weights", origin);
    const std::string file = weights.at("file", ctx("weights")).asString(ctx("weights.file"));
    if (file != kModelPackageWeightsFile) {
        throw std::runtime_error(origin + ": weights.file must be '" +
                                 std::string(kModelPackageWeightsFile) + "', found '" + file + "'");
    }
    m.weightsSha256 = weights.at("sha256", ctx("weights")).asString(ctx("weights.sha256"));
    if (m.weightsSha256.size() != 64 ||
        m.weightsSha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        throw std::runtime_error(origin + ": weights.sha256 is not a SHA-256 hex digest");
    }
    m.weightsBytes =
        static_cast<std::uint64_t>(weights.at("bytes", ctx("weights"))
                                       .asInteger(ctx("weights.bytes"), 1, std::int64_t{1} << 50));
    return m;
}

} // namespace

void GtvPostProcessing::validate() const {
    if (!(threshold > 0.0 && threshold < 1.0)) {
        throw std::invalid_argument("post-processing: threshold must lie in (0, 1), got " +
                                    std::to_string(threshold));
    }
    if (!(minLesionVolumeMm3 >= 0.0) || !(headMarginMm >= 0.0)) {
        throw std::invalid_argument(
            "post-processing: minimum lesion volume and head margin must be >= 0");
    }
}

std::string modelMetricsJson(const ModelPackageMetadata& metadata) {
    JsonWriter json;
    json.beginObject();
    for (const auto& [name, value] : metadata.metrics) {
        json.field(name, value);
    }
    json.endObject();
    return json.str();
}

std::string modelPackageMetadataJson(const ModelPackageMetadata& m) {
    JsonWriter json;
    json.beginObject();
    json.field("format", kModelPackageFormat);
    json.field("formatVersion", kModelPackageFormatVersion);
    json.field("description", m.description);
    json.field("createdUtc", m.createdUtc);
    json.field("metisVersion", m.metisVersion);
    json.key("architecture").beginObject();
    json.field("inputSize", m.architecture.inputSize);
    json.field("baseWidth", m.architecture.baseWidth);
    json.field("embedDim", m.architecture.embedDim);
    json.field("attentionHeads", m.architecture.attentionHeads);
    json.field("mlpRatio", m.architecture.mlpRatio);
    json.field("attentionGate", toString(m.architecture.attentionGate));
    json.field("contextSlices", m.architecture.contextSlices);
    json.field("dropout", m.architecture.dropout);
    json.field("heads", toString(m.architecture.heads));
    json.endObject();
    json.key("preprocessing").beginObject();
    json.field("inputSize", m.preprocessing.inputSize);
    json.field("fieldOfViewMm", m.preprocessing.fieldOfViewMm);
    json.field("sliceSpacingMm", m.preprocessing.sliceSpacingMm);
    json.field("antiAliasing", m.preprocessing.antiAliasing);
    json.field("lowerPercentile", m.preprocessing.lowerPercentile);
    json.field("upperPercentile", m.preprocessing.upperPercentile);
    json.field("intensity", "clip to brain percentiles, then z-score within the brain");
    json.endObject();
    json.key("loss").beginObject();
    json.field("weighting", toString(m.loss.weighting));
    json.field("segmentation", toString(m.loss.segmentation));
    json.field("focalWeight", m.loss.focalWeight);
    json.field("focalAlpha", m.loss.focalAlpha);
    json.field("focalGamma", m.loss.focalGamma);
    json.field("diceSmoothing", m.loss.diceSmoothing);
    json.field("fixedGtvWeight", m.loss.fixedGtvWeight);
    json.field("fixedEgfrWeight", m.loss.fixedEgfrWeight);
    if (m.loss.segmentation == SegmentationLoss::LesionWeighted) {
        json.field("lesionWindowPixels", static_cast<std::int64_t>(m.loss.lesionWindowPixels));
        json.field("lesionShareReference", m.loss.lesionShareReference);
        json.field("maxLesionWeight", m.loss.maxLesionWeight);
    }
    json.endObject();
    json.key("postProcessing").beginObject();
    json.field("threshold", m.postProcessing.threshold);
    json.field("minLesionVolumeMm3", m.postProcessing.minLesionVolumeMm3);
    json.field("headMarginMm", m.postProcessing.headMarginMm);
    json.endObject();
    json.key("inference").beginObject();
    json.field("testTimeMirror", m.testTimeMirror);
    json.field("sliceOversampling", m.sliceOversampling);
    json.endObject();
    json.key("training").beginObject();
    json.field("cohortManifestSha256", m.cohortManifestSha256);
    json.endObject();
    json.key("metrics").beginObject();
    for (const auto& [name, value] : m.metrics) {
        json.field(name, value);
    }
    json.endObject();
    json.key("weights").beginObject();
    json.field("file", kModelPackageWeightsFile);
    json.field("sha256", m.weightsSha256);
    json.field("bytes", m.weightsBytes);
    json.endObject();
    json.endObject();
    return json.str() + "\n";
}

ModelPackageMetadata readModelPackage(const fs::path& packageDir) {
    if (!fs::is_directory(packageDir)) {
        throw std::runtime_error(packageDir.string() + ": model package folder not found");
    }
    const fs::path metadataPath = packageDir / kModelPackageMetadataFile;
    if (!fs::is_regular_file(metadataPath)) {
        throw std::runtime_error(metadataPath.string() + ": missing (not a model package)");
    }
    const std::string origin = metadataPath.string();
    ModelPackageMetadata m = parseMetadata(parseJson(readWholeFile(metadataPath), origin), origin);

    const fs::path weightsPath = packageDir / kModelPackageWeightsFile;
    std::error_code error;
    const auto bytes = fs::file_size(weightsPath, error);
    if (error) {
        throw std::runtime_error(weightsPath.string() + ": missing weights file");
    }
    if (bytes != m.weightsBytes) {
        throw std::runtime_error(weightsPath.string() + ": " + std::to_string(bytes) +
                                 " bytes, the metadata records " + std::to_string(m.weightsBytes) +
                                 (bytes < m.weightsBytes ? " (truncated)" : " (mismatched)"));
    }
    const std::string digest = sha256OfFile(weightsPath.string());
    if (digest != m.weightsSha256) {
        throw std::runtime_error(weightsPath.string() + ": SHA-256 " + digest +
                                 " does not match the metadata's " + m.weightsSha256 +
                                 " (corrupt or replaced weights)");
    }
    return m;
}

} // namespace metis::models
