#include "metis/viewer/LesionNavigator.h"

#include "metis/core/ConnectedComponents.h"
#include "metis/core/SegmentationMetrics.h"

#include <cstdio>

namespace metis::viewer {

namespace {

LesionEntry entryFor(LesionEntry::Kind kind, const ComponentStats& component) {
    LesionEntry entry;
    entry.kind = kind;
    entry.centreMm = component.centroidMm;
    entry.diameterMm = component.maxDiameterMm;
    entry.volumeMl = component.volumeMl;
    return entry;
}

} // namespace

std::string LesionEntry::description() const {
    char buffer[160];
    switch (kind) {
    case Kind::Matched:
        std::snprintf(buffer, sizeof buffer,
                      "Manual %u / predicted %u: %.1f mm, %.2f ml, Dice %.2f", manualId,
                      predictedId, diameterMm, volumeMl, dice);
        break;
    case Kind::ManualOnly:
        std::snprintf(buffer, sizeof buffer, "Manual %u (not predicted): %.1f mm, %.2f ml",
                      manualId, diameterMm, volumeMl);
        break;
    case Kind::PredictedOnly:
        std::snprintf(buffer, sizeof buffer, "Predicted %u (no manual): %.1f mm, %.2f ml",
                      predictedId, diameterMm, volumeMl);
        break;
    }
    return buffer;
}

std::vector<LesionEntry> buildLesionList(const LabelMap* manual, const LabelMap* predicted) {
    std::vector<LesionEntry> entries;
    if (manual && predicted) {
        SegmentationOptions options;
        options.perSlice = false;
        options.connectivity = Connectivity::Full26;
        const SegmentationReport report = evaluateSegmentation(*manual, *predicted, options);
        // Same labelling as the matching, so the component numbers agree.
        const ComponentLabeling manualComponents =
            labelConnectedComponents(*manual, options.connectivity);
        const ComponentLabeling predictedComponents =
            labelConnectedComponents(*predicted, options.connectivity);
        std::vector<LesionEntry> missed;
        for (const LesionRow& row : report.lesions.rows) {
            const ComponentStats& component = manualComponents.components.at(row.referenceId - 1);
            if (row.matchedPredictionId == 0) {
                LesionEntry entry = entryFor(LesionEntry::Kind::ManualOnly, component);
                entry.manualId = row.referenceId;
                missed.push_back(entry);
                continue;
            }
            LesionEntry entry = entryFor(LesionEntry::Kind::Matched, component);
            entry.manualId = row.referenceId;
            entry.predictedId = row.matchedPredictionId;
            entry.dice = row.dice;
            entries.push_back(entry);
        }
        entries.insert(entries.end(), missed.begin(), missed.end());
        for (const FalsePositiveLesion& falsePositive : report.lesions.falsePositives) {
            LesionEntry entry =
                entryFor(LesionEntry::Kind::PredictedOnly,
                         predictedComponents.components.at(falsePositive.predictionId - 1));
            entry.predictedId = falsePositive.predictionId;
            entries.push_back(entry);
        }
        return entries;
    }
    if (manual) {
        for (const ComponentStats& component : labelConnectedComponents(*manual).components) {
            LesionEntry entry = entryFor(LesionEntry::Kind::ManualOnly, component);
            entry.manualId = component.label;
            entries.push_back(entry);
        }
    } else if (predicted) {
        for (const ComponentStats& component : labelConnectedComponents(*predicted).components) {
            LesionEntry entry = entryFor(LesionEntry::Kind::PredictedOnly, component);
            entry.predictedId = component.label;
            entries.push_back(entry);
        }
    }
    return entries;
}

} // namespace metis::viewer
