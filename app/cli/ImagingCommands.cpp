// Imaging commands: DICOM folder -> research volume, and a description of what a folder or a
// volume file holds (text for people, --json for scripts).
#include "CommandLine.h"
#include "metis/core/Json.h"
#include "metis/core/Progress.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/ImageLoading.h"
#include "metis/imaging/VolumeIO.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::imaging;

bool isVolumeFilePath(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && isVolumeFile(path);
}

void writeGeometry(JsonWriter& json, const ImageGeometry& geometry) {
    json.key("geometry").beginObject();
    json.key("size").beginArray();
    for (auto n : geometry.size) {
        json.value(n);
    }
    json.endArray().key("spacing_mm").beginArray();
    for (auto s : geometry.spacing) {
        json.value(s);
    }
    json.endArray().key("origin_lps_mm").beginArray();
    for (auto o : geometry.origin) {
        json.value(o);
    }
    // Rows of the direction matrix; its columns are the i, j, k axes in LPS.
    json.endArray().key("direction_lps").beginArray();
    for (const auto& row : geometry.direction) {
        json.beginArray();
        for (auto d : row) {
            json.value(d);
        }
        json.endArray();
    }
    json.endArray().endObject();
}

void writeSeries(JsonWriter& json, const SeriesInfo& series) {
    json.beginObject()
        .field("series_instance_uid", series.seriesInstanceUid)
        .field("study_instance_uid", series.studyInstanceUid)
        .field("frame_of_reference_uid", series.frameOfReferenceUid)
        .field("sop_class_uid", series.sopClassUid)
        .field("patient_id", series.patientId)
        .field("patient_name", series.patientName)
        .field("study_date", series.studyDate)
        .field("modality", series.modality)
        .field("series_number", series.seriesNumber)
        .field("description", series.seriesDescription)
        .field("manufacturer", series.manufacturer)
        .field("slices", static_cast<std::uint64_t>(series.slices.size()))
        .field("bits_stored", series.bitsStored)
        .field("signed", series.pixelsSigned)
        .field("loadable", series.loadable);
    if (series.loadable) {
        writeGeometry(json, series.geometry);
    }
    json.key("issues").beginArray();
    for (const auto& issue : series.issues) {
        json.beginObject()
            .field("severity", toString(issue.severity))
            .field("code", issue.code)
            .field("message", issue.message);
        json.key("files").beginArray();
        for (const auto& file : issue.files) {
            json.value(file);
        }
        json.endArray().endObject();
    }
    json.endArray().key("instances").beginArray();
    for (const auto& slice : series.slices) {
        json.beginObject()
            .field("sop_instance_uid", slice.sopInstanceUid)
            .field("path", slice.path)
            .field("instance_number", slice.instanceNumber)
            .field("slice_index", slice.sliceIndex)
            .field("transfer_syntax_uid", slice.transferSyntaxUid)
            .endObject();
    }
    json.endArray().endObject();
}

void printIssues(const std::vector<DicomIssue>& issues, const std::string& indent) {
    for (const auto& issue : issues) {
        std::cout << indent << toString(issue.severity) << " [" << issue.code
                  << "]: " << issue.message << "\n";
    }
}

void printScan(const SeriesScan& scan) {
    std::cout << scan.root << ": " << scan.filesExamined << " file(s), " << scan.series.size()
              << " image series, " << scan.nonImageObjects.size() << " other DICOM object(s), "
              << scan.skippedFiles.size() << " non-DICOM file(s) skipped, "
              << scan.fileErrors.size() << " unreadable file(s)\n";
    for (const auto& series : scan.series) {
        std::cout << "series " << series.describe() << "\n";
        std::cout << "  patient " << series.patientId << " (" << series.patientName << "), study "
                  << series.studyDate << " " << series.studyInstanceUid << ", "
                  << series.manufacturer << "\n";
        if (series.loadable) {
            std::cout << "  geometry " << series.geometry.describe() << "\n";
        }
        printIssues(series.issues, "  ");
    }
    for (const auto& object : scan.nonImageObjects) {
        std::cout << "object " << object.modality << " " << object.sopClassUid << ": "
                  << object.path << "\n";
    }
    for (const auto& error : scan.fileErrors) {
        std::cout << "error: " << error.path << ": " << error.message << "\n";
    }
    for (const auto& skipped : scan.skippedFiles) {
        std::cout << "note: not DICOM, skipped: " << skipped << "\n";
    }
}

void writeScanJson(JsonWriter& json, const SeriesScan& scan) {
    json.beginObject()
        .field("path", scan.root)
        .field("kind", "dicom")
        .field("files_examined", static_cast<std::uint64_t>(scan.filesExamined));
    json.key("series").beginArray();
    for (const auto& series : scan.series) {
        writeSeries(json, series);
    }
    json.endArray().key("non_image_objects").beginArray();
    for (const auto& object : scan.nonImageObjects) {
        json.beginObject()
            .field("path", object.path)
            .field("modality", object.modality)
            .field("sop_class_uid", object.sopClassUid)
            .field("sop_instance_uid", object.sopInstanceUid)
            .field("series_instance_uid", object.seriesInstanceUid)
            .endObject();
    }
    json.endArray().key("skipped_files").beginArray();
    for (const auto& skipped : scan.skippedFiles) {
        json.value(skipped);
    }
    json.endArray().key("file_errors").beginArray();
    for (const auto& error : scan.fileErrors) {
        json.beginObject().field("path", error.path).field("message", error.message).endObject();
    }
    json.endArray().endObject();
}

