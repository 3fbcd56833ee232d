// Writing a phantom cohort: per patient a DICOM MR series, an RTSTRUCT and truth label maps;
// per cohort clinical.csv and manifest.json. Patients run in parallel (forEachIndex); every
// patient's output depends only on its own seed.

#include "PhantomInternal.h"
#include "metis/core/Contours.h"
#include "metis/core/Json.h"
#include "metis/core/ParallelFor.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"

#include <chrono>
#include <dcmtk/dcmdata/dctk.h>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace metis::phantom {
namespace {

std::string compactDate(const std::string& isoDate) {
    std::string out;
    for (const char c : isoDate) {
        if (c != '-') {
            out += c;
        }
    }
    return out;
}

imaging::DicomWriteOptions dicomOptions(const PhantomPatient& patient) {
    const PhantomAcquisition& a = patient.acquisition;
    imaging::DicomWriteOptions options;
    auto& m = options.metadata;
    m.patientName = patient.patientName;
    m.patientId = patient.patientId;
    const int year = std::stoi(patient.diagnosisDate.substr(0, 4)) - patient.age;
    m.patientBirthDate = std::to_string(year) + "0101";
    m.patientSex = patient.sex;
    char age[8];
    std::snprintf(age, sizeof age, "%03dY", patient.age);
    m.patientAge = age;
    m.deidentificationMethod = "SYNTHETIC PHANTOM - NOT FOR CLINICAL USE";
    m.studyDate = compactDate(patient.diagnosisDate);
    m.studyTime = "093000";
    m.accessionNumber = "PHA" + patient.patientId.substr(8);
    m.studyId = "1";
    m.studyDescription = "SYNTHETIC PHANTOM MR BRAIN";
    m.seriesNumber = a.mode == AcquisitionMode::ThreeD ? 5 : 7;
    const bool namesT1 = a.sequenceLabel.find("T1") != std::string::npos;
    m.seriesDescription =
        "SYNTHETIC " + a.sequenceLabel + (namesT1 ? "" : " T1") + " post-contrast";
    m.manufacturer = a.manufacturer;
    m.manufacturerModelName = a.model;
    m.softwareVersions = a.software;
    m.magneticFieldStrength = a.fieldStrength;
    m.scanningSequence = a.scanningSequence;
    m.sequenceVariant = a.sequenceVariant;
    m.scanOptions = a.scanOptions;
    m.mrAcquisitionType = a.mode == AcquisitionMode::ThreeD ? "3D" : "2D";
    m.sequenceName = a.sequenceName;
    m.repetitionTime = a.repetitionTimeMs;
    m.echoTime = a.echoTimeMs;
    m.inversionTime =
        a.inversionTimeMs > 0 ? std::optional<double>(a.inversionTimeMs) : std::nullopt;
    m.flipAngle = a.flipAngleDeg;
    m.echoTrainLength = a.echoTrainLength;
    const double physicalWm = a.storedWhiteMatter * (a.philipsRescale ? a.rescaleSlope : 1.0);
    m.windowCenter = std::round(0.9 * physicalWm);
    m.windowWidth = std::round(1.8 * physicalWm);
    options.pixels.isSigned = a.vendor == PhantomVendor::GE;
    options.pixels.bitsStored = a.bitsStored;
    options.pixels.writeRescale = a.philipsRescale;
    options.pixels.rescaleSlope = a.rescaleSlope;
    options.pixels.rescaleIntercept = a.rescaleIntercept;
    return options;
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) {
        throw std::runtime_error("phantom: cannot write " + file.string());
    }
}

