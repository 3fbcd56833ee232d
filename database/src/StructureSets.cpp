// Structure set versions written by the contour editor, the queries that list them, and their
// review status.
#include "LesionRows.h"
#include "StoredLabelMap.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/VolumeIO.h"

#include <atomic>
#include <filesystem>
#include <unistd.h>

namespace metis::db {
namespace fs = std::filesystem;
namespace {

// Removes the temporary label-map file however the store ends.
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path path) : path_(std::move(path)) {}
    ~TemporaryFile() {
        std::error_code ignored;
        fs::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

} // namespace

ManagedStorage::StoredFile storeLabelMap(ManagedStorage& storage, const LabelMap& labels) {
    static std::atomic<unsigned> counter{0};
    const TemporaryFile file(
        fs::path(storage.root()) / "tmp" /
        ("labels-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".nii.gz"));
    imaging::writeLabelMap(labels, file.path());
    auto stored = storage.store(file.path().string(), ".nii.gz");
    storage.flushToDisk();
    return stored;
}

StructureSetVersion PatientDatabase::saveStructureSetVersion(const User& user,
                                                             std::int64_t seriesId,
                                                             const LabelMap& lesions,
                                                             std::optional<std::int64_t> parentId,
                                                             const std::string& note) {
    require(user, Permission::EditContours, "save edited contours");
    if (parentId) {
        const auto parent = structureSetVersion(*parentId);
        if (!parent || parent->seriesId != seriesId) {
            throw DatabaseError("structure set " + std::to_string(*parentId) +
                                " is not a version of series " + std::to_string(seriesId));
        }
    }
    const auto figures = measureLabelledLesions(lesions);
    // Storage first (content-addressed): an aborted transaction leaves at most an unreferenced
    // file, never a row pointing at nothing.
    const auto stored = storeLabelMap(storage_, lesions);

    Transaction transaction(db_);
    auto series = db_.prepare("SELECT id FROM series WHERE id = ?");
    series.bind(1, seriesId);
    if (!series.step()) {
        throw DatabaseError("no series with id " + std::to_string(seriesId));
    }
    const std::string createdAt = utcTimestamp();
    db_.prepare("INSERT INTO structure_sets(series_ref, source, author, created_at, parent_ref, "
                "sha256, label_path, label_convention, note) "
                "VALUES (?, 'manual', ?, ?, ?, ?, ?, 'metis_instances', ?)")
        .bind(1, seriesId)
        .bind(2, user.username)
        .bind(3, createdAt)
        .bind(4, parentId ? SqlValue(*parentId) : SqlValue(nullptr))
        .bind(5, stored.sha256)
        .bind(6, stored.relativePath)
        .bind(7, note)
        .step();
    const std::int64_t id = db_.lastInsertRowId();
    insertLesionRows(db_, id, figures);
    appendAudit(user.username, "structure_set.save", "structure_set", std::to_string(id),
                "series " + std::to_string(seriesId) + ", parent " +
                    (parentId ? std::to_string(*parentId) : std::string("none")) + ", " +
                    std::to_string(figures.size()) + " lesions" +
                    (note.empty() ? std::string{} : ", note: " + note));
    transaction.commit();
    auto saved = structureSetVersion(id);
    if (!saved) {
        throw DatabaseError("structure set " + std::to_string(id) + " vanished after saving");
    }
    return *saved;
}

namespace {
constexpr const char* versionColumns =
    "SELECT id, series_ref, source, author, created_at, parent_ref, review_status, note, "
    "file_path, label_path, coalesce(label_convention, ''), coalesce(sha256, '') "
    "FROM structure_sets ";
} // namespace

std::vector<StructureSetVersion> PatientDatabase::structureSetVersions(std::int64_t seriesId) {
    auto query =
        db_.prepare(std::string(versionColumns) + "WHERE series_ref = ? ORDER BY created_at, id");
    query.bind(1, seriesId);
    std::vector<StructureSetVersion> versions;
    while (query.step()) {
        StructureSetVersion version;
        version.id = query.columnInt(0);
        version.seriesId = query.columnInt(1);
        version.source = query.columnText(2);
        version.author = query.columnText(3);
        version.createdAt = query.columnText(4);
        if (!query.columnIsNull(5)) {
            version.parentId = query.columnInt(5);
        }
        version.reviewStatus = query.columnText(6);
        version.note = query.columnText(7);
        if (!query.columnIsNull(8)) {
            version.rtstructPath = storage_.absolutePath(query.columnText(8));
        }
        if (!query.columnIsNull(9)) {
            version.labelMapPath = storage_.absolutePath(query.columnText(9));
        }
        version.labelConvention = query.columnText(10);
        version.sha256 = query.columnText(11);
        versions.push_back(std::move(version));
    }
    return versions;
}

std::optional<StructureSetVersion>
PatientDatabase::structureSetVersion(std::int64_t structureSetId) {
    auto series = db_.prepare("SELECT series_ref FROM structure_sets WHERE id = ?");
    series.bind(1, structureSetId);
    if (!series.step()) {
        return std::nullopt;
    }
    for (auto& version : structureSetVersions(series.columnInt(0))) {
        if (version.id == structureSetId) {
            return std::move(version);
        }
    }
    return std::nullopt;
}

std::optional<StructureSetVersion>
PatientDatabase::newestManualStructureSet(std::int64_t seriesId) {
    auto versions = structureSetVersions(seriesId);
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        if (it->source == "manual" || it->source == "imported") {
            return std::move(*it);
        }
    }
    return std::nullopt;
}

void PatientDatabase::setReviewStatus(const User& user, std::int64_t structureSetId,
                                      const std::string& status) {
    if (status == "approved" || status == "locked") {
        require(user, Permission::ApproveStructureSet, "set a structure set to " + status);
    } else {
        require(user, Permission::EditContours, "change a structure set's review status");
    }
    Transaction transaction(db_);
    auto current = db_.prepare("SELECT review_status FROM structure_sets WHERE id = ?");
    current.bind(1, structureSetId);
    if (!current.step()) {
        throw DatabaseError("no structure set with id " + std::to_string(structureSetId));
    }
    const std::string previous = current.columnText(0);
    if (previous == "locked") {
        throw DatabaseError("structure set " + std::to_string(structureSetId) +
                            " is locked and cannot change");
    }
    db_.prepare("UPDATE structure_sets SET review_status = ? WHERE id = ?")
        .bind(1, status)
        .bind(2, structureSetId)
        .step();
    appendAudit(user.username, "structure_set.review", "structure_set",
                std::to_string(structureSetId), previous + " -> " + status);
    transaction.commit();
}

} // namespace metis::db
