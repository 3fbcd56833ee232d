// metis-cli import, db init, db stats, db check, cohort: the patient database from the command
// line.
#include "CommandLine.h"
#include "DatabaseOption.h"
#include "SignedInUser.h"
#include "metis/core/Json.h"
#include "metis/database/Importer.h"
#include "metis/database/PatientDatabase.h"
#include "metis/workflow/TrainingCohort.h"

#include <csignal>
#include <iostream>

namespace metis::cli {
namespace {

// Ctrl-C asks the import to stop at the next series boundary; what was committed stays.
CancelToken* g_cancel = nullptr;
extern "C" void onInterrupt(int) {
    if (g_cancel) {
        g_cancel->cancel();
    }
}

struct ImportCommandOptions {
    std::vector<std::string> paths;
    std::string database;
    db::ImportOptions import;
};

int runImport(const ImportCommandOptions& options) {
    if (options.paths.empty() && options.import.clinicalCsv.empty()) {
        throw UsageError("nothing to import: give PATH... or --clinical CSV");
    }
    db::PatientDatabase database(options.database);
    // The audit names who imported: a signed-in user, else the OS account that ran the import
    // (the OS checked it at login).
    db::ImportOptions import = options.import;
    import.username = import.username.empty() ? "os:" + db::currentOsAccount()
                                              : signedInUser(database, import.username).username;
    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    StreamProgressSink progress(stderr, 0.1, &cancel);
    db::ImportReport report;
    try {
        report = db::importPaths(database, options.paths, import, progress);
    } catch (const OperationCancelled&) {
        std::cerr << "import cancelled; series imported so far are kept\n";
        return 130;
    }
    for (const auto& note : report.notes) {
        std::cerr << "note: " << note.path << ": " << note.message << "\n";
    }
    for (const auto& error : report.errors) {
        std::cerr << "error: " << error.path << ": " << error.message << "\n";
    }
    JsonWriter json;
    json.beginObject()
        .field("database", database.path())
        .field("files_examined", static_cast<std::uint64_t>(report.filesExamined))
        .field("series_imported", static_cast<std::uint64_t>(report.seriesImported))
        .field("series_already_present", static_cast<std::uint64_t>(report.seriesAlreadyPresent))
        .field("instances_imported", static_cast<std::uint64_t>(report.instancesImported))
        .field("structure_sets_imported", static_cast<std::uint64_t>(report.structureSetsImported))
        .field("clinical_rows_imported", static_cast<std::uint64_t>(report.clinicalRowsImported))
        .field("errors", static_cast<std::uint64_t>(report.errors.size()))
        .endObject();
    std::cout << json.str() << "\n";
    return report.errors.empty() ? 0 : 3;
}

struct StatsOptions {
    std::string database;
    bool json = false;
};

int runStats(const StatsOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::ReadOnly);
    const auto s = database.stats();
    if (options.json) {
        JsonWriter json;
        json.beginObject()
            .field("database", database.path())
            .field("schema_version", s.schemaVersion)
            .field("patients", s.patients)
            .field("studies", s.studies)
            .field("series", s.series)
            .field("instances", s.instances)
            .field("structure_sets", s.structureSets)
            .field("clinical_labels", s.clinicalLabels)
            .field("inference_runs", s.inferenceRuns)
            .field("models", s.models)
            .field("users", s.users)
            .field("audit_entries", s.auditEntries)
            .endObject();
        std::cout << json.str() << "\n";
    } else {
        std::cout << database.path() << " (schema " << s.schemaVersion << "): " << s.patients
                  << " patients, " << s.studies << " studies, " << s.series << " series, "
                  << s.instances << " instances, " << s.structureSets << " structure sets, "
                  << s.clinicalLabels << " clinical labels, " << s.inferenceRuns
                  << " inference runs, " << s.models << " models, " << s.auditEntries
                  << " audit entries\n";
    }
    return 0;
}

struct DatabaseOptions {
    std::string database;
};

// Creates (or migrates) the database and its default users, one per role.
int runInit(const DatabaseOptions& options) {
    db::PatientDatabase database(options.database);
    database.ensureDefaultUsers();
    std::cout << database.path() << ": ready, schema " << database.stats().schemaVersion
              << ", users oncologist, annotator, physicist, admin\n";
    return 0;
}

int runCheck(const DatabaseOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::ReadOnly);
    const auto report = database.check();
    for (const auto& problem : report.problems) {
        std::cout << "PROBLEM: " << problem << "\n";
    }
    std::cout << database.path() << ": " << report.auditEntriesVerified << " audit entries and "
              << report.filesVerified << " stored files verified, " << report.problems.size()
              << " problem(s)\n";
    return report.ok() ? 0 : 1;
}

struct CohortOptions {
    std::string database;
    workflow::CohortFilter filter;
    workflow::SplitOptions split;
};

void printSet(const char* name, const std::vector<std::size_t>& set,
              const std::vector<models::CohortCase>& cases) {
    std::cout << "  " << name << ": " << set.size() << " (EGFR mutant "
              << workflow::mutantCount(cases, set) << ")\n";
}

