#pragma once
// Retraining on the site's own patients (the training wizard's cohort and split pages, and
// `metis-cli cohort`): which patients of the database can train MTSA-Net, why the others
// cannot, and the paper's temporal split of those that can.

#include "metis/database/PatientDatabase.h"
#include "metis/models/TrainingData.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace metis::workflow {

/// The review a manual GTV needs before it may train a model.
enum class MinimumReview {
    Corrected, ///< corrected, approved or locked
    Approved,  ///< approved or locked
};

struct CohortFilter {
    MinimumReview minimumReview = MinimumReview::Approved;
    std::string site;     ///< only the patients of this scanner manufacturer; empty: every site
    std::string dateFrom; ///< diagnosis date range (YYYY-MM-DD), inclusive; empty: open
    std::string dateTo;
};

/// A patient who can train: a series, a reviewed manual GTV on it, a known EGFR status and a
/// diagnosis date.
struct EligiblePatient {
    std::string patientId;
    std::int64_t seriesId = 0;
    std::int64_t structureSetId = 0;
    std::string site; ///< the series' manufacturer ("" when the header named none)
    std::string diagnosisDate;
    bool egfrMutant = false;
    std::vector<double> lesionDiametersMm;
};

/// Why a patient cannot train (the front end words it; describe() gives the English).
enum class ExclusionReason {
    NoSeries,        ///< no image series
    NoManualGtv,     ///< no manual or imported GTV on the series
    GtvNotReviewed,  ///< the newest GTV version's review is below the minimum
    NoEgfrStatus,    ///< no clinical label, or EGFR status unknown
    NoDiagnosisDate, ///< the temporal split needs one
};

struct ExcludedPatient {
    std::string patientId;
    ExclusionReason reason = ExclusionReason::NoSeries;
    std::string reviewStatus; ///< for GtvNotReviewed: the GTV's status
};

/// "no manual GTV", "GTV is draft (needs approved)", ...
std::string describe(const ExcludedPatient& excluded, MinimumReview minimum);

struct DatabaseCohort {
    std::vector<EligiblePatient> patients; ///< in patient id order
    std::vector<ExcludedPatient> excluded;
    std::size_t outsideFilter = 0; ///< patients the site or date filter left out

    std::size_t mutantCount() const;
    /// Eligible patients per site.
    std::map<std::string, std::size_t> siteCounts() const;
    /// Lesions by maximum diameter: under 5, 5-10, 10-20 and over 20 mm.
    std::array<std::size_t, 4> lesionSizeHistogram() const;
    /// Eligible patients whose GTV has no lesion rows (an imported label map is stored without
    /// them), so the histogram does not count their lesions.
    std::size_t withoutLesionSizes() const;
};

/// The database's patients sorted into eligible and excluded (with the reason) under `filter`.
DatabaseCohort selectDatabaseCohort(db::PatientDatabase& database, const CohortFilter& filter);

struct SplitOptions {
    std::string cutoff = "2021-05-01"; ///< patients diagnosed after it form the test set
    std::size_t validationCount = 10;  ///< random earlier patients that validate
    std::uint64_t seed = 1;
    /// A site held out whole as the external test set; empty: none.
    std::string externalSite;
};

/// The cohort as the split sees it: the external site's patients marked external.
std::vector<models::CohortCase> splitCases(const DatabaseCohort& cohort,
                                           const std::string& externalSite);

/// How many of the cases `indices` are EGFR mutant (a split set's balance).
std::size_t mutantCount(const std::vector<models::CohortCase>& cases,
                        const std::vector<std::size_t>& indices);

/// The paper's split (models::splitCohort) of the eligible patients, with a site held out when
/// asked. Throws std::invalid_argument naming the problem when a set would be empty (training,
/// validation, or internal and external test together), the external site has no patient, or
/// the test set holds a single EGFR class (no AUC can be computed on it).
models::CohortSplit splitDatabaseCohort(const DatabaseCohort& cohort, const SplitOptions& options);

/// The cohort's identity for model packages: SHA-256 over each eligible patient's id, GTV
/// version, EGFR status and diagnosis date.
std::string cohortManifestSha256(const DatabaseCohort& cohort);

} // namespace metis::workflow