struct InfoOptions {
    std::string path;
    bool json = false;
};

int info(const InfoOptions& options) {
    const fs::path path = options.path;
    const bool asJson = options.json;
    if (isVolumeFilePath(path)) {
        const ImageVolume volume = readImage(path);
        const auto [low, high] = std::minmax_element(volume.data().begin(), volume.data().end());
        if (asJson) {
            JsonWriter json;
            json.beginObject().field("path", path.string()).field("kind", "volume");
            writeGeometry(json, volume.geometry());
            json.field("min", static_cast<double>(*low))
                .field("max", static_cast<double>(*high))
                .endObject();
            std::cout << json.str() << "\n";
        } else {
            std::cout << path.string() << ": volume, " << volume.geometry().describe()
                      << ", values " << *low << " to " << *high << "\n";
        }
        return 0;
    }
    NullProgressSink quiet;
    StreamProgressSink verbose(stderr);
    const SeriesScan scan =
        scanDicomFolder(path, asJson ? static_cast<ProgressSink&>(quiet) : verbose);
    if (asJson) {
        JsonWriter json;
        writeScanJson(json, scan);
        std::cout << json.str() << "\n";
    } else {
        printScan(scan);
    }
    // Nothing DICOM at all under PATH is a failure a script should see.
    return scan.series.empty() && scan.nonImageObjects.empty() ? 1 : 0;
}

struct ConvertOptions {
    std::string input;
    std::string out;
    std::optional<std::string> series;
    bool allowGaps = false;
};

int convert(const ConvertOptions& options) {
    const fs::path input = options.input;
    const fs::path output = options.out;
    volumeFileFormat(output); // reject an unknown output extension before any work
    StreamProgressSink progress(stderr);

    if (isVolumeFilePath(input)) {
        writeImage(readImage(input), output);
        std::cout << "wrote " << output.string() << "\n";
        return 0;
    }

    const SeriesScan scan = scanDicomFolder(input, progress);
    for (const auto& error : scan.fileErrors) {
        std::cerr << "error: " << error.path << ": " << error.message << "\n";
    }
    if (!options.series && !scan.largestLoadableSeries()) {
        for (const auto& series : scan.series) {
            printIssues(series.issues, ""); // why none of them can be loaded
        }
    }
    const SeriesInfo* chosen = &chooseSeries(scan, options.series, input);
    if (!options.series) {
        if (scan.series.size() > 1) {
            std::cout << scan.series.size()
                      << " series found; converting the one with the most slices (use --series UID "
                         "to choose):\n";
            for (const auto& series : scan.series) {
                std::cout << (&series == chosen ? "  * " : "    ") << series.describe() << "\n";
            }
        }
    }
    printIssues(chosen->issues, "");
    const bool gapped =
        std::any_of(chosen->issues.begin(), chosen->issues.end(),
                    [](const DicomIssue& issue) { return issue.code == "missing-slices"; });
    if (gapped && !options.allowGaps) {
        throw std::runtime_error("series " + chosen->seriesInstanceUid +
                                 " has missing slices (see above); nothing written (--allow-gaps "
                                 "writes it with each gap filled with zeros, every slice at its "
                                 "true position)");
    }
    const ImageVolume volume = loadSeries(*chosen, progress);
    writeImage(volume, output);
    std::cout << "wrote " << output.string() << ": " << volume.geometry().describe()
              << (gapped ? " (missing slices filled with zeros)" : "") << "\n";
    return 0;
}

} // namespace

void registerImagingCommands(CommandLine& commands) {
    auto [convertCommand, convertOptions] =
        commands.add("convert",
                     "convert a DICOM series (or a volume file) to NIfTI, NRRD or MHA; a series "
                     "with missing slices is refused unless --allow-gaps",
                     convert);
    convertCommand.add_option("DICOM_DIR", convertOptions.input, "a DICOM folder or a volume file")
        ->required();
    convertCommand
        .add_option("--out", convertOptions.out,
                    "the volume file to write; its extension (.nii.gz, .nii, .nrrd, .mha) "
                    "chooses the format")
        ->required()
        ->type_name("IMAGE.nii.gz");
    convertCommand
        .add_option("--series", convertOptions.series,
                    "the series to convert (default: the one with the most slices)")
        ->type_name("UID");
    convertCommand.add_flag("--allow-gaps", convertOptions.allowGaps,
                            "write a series with missing slices, each gap filled with zeros");

    auto [infoCommand, infoOptions] =
        commands.add("info",
                     "list the series in a DICOM folder (geometry, warnings, unreadable files) or "
                     "describe a volume file",
                     info);
    infoCommand.add_option("PATH", infoOptions.path, "a DICOM folder or a volume file")->required();
    infoCommand.add_flag("--json", infoOptions.json, "JSON for scripts instead of text");
}

} // namespace metis::cli
