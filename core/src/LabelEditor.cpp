#include "metis/core/LabelEditor.h"

#include "metis/core/ByteCodec.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace metis {

namespace {

class RunBuilder {
public:
    explicit RunBuilder(std::vector<LabelRun>& runs) : runs_(runs) {}
    void append(std::uint16_t value) {
        if (!runs_.empty() && runs_.back().value == value &&
            runs_.back().length < std::numeric_limits<std::uint32_t>::max()) {
            ++runs_.back().length;
        } else {
            runs_.push_back({value, 1});
        }
    }

private:
    std::vector<LabelRun>& runs_;
};

std::size_t boxVoxelCount(const Size3& lo, const Size3& hi) {
    std::size_t count = 1;
    for (int axis = 0; axis < 3; ++axis) {
        if (hi[axis] < lo[axis]) {
            return 0;
        }
        count *= static_cast<std::size_t>(hi[axis] - lo[axis] + 1);
    }
    return count;
}

/// Calls visit(linearIndex) for every voxel of the box in raster order, which is also
/// increasing linear-index order.
template <typename Visit>
void forEachInBox(const ImageGeometry& g, const Size3& lo, const Size3& hi, Visit&& visit) {
    for (std::int64_t k = lo[2]; k <= hi[2]; ++k) {
        for (std::int64_t j = lo[1]; j <= hi[1]; ++j) {
            const std::size_t row = g.linearIndex(0, j, k);
            for (std::int64_t i = lo[0]; i <= hi[0]; ++i) {
                visit(row + static_cast<std::size_t>(i));
            }
        }
    }
}

/// Calls visit(linearIndex, value) for every voxel of the delta's box with the runs' value
/// there, after checking that the box fits the mask and the runs fill it exactly.
template <typename Visit>
void forEachRunVoxel(const LabelDelta& delta, const std::vector<LabelRun>& runs,
                     const ImageGeometry& g, Visit&& visit) {
    for (int axis = 0; axis < 3; ++axis) {
        if (delta.boxMin[axis] < 0 || delta.boxMax[axis] >= g.size[axis]) {
            throw std::invalid_argument("label delta: its box lies outside the label map");
        }
    }
    std::size_t total = 0;
    for (const LabelRun& run : runs) {
        total += run.length;
    }
    if (total != boxVoxelCount(delta.boxMin, delta.boxMax)) {
        throw std::invalid_argument("label delta: its runs do not fill its box");
    }
    auto run = runs.begin();
    std::uint32_t usedOfRun = 0;
    forEachInBox(g, delta.boxMin, delta.boxMax, [&](std::size_t index) {
        if (usedOfRun == run->length) {
            ++run;
            usedOfRun = 0;
        }
        visit(index, run->value);
        ++usedOfRun;
    });
}

void applyRuns(const LabelDelta& delta, const std::vector<LabelRun>& runs, LabelMap& mask) {
    std::vector<std::uint16_t>& data = mask.data();
    forEachRunVoxel(delta, runs, mask.geometry(),
                    [&](std::size_t index, std::uint16_t value) { data[index] = value; });
}

void putRuns(std::string& out, const std::vector<LabelRun>& runs) {
    appendLittleEndian<std::uint64_t>(out, runs.size());
    for (const LabelRun& run : runs) {
        appendLittleEndian<std::uint16_t>(out, run.value);
        appendLittleEndian<std::uint32_t>(out, run.length);
    }
}

std::vector<LabelRun> getRuns(ByteReader& reader, std::size_t boxVoxels) {
    const auto count = reader.get<std::uint64_t>();
    if (count > boxVoxels) {
        throw std::invalid_argument("label delta: more runs than voxels in its box");
    }
    std::vector<LabelRun> runs(static_cast<std::size_t>(count));
    std::size_t total = 0;
    for (LabelRun& run : runs) {
        run.value = reader.get<std::uint16_t>();
        run.length = reader.get<std::uint32_t>();
        if (run.length == 0) {
            throw std::invalid_argument("label delta: a run of length 0");
        }
        total += run.length;
    }
    if (total != boxVoxels) {
        throw std::invalid_argument("label delta: its runs do not fill its box");
    }
    return runs;
}

constexpr std::uint32_t deltaFormat = 1;

} // namespace

