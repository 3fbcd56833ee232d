#pragma once
// Training-loss settings of MTSA-Net (paper eq. 5-9, docs/MTSA-NET.md). Torch-free so that
// the trainer's options, the CLI and model-package metadata can carry them.

#include <string>

namespace metis::models {

/// How the segmentation loss L_GTV and the EGFR loss L_EGFR are combined.
enum class TaskWeighting {
    Uncertainty,        ///< L_GTV/(2 s1^2) + L_EGFR/(2 s2^2) + log(s1 s2), log s learned
    Fixed,              ///< w_GTV * L_GTV + w_EGFR * L_EGFR (the paper's Table 5 ablation)
    SegmentationOnly,   ///< L_GTV alone: single-task segmentation baseline
    ClassificationOnly, ///< L_EGFR alone: single-task EGFR baseline
};

/// How L_GTV is computed from the segmentation logits.
enum class SegmentationLoss {
    /// The paper's eq. 5-7: soft Dice per slice + beta * focal loss summed over each slice's
    /// pixels (beta = 1/25000 for 384 x 384), both averaged over the batch.
    Paper,
    /// Soft Dice over the whole batch (one overlap ratio for all its pixels, so false positives
    /// on metastasis-free slices count against the lesions of the others) + binary
    /// cross-entropy as a pixel mean. docs/mtsa-net-demo.md measures it against Paper.
    BatchDiceBce,
    /// BatchDiceBce with the cross-entropy of each metastasis pixel weighted up the smaller its
    /// lesion: weight = reference / (share of lesion pixels in a ~19 mm window around it),
    /// clamped to [1, maxLesionWeight]. Pixel-mean losses let a missed 4 mm metastasis cost
    /// a few pixels; this makes it cost about what the rim of a large one does.
    LesionWeighted,
};

std::string toString(TaskWeighting weighting);
std::string toString(SegmentationLoss loss);
/// Parses "paper", "batch-dice-bce" or "lesion-weighted".
SegmentationLoss segmentationLossFromString(const std::string& text);
/// Parses "uncertainty", "fixed", "segmentation-only" or "classification-only".
TaskWeighting taskWeightingFromString(const std::string& text);

struct LossConfig {
    TaskWeighting weighting = TaskWeighting::Uncertainty;
    SegmentationLoss segmentation = SegmentationLoss::Paper;
    double focalWeight = 1.0 / 25000.0; ///< beta: the focal term is a per-slice pixel SUM
    double focalAlpha = 0.8;            ///< weight of metastasis pixels; background gets 1-alpha
    double focalGamma = 2.0;
    double diceSmoothing = 1.0;  ///< added to Dice numerator and denominator
    double fixedGtvWeight = 1.0; ///< used only by TaskWeighting::Fixed
    double fixedEgfrWeight = 1.0;
    /// LesionWeighted: the odd window (pixels) over which the lesion share is measured; the
    /// trainer sets it from the grid's pixel size (lesionWindowPixelsFor).
    int lesionWindowPixels = 15;
    double lesionShareReference = 0.25; ///< share at which the weight reaches 1
    double maxLesionWeight = 5.0;

    bool usesSegmentation() const { return weighting != TaskWeighting::ClassificationOnly; }
    bool usesClassification() const { return weighting != TaskWeighting::SegmentationOnly; }

    /// The window of about 19 mm (a 10 mm metastasis fills a quarter of it) on a grid of
    /// `pixelSizeMm` pixels, odd so that it centres on the pixel.
    static int lesionWindowPixelsFor(double pixelSizeMm);

    /// Throws std::invalid_argument naming the offending field and the rule it breaks.
    void validate() const;
};

} // namespace metis::models
