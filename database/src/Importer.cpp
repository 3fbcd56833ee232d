#include "metis/database/Importer.h"

#include "Text.h"
#include "metis/core/Json.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace metis::db {
namespace fs = std::filesystem;
namespace {

using text::lower;

std::string geometryJson(const ImageGeometry& g) {
    JsonWriter json;
    json.beginObject().key("size").beginArray();
    for (auto s : g.size) {
        json.value(static_cast<std::int64_t>(s));
    }
    json.endArray().key("spacing").beginArray();
    for (double s : g.spacing) {
        json.value(s);
    }
    json.endArray().key("origin").beginArray();
    for (double o : g.origin) {
        json.value(o);
    }
    json.endArray().key("direction").beginArray();
    for (const auto& row : g.direction) {
        for (double d : row) {
            json.value(d);
        }
    }
    json.endArray().endObject();
    return json.str();
}

/// Inverse of geometryJson: its 18 numbers in order (size, spacing, origin, direction).
std::optional<ImageGeometry> parseGeometryJson(const std::string& json) {
    std::vector<double> numbers;
    for (std::size_t at = 0; at < json.size();) {
        const char c = json[at];
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t used = 0;
            numbers.push_back(std::stod(json.substr(at), &used));
            at += used;
        } else {
            ++at;
        }
    }
    if (numbers.size() != 18) {
        return std::nullopt;
    }
    ImageGeometry g;
    for (int i = 0; i < 3; ++i) {
        g.size[i] = static_cast<std::int64_t>(numbers[i]);
        g.spacing[i] = numbers[3 + i];
        g.origin[i] = numbers[6 + i];
        for (int j = 0; j < 3; ++j) {
            g.direction[i][j] = numbers[9 + 3 * i + j];
        }
    }
    return g;
}

bool seriesAlreadyComplete(SqliteDatabase& sql, const imaging::SeriesInfo& series) {
    auto query = sql.prepare("SELECT instance_count FROM series WHERE series_uid = ?");
    query.bind(1, series.seriesInstanceUid);
    return query.step() && query.columnInt(0) == static_cast<std::int64_t>(series.slices.size());
}

std::int64_t upsertStudy(SqliteDatabase& sql, std::int64_t patientRef,
                         const imaging::SeriesInfo& series) {
    auto find = sql.prepare("SELECT id FROM studies WHERE study_uid = ?");
    find.bind(1, series.studyInstanceUid);
    if (find.step()) {
        return find.columnInt(0);
    }
    sql.prepare("INSERT INTO studies(patient_ref, study_uid, study_date) VALUES (?,?,?)")
        .bind(1, patientRef)
        .bind(2, series.studyInstanceUid)
        .bind(3, isoDate(series.studyDate))
        .step();
    return sql.lastInsertRowId();
}