PatientOutcome writePatient(const PhantomAnatomy& anatomy, const PhantomPatient& patient,
                            const std::filesystem::path& folder, int previews) {
    const auto start = std::chrono::steady_clock::now();
    const RenderedPatient rendered = renderPhantomPatient(anatomy, patient);
    std::filesystem::create_directories(folder);
    NullProgressSink quiet;
    const imaging::WrittenSeries written =
        imaging::writeDicomSeries(rendered.series, folder / "MR", dicomOptions(patient), quiet);

    imaging::ReferencedSeries reference;
    imaging::readPatientAndStudy(written.files.front(), reference);
    reference.seriesInstanceUid = written.seriesInstanceUid;
    reference.frameOfReferenceUid = written.frameOfReferenceUid;
    reference.sopClassUid = written.sopClassUid;
    reference.sopInstanceUids = written.sopInstanceUids;
    reference.geometry = rendered.series.geometry();
    imaging::RtStructWriteOptions rtOptions;
    rtOptions.synthetic = true;
    rtOptions.structureSetLabel = "PHANTOM_GTV";
    rtOptions.seriesDescription = "Ground truth GTV contours";
    rtOptions.softwareVersions = "metis phantom";
    if (!patient.lesions.empty()) {
        imaging::RtStructWriter(rtOptions).write(labelMapToStructureSet(rendered.truth), reference,
                                                 folder / "RTSTRUCT.dcm");
        imaging::writeLabelMap(rendered.fineTruth, folder / "truth_fine_0p5mm.nii.gz");
    }
    imaging::writeLabelMap(rendered.truth, folder / "truth_series.nii.gz");

    PatientOutcome outcome;
    outcome.patient = &patient;
    outcome.folder = folder;
    outcome.lesionVolumesMl = rendered.lesionVolumesMl;
    if (previews > 0) {
        outcome.previews = phantomPreviews(patient, rendered, previews);
    }
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return outcome;
}

void writeVec(JsonWriter& json, const char* name, const Vec3& v) {
    json.key(name).beginArray();
    for (const double x : v) {
        json.value(std::round(x * 1000) / 1000);
    }
    json.endArray();
}

} // namespace

std::vector<PatientOutcome>
writePhantomCohort(const PhantomCohort& cohort, const PhantomAnatomy& anatomy,
                   const PhantomOutputOptions& options,
                   const std::function<void(const PatientOutcome&)>& done) {
    std::filesystem::create_directories(options.directory);
    const std::size_t count = cohort.patients.size();
    std::vector<PatientOutcome> outcomes(count);
    for (std::size_t n = 0; n < count; ++n) {
        outcomes[n].patient = &cohort.patients[n];
        outcomes[n].folder = options.directory / cohort.patients[n].patientId;
    }
    if (options.writeImages && count > 0) {
        std::mutex reporting;
        forEachIndex(
            count, options.threads,
            [&](std::size_t n) {
                PatientOutcome outcome =
                    writePatient(anatomy, cohort.patients[n], outcomes[n].folder,
                                 static_cast<int>(n) < options.previewPatients ? 3 : 0);
                const std::lock_guard<std::mutex> lock(reporting);
                outcomes[n] = std::move(outcome);
                if (done) {
                    done(outcomes[n]);
                }
            },
            [](std::size_t) {});
    }
    writeText(options.directory / "clinical.csv", phantomClinicalCsv(cohort));
    writeText(options.directory / "manifest.json", phantomManifestJson(cohort, outcomes));
    return outcomes;
}

std::string phantomClinicalCsv(const PhantomCohort& cohort) {
    std::string csv = "patient_id,diagnosis_date,egfr_status,site\n";
    for (const auto& p : cohort.patients) {
        csv += p.patientId + "," + p.diagnosisDate + "," + (p.label ? "mutant" : "wild-type") +
               "," + toString(p.site) + "\n";
    }
    return csv;
}

