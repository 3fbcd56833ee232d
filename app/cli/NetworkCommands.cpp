// metis-cli pacs ... and listen: DICOM networking with the PACS from the command line, through
// the same workflow calls as the workstation.
#include "CommandLine.h"
#include "DatabaseOption.h"
#include "SignedInUser.h"
#include "metis/core/Json.h"
#include "metis/workflow/DicomNetworking.h"
#include "metis/workflow/SeriesExport.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

namespace metis::cli {
namespace {

struct NodeListOptions {
    std::string database;
    bool json = false;
};

int runListNodes(const NodeListOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const auto local = database.localDicomNode();
    const auto nodes = database.dicomNodes();
    if (options.json) {
        JsonWriter json;
        json.beginObject()
            .key("local")
            .beginObject()
            .field("ae_title", local.aeTitle)
            .field("port", local.port)
            .field("max_associations", local.maxAssociations)
            .endObject()
            .key("nodes")
            .beginArray();
        for (const auto& node : nodes) {
            json.beginObject()
                .field("name", node.name)
                .field("ae_title", node.aeTitle)
                .field("host", node.host)
                .field("port", node.port)
                .endObject();
        }
        json.endArray().endObject();
        std::cout << json.str() << "\n";
        return 0;
    }
    std::cout << "this workstation: " << local.aeTitle << ", port " << local.port << ", "
              << local.maxAssociations << " associations at once\n";
    for (const auto& node : nodes) {
        std::cout << node.name << "  " << imaging::describe(workflow::toDicomNode(node)) << "\n";
    }
    if (nodes.empty()) {
        std::cout << "no DICOM nodes configured (metis-cli pacs set-node)\n";
    }
    return 0;
}

struct SetNodeOptions {
    std::string database;
    std::string user;
    std::string name;
    std::string aeTitle;
    std::string host;
    int port = 104;
};

int runSetNode(const SetNodeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    const auto saved = workflow::setDicomNode(
        database, user, {0, options.name, options.aeTitle, options.host, options.port});
    std::cout << saved.name << "  " << imaging::describe(workflow::toDicomNode(saved)) << "\n";
    return 0;
}

struct RemoveNodeOptions {
    std::string database;
    std::string user;
    std::string name;
};

int runRemoveNode(const RemoveNodeOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    database.removeDicomNode(signedInUser(database, options.user), options.name);
    std::cout << "removed " << options.name << "\n";
    return 0;
}

struct LocalOptions {
    std::string database;
    std::string user;
    db::LocalDicomNode local;
};

int runSetLocal(const LocalOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    database.setLocalDicomNode(signedInUser(database, options.user), options.local);
    const auto local = database.localDicomNode();
    std::cout << "this workstation: " << local.aeTitle << ", port " << local.port << ", "
              << local.maxAssociations << " associations at once\n";
    return 0;
}

struct EchoOptions {
    std::string database;
    std::string node;
};

int runEcho(const EchoOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const double milliseconds = workflow::echoDicomNode(database, options.node);
    std::printf("%s answered C-ECHO in %.1f ms\n", options.node.c_str(), milliseconds);
    return 0;
}

struct FindOptions {
    std::string database;
    std::string node;
    imaging::StudyQuery query;
    std::string studyUid;
};

int runFind(const FindOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const auto node = workflow::requireDicomNode(database, options.node);
    const auto callingAe = database.localDicomNode().aeTitle;
    JsonWriter json;
    json.beginArray();
    if (options.studyUid.empty()) {
        for (const auto& study :
             imaging::findStudies(callingAe, workflow::toDicomNode(node), options.query)) {
            json.beginObject()
                .field("patient_id", study.patientId)
                .field("patient_name", study.patientName)
                .field("study_uid", study.studyUid)
                .field("study_date", study.studyDate)
                .field("description", study.studyDescription)
                .field("accession", study.accessionNumber)
                .field("modalities", study.modalities)
                .endObject();
        }
    } else {
        for (const auto& series :
             imaging::findSeries(callingAe, workflow::toDicomNode(node), options.studyUid)) {
            json.beginObject()
                .field("study_uid", series.studyUid)
                .field("series_uid", series.seriesUid)
                .field("modality", series.modality)
                .field("series_number", series.seriesNumber)
                .field("description", series.description)
                .field("instances", series.instanceCount)
                .endObject();
        }
    }
    json.endArray();
    std::cout << json.str() << "\n";
    return 0;
}

// Ctrl-C (or SIGTERM) stops a retrieval after the current series, and the listener.
CancelToken* g_cancel = nullptr;
extern "C" void onStopSignal(int) {
    if (g_cancel) {
        g_cancel->cancel();
    }
}

void printImport(JsonWriter& json, const db::ImportReport& report) {
    json.field("series_imported", static_cast<std::uint64_t>(report.seriesImported))
        .field("series_already_present", static_cast<std::uint64_t>(report.seriesAlreadyPresent))
        .field("instances_imported", static_cast<std::uint64_t>(report.instancesImported))
        .field("structure_sets_imported", static_cast<std::uint64_t>(report.structureSetsImported))
        .field("errors", static_cast<std::uint64_t>(report.errors.size()));
}

void printProblems(const db::ImportReport& report) {
    for (const auto& error : report.errors) {
        std::cerr << "error: " << error.path << ": " << error.message << "\n";
    }
}

struct RetrieveOptions {
    std::string database;
    std::string user;
    std::string node;
    std::string studyUid;
    std::vector<std::string> seriesUids;
};

int runRetrieve(const RetrieveOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    CancelToken cancel;
    g_cancel = &cancel;
    std::signal(SIGINT, onStopSignal);
    StreamProgressSink progress(stderr, 0.1, &cancel);
    workflow::RetrieveReport report;
    try {
        report = workflow::retrieveStudy(database, user, options.node, options.studyUid,
                                         options.seriesUids, progress);
    } catch (const OperationCancelled&) {
        std::cerr << "retrieval cancelled; what arrived is imported\n";
        return 130;
    }
    printProblems(report.import);
    JsonWriter json;
    json.beginObject().key("series").beginArray();
    for (const auto& series : report.series) {
        json.beginObject()
            .field("series_uid", series.seriesUid)
            .field("completed", series.transfer.completed)
            .field("failed", series.transfer.failed)
            .field("warnings", series.transfer.warnings)
            .endObject();
    }
    json.endArray();
    printImport(json, report.import);
    json.endObject();
    std::cout << json.str() << "\n";
    const bool allArrived =
        std::all_of(report.series.begin(), report.series.end(),
                    [](const auto& series) { return series.transfer.failed == 0; });
    return report.import.errors.empty() && allArrived ? 0 : 3;
}

/// --deidentify and its profile's options, for export and send.
struct DeidentifyOptions {
    bool enabled = false;
    imaging::DeidentificationProfile profile;
    bool removeDates = false;
    bool removeCharacteristics = false;

