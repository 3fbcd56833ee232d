// Structure set versions written by the contour editor, the queries that list them, and their
// review status.
#include "StoredLabelMap.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/VolumeIO.h"

#include <atomic>
#include <filesystem>
#include <map>
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

struct LesionFigures {
    std::uint16_t label = 0;
    double volumeMl = 0.0;
    Vec3 centreMm{0, 0, 0};
    double maxDiameterMm = 0.0;
};

/// Volume, centre and largest extent of every label value, numbers kept as they are.
std::vector<LesionFigures> lesionFigures(const LabelMap& lesions) {
    const ImageGeometry& g = lesions.geometry();
    std::map<std::uint16_t, std::vector<std::size_t>> voxels;
    for (std::size_t index = 0; index < lesions.data().size(); ++index) {
        if (lesions.data()[index] != 0) {
            voxels[lesions.data()[index]].push_back(index);
        }
    }
    const double voxelMl = g.spacing[0] * g.spacing[1] * g.spacing[2] / 1000.0;
    const auto nx = static_cast<std::size_t>(g.size[0]);
    const auto nxy = nx * static_cast<std::size_t>(g.size[1]);
    std::vector<LesionFigures> figures;
    for (const auto& [label, indices] : voxels) {
        Vec3 sum{0, 0, 0};
        for (const std::size_t index : indices) {
            sum[0] += static_cast<double>(index % nx);
            sum[1] += static_cast<double>((index % nxy) / nx);
            sum[2] += static_cast<double>(index / nxy);
        }
        const double count = static_cast<double>(indices.size());
        LesionFigures lesion;
        lesion.label = label;
        lesion.volumeMl = count * voxelMl;
        lesion.centreMm = g.indexToPatient({sum[0] / count, sum[1] / count, sum[2] / count});
        lesion.maxDiameterMm = maxVoxelDistanceMm(g, indices);
        figures.push_back(lesion);
    }
    return figures;
}

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
    const auto figures = lesionFigures(lesions);
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
    auto lesionRow = db_.prepare(
        "INSERT INTO lesions(structure_set_ref, label_value, volume_ml, centre_x, centre_y, "
        "centre_z, max_diameter_mm) VALUES (?,?,?,?,?,?,?)");
    for (const LesionFigures& lesion : figures) {
        lesionRow.bind(1, id)
            .bind(2, std::int64_t{lesion.label})
            .bind(3, lesion.volumeMl)
            .bind(4, lesion.centreMm[0])
            .bind(5, lesion.centreMm[1])
            .bind(6, lesion.centreMm[2])
            .bind(7, lesion.maxDiameterMm)
            .step();
        lesionRow.reset();
    }
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
