// Importing research volumes (NIfTI, NRRD, MetaImage): images become series of the patient their
// file name or folder names, masks become imported structure sets of that patient's image on
// the same grid.
#include "ImportSteps.h"
#include "LesionRows.h"
#include "PatientDatabaseInternal.h"
#include "Text.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/imaging/VolumeIO.h"

#include <algorithm>

namespace metis::db::importer {
namespace fs = std::filesystem;
namespace {

using text::lower;

// File names of research volumes: "<patient>_<kind>.nii.gz" ("P001_t1c.nii.gz",
// "BraTS-MET-00001-000-seg.nii.gz"), or only "<kind>..." inside a folder named after the patient
// ("PHANTOM-0001/truth_series.nii.gz"). A kind token names a mask; the rest are images.
const std::vector<std::string> kMaskTokens = {"seg", "mask",    "label", "labels",
                                              "gtv", "lesions", "truth"};
const std::vector<std::string> kKindTokens = {"t1c", "t1ce",   "t1post", "t1",    "t1n",
                                              "t2w", "t2f",    "flair",  "image", "img",
                                              "mr",  "series", "fine",   "0p5mm"};

struct ResearchVolumeName {
    std::string patientId;
    bool isMask = false;
};

std::string stripVolumeExtension(const std::string& fileName) {
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".nhdr", ".mha", ".mhd"}) {
        const std::string e = ext;
        if (fileName.size() > e.size() && lower(fileName.substr(fileName.size() - e.size())) == e) {
            return fileName.substr(0, fileName.size() - e.size());
        }
    }
    return fileName;
}

bool isOneOf(const std::string& token, const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), token) != list.end();
}

ResearchVolumeName parseResearchVolumeName(const fs::path& path) {
    std::string stem = stripVolumeExtension(path.filename().string());
    ResearchVolumeName name;
    // Peel kind tokens off the end; what remains names the patient.
    for (;;) {
        const auto cut = stem.find_last_of("_-.");
        const std::string token = lower(cut == std::string::npos ? stem : stem.substr(cut + 1));
        const bool mask = isOneOf(token, kMaskTokens);
        if (!mask && !isOneOf(token, kKindTokens)) {
            break;
        }
        name.isMask = name.isMask || mask;
        stem = cut == std::string::npos ? std::string() : stem.substr(0, cut);
    }
    name.patientId = stem.empty() ? path.parent_path().filename().string() : stem;
    return name;
}

std::string conventionOf(const fs::path& path, const LabelMap& labels) {
    if (lower(path.filename().string()).rfind("brats", 0) == 0) {
        return "brats_mets";
    }
    const bool binary = std::all_of(labels.data().begin(), labels.data().end(),
                                    [](std::uint16_t v) { return v <= 1; });
    return binary ? "ucsf_binary" : "metis_instances";
}

std::optional<std::int64_t> findByUid(SqliteDatabase& sql, const char* sqlText,
                                      const std::string& uid) {
    auto query = sql.prepare(sqlText);
    query.bind(1, uid);
    if (!query.step()) {
        return std::nullopt;
    }
    return query.columnInt(0);
}

} // namespace

bool isResearchMask(const fs::path& path) {
    return parseResearchVolumeName(path).isMask;
}

void importResearchImage(PatientDatabase& db, const fs::path& path, const std::string& username,
                         ImportReport& report) {
    const auto name = parseResearchVolumeName(path);
    const auto image = imaging::readImage(path);
    image.geometry().validate();
    auto& storage = detail::DatabaseAccess::storage(db);
    const auto stored = storage.store(path.string(), ".nii.gz");
    // Identical files may belong to different patients (e.g. a shared template), so the patient
    // is part of the identity.
    const std::string seriesUid = "file:" + name.patientId + ":" + stored.sha256;
    auto& sql = detail::DatabaseAccess::sql(db);
    if (findByUid(sql, "SELECT id FROM series WHERE series_uid = ?", seriesUid)) {
        ++report.seriesAlreadyPresent;
        return;
    }
    storage.flushToDisk();
    Transaction transaction(sql);
    const auto patient = db.upsertPatient({name.patientId, "", "", ""});
    const std::string studyUid = "file:" + name.patientId;
    auto study = findByUid(sql, "SELECT id FROM studies WHERE study_uid = ?", studyUid);
    if (!study) {
        sql.prepare("INSERT INTO studies(patient_ref, study_uid, description) VALUES (?,?,?)")
            .bind(1, patient)
            .bind(2, studyUid)
            .bind(3, std::string("research volumes"))
            .step();
        study = sql.lastInsertRowId();
    }
    sql.prepare("INSERT INTO series(study_ref, series_uid, modality, description, instance_count, "
                "geometry_json, volume_path, imported_at) VALUES (?,?,'MR',?,0,?,?,?)")
        .bind(1, *study)
        .bind(2, seriesUid)
        .bind(3, path.filename().string())
        .bind(4, geometryJson(image.geometry()))
        .bind(5, stored.relativePath)
        .bind(6, utcTimestamp())
        .step();
    db.appendAudit(username, "series.import", "series", seriesUid,
                   name.patientId + ": volume " + path.filename().string());
    transaction.commit();
    ++report.seriesImported;
}

