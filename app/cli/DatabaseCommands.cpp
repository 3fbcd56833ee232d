// metis-cli import, db stats, db check: the patient database from the command line.
#include "CommandLine.h"
#include "metis/core/Json.h"
#include "metis/database/Importer.h"
#include "metis/database/PatientDatabase.h"

#include <csignal>
#include <iostream>

namespace metis::cli {
namespace {

std::string databasePath(const Arguments& args) {
    return args.option("--db").value_or(db::PatientDatabase::defaultPath());
}

// Ctrl-C asks the import to stop at the next series boundary; what was committed stays.
CancelToken* g_cancel = nullptr;
extern "C" void onInterrupt(int) {
    if (g_cancel) {
        g_cancel->cancel();
    }
}

int runImport(const Arguments& args) {
    if (args.positional().empty() && !args.option("--clinical")) {
        throw UsageError("nothing to import");
    }
    db::PatientDatabase database(databasePath(args));
    db::ImportOptions options;
    options.clinicalCsv = args.option("--clinical").value_or("");
    options.username = args.option("--user").value_or("system");
    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onInterrupt);
    StreamProgressSink progress(stderr, 0.1, &cancel);
    db::ImportReport report;
    try {
        report = db::importPaths(database, args.positional(), options, progress);
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

int runStats(const Arguments& args) {
    db::PatientDatabase database(databasePath(args), db::OpenMode::ReadOnly);
    const auto s = database.stats();
    if (args.flag("--json")) {
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

// Creates (or migrates) the database and its default users, one per role.
int runInit(const Arguments& args) {
    db::PatientDatabase database(databasePath(args));
    database.ensureDefaultUsers();
    std::cout << database.path() << ": ready, schema " << database.stats().schemaVersion
              << ", users oncologist, annotator, physicist, admin\n";
    return 0;
}

int runCheck(const Arguments& args) {
    db::PatientDatabase database(databasePath(args), db::OpenMode::ReadOnly);
    const auto report = database.check();
    for (const auto& problem : report.problems) {
        std::cout << "PROBLEM: " << problem << "\n";
    }
    std::cout << database.path() << ": " << report.auditEntriesVerified << " audit entries and "
              << report.filesVerified << " stored files verified, " << report.problems.size()
              << " problem(s)\n";
    return report.ok() ? 0 : 1;
}

} // namespace

void registerDatabaseCommands(CommandTable& table) {
    table.push_back({"import",
                     "PATH... [--clinical CSV] [--db FILE] [--user NAME]",
                     "import DICOM folders/files, RTSTRUCTs and clinical CSVs into the database",
                     {"--clinical", "--db", "--user"},
                     {},
                     runImport});
    table.push_back({"db init",
                     "[--db FILE]",
                     "create the database (or bring its schema up to date) with one user per role",
                     {"--db"},
                     {},
                     runInit});
    table.push_back({"db stats",
                     "[--db FILE] [--json]",
                     "count what the database holds",
                     {"--db"},
                     {"--json"},
                     runStats});
    table.push_back({"db check",
                     "[--db FILE]",
                     "verify database integrity, the audit chain and stored files (exit 1 on a "
                     "problem)",
                     {"--db"},
                     {},
                     runCheck});
}

} // namespace metis::cli