int runCohort(const CohortOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::ReadOnly);
    const workflow::DatabaseCohort cohort =
        workflow::selectDatabaseCohort(database, options.filter);
    const std::size_t mutants = cohort.mutantCount();
    std::cout << "eligible patients: " << cohort.patients.size() << " (EGFR mutant " << mutants
              << ", wild type " << cohort.patients.size() - mutants << ")\n";
    std::cout << "sites:";
    for (const auto& [site, count] : cohort.siteCounts()) {
        std::cout << " " << (site.empty() ? "(unnamed)" : site) << " " << count << ";";
    }
    const auto bins = cohort.lesionSizeHistogram();
    std::cout << "\nlesions by maximum diameter: < 5 mm " << bins[0] << ", 5-10 mm " << bins[1]
              << ", 10-20 mm " << bins[2] << ", > 20 mm " << bins[3];
    if (const std::size_t unmeasured = cohort.withoutLesionSizes(); unmeasured > 0) {
        std::cout << " (not counted: " << unmeasured
                  << " patient(s) whose GTV was imported without lesion sizes)";
    }
    std::cout << "\n";
    std::cout << "excluded: " << cohort.excluded.size() << "\n";
    for (const auto& excluded : cohort.excluded) {
        std::cout << "  " << excluded.patientId << ": "
                  << workflow::describe(excluded, options.filter.minimumReview) << "\n";
    }
    if (cohort.outsideFilter > 0) {
        std::cout << "outside the site/date filter: " << cohort.outsideFilter << "\n";
    }
    const models::CohortSplit split = workflow::splitDatabaseCohort(cohort, options.split);
    const auto cases = workflow::splitCases(cohort, options.split.externalSite);
    std::cout << "split (diagnosed after " << options.split.cutoff << " test; "
              << options.split.validationCount << " validation, seed " << options.split.seed
              << (options.split.externalSite.empty()
                      ? std::string()
                      : "; site " + options.split.externalSite + " held out")
              << "):\n";
    printSet("training", split.training, cases);
    printSet("validation", split.validation, cases);
    printSet("internal test", split.internalTest, cases);
    printSet("external test", split.externalTest, cases);
    return 0;
}

} // namespace

void registerDatabaseCommands(CommandLine& commands) {
    auto [importCommand, importOptions] = commands.add(
        "import", "import DICOM folders/files, RTSTRUCTs and clinical CSVs into the database",
        runImport);
    importCommand.add_option("PATH", importOptions.paths,
                             "files and folders to import (DICOM, RTSTRUCT, NIfTI with masks, "
                             "clinical CSV)");
    importCommand
        .add_option("--clinical", importOptions.import.clinicalCsv,
                    "a clinical CSV (patient id, diagnosis date, EGFR status)")
        ->type_name("CSV");
    addDatabaseOption(importCommand, importOptions.database);
    importOptions.import.username.clear();
    importCommand
        .add_option("--user", importOptions.import.username,
                    "who imports, signed in (audited; default: the OS account, as os:NAME)")
        ->type_name("NAME");

    commands.group("db").description("the patient database");
    auto [init, initOptions] = commands.add(
        "db init", "create the database (or bring its schema up to date) with one user per role",
        runInit);
    addDatabaseOption(init, initOptions.database);

    auto [stats, statsOptions] =
        commands.add("db stats", "count what the database holds", runStats);
    addDatabaseOption(stats, statsOptions.database);
    stats.add_flag("--json", statsOptions.json, "the counts as JSON");

    auto [check, checkOptions] = commands.add(
        "db check",
        "verify database integrity, the audit chain and stored files (exit 1 on a problem)",
        runCheck);
    addDatabaseOption(check, checkOptions.database);

    auto [cohort, cohortOptions] = commands.add(
        "cohort",
        "the patients of the database that can retrain MTSA-Net, why the others cannot, and "
        "their split (exit 1 when the split is unusable)",
        runCohort);
    addDatabaseOption(cohort, cohortOptions.database);
    addChoice(cohort, "--min-review", cohortOptions.filter.minimumReview,
              Choices<workflow::MinimumReview>{{"approved", workflow::MinimumReview::Approved},
                                               {"corrected", workflow::MinimumReview::Corrected}},
              "the review a manual GTV needs to train");
    cohort.add_option("--site", cohortOptions.filter.site, "only this scanner manufacturer")
        ->type_name("NAME");
    cohort.add_option("--from", cohortOptions.filter.dateFrom, "diagnosed on or after")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD");
    cohort.add_option("--to", cohortOptions.filter.dateTo, "diagnosed on or before")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD");
    cohort
        .add_option("--cutoff", cohortOptions.split.cutoff,
                    "patients diagnosed after this date form the test set")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD")
        ->capture_default_str();
    cohort
        .add_option("--validation", cohortOptions.split.validationCount,
                    "validation patients, drawn from those before the cutoff")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->capture_default_str();
    cohort.add_option("--seed", cohortOptions.split.seed, "seed of the validation draw")
        ->transform(integerAtLeast(0))
        ->type_name("N")
        ->capture_default_str();
    cohort
        .add_option("--external-site", cohortOptions.split.externalSite,
                    "a scanner manufacturer held out whole as the external test set")
        ->type_name("NAME");
}

} // namespace metis::cli
