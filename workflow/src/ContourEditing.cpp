#include "metis/workflow/ContourEditing.h"

#include "metis/core/ByteCodec.h"
#include "metis/core/Sha256.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace metis::workflow {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view journalMagic = "METIS-EDIT-JOURNAL 1\n";
constexpr std::size_t checksumLength = 16; // hex digits of the payload's SHA-256

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw std::runtime_error("edit journal " + path + ": " + problem);
}

std::string systemError() {
    return std::strerror(errno);
}

/// A record: payload length, payload, checksum of the payload.
std::string record(const std::string& payload) {
    std::string out;
    appendLittleEndian<std::uint32_t>(out, static_cast<std::uint32_t>(payload.size()));
    out += payload;
    out += sha256Hex(payload).substr(0, checksumLength);
    return out;
}

std::string headerPayload(const EditJournal::Header& header) {
    std::string payload = "H";
    appendLittleEndian<std::int64_t>(payload, header.seriesId);
    appendLittleEndian<std::uint8_t>(payload, header.baseStructureSetId ? 1 : 0);
    appendLittleEndian<std::int64_t>(payload, header.baseStructureSetId.value_or(0));
    appendLengthPrefixed(payload, header.username);
    for (const std::int64_t extent : header.size) {
        appendLittleEndian<std::int64_t>(payload, extent);
    }
    appendLengthPrefixed(payload, header.baseSha256);
    appendLengthPrefixed(payload, header.startedAt);
    return payload;
}

char actionCode(LabelEditor::Action action) {
    switch (action) {
    case LabelEditor::Action::Commit:
        return 'C';
    case LabelEditor::Action::Undo:
        return 'U';
    case LabelEditor::Action::Redo:
        return 'R';
    }
    return '?';
}

std::string entryPayload(LabelEditor::Action action, const LabelEditStep& step) {
    std::string payload(1, actionCode(action));
    appendLengthPrefixed(payload, step.name);
    if (action == LabelEditor::Action::Commit) {
        payload += step.delta.serialize();
    }
    return payload;
}

void writeAll(int fd, const std::string& bytes, std::int64_t offset, const std::string& path) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::pwrite(fd, bytes.data() + written, bytes.size() - written,
                                   static_cast<off_t>(offset + static_cast<std::int64_t>(written)));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail(path, "cannot write (" + systemError() + ")");
        }
        written += static_cast<std::size_t>(n);
    }
}

void syncFolderOf(const std::string& path) {
    const int folder = ::open(fs::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
}

struct ParsedJournal {
    EditJournal::Contents contents;
    std::int64_t goodLength = 0; ///< bytes up to the end of the last good record
};

ParsedJournal parse(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, "cannot be opened");
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.compare(0, journalMagic.size(), journalMagic) != 0) {
        fail(path, "not a Metis edit journal");
    }
    ParsedJournal parsed;
    std::size_t position = journalMagic.size();
    bool haveHeader = false;
    while (position < bytes.size()) {
        if (bytes.size() - position < 4) {
            parsed.contents.damagedTail = true;
            break;
        }
        ByteReader lengthReader(std::string_view(bytes).substr(position, 4), path);
        const auto length = lengthReader.get<std::uint32_t>();
        if (bytes.size() - position - 4 < static_cast<std::size_t>(length) + checksumLength) {
            parsed.contents.damagedTail = true;
            break;
        }
        const std::string payload = bytes.substr(position + 4, length);
        if (sha256Hex(payload).compare(0, checksumLength, bytes, position + 4 + length,
                                       checksumLength) != 0 ||
            payload.empty()) {
            parsed.contents.damagedTail = true;
            break;
        }
        try {
            ByteReader reader(payload, path);
            const char type = reader.get<char>();
            if (!haveHeader) {
                if (type != 'H') {
                    fail(path, "the journal does not start with its header");
                }
                EditJournal::Header& header = parsed.contents.header;
                header.seriesId = reader.get<std::int64_t>();
                const bool hasBase = reader.get<std::uint8_t>() != 0;
                const auto base = reader.get<std::int64_t>();
                if (hasBase) {
                    header.baseStructureSetId = base;
                }
                header.username = reader.lengthPrefixed();
                for (std::int64_t& extent : header.size) {
                    extent = reader.get<std::int64_t>();
                }
                header.baseSha256 = reader.lengthPrefixed();
                header.startedAt = reader.lengthPrefixed();
                haveHeader = true;
            } else {
                EditJournal::Entry entry;
                entry.action = type == 'C'   ? LabelEditor::Action::Commit
                               : type == 'U' ? LabelEditor::Action::Undo
                               : type == 'R' ? LabelEditor::Action::Redo
                                             : throw std::invalid_argument("unknown record");
                entry.step.name = reader.lengthPrefixed();
                if (entry.action == LabelEditor::Action::Commit) {
                    entry.step.delta = LabelDelta::deserialize(reader.rest());
                }
                parsed.contents.entries.push_back(std::move(entry));
            }
        } catch (const std::invalid_argument&) {
            parsed.contents.damagedTail = true;
            break;
        }
        position += 4 + length + checksumLength;
        parsed.goodLength = static_cast<std::int64_t>(position);
    }
    if (!haveHeader) {
        fail(path, "its header is missing or damaged");
    }
    return parsed;
}

} // namespace