/// Copies the series' files into storage, then records the whole series in one transaction.
void importSeries(PatientDatabase& db, const imaging::SeriesInfo& series,
                  const std::string& username, ImportReport& report, ProgressScope& scope,
                  double progressFrom, double progressTo) {
    std::vector<ManagedStorage::StoredFile> stored;
    stored.reserve(series.slices.size());
    for (std::size_t i = 0; i < series.slices.size(); ++i) {
        stored.push_back(db.storage().store(series.slices[i].path, ".dcm"));
        if (i % 16 == 0) {
            scope.step(progressFrom + (progressTo - progressFrom) * static_cast<double>(i) /
                                          static_cast<double>(series.slices.size()),
                       series.seriesDescription);
        }
    }

    db.storage().flushToDisk();

    auto& sql = db.sql();
    Transaction transaction(sql);
    // A series left incomplete by an earlier, interrupted import cannot exist (one transaction),
    // but one imported earlier with fewer files can: replace it with the complete one.
    sql.prepare("DELETE FROM series WHERE series_uid = ?").bind(1, series.seriesInstanceUid).step();
    std::string birthDate = series.patientBirthDate;
    try {
        birthDate = isoDate(birthDate); // stored and shown as YYYY-MM-DD, like every date
    } catch (const std::invalid_argument&) {
        // A malformed DICOM date is kept as written rather than lost.
    }
    const auto resolved = db.resolvePatient(
        {series.patientId, series.patientName, birthDate, series.patientSex}, username);
    if (resolved.conflict) {
        report.errors.push_back(
            {series.slices.front().path, "series " + series.seriesInstanceUid + " (" +
                                             std::to_string(series.slices.size()) +
                                             " files): " + *resolved.conflict});
    }
    const auto patient = resolved.id;
    const auto study = upsertStudy(sql, patient, series);
    sql.prepare("INSERT INTO series(study_ref, series_uid, modality, description, "
                "frame_of_reference, manufacturer, instance_count, geometry_json, imported_at) "
                "VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, study)
        .bind(2, series.seriesInstanceUid)
        .bind(3, series.modality)
        .bind(4, series.seriesDescription)
        .bind(5, series.frameOfReferenceUid)
        .bind(6, series.manufacturer)
        .bind(7, static_cast<std::int64_t>(series.slices.size()))
        .bind(8, series.loadable ? geometryJson(series.geometry) : std::string("{}"))
        .bind(9, utcTimestamp())
        .step();
    const auto seriesRef = sql.lastInsertRowId();
    auto insert = sql.prepare("INSERT INTO instances(series_ref, sop_instance_uid, sop_class_uid, "
                              "instance_number, position, file_path, sha256) "
                              "VALUES (?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < series.slices.size(); ++i) {
        const auto& slice = series.slices[i];
        insert.bind(1, seriesRef)
            .bind(2, slice.sopInstanceUid)
            .bind(3, series.sopClassUid)
            .bind(4, std::int64_t{slice.instanceNumber})
            .bind(5, slice.normalPosition)
            .bind(6, stored[i].relativePath)
            .bind(7, stored[i].sha256);
        insert.step();
        insert.reset();
    }
    db.appendAudit(username, "series.import", "series", series.seriesInstanceUid,
                   resolved.patientId + ": " + std::to_string(series.slices.size()) + " instances");
    transaction.commit();
    ++report.seriesImported;
    report.instancesImported += series.slices.size();
}

std::string colourText(const RgbColour& colour) {
    return std::to_string(colour[0]) + "\\" + std::to_string(colour[1]) + "\\" +
           std::to_string(colour[2]);
}

/// Records an RTSTRUCT as an imported structure set of the image series it references.
void importRtStruct(PatientDatabase& db, const imaging::DicomObjectInfo& object,
                    const std::string& username, ImportReport& report) {
    auto& sql = db.sql();
    auto known = sql.prepare("SELECT 1 FROM structure_sets WHERE sop_instance_uid = ?");
    known.bind(1, object.sopInstanceUid);
    if (known.step()) {
        ++report.structureSetsAlreadyPresent;
        return;
    }
    const auto rtstruct = imaging::RtStructReader::read(object.path);
    std::optional<std::int64_t> seriesRef;
    std::string referenced;
    for (const auto& uid : rtstruct.referencedSeriesInstanceUids) {
        auto find = sql.prepare("SELECT id FROM series WHERE series_uid = ?");
        find.bind(1, uid);
        if (find.step()) {
            seriesRef = find.columnInt(0);
            break;
        }
        referenced += (referenced.empty() ? "" : ", ") + uid;
    }
    if (!seriesRef) {
        throw std::runtime_error("references image series " +
                                 (referenced.empty() ? std::string("(none)") : referenced) +
                                 ", which is not in the database; import that series first");
    }
    const auto stored = db.storage().store(object.path, ".dcm");
    db.storage().flushToDisk();
    Transaction transaction(sql);
    sql.prepare("INSERT INTO structure_sets(series_ref, source, author, created_at, "
                "review_status, sop_instance_uid, file_path, sha256) "
                "VALUES (?, 'imported', ?, ?, 'draft', ?, ?, ?)")
        .bind(1, *seriesRef)
        .bind(2, rtstruct.structures.label)
        .bind(3, utcTimestamp())
        .bind(4, rtstruct.sopInstanceUid)
        .bind(5, stored.relativePath)
        .bind(6, stored.sha256)
        .step();
    const auto structureSet = sql.lastInsertRowId();
    auto insertRoi = sql.prepare("INSERT INTO rois(structure_set_ref, roi_number, name, "
                                 "interpreted_type, colour) VALUES (?,?,?,?,?)");
    for (const auto& roi : rtstruct.structures.rois) {
        insertRoi.bind(1, structureSet)
            .bind(2, std::int64_t{roi.number})
            .bind(3, roi.name)
            .bind(4, roi.interpretedType)
            .bind(5, colourText(roi.colour));
        insertRoi.step();
        insertRoi.reset();
    }
    db.appendAudit(username, "structure_set.import", "structure_set", std::to_string(structureSet),
                   rtstruct.patientId + ": " + std::to_string(rtstruct.structures.rois.size()) +
                       " ROIs from " + object.sopInstanceUid);
    transaction.commit();
    ++report.structureSetsImported;
}

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

void importResearchImage(PatientDatabase& db, const fs::path& path, const std::string& username,
                         ImportReport& report) {
    const auto name = parseResearchVolumeName(path);
    const auto image = imaging::readImage(path);
    image.geometry().validate();
    const auto stored = db.storage().store(path.string(), ".nii.gz");
    // Identical files may belong to different patients (e.g. a shared template), so the patient
    // is part of the identity.
    const std::string seriesUid = "file:" + name.patientId + ":" + stored.sha256;
    auto& sql = db.sql();
    if (findByUid(sql, "SELECT id FROM series WHERE series_uid = ?", seriesUid)) {
        ++report.seriesAlreadyPresent;
        return;
    }
    db.storage().flushToDisk();
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
    // Fails early, naming the file, for values the convention does not define.
    imaging::interpretLabels(
        labels, convention == "brats_mets"    ? imaging::LabelConvention::BratsMets
                : convention == "ucsf_binary" ? imaging::LabelConvention::UcsfBinary
                                              : imaging::LabelConvention::MetisInstances);
    const auto stored = db.storage().store(path.string(), ".nii.gz");
    const std::string uid = "file:" + name.patientId + ":" + stored.sha256;
    auto& sql = db.sql();
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
    db.storage().flushToDisk();
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
    db.appendAudit(username, "structure_set.import", "structure_set",
                   std::to_string(sql.lastInsertRowId()),
                   name.patientId + ": mask " + path.filename().string() + " (" + convention + ")");
    transaction.commit();
    ++report.structureSetsImported;
}

} // namespace