std::size_t LabelDelta::bytes() const {
    return sizeof(LabelDelta) + (before.capacity() + after.capacity()) * sizeof(LabelRun);
}

void LabelDelta::applyBefore(LabelMap& mask) const {
    if (!empty()) {
        applyRuns(*this, before, mask);
    }
}

void LabelDelta::applyAfter(LabelMap& mask) const {
    if (!empty()) {
        applyRuns(*this, after, mask);
    }
}

std::string LabelDelta::serialize() const {
    std::string out;
    out.reserve(64 + 6 * (before.size() + after.size()));
    appendLittleEndian<std::uint32_t>(out, deltaFormat);
    for (int axis = 0; axis < 3; ++axis) {
        appendLittleEndian<std::int64_t>(out, boxMin[axis]);
        appendLittleEndian<std::int64_t>(out, boxMax[axis]);
    }
    appendLittleEndian<std::uint64_t>(out, changedVoxels);
    putRuns(out, before);
    putRuns(out, after);
    return out;
}

LabelDelta LabelDelta::deserialize(std::string_view bytes) {
    ByteReader reader(bytes, "label delta");
    if (reader.get<std::uint32_t>() != deltaFormat) {
        throw std::invalid_argument("label delta: unknown record format");
    }
    LabelDelta delta;
    for (int axis = 0; axis < 3; ++axis) {
        delta.boxMin[axis] = reader.get<std::int64_t>();
        delta.boxMax[axis] = reader.get<std::int64_t>();
        if (delta.boxMin[axis] < 0 || delta.boxMax[axis] > (std::int64_t{1} << 32)) {
            throw std::invalid_argument("label delta: an impossible box");
        }
    }
    delta.changedVoxels = static_cast<std::size_t>(reader.get<std::uint64_t>());
    const std::size_t boxVoxels = boxVoxelCount(delta.boxMin, delta.boxMax);
    if (delta.changedVoxels > boxVoxels) {
        throw std::invalid_argument("label delta: more changed voxels than its box holds");
    }
    delta.before = getRuns(reader, boxVoxels);
    delta.after = getRuns(reader, boxVoxels);
    if (!reader.atEnd()) {
        throw std::invalid_argument("label delta: trailing bytes after the record");
    }
    return delta;
}

LabelEditor::LabelEditor(LabelMap mask, std::size_t historyCapBytes)
    : mask_(std::move(mask)), historyCapBytes_(historyCapBytes) {}

void LabelEditor::begin(std::string name) {
    if (open_) {
        throw std::logic_error("label editor: a step is open already");
    }
    open_ = true;
    stepName_ = std::move(name);
    firstValues_.clear();
}

void LabelEditor::set(std::size_t linearIndex, std::uint16_t value) {
    if (!open_) {
        throw std::logic_error("label editor: voxels change only inside a step");
    }
    std::uint16_t& voxel = mask_.data().at(linearIndex);
    if (voxel == value) {
        return;
    }
    firstValues_.try_emplace(linearIndex, voxel);
    voxel = value;
}

void LabelEditor::renameStep(std::string name) {
    if (!open_) {
        throw std::logic_error("label editor: no step is open");
    }
    stepName_ = std::move(name);
}

LabelDelta LabelEditor::deltaOfOpenStep() const {
    std::vector<std::pair<std::size_t, std::uint16_t>> changed;
    changed.reserve(firstValues_.size());
    for (const auto& [index, first] : firstValues_) {
        if (mask_.data()[index] != first) {
            changed.emplace_back(index, first);
        }
    }
    LabelDelta delta;
    if (changed.empty()) {
        return delta;
    }
    std::sort(changed.begin(), changed.end());
    const ImageGeometry& g = mask_.geometry();
    const std::size_t nx = static_cast<std::size_t>(g.size[0]);
    const std::size_t nxy = nx * static_cast<std::size_t>(g.size[1]);
    delta.boxMin = {g.size[0], g.size[1], g.size[2]};
    delta.boxMax = {-1, -1, -1};
    for (const auto& entry : changed) {
        const Size3 index{static_cast<std::int64_t>(entry.first % nx),
                          static_cast<std::int64_t>((entry.first % nxy) / nx),
                          static_cast<std::int64_t>(entry.first / nxy)};
        for (int axis = 0; axis < 3; ++axis) {
            delta.boxMin[axis] = std::min(delta.boxMin[axis], index[axis]);
            delta.boxMax[axis] = std::max(delta.boxMax[axis], index[axis]);
        }
    }
    delta.changedVoxels = changed.size();
    RunBuilder before(delta.before);
    RunBuilder after(delta.after);
    auto next = changed.begin();
    forEachInBox(g, delta.boxMin, delta.boxMax, [&](std::size_t index) {
        const std::uint16_t now = mask_.data()[index];
        after.append(now);
        if (next != changed.end() && next->first == index) {
            before.append(next->second);
            ++next;
        } else {
            before.append(now);
        }
    });
    delta.before.shrink_to_fit();
    delta.after.shrink_to_fit();
    return delta;
}

