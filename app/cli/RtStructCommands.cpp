// RTSTRUCT commands: planning-system contours <-> label maps on the grid of a DICOM series.
#include "CommandLine.h"
#include "SignedInUser.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/core/Contours.h"
#include "metis/core/Progress.h"
#include "metis/core/Resample.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/ImageLoading.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"
#include "metis/workflow/RtStructExport.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace metis::cli {
namespace {

namespace fs = std::filesystem;
using namespace metis::imaging;

const SeriesInfo& seriesReferencedBy(const RtStructFile& rtstruct, const SeriesScan& scan,
                                     const fs::path& folder) {
    for (const auto& uid : rtstruct.referencedSeriesInstanceUids) {
        if (const SeriesInfo* series = scan.findSeries(uid)) {
            return *series;
        }
    }
    if (!rtstruct.referencedSeriesInstanceUids.empty()) {
        throw std::runtime_error("RTSTRUCT " + rtstruct.path.string() + " references series " +
                                 rtstruct.referencedSeriesInstanceUids.front() +
                                 ", which is not under " + folder.string() +
                                 "; series found:" + listSeries(scan));
    }
    // Without a series reference, the frame of reference decides.
    const SeriesInfo* chosen = nullptr;
    for (const auto& series : scan.series) {
        if (series.loadable && series.frameOfReferenceUid == rtstruct.frameOfReferenceUid &&
            (!chosen || series.slices.size() > chosen->slices.size())) {
            chosen = &series;
        }
    }
    if (!chosen) {
        throw std::runtime_error("RTSTRUCT " + rtstruct.path.string() +
                                 " names no series, and no loadable series under " +
                                 folder.string() + " shares its frame of reference " +
                                 rtstruct.frameOfReferenceUid +
                                 "; series found:" + listSeries(scan));
    }
    return *chosen;
}

void reportFileErrors(const SeriesScan& scan) {
    for (const auto& error : scan.fileErrors) {
        std::cerr << "error: " << error.path << ": " << error.message << "\n";
    }
}

void printIssues(const SeriesInfo& series) {
    for (const auto& issue : series.issues) {
        std::cerr << toString(issue.severity) << " [" << issue.code << "]: " << issue.message
                  << "\n";
    }
}

struct ToMaskOptions {
    std::string rtstruct;
    std::string reference;
    std::string out;
    bool unionOnly = false;
};

int rtstructToMask(const ToMaskOptions& options) {
    const fs::path input = options.rtstruct;
    const fs::path folder = options.reference;
    const fs::path output = options.out;
    volumeFileFormat(output); // reject an unknown output extension before any work
    const bool unionOnly = options.unionOnly;

    const RtStructFile rtstruct = RtStructReader::read(input);
    StreamProgressSink progress(stderr);
    const SeriesScan scan = scanDicomFolder(folder, progress);
    reportFileErrors(scan);
    const SeriesInfo& series = seriesReferencedBy(rtstruct, scan, folder);
    printIssues(series);

    const LabelMap labels = gtvLabelMap(rtstruct, referencedSeriesOf(series),
                                        unionOnly ? RoiLabelling::Union : RoiLabelling::PerRoi);
    writeLabelMap(labels, output);

    const StructureSet gtv = selectGtvRois(rtstruct.structures);
    std::cout << "series " << series.describe() << "\n";
    for (std::size_t n = 0; n < gtv.rois.size(); ++n) {
        std::cout << "  " << (unionOnly ? std::string("1") : std::to_string(n + 1)) << " <- ROI "
                  << gtv.rois[n].number << " '" << gtv.rois[n].name << "'\n";
    }
    for (const auto& roi : rtstruct.structures.rois) {
        if (!gtv.findByNumber(roi.number)) {
            std::cout << "  ignored ROI " << roi.number << " '" << roi.name << "'"
                      << (roi.interpretedType.empty() ? "" : " (" + roi.interpretedType + ")")
                      << "\n";
        }
    }
    std::cout << "wrote " << output.string() << "\n";
    return 0;
}

struct ToRtstructOptions {
    std::string labels;
    std::string reference;
    std::string out;
    std::optional<std::string> series;
    bool synthetic = false;
};

int maskToRtstruct(const ToRtstructOptions& options) {
    const fs::path input = options.labels;
    const fs::path folder = options.reference;
    const fs::path output = options.out;

    LabelMap labels = readLabelMap(input);
    StreamProgressSink progress(stderr);
    const SeriesScan scan = scanDicomFolder(folder, progress);
    reportFileErrors(scan);
    const SeriesInfo* series = &chooseSeries(scan, options.series, folder);
    printIssues(*series);
    const ReferencedSeries reference = referencedSeriesOf(*series);

    // NIfTI stores geometry in single precision: a micrometre apart is the same grid.
    if (!labels.geometry().sameGridAs(reference.geometry, 1e-3)) {
        std::cerr << "note: " << input.string() << " lies on another grid ("
                  << labels.geometry().describe()
                  << "); resampled (nearest) onto the series grid\n";
        labels = resampleNearest(labels, reference.geometry);
    } else {
        labels.setGeometry(reference.geometry);
    }
    // A binary mask holds its lesions as separate blobs: number them.
    const auto highest = *std::max_element(labels.data().begin(), labels.data().end());
    if (highest == 1) {
        labels = labelConnectedComponents(labels, Connectivity::Full26).labels;
    }

    RtStructWriteOptions writeOptions;
    writeOptions.synthetic = options.synthetic;
    const StructureSet structures = labelMapToStructureSet(labels, {}, &progress);
    const RtStructWriteResult written =
        RtStructWriter(writeOptions).write(structures, reference, output);
    for (const auto& warning : written.warnings) {
        std::cerr << "warning: " << warning << "\n";
    }
    std::cout << "series " << series->describe() << "\n";
    for (const auto& roi : structures.rois) {
        std::cout << "  ROI " << roi.number << " '" << roi.name << "': " << roi.contours.size()
                  << " contour(s)\n";
    }
    std::cout << "wrote " << output.string() << "\n";
    return 0;
}

// Exports a stored structure set version as the workstation's export does, and says whether the
// file reads back as what was saved.
struct ExportOptions {
    std::string database;
    std::string user;
    std::int64_t structureSet = 0;
    std::string out;
};

int exportRtstruct(const ExportOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    const auto report =
        workflow::exportStructureSetVersion(database, user, options.structureSet, options.out);
    for (const auto& warning : report.warnings) {
        std::cerr << "warning: " << warning << "\n";
    }
    for (const auto& lesion : report.lesions) {
        std::printf("  %s  %.1f mm  Dice %.3f (file read back against the saved version)\n",
                    lesion.roiName.c_str(), lesion.maxDiameterMm, lesion.dice);
    }
    std::cout << "wrote " << report.file << (report.verified ? ", verified\n" : "\n");
    if (!report.verified) {
        std::cerr << "error: a lesion of 5 mm or more reads back with Dice below 0.98\n";
        return 1;
    }
    return 0;
}

} // namespace

