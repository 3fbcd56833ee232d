// metis-cli phantom: generates a synthetic brain-metastasis cohort with EGFR labels
// (PHANTOM.md) for the demo, the tests and installation checks.
#include "CommandLine.h"
#include "metis/phantom/Phantom.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace metis::cli {
namespace {

struct PhantomOptions {
    phantom::PhantomCohortOptions cohort;
    std::vector<std::string> sites{"internal", "external"};
    phantom::PhantomOutputOptions output;
    bool noImages = false;
    std::optional<std::string> montage;
    std::string templates = "/usr/share/mricron/templates";
};

int phantom(const PhantomOptions& options) {
    phantom::PhantomCohortOptions cohortOptions = options.cohort;
    const auto named = [&options](const char* site) {
        return std::find(options.sites.begin(), options.sites.end(), site) != options.sites.end();
    };
    cohortOptions.internal = named("internal");
    cohortOptions.external = named("external");
    const bool images = !options.noImages;
    const auto& montage = options.montage;
    phantom::PhantomOutputOptions output = options.output;
    output.writeImages = images;
    output.previewPatients = montage ? 6 : 0;

    const auto start = std::chrono::steady_clock::now();
    const auto anatomy = phantom::loadPhantomAnatomy(options.templates);
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

void registerPhantomCommands(CommandLine& commands) {
    auto [app, o] = commands.add(
        "phantom",
        "generate a synthetic brain-metastasis cohort (DICOM MR, RTSTRUCT, truth NIfTI, "
        "clinical.csv, manifest.json) on the Colin27 anatomy; SYNTHETIC, NOT FOR CLINICAL USE",
        phantom);
    app.add_option("--out", o.output.directory, "the cohort folder to write")
        ->required()
        ->type_name("DIR");
    app.add_option("--preset", o.cohort.preset,
                   "demo: a small cohort for the demo and the tests; paper: the paper's cohort")
        ->check(CLI::IsMember({"demo", "paper"}).description(""))
        ->type_name("demo|paper");
    app.add_option("--seed", o.cohort.seed, "seed of the whole cohort")
        ->transform(integerAtLeast(0))
        ->type_name("N");
    app.add_option("--patients", o.cohort.patients,
                   "total patients, split over the sites like the preset (default: the preset's)")
        ->transform(integerAtLeast(1))
        ->type_name("N");
    app.add_option("--sites", o.sites, "comma list of the sites generated")
        ->delimiter(',')
        ->check(CLI::IsMember({"internal", "external"}))
        ->type_name(""); // the check lists the names
    CLI::Option* noImages =
        app.add_flag("--no-images", o.noImages, "only clinical.csv and manifest.json, no images");
    app.add_option("--montage", o.montage, "also a PNG montage of the first patients' slices")
        ->type_name("FILE.png")
        ->excludes(noImages);
    app.add_option("--threads", o.output.threads, "writer threads; 0: one per hardware thread")
        ->transform(integerAtLeast(0))
        ->type_name("N");
    app.add_option("--templates", o.templates, "the Colin27 templates (Debian's mricron-data)")
        ->type_name("DIR");
}

} // namespace metis::cli