    std::optional<imaging::DeidentificationProfile> chosen() const {
        if (!enabled) {
            return std::nullopt;
        }
        auto chosen = profile;
        chosen.retainLongitudinalTemporalInformation = !removeDates;
        chosen.retainPatientCharacteristics = !removeCharacteristics;
        return chosen;
    }
};

void addDeidentifyOptions(CLI::App& command, DeidentifyOptions& options) {
    auto* deidentify =
        command.add_flag("--deidentify", options.enabled,
                         "de-identify (DICOM PS3.15 Basic Profile, keeping full dates and patient "
                         "characteristics; UIDs remapped consistently)");
    command.add_option("--pseudonym", options.profile.pseudonym, "the new patient name and ID")
        ->needs(deidentify)
        ->type_name("TEXT")
        ->capture_default_str();
    command
        .add_flag("--remove-dates", options.removeDates,
                  "de-identify dates and times too (no Retain Longitudinal option)")
        ->needs(deidentify);
    command
        .add_flag("--remove-patient-characteristics", options.removeCharacteristics,
                  "remove sex, age, size and weight too (no Retain Patient Characteristics)")
        ->needs(deidentify);
}

struct SendOptions {
    std::string database;
    std::string user;
    std::string node;
    std::int64_t structureSet = 0;
    bool withImages = false;
    DeidentifyOptions deidentify;
};

int runSend(const SendOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    StreamProgressSink progress(stderr, 0.1);
    const auto deidentify = options.deidentify.chosen();
    if (deidentify && !options.withImages) {
        throw UsageError("--deidentify needs --with-images: a de-identified RTSTRUCT references "
                         "the de-identified images");
    }
    const auto report =
        workflow::sendStructureSet(database, user, options.node, options.structureSet,
                                   options.withImages, progress, deidentify);
    for (const auto& file : report.files) {
        if (!file.message.empty()) {
            std::cerr << (file.stored ? "warning: " : "error: ") << file.path << ": "
                      << file.message << "\n";
        }
    }
    JsonWriter json;
    json.beginObject()
        .field("rtstruct_sop_instance_uid", report.rtstructSopInstanceUid)
        .field("files", static_cast<std::uint64_t>(report.files.size()))
        .field("stored", static_cast<std::uint64_t>(report.stored()))
        .endObject();
    std::cout << json.str() << "\n";
    return report.stored() == report.files.size() ? 0 : 3;
}

struct ExportOptions {
    std::string database;
    std::string user;
    std::int64_t series = 0;
    std::string patientId;
    std::int64_t structureSet = 0;
    std::string out;
    DeidentifyOptions deidentify;
};

int runExport(const ExportOptions& options) {
    if ((options.series == 0) == options.patientId.empty()) {
        throw UsageError("give --series ID or --patient ID");
    }
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User user = signedInUser(database, options.user);
    std::int64_t seriesId = options.series;
    if (!options.patientId.empty()) {
        // The series a study opens on: the one with most instances.
        std::int64_t most = -1;
        for (const auto& series : database.seriesOfPatient(options.patientId)) {
            if (series.instanceCount > most) {
                most = series.instanceCount;
                seriesId = series.id;
            }
        }
        if (seriesId == 0) {
            throw std::invalid_argument("no series of patient " + options.patientId);
        }
    }
    workflow::SeriesExportOptions exportOptions;
    if (options.structureSet > 0) {
        exportOptions.structureSetId = options.structureSet;
    }
    exportOptions.deidentify = options.deidentify.chosen();
    const auto report =
        workflow::exportSeries(database, user, seriesId, options.out, exportOptions);
    JsonWriter json;
    json.beginObject()
        .field("series", seriesId)
        .field("images", static_cast<std::uint64_t>(report.imageFiles.size()))
        .field("rtstruct", report.rtstructFile)
        .field("rtstruct_sop_instance_uid", report.rtstructSopInstanceUid)
        .field("deidentified", exportOptions.deidentify.has_value())
        .endObject();
    std::cout << json.str() << "\n";
    return 0;
}

struct ListenOptions {
    std::string database;
};

int runListen(const ListenOptions& options) {
    CancelToken stop;
    g_cancel = &stop;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    std::mutex printing;
    workflow::DicomReceiver receiver(
        options.database, [&](const workflow::DicomReceiver::Delivery& delivery) {
            std::lock_guard lock(printing);
            printProblems(delivery.report);
            if (!delivery.failure.empty()) {
                std::cerr << "error: " << delivery.callingAe << ": " << delivery.failure
                          << " (the files stay in the incoming folder and are imported at the next "
                             "start)\n";
            }
            JsonWriter json;
            json.beginObject()
                .field("from", delivery.callingAe)
                .field("files_received", static_cast<std::uint64_t>(delivery.filesReceived));
            printImport(json, delivery.report);
            json.endObject();
            std::cout << json.str() << std::endl;
        });
    receiver.start();
    const auto local = receiver.localNode();
    std::cerr << "listening as " << local.aeTitle << " on port " << local.port
              << " (Ctrl-C stops)\n";
    while (!stop.isCancelled()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    receiver.stop();
    std::cerr << "stopped\n";
    return 0;
}

void addUserOption(CLI::App& command, std::string& user, const char* help) {
    command.add_option("--user", user, help)->required()->type_name("NAME");
}

} // namespace

void registerNetworkCommands(CommandLine& commands) {
    commands.group("pacs").description("DICOM networking with the PACS and other nodes");

    auto [nodes, nodesOptions] = commands.add(
        "pacs nodes", "list the configured DICOM nodes and this workstation's own", runListNodes);
    addDatabaseOption(nodes, nodesOptions.database);
    nodes.add_flag("--json", nodesOptions.json, "as JSON");

    auto [setNode, setNodeOptions] = commands.add(
        "pacs set-node", "add a DICOM node, or change the one of that name (admin; audited)",
        runSetNode);
    addDatabaseOption(setNode, setNodeOptions.database);
    addUserOption(setNode, setNodeOptions.user, "the admin configuring it");
    setNode.add_option("NAME", setNodeOptions.name, "how users pick the node, e.g. PACS")
        ->required();
    setNode.add_option("--ae", setNodeOptions.aeTitle, "its AE title")->required()->type_name("AE");
    setNode.add_option("--host", setNodeOptions.host, "its host name or address")
        ->required()
        ->type_name("HOST");
    setNode.add_option("--port", setNodeOptions.port, "its DICOM port")
        ->transform(integerAtLeast(1))
        ->type_name("PORT")
        ->capture_default_str();

    auto [removeNode, removeNodeOptions] =
        commands.add("pacs remove-node", "remove a DICOM node (admin; audited)", runRemoveNode);
    addDatabaseOption(removeNode, removeNodeOptions.database);
    addUserOption(removeNode, removeNodeOptions.user, "the admin configuring it");
    removeNode.add_option("NAME", removeNodeOptions.name, "the node")->required();

    auto [setLocal, localOptions] = commands.add(
        "pacs set-local",
        "this workstation's AE title, listening port and concurrent associations (admin; "
        "audited)",
        runSetLocal);
    addDatabaseOption(setLocal, localOptions.database);
    addUserOption(setLocal, localOptions.user, "the admin configuring it");
    setLocal.add_option("--ae", localOptions.local.aeTitle, "AE title")
        ->required()
        ->type_name("AE");
    setLocal.add_option("--port", localOptions.local.port, "the port the listener opens")
        ->required()
        ->transform(integerAtLeast(1))
        ->type_name("PORT");
    setLocal
        .add_option("--max-associations", localOptions.local.maxAssociations,
                    "associations served at once")
        ->transform(integerAtLeast(1))
        ->type_name("N")
        ->capture_default_str();

    auto [echo, echoOptions] = commands.add(
        "pacs echo", "test a node with C-ECHO (exit 1 when it does not answer)", runEcho);
    addDatabaseOption(echo, echoOptions.database);
    echo.add_option("NODE", echoOptions.node, "the node")->required();

    auto [find, findOptions] = commands.add(
        "pacs find",
        "query a node (C-FIND): studies matching the keys, or the series of one study (JSON)",
        runFind);
    addDatabaseOption(find, findOptions.database);
    find.add_option("NODE", findOptions.node, "the node")->required();
    find.add_option("--patient-id", findOptions.query.patientId, "patient ID")->type_name("ID");
    find.add_option("--patient-name", findOptions.query.patientName,
                    "patient name, * and ? as wildcards")
        ->type_name("NAME");
    find.add_option("--from", findOptions.query.dateFrom, "studies on or after")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD");
    find.add_option("--to", findOptions.query.dateTo, "studies on or before")
        ->check(isoDate())
        ->type_name("YYYY-MM-DD");
    find.add_option("--modality", findOptions.query.modality, "studies holding this modality")
        ->type_name("MR");
    find.add_option("--study", findOptions.studyUid, "list the series of this study instead")
        ->type_name("UID");

    auto [retrieve, retrieveOptions] = commands.add(
        "pacs retrieve",
        "retrieve series of a study from a node (C-MOVE to this workstation) and import them",
        runRetrieve);
    addDatabaseOption(retrieve, retrieveOptions.database);
    addUserOption(retrieve, retrieveOptions.user, "who imports (audited)");
    retrieve.add_option("NODE", retrieveOptions.node, "the node")->required();
    retrieve.add_option("--study", retrieveOptions.studyUid, "the study")
        ->required()
        ->type_name("UID");
    retrieve
        .add_option("--series", retrieveOptions.seriesUids,
                    "only these series (repeat); all series of the study when absent")
        ->type_name("UID");

    auto [send, sendOptions] = commands.add(
        "pacs send",
        "send a structure set version as RTSTRUCT (and, with --with-images, its series) to a "
        "node by C-STORE (audited)",
        runSend);
    addDatabaseOption(send, sendOptions.database);
    addUserOption(send, sendOptions.user, "who sends (audited)");
    send.add_option("NODE", sendOptions.node, "the node")->required();
    send.add_option("--structure-set", sendOptions.structureSet, "the version to send")
        ->required()
        ->transform(integerAtLeast(1))
        ->type_name("ID");
    send.add_flag("--with-images", sendOptions.withImages, "send the referenced images too");
    addDeidentifyOptions(send, sendOptions.deidentify);

    auto [exportCommand, exportOptions] = commands.add(
        "export",
        "write a stored series (and a structure set version as RTSTRUCT) as DICOM files, as "
        "stored or de-identified for a research cohort (audited)",
        runExport);
    addDatabaseOption(exportCommand, exportOptions.database);
    addUserOption(exportCommand, exportOptions.user, "who exports (audited)");
    exportCommand.add_option("--series", exportOptions.series, "the stored series")
        ->transform(integerAtLeast(1))
        ->type_name("ID");
    exportCommand
        .add_option("--patient", exportOptions.patientId, "the patient's series a study opens on")
        ->type_name("ID");
    exportCommand
        .add_option("--structure-set", exportOptions.structureSet,
                    "also this structure set version of the series, as RTSTRUCT.dcm")
        ->transform(integerAtLeast(1))
        ->type_name("ID");
    exportCommand.add_option("--out", exportOptions.out, "the folder to write")
        ->required()
        ->type_name("DIR");
    addDeidentifyOptions(exportCommand, exportOptions.deidentify);

    auto [listen, listenOptions] = commands.add(
        "listen",
        "receive studies (C-STORE from the configured nodes) into the database until Ctrl-C; "
        "prints one JSON line per association",
        runListen);
    addDatabaseOption(listen, listenOptions.database);
}

} // namespace metis::cli