void registerRtStructCommands(CommandLine& commands) {
    auto [exportCommand, exportOptions] =
        commands.add("export-rtstruct",
                     "export a stored structure set version as an RTSTRUCT on its series, read it "
                     "back and compare every lesion with the saved version",
                     exportRtstruct);
    exportCommand.add_option("--db", exportOptions.database, "the patient database")
        ->required()
        ->type_name("FILE");
    exportCommand.add_option("--user", exportOptions.user, "who exports (audited)")
        ->required()
        ->type_name("NAME");
    exportCommand
        .add_option("--version", exportOptions.structureSet,
                    "the id of the structure set version to export")
        ->required()
        ->transform(integerAtLeast(1))
        ->type_name("STRUCTURE_SET_ID");
    exportCommand.add_option("--out", exportOptions.out, "the RTSTRUCT file to write")
        ->required()
        ->type_name("RTSTRUCT.dcm");

    auto [toMask, toMaskOptions] =
        commands.add("rtstruct-to-mask",
                     "rasterise the GTV ROIs of an RTSTRUCT onto its series (lesion k -> value k; "
                     "--union: one binary GTV)",
                     rtstructToMask);
    toMask.add_option("RTSTRUCT.dcm", toMaskOptions.rtstruct, "the RTSTRUCT file")->required();
    toMask
        .add_option("--ref", toMaskOptions.reference,
                    "the DICOM folder holding the series the RTSTRUCT references")
        ->required()
        ->type_name("DICOM_DIR");
    toMask.add_option("--out", toMaskOptions.out, "the label map to write")
        ->required()
        ->type_name("LABELS.nii.gz");
    toMask.add_flag("--union", toMaskOptions.unionOnly,
                    "one binary GTV instead of one label per lesion");

    auto [toRtstruct, toRtstructOptions] =
        commands.add("mask-to-rtstruct",
                     "contour a lesion map (value k = lesion k; a binary mask is split into "
                     "connected lesions) as an RTSTRUCT with one ROI per lesion plus GTV_ALL",
                     maskToRtstruct);
    toRtstruct.add_option("LABELS.nii.gz", toRtstructOptions.labels, "the lesion map")->required();
    toRtstruct
        .add_option("--ref", toRtstructOptions.reference,
                    "the DICOM folder holding the series the contours belong to")
        ->required()
        ->type_name("DICOM_DIR");
    toRtstruct.add_option("--out", toRtstructOptions.out, "the RTSTRUCT file to write")
        ->required()
        ->type_name("RTSTRUCT.dcm");
    toRtstruct
        .add_option("--series", toRtstructOptions.series,
                    "the series in the folder (default: the one with the most slices)")
        ->type_name("UID");
    toRtstruct.add_flag("--synthetic", toRtstructOptions.synthetic,
                        "mark the RTSTRUCT as synthetic (phantom data, not for clinical use)");
}

} // namespace metis::cli