bool LabelEditor::commit(const Persist& persist) {
    if (!open_) {
        throw std::logic_error("label editor: no step is open");
    }
    LabelEditStep step{stepName_, deltaOfOpenStep()};
    if (step.delta.empty()) {
        open_ = false;
        firstValues_.clear();
        return false;
    }
    if (persist) {
        persist(Action::Commit, step); // on failure the step stays open; the caller cancels it
    }
    open_ = false;
    firstValues_.clear();
    pushStep(std::move(step));
    return true;
}

bool LabelEditor::replay(LabelEditStep step) {
    if (open_) {
        throw std::logic_error("label editor: finish the open step before replaying one");
    }
    if (step.delta.empty()) {
        return false;
    }
    bool holdsBefore = true;
    try {
        forEachRunVoxel(step.delta, step.delta.before, mask_.geometry(),
                        [&](std::size_t index, std::uint16_t value) {
                            holdsBefore = holdsBefore && mask_.data()[index] == value;
                        });
    } catch (const std::invalid_argument&) {
        return false;
    }
    if (!holdsBefore) {
        return false;
    }
    step.delta.applyAfter(mask_);
    pushStep(std::move(step));
    return true;
}

void LabelEditor::cancel() {
    if (!open_) {
        return;
    }
    for (const auto& [index, first] : firstValues_) {
        mask_.data()[index] = first;
    }
    open_ = false;
    firstValues_.clear();
}

std::string LabelEditor::undoName() const {
    return undo_.empty() ? std::string{} : undo_.back().name;
}

std::string LabelEditor::redoName() const {
    return redo_.empty() ? std::string{} : redo_.back().name;
}

bool LabelEditor::undo(const Persist& persist) {
    if (open_) {
        throw std::logic_error("label editor: finish the open step before undoing");
    }
    if (undo_.empty()) {
        return false;
    }
    if (persist) {
        persist(Action::Undo, undo_.back());
    }
    undo_.back().delta.applyBefore(mask_);
    redo_.push_back(std::move(undo_.back()));
    undo_.pop_back();
    return true;
}

bool LabelEditor::redo(const Persist& persist) {
    if (open_) {
        throw std::logic_error("label editor: finish the open step before redoing");
    }
    if (redo_.empty()) {
        return false;
    }
    if (persist) {
        persist(Action::Redo, redo_.back());
    }
    redo_.back().delta.applyAfter(mask_);
    undo_.push_back(std::move(redo_.back()));
    redo_.pop_back();
    return true;
}

void LabelEditor::clearHistory() {
    undo_.clear();
    redo_.clear();
    historyBytes_ = 0;
}

void LabelEditor::pushStep(LabelEditStep step) {
    // A new step makes the undone steps unreachable.
    for (const LabelEditStep& dropped : redo_) {
        historyBytes_ -= dropped.delta.bytes();
    }
    redo_.clear();
    historyBytes_ += step.delta.bytes();
    undo_.push_back(std::move(step));
    enforceCap();
}

void LabelEditor::enforceCap() {
    // The newest step always stays undoable, even when it alone exceeds the cap.
    while (historyBytes_ > historyCapBytes_ && undo_.size() > 1) {
        historyBytes_ -= undo_.front().delta.bytes();
        undo_.pop_front();
    }
}

} // namespace metis
