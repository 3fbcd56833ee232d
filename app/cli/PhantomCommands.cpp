// metis-cli phantom: generates a synthetic brain-metastasis cohort with EGFR labels
// (PHANTOM.md) for the demo, the tests and installation checks.
#include "CommandLine.h"
#include "metis/phantom/Phantom.h"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace metis::cli {
namespace {

std::uint64_t parseSeed(const std::string& text) {
    try {
        std::size_t used = 0;
        const auto value = std::stoull(text, &used);
        if (used == text.size()) {
            return value;
        }
    } catch (const std::exception&) {
    }
    throw UsageError("--seed must be a non-negative integer, not '" + text + "'");
}

int phantom(const Arguments& args) {
    phantom::PhantomCohortOptions cohortOptions;
    cohortOptions.preset = args.option("--preset").value_or("demo");
    if (cohortOptions.preset != "demo" && cohortOptions.preset != "paper") {
        throw UsageError("--preset must be demo or paper");
    }
    cohortOptions.seed = parseSeed(args.option("--seed").value_or("1"));
    if (const auto patients = args.option("--patients")) {
        try {
            cohortOptions.patients = std::stoi(*patients);
        } catch (const std::exception&) {
            throw UsageError("--patients must be a number");
        }
    }
    if (const auto sites = args.option("--sites")) {
        cohortOptions.internal = cohortOptions.external = false;
        std::stringstream list(*sites);
        std::string site;
        while (std::getline(list, site, ',')) {
            if (site == "internal") {
                cohortOptions.internal = true;
            } else if (site == "external") {
                cohortOptions.external = true;
            } else {
                throw UsageError("--sites takes internal, external or both, not '" + site + "'");
            }
        }
    }
    const bool images = !args.flag("--no-images");
    const auto montage = args.option("--montage");
    if (montage && !images) {
        throw UsageError("--montage needs the images (drop --no-images)");
    }
    phantom::PhantomOutputOptions output;
    output.directory = args.required("--out");
    output.writeImages = images;
    if (const auto threads = args.option("--threads")) {
        output.threads = static_cast<unsigned>(std::stoul(*threads));
    }
    output.previewPatients = montage ? 6 : 0;

    const auto start = std::chrono::steady_clock::now();
    const auto anatomy = phantom::loadPhantomAnatomy(
        args.option("--templates").value_or("/usr/share/mricron/templates"));
    const phantom::PhantomCohort cohort = phantom::samplePhantomCohort(cohortOptions, *anatomy);
    std::cout << phantom::describeAnatomy(*anatomy) << "\n";
    std::cout << "phantom cohort '" << cohort.preset << "', seed " << cohort.seed << " (b0 "
              << cohort.interceptB0 << ")\n"
              << phantom::formatStatistics(phantom::cohortStatistics(cohort)) << std::flush;

    std::size_t finished = 0;
    const auto outcomes = phantom::writePhantomCohort(
        cohort, *anatomy, output, [&](const phantom::PatientOutcome& o) {
            const auto& p = *o.patient;
            char line[256];
            std::snprintf(line, sizeof line, "[%zu/%zu] %s %s %s %s %s, %zu lesion(s), %s, %.1f s",
                          ++finished, cohort.patients.size(), p.patientId.c_str(),
                          phantom::toString(p.site).c_str(),
                          phantom::toString(p.acquisition.vendor).c_str(),
                          p.acquisition.sequenceLabel.c_str(),
                          p.acquisition.mode == phantom::AcquisitionMode::ThreeD ? "3D" : "2D",
                          p.lesions.size(), p.label ? "EGFR mutant" : "EGFR wild-type", o.seconds);
            std::cout << line << std::endl;
        });
    if (montage) {
        std::vector<phantom::PhantomPreview> previews;
        for (const auto& o : outcomes) {
            previews.insert(previews.end(), o.previews.begin(), o.previews.end());
        }
        if (previews.size() > 8) {
            previews.resize(8);
        }
        phantom::writePhantomMontage(previews, 4, 256, *montage);
        std::cout << "montage: " << *montage << "\n";
        for (const auto& preview : previews) {
            std::cout << "  " << preview.caption << "\n";
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << output.directory.string() << " (" << (images ? "images, " : "")
              << "clinical.csv, manifest.json) in " << std::fixed << std::setprecision(1) << seconds
              << " s\n";
    return 0;
}

} // namespace

void registerPhantomCommands(CommandTable& table) {
    table.push_back(
        {"phantom",
         "--out DIR [--preset demo|paper] [--seed N] [--patients N] [--sites internal,external] "
         "[--no-images] [--montage FILE.png] [--threads N] [--templates DIR]",
         "generate a synthetic brain-metastasis cohort (DICOM MR, RTSTRUCT, truth NIfTI, "
         "clinical.csv, manifest.json) on the Colin27 anatomy; SYNTHETIC, NOT FOR CLINICAL USE",
         {"--out", "--preset", "--seed", "--patients", "--sites", "--montage", "--threads",
          "--templates"},
         {"--no-images"},
         phantom});
}

} // namespace metis::cli