std::size_t importClinicalCsv(PatientDatabase& db, const std::string& path,
                              const std::string& username, std::vector<ImportProblem>& errors) {
    ClinicalTable table;
    try {
        table = readClinicalTable(path);
    } catch (const std::runtime_error& e) {
        errors.push_back({path, e.what()});
        return 0;
    }
    for (const auto& problem : table.problems) {
        errors.push_back({path + " line " + std::to_string(problem.line), problem.message});
    }
    std::size_t imported = 0;
    Transaction transaction(db.sql());
    for (const auto& row : table.rows) {
        const auto patient = db.upsertPatient({row.patientId, "", "", ""});
        if (db.setClinicalLabel(patient, row.egfr, row.diagnosisDate, "clinical-csv")) {
            ++imported;
        }
    }
    if (imported > 0) {
        db.appendAudit(username, "clinical.import", "file", fs::path(path).filename().string(),
                       std::to_string(imported) + " rows");
    }
    transaction.commit();
    return imported;
}

ImportReport importPaths(PatientDatabase& db, const std::vector<std::string>& paths,
                         const ImportOptions& options, ProgressSink& progress) {
    ImportReport report;
    ProgressScope scope(progress, "Importing");
    const double perPath = 1.0 / static_cast<double>(std::max<std::size_t>(paths.size(), 1));
    // Structure sets come after every image series, wherever they were found, so an RTSTRUCT
    // can reference a series from another folder of the same import.
    std::vector<imaging::DicomObjectInfo> structureSets;
    std::vector<fs::path> researchImages;
    std::vector<fs::path> researchMasks;
    for (std::size_t p = 0; p < paths.size(); ++p) {
        const std::string& path = paths[p];
        if (!fs::exists(path)) {
            report.errors.push_back({path, "does not exist"});
            continue;
        }
        if (fs::is_regular_file(path) && lower(fs::path(path).extension().string()) == ".csv") {
            report.clinicalRowsImported +=
                importClinicalCsv(db, path, options.username, report.errors);
            continue;
        }
        NullProgressSink quiet;
        const auto scan = imaging::scanDicomFolder(path, quiet);
        report.filesExamined += scan.filesExamined;
        for (const auto& error : scan.fileErrors) {
            report.errors.push_back({error.path, error.message});
        }
        for (const auto& skipped : scan.skippedFiles) {
            if (lower(fs::path(skipped).extension().string()) == ".csv") {
                report.clinicalRowsImported +=
                    importClinicalCsv(db, skipped, options.username, report.errors);
            } else if (imaging::isVolumeFile(skipped)) {
                (parseResearchVolumeName(skipped).isMask ? researchMasks : researchImages)
                    .push_back(skipped);
            } else {
                report.notes.push_back({skipped, "not a DICOM file; skipped"});
            }
        }
        for (const auto& object : scan.nonImageObjects) {
            if (object.modality == "RTSTRUCT") {
                structureSets.push_back(object);
            } else {
                report.notes.push_back(
                    {object.path, "DICOM " + object.modality + " object; not imported"});
            }
        }
        const double base = static_cast<double>(p) * perPath;
        for (std::size_t s = 0; s < scan.series.size(); ++s) {
            const auto& series = scan.series[s];
            for (const auto& issue : series.issues) {
                auto& list = issue.severity == imaging::DicomIssueSeverity::Error ? report.errors
                                                                                  : report.notes;
                list.push_back({series.seriesInstanceUid, issue.message});
            }
            if (series.slices.empty() || series.hasErrors() || series.localizer) {
                continue;
            }
            if (seriesAlreadyComplete(db.sql(), series)) {
                ++report.seriesAlreadyPresent;
                continue;
            }
            const double from =
                base + perPath * static_cast<double>(s) / static_cast<double>(scan.series.size());
            const double to = base + perPath * static_cast<double>(s + 1) /
                                         static_cast<double>(scan.series.size());
            importSeries(db, series, options.username, report, scope, from, to);
        }
        scope.step(static_cast<double>(p + 1) * perPath);
    }
    for (const auto& image : researchImages) {
        try {
            importResearchImage(db, image, options.username, report);
        } catch (const std::runtime_error& e) {
            report.errors.push_back({image.string(), e.what()});
        }
    }
    for (const auto& mask : researchMasks) {
        try {
            importResearchMask(db, mask, options.username, report);
        } catch (const std::exception& e) {
            report.errors.push_back({mask.string(), e.what()});
        }
    }
    for (const auto& object : structureSets) {
        try {
            importRtStruct(db, object, options.username, report);
        } catch (const std::runtime_error& e) {
            report.errors.push_back({object.path, e.what()});
        }
    }
    if (!options.clinicalCsv.empty()) {
        report.clinicalRowsImported +=
            importClinicalCsv(db, options.clinicalCsv, options.username, report.errors);
    }
    return report;
}

} // namespace metis::db
