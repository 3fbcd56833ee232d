#pragma once

#include "metis/core/Volume.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace metis {

/// A run of equal label values in raster order (i fastest, then j, then k).
struct LabelRun {
    std::uint16_t value = 0;
    std::uint32_t length = 0;
};

/// What one edit step changed: the box around every changed voxel and the label values inside
/// it before and after the step, run-length encoded. A stroke across a slice costs a few runs
/// per row, not a copy of the volume.
struct LabelDelta {
    Size3 boxMin{0, 0, 0}; ///< voxel indices, inclusive
    Size3 boxMax{-1, -1, -1};
    std::vector<LabelRun> before;
    std::vector<LabelRun> after;
    std::size_t changedVoxels = 0;

    bool empty() const { return changedVoxels == 0; }
    /// Memory the delta holds (what the history's cap counts).
    std::size_t bytes() const;
    /// Writes the before (undo) or after (redo) values into `mask`; throws std::invalid_argument
    /// when the box does not fit the mask or the runs do not fill the box.
    void applyBefore(LabelMap& mask) const;
    void applyAfter(LabelMap& mask) const;

    /// A self-contained binary form (little endian) for the edit journal, and its inverse,
    /// which throws std::invalid_argument on a truncated or inconsistent record.
    std::string serialize() const;
    static LabelDelta deserialize(std::string_view bytes);
};

/// One named step of the undo history ("Brush", "Interpolate slices 12-18", ...).
struct LabelEditStep {
    std::string name;
    LabelDelta delta;
};

/// Edits a label map in named steps with undo and redo. Voxels change only between begin() and
/// commit(); the editor remembers the first value of every voxel a step touches, and commit()
/// turns that into a LabelDelta, so a step stores only what changed. The history drops its
/// oldest steps once it holds more than `historyCapBytes`.
///
/// Each change of state (commit, undo, redo) can be made durable before it takes effect: the
/// `persist` callback receives the step (and whether it is a new step, an undo or a redo) and may
/// write it to a journal; if it throws, the editor is left exactly as before the call and the
/// exception propagates. Nothing is acknowledged that was not persisted.
class LabelEditor {
public:
    enum class Action { Commit, Undo, Redo };
    using Persist = std::function<void(Action, const LabelEditStep&)>;

    explicit LabelEditor(LabelMap mask, std::size_t historyCapBytes = 256u << 20);

    const LabelMap& mask() const { return mask_; }
    const ImageGeometry& geometry() const { return mask_.geometry(); }

    /// Opens a step; throws std::logic_error when one is open already.
    void begin(std::string name);
    bool stepOpen() const { return open_; }
    /// Sets one voxel (linear index) inside the open step; throws std::logic_error outside one.
    void set(std::size_t linearIndex, std::uint16_t value);
    std::uint16_t value(std::size_t linearIndex) const { return mask_.data()[linearIndex]; }
    /// Renames the open step (an interpolation names its slice range once it knows it).
    void renameStep(std::string name);
    /// Closes the step. Returns false (and records nothing) when no voxel ended up changed.
    bool commit(const Persist& persist = {});
    /// Closes the step and restores every voxel it changed (a cancelled stroke).
    void cancel();

    /// Re-applies a recorded step (from a journal) as a new step: returns false and changes
    /// nothing unless the step's box holds exactly its before-values now.
    bool replay(LabelEditStep step);

    bool canUndo() const { return !undo_.empty(); }
    bool canRedo() const { return !redo_.empty(); }
    /// Name of the step undo() / redo() would act on, empty when there is none.
    std::string undoName() const;
    std::string redoName() const;
    /// Both return false when there is nothing to undo / redo; throw std::logic_error while a
    /// step is open.
    bool undo(const Persist& persist = {});
    bool redo(const Persist& persist = {});

    std::size_t undoSteps() const { return undo_.size(); }
    std::size_t redoSteps() const { return redo_.size(); }
    std::size_t historyBytes() const { return historyBytes_; }
    /// Forgets the history (after a save, for example); the mask stays as it is.
    void clearHistory();

private:
    LabelDelta deltaOfOpenStep() const;
    void pushStep(LabelEditStep step);
    void enforceCap();

    LabelMap mask_;
    std::size_t historyCapBytes_;
    bool open_ = false;
    std::string stepName_;
    std::unordered_map<std::size_t, std::uint16_t> firstValues_;
    std::deque<LabelEditStep> undo_;
    std::vector<LabelEditStep> redo_;
    std::size_t historyBytes_ = 0;
};

} // namespace metis