EditJournal::EditJournal(std::string path, const Header& header) : path_(std::move(path)) {
    std::error_code error;
    fs::create_directories(fs::path(path_).parent_path(), error);
    const std::string temporary = path_ + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        fail(temporary, "cannot be created (" + systemError() + ")");
    }
    const std::string bytes = std::string(journalMagic) + record(headerPayload(header));
    try {
        writeAll(fd, bytes, 0, temporary);
        if (::fsync(fd) != 0) {
            fail(temporary, "cannot be flushed to disk (" + systemError() + ")");
        }
    } catch (...) {
        ::close(fd);
        ::unlink(temporary.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path_.c_str()) != 0) {
        const std::string problem = systemError();
        ::unlink(temporary.c_str());
        fail(path_, "cannot be put in place (" + problem + ")");
    }
    syncFolderOf(path_);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) {
        fail(path_, "cannot be opened for writing (" + systemError() + ")");
    }
    length_ = static_cast<std::int64_t>(bytes.size());
}

EditJournal EditJournal::reopen(const std::string& path) {
    const ParsedJournal parsed = parse(path);
    EditJournal journal;
    journal.path_ = path;
    journal.fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (journal.fd_ < 0) {
        fail(path, "cannot be opened for writing (" + systemError() + ")");
    }
    if (::ftruncate(journal.fd_, static_cast<off_t>(parsed.goodLength)) != 0 ||
        ::fsync(journal.fd_) != 0) {
        fail(path, "its damaged tail cannot be cut (" + systemError() + ")");
    }
    journal.length_ = parsed.goodLength;
    return journal;
}

EditJournal::~EditJournal() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

EditJournal::EditJournal(EditJournal&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_), length_(other.length_) {
    other.fd_ = -1;
}

EditJournal& EditJournal::operator=(EditJournal&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        path_ = std::move(other.path_);
        fd_ = other.fd_;
        length_ = other.length_;
        other.fd_ = -1;
    }
    return *this;
}

void EditJournal::append(LabelEditor::Action action, const LabelEditStep& step) {
    const std::string bytes = record(entryPayload(action, step));
    try {
        writeAll(fd_, bytes, length_, path_);
        if (::fdatasync(fd_) != 0) {
            fail(path_, "cannot be flushed to disk (" + systemError() + ")");
        }
    } catch (...) {
        // Cut the unacknowledged record off, so that recovery never replays it.
        if (::ftruncate(fd_, static_cast<off_t>(length_)) == 0) {
            ::fdatasync(fd_);
        }
        throw;
    }
    length_ += static_cast<std::int64_t>(bytes.size());
}

EditJournal::Contents EditJournal::read(const std::string& path) {
    return parse(path).contents;
}

EditLock::EditLock(const std::string& journalPath) {
    std::error_code error;
    fs::create_directories(fs::path(journalPath).parent_path(), error);
    const std::string path = journalPath + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        fail(path, "cannot be opened (" + systemError() + ")");
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw std::runtime_error("the contours of this series are being edited in another Metis "
                                 "window or on another workstation (" +
                                 path + " is locked); close that session first");
    }
}

EditLock::~EditLock() {
    if (fd_ >= 0) {
        ::flock(fd_, LOCK_UN);
        ::close(fd_);
    }
}

std::string labelVoxelsSha256(const LabelMap& labels) {
    Sha256 hash;
    hash.update(labels.data().data(), labels.data().size() * sizeof(std::uint16_t));
    return hash.hexDigest();
}

std::string editJournalFolder(const std::string& databasePath) {
    return (fs::absolute(databasePath).parent_path() / "edits").string();
}

