#pragma once
// Whole-series MTSA-Net inference: series -> model grid -> batched forward -> GTV probability and
// mask on the series' own grid, per-slice EGFR probabilities, the patient-level call and the
// lesion list. Torch-free API; the network lives behind a pimpl.

#include "metis/core/ClassificationMetrics.h"
#include "metis/core/ImageGeometry.h"
#include "metis/core/ModelGrid.h"
#include "metis/core/Progress.h"
#include "metis/core/Volume.h"
#include "metis/models/ModelPackage.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::models {

enum class ComputeDevice { Auto, Cpu, Cuda };

std::string toString(ComputeDevice device);
/// Parses "auto", "cpu" or "cuda"; throws std::invalid_argument otherwise.
ComputeDevice computeDeviceFromString(const std::string& text);

/// Numeric precision of the forward pass.
enum class InferencePrecision {
    /// bf16 where the device computes it natively (a CPU with AVX-512 BF16 or AMX, a CUDA
    /// GPU), otherwise fp32. Never fp16: the MSA module's activations reach 2.4e5 and overflow
    /// it (docs/mtsa-net-demo.md).
    Auto,
    Float32,
    BFloat16, ///< autocast to bf16 on any device (emulated, slowly, where not native)
};

std::string toString(InferencePrecision precision);
/// Parses "auto", "fp32" or "bf16"; throws std::invalid_argument otherwise.
InferencePrecision inferencePrecisionFromString(const std::string& text);
/// Whether this machine's CPU computes bf16 natively (AVX-512 BF16 or AMX).
bool cpuHasNativeBFloat16();

struct InferenceOptions {
    /// Auto: CUDA when LibTorch sees a GPU, else the CPU. Cuda without a GPU is an error.
    ComputeDevice device = ComputeDevice::Auto;
    int threads = 0;   ///< CPU threads for the network and resampling; 0: every core
    int batchSize = 0; ///< model slices per forward pass; 0: chosen from an activation budget
    /// Auto by default: bf16 here runs the demo model 1.5x faster (7.2 -> 4.9 s for a
    /// 176-slice series) with a mask Dice of 0.999 against fp32 (docs/mtsa-net-demo.md).
    InferencePrecision precision = InferencePrecision::Auto;
    /// Keep the head mask in every NetworkPrediction, so that finish() can apply any head
    /// margin (choosing post-processing settings). Otherwise predict() computes it only for a
    /// package whose own post-processing has a margin: it costs about 0.6 s per series here.
    bool keepHeadMask = false;
    /// A reader's threshold and smallest lesion instead of the package's (run() uses them);
    /// the package's head margin stays unless this sets one.
    std::optional<GtvPostProcessing> postProcessing;
};

struct LesionFinding {
    int number = 0; ///< 1..N in raster order of the first voxel, as in the mask's labelling
    std::size_t voxelCount = 0;
    double volumeMl = 0.0;
    Vec3 centreMm{0, 0, 0};       ///< patient LPS
    double maxDiameterMm = 0.0;   ///< 3D extent (ComponentStats::maxDiameterMm)
    double axialDiameterMm = 0.0; ///< RANO-BM longest axial diameter
    double meanProbability = 0.0; ///< mean GTV probability over the lesion's voxels
};

/// What the network computed for one series, before post-processing.
struct NetworkPrediction {
    ModelInput input;             ///< the model grid and the normalised model-grid image
    ImageVolume modelProbability; ///< GTV probability on the model grid (empty: no seg head)
    std::vector<double> sliceMutantProbability; ///< per model slice (empty: no EGFR head)
    /// The head (foreground) on the model grid; empty unless a head margin may be applied
    /// (InferenceOptions::keepHeadMask or the package's post-processing).
    LabelMap head;
    std::string device;
    std::string precision; ///< "fp32" or "bf16"
    int batchSize = 0;
    double seconds = 0.0;
};

struct InferenceResult {
    /// GTV probability on the series grid, after the intracranial restriction (0 near the
    /// air around the head when the package asks for it).
    ImageVolume probability;
    /// On the series grid: 1 where probability >= the package's threshold, without the
    /// components under its minimum lesion volume.
    LabelMap mask;
    ImageGeometry modelGeometry; ///< the axial model grid the network saw
    /// Per model slice (index k of modelGeometry, inferior to superior): mutant probability
    /// (empty when the package has no EGFR head) and predicted GTV area in mm^2 (empty without
    /// a segmentation head).
    std::vector<double> sliceMutantProbability;
    std::vector<double> sliceGtvAreaMm2;
    /// The paper's top-50 % area rule (core's patientLevelEgfr); absent without an EGFR head.
    std::optional<PatientEgfrCall> patientCall;
    std::vector<LesionFinding> lesions;
    GtvPostProcessing postProcessing; ///< what made `mask` from `probability`
    std::string device;               ///< "cpu" or "cuda"
    std::string precision = "fp32";   ///< of the forward pass: "fp32" or "bf16"
    int batchSize = 0;
    double seconds = 0.0;
};

class InferenceEngine {
public:
    /// Loads and verifies the package (verifyModelPackage's checks) and places the network on
    /// the chosen device. Throws std::runtime_error naming the package on any problem.
    explicit InferenceEngine(const std::filesystem::path& packagePath,
                             const InferenceOptions& options = {});
    ~InferenceEngine();
    InferenceEngine(const InferenceEngine&) = delete;
    InferenceEngine& operator=(const InferenceEngine&) = delete;

    /// Runs the whole series. `brainMask` (same grid, non-zero = brain) drives intensity
    /// normalisation and the in-plane centre; without it the foreground stands in. Memory for
    /// activations is bounded by the batch size, whatever the number of slices. Reports progress
    /// per batch; throws metis::OperationCancelled when the sink asks to stop.
    InferenceResult run(const ImageVolume& series, ProgressSink& progress,
                        const LabelMap* brainMask = nullptr) const;

    /// run() in two steps: the network alone, then post-processing. Choosing post-processing
    /// settings on a validation set runs the network once per patient and finish() per setting.
    NetworkPrediction predict(const ImageVolume& series, ProgressSink& progress,
                              const LabelMap* brainMask = nullptr) const;
    InferenceResult finish(const NetworkPrediction& prediction,
                           const GtvPostProcessing& postProcessing) const;

    const ModelPackageMetadata& metadata() const;
    std::string device() const;
    std::string precision() const; ///< "fp32" or "bf16", as resolved for this device
    int batchSize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Batch size that keeps the estimated forward activations of one batch under `budgetBytes`
/// (at least 1, at most 64). The estimate assumes about ten live float tensors of each level's
/// width and resolution per slice, which over-covers the inference-mode peak.
int batchSizeForBudget(const MtsaNetConfig& config, double budgetBytes);

/// The batch the engine runs when InferenceOptions::batchSize is 0: the largest whose
/// activations fit the device's budget. On the CPU the budget keeps a batch in the caches,
/// where batching is not slower per slice than one slice at a time (bench_mtsa_inference).
int automaticBatchSize(const MtsaNetConfig& config, bool cuda);

} // namespace metis::models
