#pragma once

#include "metis/core/ImageGeometry.h"
#include "metis/core/Volume.h"

#include <cstdint>
#include <string>
#include <vector>

namespace metis::viewer {

/// One row of the lesion navigator.
struct LesionEntry {
    enum class Kind {
        Matched,       ///< a manual lesion that the prediction overlaps
        ManualOnly,    ///< a manual lesion the prediction missed (or no prediction loaded)
        PredictedOnly, ///< a predicted lesion without a manual one (or no manual GTV loaded)
    };
    Kind kind = Kind::Matched;
    std::uint16_t manualId = 0;    ///< component number in the manual GTV (0: none)
    std::uint16_t predictedId = 0; ///< component number in the prediction (0: none)
    Vec3 centreMm{0, 0, 0};        ///< where the views go: the manual centroid when there is one
    double diameterMm = 0.0;
    double volumeMl = 0.0;
    double dice = 0.0; ///< matched pairs only
    std::string description() const;
};

/// The lesions of a manual and a predicted GTV (either may be null), matched with core's
/// lesion-wise matching (connected components, 26-connected, matched when sharing a voxel):
/// matched pairs first, then missed manual lesions, then predicted-only lesions, each group in
/// component order. Both maps must share a grid when both are given (std::invalid_argument).
std::vector<LesionEntry> buildLesionList(const LabelMap* manual, const LabelMap* predicted);

} // namespace metis::viewer
