#pragma once
// Generates small DICOM cohorts for the database tests and benchmarks: real MR series written
// by Metis's DICOM writer, an RTSTRUCT on one of them, and a clinical CSV.
#include "metis/core/Contours.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

namespace fixtures {

inline metis::ImageVolume sphereVolume(std::int64_t size, std::int64_t slices, double radiusMm) {
    metis::ImageGeometry geometry;
    geometry.size = {size, size, slices};
    geometry.spacing = {1.0, 1.0, 2.0};
    geometry.origin = {-size / 2.0, -size / 2.0, -static_cast<double>(slices)};
    metis::ImageVolume volume(geometry, 100.0f);
    for (std::int64_t k = 0; k < slices; ++k) {
        for (std::int64_t j = 0; j < size; ++j) {
            for (std::int64_t i = 0; i < size; ++i) {
                const auto p = geometry.indexToPatient({double(i), double(j), double(k)});
                if (std::sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) < radiusMm) {
                    volume.at(i, j, k) = 400.0f;
                }
            }
        }
    }
    return volume;
}

struct WrittenPatient {
    std::string patientId;
    metis::imaging::WrittenSeries series;
};

/// Writes one MR series for `patientId` under `root/patientId/series`.
inline WrittenPatient writePatient(const std::filesystem::path& root, const std::string& patientId,
                                   std::int64_t size = 32, std::int64_t slices = 12) {
    metis::imaging::DicomWriteOptions options;
    options.metadata.patientId = patientId;
    options.metadata.patientName = "PHANTOM^" + patientId;
    options.metadata.studyDate = "20210315";
    metis::NullProgressSink quiet;
    WrittenPatient written{
        patientId, metis::imaging::writeDicomSeries(sphereVolume(size, slices, 6.0),
                                                    root / patientId / "series", options, quiet)};
    return written;
}

/// Writes an RTSTRUCT with the sphere lesion of `patient`'s series, next to the series.
inline std::filesystem::path writeRtStruct(const std::filesystem::path& root,
                                           const WrittenPatient& patient) {
    const auto volume = sphereVolume(32, 12, 6.0);
    metis::LabelMap labels(volume.geometry());
    for (std::size_t v = 0; v < labels.data().size(); ++v) {
        labels.data()[v] = volume.data()[v] > 200.0f ? 1 : 0;
    }
    metis::imaging::ReferencedSeries reference;
    metis::imaging::readPatientAndStudy(patient.series.files.front(), reference);
    reference.seriesInstanceUid = patient.series.seriesInstanceUid;
    reference.frameOfReferenceUid = patient.series.frameOfReferenceUid;
    reference.sopInstanceUids = patient.series.sopInstanceUids;
    reference.geometry = volume.geometry();
    const auto file = root / patient.patientId / "rtstruct.dcm";
    metis::imaging::RtStructWriter().write(metis::labelMapToStructureSet(labels), reference, file);
    return file;
}

inline void writeText(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

} // namespace fixtures
