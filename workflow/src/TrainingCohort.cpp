#include "metis/workflow/TrainingCohort.h"

#include "metis/core/Sha256.h"

#include <algorithm>
#include <stdexcept>

namespace metis::workflow {
namespace {

bool reviewedEnough(const std::string& status, MinimumReview minimum) {
    if (status == "approved" || status == "locked") {
        return true;
    }
    return minimum == MinimumReview::Corrected && status == "corrected";
}

const char* minimumName(MinimumReview minimum) {
    return minimum == MinimumReview::Approved ? "approved" : "corrected";
}

} // namespace

std::string describe(const ExcludedPatient& excluded, MinimumReview minimum) {
    switch (excluded.reason) {
    case ExclusionReason::NoSeries:
        return "no image series";
    case ExclusionReason::NoManualGtv:
        return "no manual GTV";
    case ExclusionReason::GtvNotReviewed:
        return "GTV is " + excluded.reviewStatus + " (needs " + minimumName(minimum) + ")";
    case ExclusionReason::NoEgfrStatus:
        return "no known EGFR status";
    case ExclusionReason::NoDiagnosisDate:
        return "no diagnosis date";
    }
    return {};
}

std::size_t DatabaseCohort::mutantCount() const {
    return static_cast<std::size_t>(std::count_if(
        patients.begin(), patients.end(), [](const auto& patient) { return patient.egfrMutant; }));
}

std::map<std::string, std::size_t> DatabaseCohort::siteCounts() const {
    std::map<std::string, std::size_t> counts;
    for (const EligiblePatient& patient : patients) {
        ++counts[patient.site];
    }
    return counts;
}

std::array<std::size_t, 4> DatabaseCohort::lesionSizeHistogram() const {
    std::array<std::size_t, 4> bins{};
    for (const EligiblePatient& patient : patients) {
        for (const double diameter : patient.lesionDiametersMm) {
            ++bins[diameter < 5.0 ? 0 : diameter < 10.0 ? 1 : diameter <= 20.0 ? 2 : 3];
        }
    }
    return bins;
}

std::size_t DatabaseCohort::withoutLesionSizes() const {
    return static_cast<std::size_t>(
        std::count_if(patients.begin(), patients.end(),
                      [](const auto& patient) { return patient.lesionDiametersMm.empty(); }));
}

DatabaseCohort selectDatabaseCohort(db::PatientDatabase& database, const CohortFilter& filter) {
    DatabaseCohort cohort;
    for (db::TrainingCandidate& candidate : database.trainingCandidates()) {
        const std::string& date = candidate.diagnosisDate;
        const bool outside =
            (!filter.site.empty() && candidate.manufacturer != filter.site) ||
            (!filter.dateFrom.empty() && (date.empty() || date < filter.dateFrom)) ||
            (!filter.dateTo.empty() && (date.empty() || date > filter.dateTo));
        if (outside) {
            ++cohort.outsideFilter;
            continue;
        }
        ExcludedPatient excluded{candidate.patientId, ExclusionReason::NoSeries, {}};
        if (candidate.seriesId == 0) {
            excluded.reason = ExclusionReason::NoSeries;
        } else if (candidate.structureSetId == 0) {
            excluded.reason = ExclusionReason::NoManualGtv;
        } else if (!reviewedEnough(candidate.reviewStatus, filter.minimumReview)) {
            excluded.reason = ExclusionReason::GtvNotReviewed;
            excluded.reviewStatus = candidate.reviewStatus;
        } else if (candidate.egfrStatus != "mutant" && candidate.egfrStatus != "wild_type") {
            excluded.reason = ExclusionReason::NoEgfrStatus;
        } else if (date.empty()) {
            excluded.reason = ExclusionReason::NoDiagnosisDate;
        } else {
            cohort.patients.push_back({candidate.patientId, candidate.seriesId,
                                       candidate.structureSetId, candidate.manufacturer, date,
                                       candidate.egfrStatus == "mutant",
                                       std::move(candidate.lesionDiametersMm)});
            continue;
        }
        cohort.excluded.push_back(std::move(excluded));
    }
    return cohort;
}

std::vector<models::CohortCase> splitCases(const DatabaseCohort& cohort,
                                           const std::string& externalSite) {
    std::vector<models::CohortCase> cases;
    cases.reserve(cohort.patients.size());
    for (const EligiblePatient& patient : cohort.patients) {
        const bool external = !externalSite.empty() && patient.site == externalSite;
        cases.push_back({patient.patientId, patient.diagnosisDate,
                         external ? "external:" + patient.site : std::string("internal"),
                         patient.egfrMutant ? 1 : 0});
    }
    return cases;
}

std::size_t mutantCount(const std::vector<models::CohortCase>& cases,
                        const std::vector<std::size_t>& indices) {
    return static_cast<std::size_t>(std::count_if(
        indices.begin(), indices.end(), [&](std::size_t i) { return cases[i].egfrMutant == 1; }));
}

models::CohortSplit splitDatabaseCohort(const DatabaseCohort& cohort, const SplitOptions& options) {
    if (options.validationCount == 0) {
        throw std::invalid_argument("cohort split: at least one validation patient is needed");
    }
    const auto cases = splitCases(cohort, options.externalSite);
    const models::CohortSplit split =
        models::splitCohort(cases, options.cutoff, options.validationCount, options.seed);
    if (!options.externalSite.empty() && split.externalTest.empty()) {
        throw std::invalid_argument("cohort split: no eligible patient of site '" +
                                    options.externalSite + "' to hold out");
    }
    std::vector<std::size_t> test = split.internalTest;
    test.insert(test.end(), split.externalTest.begin(), split.externalTest.end());
    if (test.empty()) {
        throw std::invalid_argument("cohort split: no patient diagnosed after " + options.cutoff +
                                    " and no held-out site: the test set would be empty");
    }
    const std::size_t mutants = mutantCount(cases, test);
    if (mutants == 0 || mutants == test.size()) {
        throw std::invalid_argument(
            "cohort split: all " + std::to_string(test.size()) + " test patients are " +
            (mutants == 0 ? "EGFR wild type" : "EGFR mutant") +
            ": the EGFR call cannot be evaluated; move the cutoff or hold out another site");
    }
    return split;
}

std::string cohortManifestSha256(const DatabaseCohort& cohort) {
    std::string manifest;
    for (const EligiblePatient& patient : cohort.patients) {
        manifest += patient.patientId + "," + std::to_string(patient.structureSetId) + "," +
                    (patient.egfrMutant ? "mutant" : "wild_type") + "," + patient.diagnosisDate +
                    "\n";
    }
    return sha256Hex(manifest);
}

} // namespace metis::workflow
