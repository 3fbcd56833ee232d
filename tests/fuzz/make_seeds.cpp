// Writes the seed corpora of the fuzz harnesses with Metis's own writers, so that no binary
// seed is kept in git: make_fuzz_seeds OUTPUT_FOLDER creates OUTPUT_FOLDER/<harness>/.
#include "metis/core/Contours.h"
#include "metis/core/Progress.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/models/ModelPackage.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace metis;

namespace {

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

std::string bytesOf(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_seeds OUTPUT_FOLDER\n");
        return 2;
    }
    const fs::path out = argv[1];
    writeText(out / "json" / "metadata.json",
              R"({"format": "metis-mtsa-net-package", "format_version": 1, "architecture": )"
              R"({"input_size": 192, "base_width": 8}, "metrics": [["dice", 0.85]], )"
              R"("post_processing": {"threshold": 0.4, "min_lesion_volume_mm3": 10.0}, )"
              R"("description": "caf\u00e9 \"quoted\"", "flags": [true, false, null, -1.5e-3]})");
    // A package's metadata as Metis writes it: the paper configuration with post-processing.
    models::ModelPackageMetadata package;
    package.description = "seed";
    package.weightsSha256 = std::string(64, 'a');
    package.weightsBytes = 16;
    package.metrics = {{"validation_dice", 0.9}};
    writeText(out / "model_package" / "metadata.json", models::modelPackageMetadataJson(package));
    writeText(out / "json" / "metrics.jsonl",
              R"({"epoch": 3, "training_loss": 0.7, "validation_dice": 0.5, "seconds": 11})");
    writeText(out / "clinical_csv" / "clinical.csv",
              "PatientID,Diagnosis Date,EGFR,Site\nP001,2021-03-01,mutant,GE\n"
              "\"P,002\",20210402,wild-type,\"Siemens \"\"Prisma\"\"\"\nP003,,unknown,\n");
    writeText(out / "clinical_csv" / "semicolon.csv",
              "id;date;egfr mutation\nA;2020-01-01;1\nB;2020-02-02;no\n");

    // A small MR series, one slice of it, an RTSTRUCT on it and the three volume formats.
    ImageGeometry geometry;
    geometry.size = {8, 8, 3};
    geometry.spacing = {1.0, 1.0, 2.0};
    ImageVolume volume(geometry, 100.0f);
    LabelMap lesion(geometry);
    for (std::int64_t j = 2; j < 6; ++j) {
        for (std::int64_t i = 2; i < 6; ++i) {
            volume.at(i, j, 1) = 400.0f;
            lesion.at(i, j, 1) = 1;
        }
    }
    const fs::path work = out / "work";
    NullProgressSink quiet;
    imaging::DicomWriteOptions options;
    options.metadata.patientId = "FUZZ";
    const imaging::WrittenSeries series =
        imaging::writeDicomSeries(volume, work / "series", options, quiet);
    fs::create_directories(out / "dicom_file");
    fs::copy_file(series.files[1], out / "dicom_file" / "slice.dcm",
                  fs::copy_options::overwrite_existing);
    imaging::ReferencedSeries reference;
    imaging::readPatientAndStudy(series.files.front(), reference);
    reference.seriesInstanceUid = series.seriesInstanceUid;
    reference.frameOfReferenceUid = series.frameOfReferenceUid;
    reference.sopInstanceUids = series.sopInstanceUids;
    reference.geometry = geometry;
    fs::create_directories(out / "rtstruct");
    imaging::RtStructWriter().write(labelMapToStructureSet(lesion), reference,
                                    out / "rtstruct" / "rtstruct.dcm");
    fs::create_directories(out / "volume");
    const char* const names[] = {"volume.nii", "volume.nrrd", "volume.mha"};
    for (int format = 0; format < 3; ++format) {
        const fs::path file = work / names[format];
        imaging::writeImage(volume, file);
        writeText(out / "volume" / (std::string("seed-") + names[format]),
                  std::string(1, static_cast<char>(format)) + bytesOf(file));
    }
    fs::remove_all(work);
    return 0;
}