std::string editJournalPath(const std::string& folder, std::int64_t seriesId) {
    return (fs::path(folder) / ("series-" + std::to_string(seriesId) + ".journal")).string();
}

ContourEditSession::ContourEditSession(db::PatientDatabase& database, db::User user,
                                       std::int64_t seriesId,
                                       std::optional<std::int64_t> baseStructureSetId,
                                       VersionLoader loader, std::string journalPath)
    : database_(database), user_(std::move(user)), seriesId_(seriesId), baseId_(baseStructureSetId),
      loader_(std::move(loader)), journalPath_(std::move(journalPath)), editor_(LabelMap{}) {
    database_.require(user_, db::Permission::EditContours, "edit contours");
    lock_ = std::make_unique<EditLock>(journalPath_);

    std::error_code error;
    if (fs::exists(journalPath_, error)) {
        std::optional<EditJournal::Contents> contents;
        try {
            contents = EditJournal::read(journalPath_);
        } catch (const std::runtime_error&) {
            // Unreadable: kept aside for inspection, never silently deleted.
            fs::rename(journalPath_, journalPath_ + ".unreadable", error);
        }
        if (contents && contents->header.seriesId == seriesId_) {
            LabelMap journalBase = loader_(contents->header.baseStructureSetId);
            if (journalBase.size() == contents->header.size &&
                labelVoxelsSha256(journalBase) == contents->header.baseSha256) {
                LabelEditor replayed(journalBase);
                std::size_t applied = 0;
                for (EditJournal::Entry& entry : contents->entries) {
                    const bool ok = entry.action == LabelEditor::Action::Commit
                                        ? replayed.replay(std::move(entry.step))
                                    : entry.action == LabelEditor::Action::Undo ? replayed.undo()
                                                                                : replayed.redo();
                    if (!ok) {
                        break;
                    }
                    ++applied;
                }
                const bool changed = replayed.mask().data() != journalBase.data();
                bool savedAlready = false;
                if (changed) {
                    const auto newest = database_.newestManualStructureSet(seriesId_);
                    savedAlready = newest &&
                                   newest->parentId == contents->header.baseStructureSetId &&
                                   loader_(newest->id).data() == replayed.mask().data();
                }
                if (changed && !savedAlready) {
                    baseId_ = contents->header.baseStructureSetId;
                    base_ = std::move(journalBase);
                    editor_ = std::move(replayed);
                    recoveredSteps_ = applied;
                    journal_ = EditJournal::reopen(journalPath_);
                    return;
                }
            }
        }
    }
    base_ = loader_(baseId_);
    editor_ = LabelEditor(base_);
    startFreshJournal();
}

void ContourEditSession::startFreshJournal() {
    journal_.reset();
    EditJournal::Header header;
    header.seriesId = seriesId_;
    header.baseStructureSetId = baseId_;
    header.username = user_.username;
    header.size = base_.size();
    header.baseSha256 = labelVoxelsSha256(base_);
    header.startedAt = db::utcTimestamp();
    journal_.emplace(journalPath_, header);
}

LabelEditor::Persist ContourEditSession::journalWriter() {
    return [this](LabelEditor::Action action, const LabelEditStep& step) {
        journal_->append(action, step);
    };
}

bool ContourEditSession::commit() {
    try {
        return editor_.commit(journalWriter());
    } catch (...) {
        editor_.cancel();
        throw;
    }
}

bool ContourEditSession::undo() {
    return editor_.undo(journalWriter());
}

bool ContourEditSession::redo() {
    return editor_.redo(journalWriter());
}

bool ContourEditSession::hasUnsavedEdits() const {
    return editor_.mask().data() != base_.data();
}

db::StructureSetVersion ContourEditSession::save(const std::string& note) {
    if (editor_.stepOpen()) {
        throw std::logic_error("contour editing: finish the open step before saving");
    }
    const auto version =
        database_.saveStructureSetVersion(user_, seriesId_, editor_.mask(), baseId_, note);
    // A crash from here until the fresh journal is in place leaves the old journal; the next
    // session recognises its steps as saved (the newest version equals them) and drops it.
    base_ = editor_.mask();
    baseId_ = version.id;
    editor_.clearHistory();
    startFreshJournal();
    return version;
}

void ContourEditSession::discardEdits() {
    if (editor_.stepOpen()) {
        editor_.cancel();
    }
    editor_ = LabelEditor(base_);
    recoveredSteps_ = 0;
    startFreshJournal();
}

} // namespace metis::workflow
