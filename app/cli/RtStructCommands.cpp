// RTSTRUCT commands: planning-system contours <-> label maps on the grid of a DICOM series.
#include "CommandLine.h"
#include "SignedInUser.h"
#include "metis/core/ConnectedComponents.h"
#include "metis/core/Contours.h"
#include "metis/core/Progress.h"
#include "metis/core/Resample.h"
#include "metis/imaging/DicomSeriesReader.h"
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

std::string seriesList(const SeriesScan& scan) {
    std::string known;
    for (const auto& series : scan.series) {
        known += "\n  " + series.describe();
    }
    return known.empty() ? std::string(" none") : known;
}

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
                                 "; series found:" + seriesList(scan));
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
                                 "; series found:" + seriesList(scan));
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

int rtstructToMask(const Arguments& args) {
    if (args.positional().size() != 1) {
        throw UsageError("expected exactly one RTSTRUCT file");
    }
    const fs::path input = args.positional().front();
    const fs::path folder = args.required("--ref");
    const fs::path output = args.required("--out");
    volumeFileFormat(output); // reject an unknown output extension before any work
    const bool unionOnly = args.flag("--union");

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

int maskToRtstruct(const Arguments& args) {
    if (args.positional().size() != 1) {
        throw UsageError("expected exactly one label map file");
    }
    const fs::path input = args.positional().front();
    const fs::path folder = args.required("--ref");
    const fs::path output = args.required("--out");

    LabelMap labels = readLabelMap(input);
    StreamProgressSink progress(stderr);
    const SeriesScan scan = scanDicomFolder(folder, progress);
    reportFileErrors(scan);
    const SeriesInfo* series = nullptr;
    if (const auto uid = args.option("--series")) {
        series = scan.findSeries(*uid);
        if (!series) {
            throw std::runtime_error("no series " + *uid + " under " + folder.string() +
                                     "; series found:" + seriesList(scan));
        }
    } else {
        series = scan.largestLoadableSeries();
        if (!series) {
            throw std::runtime_error("no loadable image series under " + folder.string() +
                                     "; series found:" + seriesList(scan));
        }
    }
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

    RtStructWriteOptions options;
    options.synthetic = args.flag("--synthetic");
    const StructureSet structures = labelMapToStructureSet(labels, {}, &progress);
    const RtStructWriteResult written =
        RtStructWriter(options).write(structures, reference, output);
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
int exportRtstruct(const Arguments& args) {
    if (!args.positional().empty()) {
        throw UsageError("unexpected argument " + args.positional().front());
    }
    db::PatientDatabase database(args.required("--db"), db::OpenMode::Existing);
    const db::User user = signedInUser(database, args.required("--user"));
    const std::string version = args.required("--version");
    std::int64_t id = 0;
    try {
        id = std::stoll(version);
    } catch (const std::exception&) {
        throw UsageError("--version expects a structure set id, not '" + version + "'");
    }
    const auto report =
        workflow::exportStructureSetVersion(database, user, id, args.required("--out"));
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

void registerRtStructCommands(CommandTable& table) {
    table.push_back({"export-rtstruct",
                     "--db FILE --user NAME --version STRUCTURE_SET_ID --out RTSTRUCT.dcm",
                     "export a stored structure set version as an RTSTRUCT on its series, read it "
                     "back and compare every lesion with the saved version",
                     {"--db", "--user", "--version", "--out"},
                     {},
                     exportRtstruct});
    table.push_back({"rtstruct-to-mask",
                     "RTSTRUCT.dcm --ref DICOM_DIR --out LABELS.nii.gz [--union]",
                     "rasterise the GTV ROIs of an RTSTRUCT onto its series (lesion k -> value k; "
                     "--union: one binary GTV)",
                     {"--ref", "--out"},
                     {"--union"},
                     rtstructToMask});
    table.push_back(
        {"mask-to-rtstruct",
         "LABELS.nii.gz --ref DICOM_DIR --out RTSTRUCT.dcm [--series UID] [--synthetic]",
         "contour a lesion map (value k = lesion k; a binary mask is split into "
         "connected lesions) as an RTSTRUCT with one ROI per lesion plus GTV_ALL",
         {"--ref", "--out", "--series"},
         {"--synthetic"},
         maskToRtstruct});
}

} // namespace metis::cli
