#pragma once

#include "metis/core/LabelEditor.h"
#include "metis/database/PatientDatabase.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace metis::workflow {

/// The on-disk record of a contour-editing session's unsaved steps. Every step (and every undo
/// and redo) is appended and flushed to disk before the editor acknowledges it, so a crash or a
/// SIGKILL loses at most the step being made. Each record carries its length and a checksum; a
/// torn tail is recognised and ignored on reading.
class EditJournal {
public:
    struct Header {
        std::int64_t seriesId = 0;
        std::optional<std::int64_t> baseStructureSetId; ///< the version the edits start from
        std::string username;
        Size3 size{0, 0, 0};
        std::string baseSha256; ///< of the base label map's voxels
        std::string startedAt;
    };
    struct Entry {
        LabelEditor::Action action = LabelEditor::Action::Commit;
        LabelEditStep step; ///< the step's name only for undo and redo
    };
    struct Contents {
        Header header;
        std::vector<Entry> entries;
        bool damagedTail = false; ///< bytes after the last good record (a torn write)
    };

    /// Creates the journal at `path` durably (a temporary file renamed over any old journal).
    /// Throws std::runtime_error naming the file and the problem.
    EditJournal(std::string path, const Header& header);
    /// Reopens an existing journal for appending after its last good record (a torn tail is cut).
    static EditJournal reopen(const std::string& path);
    ~EditJournal();
    EditJournal(EditJournal&& other) noexcept;
    EditJournal& operator=(EditJournal&& other) noexcept;
    EditJournal(const EditJournal&) = delete;
    EditJournal& operator=(const EditJournal&) = delete;

    /// Appends one record and flushes it to disk; on any failure the file is cut back to its
    /// previous length and std::runtime_error names the file and the problem.
    void append(LabelEditor::Action action, const LabelEditStep& step);
    const std::string& path() const { return path_; }

    /// Reads a journal; throws std::runtime_error when its header cannot be read.
    static Contents read(const std::string& path);

private:
    EditJournal() = default;
    std::string path_;
    int fd_ = -1;
    std::int64_t length_ = 0;
};

/// SHA-256 of a label map's voxel values: what a journal checks its base against.
std::string labelVoxelsSha256(const LabelMap& labels);

/// Where the edit journals of a database live: "<database folder>/edits".
std::string editJournalFolder(const std::string& databasePath);
/// The journal of one series in that folder.
std::string editJournalPath(const std::string& folder, std::int64_t seriesId);

/// Holds a series' editing lock ("<journal>.lock", an exclusive flock) for its lifetime: a second
/// session on the same series, in this process or another workstation process on the same
/// database, is refused instead of writing into the same journal.
class EditLock {
public:
    /// Throws std::runtime_error when the series is being edited elsewhere.
    explicit EditLock(const std::string& journalPath);
    ~EditLock();
    EditLock(const EditLock&) = delete;
    EditLock& operator=(const EditLock&) = delete;

private:
    int fd_ = -1;
};

/// Loads the label map of a structure set version on the series grid (nullopt: an empty map on
/// the series grid, for a series without contours). The GUI and the CLI pass their loader.
using VersionLoader = std::function<LabelMap(std::optional<std::int64_t> structureSetId)>;

/// Editing one series' contours: a LabelEditor whose every acknowledged step is journalled,
/// saved as new structure set versions, recovered after a crash.
class ContourEditSession {
public:
    /// Opens a session on version `baseStructureSetId` of the series (needs EditContours; a
    /// refusal is audited). When the series' journal holds unsaved steps from an earlier session
    /// that ended without saving, the session continues from them instead (on the version they
    /// started from, with their undo history): recoveredSteps() says how many, and the caller
    /// offers to keep or discard them. A journal whose steps were saved already is discarded.
    /// Throws std::runtime_error when another session edits the series (EditLock).
    ContourEditSession(db::PatientDatabase& database, db::User user, std::int64_t seriesId,
                       std::optional<std::int64_t> baseStructureSetId, VersionLoader loader,
                       std::string journalPath);

    LabelEditor& editor() { return editor_; }
    const LabelMap& mask() const { return editor_.mask(); }
    std::int64_t seriesId() const { return seriesId_; }
    std::optional<std::int64_t> baseStructureSetId() const { return baseId_; }
    std::size_t recoveredSteps() const { return recoveredSteps_; }

    /// Opens a step on the editor (tools then write voxels through editor().set()).
    void begin(const std::string& name) { editor_.begin(name); }
    /// Journals and closes the open step. Returns false when it changed nothing. When the
    /// journal cannot be written, the step's voxels are restored and the error propagates.
    bool commit();
    bool undo();
    bool redo();
    /// Whether the mask differs from the base version.
    bool hasUnsavedEdits() const;

    /// Saves the mask as a new version (parent: the base) and starts a fresh journal on it.
    db::StructureSetVersion save(const std::string& note);
    /// Drops every unsaved edit: back to the base version, empty history, fresh journal.
    void discardEdits();

private:
    void startFreshJournal();
    LabelEditor::Persist journalWriter();

    db::PatientDatabase& database_;
    db::User user_;
    std::int64_t seriesId_ = 0;
    std::optional<std::int64_t> baseId_;
    VersionLoader loader_;
    std::string journalPath_;
    std::unique_ptr<EditLock> lock_;
    LabelMap base_;
    LabelEditor editor_;
    std::optional<EditJournal> journal_;
    std::size_t recoveredSteps_ = 0;
};

} // namespace metis::workflow
