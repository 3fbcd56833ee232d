#pragma once
// MTSA-Net training losses (paper eq. 5-9, docs/MTSA-NET.md). Internal to metis_models.
//
// Choices where the paper is silent or where the project departs from it:
// - Dice and focal are computed per slice and averaged over the batch, so the loss scale (and
//   beta = 1/25000, tuned for a per-slice pixel sum at 384 x 384) does not depend on batch size.
// - Dice smoothing is added to numerator and denominator (the paper's eq. 6 has it only in the
//   denominator). With it, a metastasis-free slice predicted empty scores loss 0 rather than 1,
//   which matters because the project also trains on metastasis-free slices.
// - Focal uses alpha for metastasis pixels and 1 - alpha for background (Lin et al.), computed
//   from logits through log-sigmoid for numerical stability.
// - Cross-entropy is the batch MEAN (eq. 8 sums over samples), again for batch-size independence.

#include "metis/models/LossConfig.h"

#include <torch/torch.h>

namespace metis::models {

/// Soft Dice loss, 1 - (2 sum(p y) + smooth) / (sum p + sum y + smooth) per slice, batch mean.
/// logits and target: [batch, 1, H, W]; target holds 0/1.
torch::Tensor softDiceLoss(const torch::Tensor& logits, const torch::Tensor& target,
                           double smoothing);

/// Soft Dice loss over the whole batch: 1 - (2 sum(p y) + smooth) / (sum p + sum y + smooth)
/// with every sum over all slices and pixels of the batch.
torch::Tensor batchSoftDiceLoss(const torch::Tensor& logits, const torch::Tensor& target,
                                double smoothing);

/// Binary cross-entropy from logits, mean over every pixel of the batch.
torch::Tensor pixelCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target);

/// Per-pixel weights of SegmentationLoss::LesionWeighted: 1 on background, and on a lesion
/// pixel clamp(shareReference / share, 1, maxWeight), `share` being the fraction of lesion
/// pixels in the windowPixels x windowPixels square around it. target: [batch, 1, H, W].
torch::Tensor lesionPixelWeights(const torch::Tensor& target, int windowPixels,
                                 double shareReference, double maxWeight);

/// Binary cross-entropy from logits weighted by lesionPixelWeights, mean over every pixel.
torch::Tensor lesionWeightedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target,
                                         const LossConfig& config);

/// Binary focal loss, SUM over the pixels of each slice, mean over the batch:
/// -sum alpha_t (1 - p_t)^gamma log(p_t).
torch::Tensor focalLossSum(const torch::Tensor& logits, const torch::Tensor& target, double alpha,
                           double gamma);

/// Cross-entropy over the 2 EGFR classes, mean over the batch. logits [batch, 2], labels [batch]
/// (int64, 0 wild-type, 1 mutant).
torch::Tensor egfrCrossEntropy(const torch::Tensor& logits, const torch::Tensor& labels);

/// Every term of one loss evaluation; terms a weighting does not use are undefined tensors.
struct LossTerms {
    torch::Tensor total;
    torch::Tensor dice;
    torch::Tensor focal; ///< Paper: unscaled focal pixel sum; BatchDiceBce: pixel-mean BCE
    torch::Tensor gtv;   ///< Paper: dice + beta * focal; BatchDiceBce: dice + BCE
    torch::Tensor egfr;
};

/// The joint loss with its learnable uncertainty weights. Register it with the optimiser
/// alongside the network: its parameters (log sigma_GTV, log sigma_EGFR) exist only for
/// TaskWeighting::Uncertainty and start at 0 (sigma = 1, as in the paper).
class MultiTaskLossImpl : public torch::nn::Module {
public:
    /// Validates `config` (std::invalid_argument on a bad one).
    explicit MultiTaskLossImpl(const LossConfig& config);

    /// segLogits/segTarget [batch, 1, H, W]; egfrLogits [batch, 2]; egfrLabels [batch] int64.
    /// Inputs of a task the weighting does not use may be undefined tensors.
    LossTerms forward(const torch::Tensor& segLogits, const torch::Tensor& segTarget,
                      const torch::Tensor& egfrLogits, const torch::Tensor& egfrLabels);

    const LossConfig& config() const { return config_; }
    /// log sigma_GTV and log sigma_EGFR; undefined unless the weighting is Uncertainty.
    torch::Tensor logSigmaGtv() const { return logSigmaGtv_; }
    torch::Tensor logSigmaEgfr() const { return logSigmaEgfr_; }

private:
    LossConfig config_;
    torch::Tensor logSigmaGtv_;
    torch::Tensor logSigmaEgfr_;
};
TORCH_MODULE(MultiTaskLoss);

} // namespace metis::models