void importResearchMask(PatientDatabase& db, const fs::path& path, const std::string& username,
                        ImportReport& report) {
    const auto name = parseResearchVolumeName(path);
    const auto labels = imaging::readLabelMap(path);
    const std::string convention = conventionOf(path, labels);
    const auto labelConvention = convention == "brats_mets" ? imaging::LabelConvention::BratsMets
                                 : convention == "ucsf_binary"
                                     ? imaging::LabelConvention::UcsfBinary
                                     : imaging::LabelConvention::MetisInstances;
    // Fails early, naming the file, for values the convention does not define.
    const LabelMap gtv = imaging::interpretLabels(labels, labelConvention).gtv;
    auto& storage = detail::DatabaseAccess::storage(db);
    const auto stored = storage.store(path.string(), ".nii.gz");
    const std::string uid = "file:" + name.patientId + ":" + stored.sha256;
    auto& sql = detail::DatabaseAccess::sql(db);
    if (findByUid(sql, "SELECT id FROM structure_sets WHERE sop_instance_uid = ?", uid)) {
        ++report.structureSetsAlreadyPresent;
        return;
    }
    // The image this mask belongs to: a volume of the same patient on the same grid.
    auto candidates = sql.prepare(
        "SELECT se.id, se.geometry_json FROM series se JOIN studies st ON se.study_ref = st.id "
        "JOIN patients p ON st.patient_ref = p.id WHERE p.patient_id = ?");
    candidates.bind(1, name.patientId);
    std::optional<std::int64_t> seriesRef;
    while (candidates.step()) {
        // Headers round geometry differently (DICOM decimal strings, NIfTI floats).
        const auto grid = parseGeometryJson(candidates.columnText(1));
        if (grid && grid->sameGridAs(labels.geometry(), 1e-3)) {
            seriesRef = candidates.columnInt(0);
            break;
        }
    }
    if (!seriesRef) {
        if (db.findPatient(name.patientId)) {
            // Masks on other grids (e.g. a fine-grid ground truth next to the series-grid one)
            // have nothing to overlay on: say so, but it is no failure of the import.
            report.notes.push_back(
                {path.string(), "a label map on a grid that none of patient '" + name.patientId +
                                    "''s images has (a fine-grid ground truth?); "
                                    "not imported"});
            return;
        }
        throw std::runtime_error("no image of patient '" + name.patientId +
                                 "' is in the database; import the image first");
    }
    // Numbered as the loader numbers them: instance maps as they are, other conventions by the
    // connected components of their GTV.
    const std::vector<LesionRow> lesions =
        measureLabelledLesions(labelConvention == imaging::LabelConvention::MetisInstances
                                   ? labels
                                   : labelConnectedComponents(gtv).labels);
    storage.flushToDisk();
    Transaction transaction(sql);
    sql.prepare("INSERT INTO structure_sets(series_ref, source, author, created_at, review_status, "
                "sop_instance_uid, label_path, sha256, label_convention) "
                "VALUES (?, 'imported', '', ?, 'draft', ?, ?, ?, ?)")
        .bind(1, *seriesRef)
        .bind(2, utcTimestamp())
        .bind(3, uid)
        .bind(4, stored.relativePath)
        .bind(5, stored.sha256)
        .bind(6, convention)
        .step();
    const std::int64_t structureSet = sql.lastInsertRowId();
    insertLesionRows(sql, structureSet, lesions);
    db.appendAudit(username, "structure_set.import", "structure_set", std::to_string(structureSet),
                   name.patientId + ": mask " + path.filename().string() + " (" + convention + ")");
    transaction.commit();
    ++report.structureSetsImported;
}

} // namespace metis::db::importer