std::string phantomManifestJson(const PhantomCohort& cohort,
                                const std::vector<PatientOutcome>& outcomes) {
    const CohortStatistics s = cohortStatistics(cohort);
    JsonWriter json;
    json.beginObject();
    json.field("generator", "metis phantom");
    json.field("notice", "SYNTHETIC PHANTOM - NOT FOR CLINICAL USE");
    json.field("preset", cohort.preset);
    json.field("seed", static_cast<std::uint64_t>(cohort.seed));
    json.field("intercept_b0", cohort.interceptB0);
    json.key("statistics").beginObject();
    json.field("patients", s.patients).field("lesions", s.lesions).field("mutant", s.mutant);
    json.field("prevalence", s.prevalence).field("labels_flipped", s.flipped);
    json.field("oracle_auc_clean", s.oracleAucClean).field("oracle_auc", s.oracleAucFlipped);
    json.key("lesion_count_shares").beginObject();
    json.field("1", s.countShares[0])
        .field("2-4", s.countShares[1])
        .field("5-10", s.countShares[2])
        .field(">10", s.countShares[3]);
    json.endObject();
    json.key("lesion_size_shares").beginObject();
    json.field("<3mm", s.shareBelow3)
        .field("<5mm", s.shareBelow5)
        .field("<10mm", s.shareBelow10)
        .field(">20mm", s.shareAbove20);
    json.endObject();
    json.field("median_largest_mm", s.medianLargestMm);
    json.endObject();
    json.key("patients").beginArray();
    for (std::size_t n = 0; n < cohort.patients.size(); ++n) {
        const PhantomPatient& p = cohort.patients[n];
        json.beginObject();
        json.field("patient_id", p.patientId)
            .field("site", toString(p.site))
            .field("split", p.split);
        json.field("diagnosis_date", p.diagnosisDate)
            .field("seed", static_cast<std::uint64_t>(p.seed));
        json.field("sex", p.sex).field("age", p.age);
        json.key("traits").beginObject();
        json.field("texture", p.traits.texture)
            .field("count", p.traits.count)
            .field("size", p.traits.size);
        json.field("edema", p.traits.edema)
            .field("necrosis", p.traits.necrosis)
            .field("location", p.traits.location);
        json.endObject();
        json.field("eta", p.eta).field("oracle_probability", p.oracleProbability);
        json.field("label_clean", p.labelClean).field("label", p.label).field("flipped", p.flipped);
        const PhantomAcquisition& a = p.acquisition;
        json.key("acquisition").beginObject();
        json.field("vendor", toString(a.vendor))
            .field("manufacturer", a.manufacturer)
            .field("model", a.model);
        json.field("sequence", a.sequenceLabel)
            .field("mode", a.mode == AcquisitionMode::ThreeD ? "3D" : "2D");
        json.field("orientation", a.sagittal ? "sagittal" : "axial")
            .field("field_strength_t", a.fieldStrength);
        json.field("fov_mm", a.fovMm)
            .field("matrix", a.matrix)
            .field("recon_matrix", a.reconMatrix);
        json.field("slice_thickness_mm", a.sliceThicknessMm).field("slice_gap_mm", a.sliceGapMm);
        json.field("snr", a.snr)
            .field("bias_peak_to_peak", a.biasPeakToPeak)
            .field("grey_white_ratio", a.greyWhiteRatio);
        json.field("stored_white_matter", a.storedWhiteMatter).field("bits_stored", a.bitsStored);
        json.field("rescale_slope", a.rescaleSlope).field("rescale_intercept", a.rescaleIntercept);
        json.endObject();
        json.key("pose").beginObject();
        writeVec(json, "rotation_deg", p.pose.rotationDegrees);
        writeVec(json, "scale", p.pose.scale);
        writeVec(json, "shift_mm", p.pose.shiftMm);
        json.field("warp_sd_mm", p.pose.warpSdMm);
        json.endObject();
        json.key("lesions").beginArray();
        for (std::size_t k = 0; k < p.lesions.size(); ++k) {
            const PhantomLesion& l = p.lesions[k];
            json.beginObject();
            json.field("label", static_cast<int>(k + 1))
                .field("roi", (k + 1 < 10 ? "GTV_0" : "GTV_") + std::to_string(k + 1));
            json.field("diameter_mm", std::round(l.diameterMm * 100) / 100);
            if (n < outcomes.size() && k < outcomes[n].lesionVolumesMl.size()) {
                json.field("volume_ml", outcomes[n].lesionVolumesMl[k]);
            }
            writeVec(json, "centre_patient_lps_mm", l.centrePatient);
            writeVec(json, "centre_template_lps_mm", l.centreTemplate);
            json.field("region", toString(l.region)).field("tissue", l.tissue);
            json.field("ring", l.ring).field("cyst", l.cyst).field("core_fraction", l.coreFraction);
            json.field("enhancement_gre", l.enhancement).field("texture_sd", l.textureSd);
            json.field("texture_length_mm", l.textureLengthMm).field("edge_blur_mm", l.edgeBlurMm);
            json.field("edema", l.edema).field("edema_index", l.edemaIndex);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.str() + "\n";
}

} // namespace metis::phantom
