#include "Losses.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace metis::models {
namespace {

void requireSegmentationPair(const torch::Tensor& logits, const torch::Tensor& target) {
    if (!logits.defined() || !target.defined()) {
        throw std::invalid_argument("segmentation loss: logits and target are required");
    }
    if (logits.dim() != 4 || logits.size(1) != 1 || logits.sizes() != target.sizes()) {
        throw std::invalid_argument("segmentation loss: logits " + c10::str(logits.sizes()) +
                                    " and target " + c10::str(target.sizes()) +
                                    " must both be [batch, 1, H, W]");
    }
}

} // namespace

torch::Tensor softDiceLoss(const torch::Tensor& logits, const torch::Tensor& target,
                           double smoothing) {
    requireSegmentationPair(logits, target);
    const auto probability = torch::sigmoid(logits).flatten(1);
    const auto truth = target.to(probability.scalar_type()).flatten(1);
    const auto overlap = (probability * truth).sum(1);
    const auto total = probability.sum(1) + truth.sum(1);
    return (1.0 - (2.0 * overlap + smoothing) / (total + smoothing)).mean();
}

torch::Tensor batchSoftDiceLoss(const torch::Tensor& logits, const torch::Tensor& target,
                                double smoothing) {
    requireSegmentationPair(logits, target);
    const auto probability = torch::sigmoid(logits);
    const auto truth = target.to(probability.scalar_type());
    const auto overlap = (probability * truth).sum();
    const auto total = probability.sum() + truth.sum();
    return 1.0 - (2.0 * overlap + smoothing) / (total + smoothing);
}

torch::Tensor pixelCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target) {
    requireSegmentationPair(logits, target);
    return torch::nn::functional::binary_cross_entropy_with_logits(logits,
                                                                   target.to(logits.scalar_type()));
}

torch::Tensor lesionPixelWeights(const torch::Tensor& target, int windowPixels,
                                 double shareReference, double maxWeight) {
    requireSegmentationPair(target, target);
    torch::NoGradGuard noGrad;
    const auto truth = target.to(torch::kFloat32);
    const auto share = torch::nn::functional::avg_pool2d(
        truth, torch::nn::functional::AvgPool2dFuncOptions(windowPixels)
                   .stride(1)
                   .padding(windowPixels / 2)
                   .count_include_pad(true));
    const auto lesionWeight = (shareReference / share.clamp_min(1e-6)).clamp(1.0, maxWeight);
    return 1.0 + truth * (lesionWeight - 1.0);
}

torch::Tensor lesionWeightedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target,
                                         const LossConfig& config) {
    requireSegmentationPair(logits, target);
    const auto weights = lesionPixelWeights(target, config.lesionWindowPixels,
                                            config.lesionShareReference, config.maxLesionWeight)
                             .to(logits.scalar_type());
    // A mean over all pixels, not over the weights: background keeps the scale of plain BCE.
    return torch::nn::functional::binary_cross_entropy_with_logits(
        logits, target.to(logits.scalar_type()),
        torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().weight(weights));
}

torch::Tensor focalLossSum(const torch::Tensor& logits, const torch::Tensor& target, double alpha,
                           double gamma) {
    requireSegmentationPair(logits, target);
    const auto truth = target.to(logits.scalar_type());
    // log p_t = log sigmoid(z) for metastasis pixels, log sigmoid(-z) for background.
    const auto logPt = torch::nn::functional::logsigmoid(logits * (2.0 * truth - 1.0));
    const auto alphaT = alpha * truth + (1.0 - alpha) * (1.0 - truth);
    const auto perPixel = -alphaT * torch::pow(1.0 - torch::exp(logPt), gamma) * logPt;
    return perPixel.flatten(1).sum(1).mean();
}

torch::Tensor egfrCrossEntropy(const torch::Tensor& logits, const torch::Tensor& labels) {
    if (!logits.defined() || !labels.defined() || logits.dim() != 2 || labels.dim() != 1 ||
        logits.size(0) != labels.size(0)) {
        throw std::invalid_argument("EGFR loss: expected logits [batch, 2] and labels [batch]");
    }
    return torch::nn::functional::cross_entropy(logits, labels.to(torch::kInt64));
}

MultiTaskLossImpl::MultiTaskLossImpl(const LossConfig& config) : config_(config) {
    config_.validate();
    if (config_.weighting == TaskWeighting::Uncertainty) {
        // Learning log sigma keeps sigma positive without a constraint; 0 means sigma = 1.
        logSigmaGtv_ = register_parameter("log_sigma_gtv", torch::zeros({}));
        logSigmaEgfr_ = register_parameter("log_sigma_egfr", torch::zeros({}));
    }
}

LossTerms MultiTaskLossImpl::forward(const torch::Tensor& segLogits, const torch::Tensor& segTarget,
                                     const torch::Tensor& egfrLogits,
                                     const torch::Tensor& egfrLabels) {
    LossTerms terms;
    if (config_.usesSegmentation()) {
        if (config_.segmentation == SegmentationLoss::Paper) {
            terms.dice = softDiceLoss(segLogits, segTarget, config_.diceSmoothing);
            terms.focal =
                focalLossSum(segLogits, segTarget, config_.focalAlpha, config_.focalGamma);
            terms.gtv = terms.dice + config_.focalWeight * terms.focal;
        } else {
            terms.dice = batchSoftDiceLoss(segLogits, segTarget, config_.diceSmoothing);
            terms.focal = config_.segmentation == SegmentationLoss::LesionWeighted
                              ? lesionWeightedCrossEntropy(segLogits, segTarget, config_)
                              : pixelCrossEntropy(segLogits, segTarget);
            terms.gtv = terms.dice + terms.focal;
        }
    }
    if (config_.usesClassification()) {
        terms.egfr = egfrCrossEntropy(egfrLogits, egfrLabels);
    }
    switch (config_.weighting) {
    case TaskWeighting::Uncertainty:
        // 1 / (2 sigma^2) = exp(-2 log sigma) / 2; log(sigma1 sigma2) = sum of the logs.
        terms.total = 0.5 * torch::exp(-2.0 * logSigmaGtv_) * terms.gtv +
                      0.5 * torch::exp(-2.0 * logSigmaEgfr_) * terms.egfr + logSigmaGtv_ +
                      logSigmaEgfr_;
        break;
    case TaskWeighting::Fixed:
        terms.total = config_.fixedGtvWeight * terms.gtv + config_.fixedEgfrWeight * terms.egfr;
        break;
    case TaskWeighting::SegmentationOnly:
        terms.total = terms.gtv;
        break;
    case TaskWeighting::ClassificationOnly:
        terms.total = terms.egfr;
        break;
    }
    return terms;
}

} // namespace metis::models
