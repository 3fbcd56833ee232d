#pragma once

#include "metis/core/ClinicalTable.h"
#include "metis/core/Volume.h"
#include "metis/database/InferenceRun.h"
#include "metis/database/ManagedStorage.h"
#include "metis/database/SqliteDatabase.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metis::db {

namespace detail {
struct DatabaseAccess;
}

enum class Role { Oncologist, Annotator, Physicist, Admin };
std::string toString(Role role);
/// Throws std::invalid_argument for an unknown role name.
Role roleFromString(const std::string& name);

/// What each role may do; the UI disables what is refused here, and the backend checks again.
enum class Permission {
    ImportData,
    RunInference,
    EditContours,
    ApproveStructureSet,
    TrainModel,
    ActivateModel,
    ManageUsers,
    ConfigureNetwork, ///< DICOM nodes and the workstation's own AE title and port
};
bool roleAllows(Role role, Permission permission);

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string displayName;
    Role role = Role::Oncologist;
};

/// How a user can prove who they are (never the password itself).
struct UserCredentials {
    std::string osAccount; ///< the OS account that signs in as this user; empty: none
    bool hasPassword = false;
};

/// A user as the user administration lists them.
struct UserAccount {
    User user;
    UserCredentials credentials;
    bool active = true;
};

/// The operating-system account this process runs as (its real user id), empty when the system
/// does not know it.
std::string currentOsAccount();

/// Thrown when a user tries an action their role does not allow; the refusal is audited.
class PermissionDenied : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    std::string username;
    std::string action;
    std::string entity;
    std::string entityId;
    std::string details;
    std::string prevHash;
    std::string hash;
};

struct PatientRecord {
    std::string patientId;
    std::string name;
    std::string birthDate;
    std::string sex;
};

using metis::EgfrStatus;
using metis::egfrStatusFromString;
using metis::toString;

/// Filters, sort and page of the patient browser. Empty fields do not filter.
struct PatientQuery {
    std::string text;     ///< matched against patient id and name
    std::string dateFrom; ///< diagnosis date (YYYY-MM-DD), inclusive
    std::string dateTo;
    std::optional<EgfrStatus> egfr;
    std::optional<bool> hasManualGtv;
    std::optional<bool> hasAiResult;
    std::string reviewStatus; ///< of any structure set of the patient
    enum class Sort { PatientId, Name, DiagnosisDate, LastImport } sort = Sort::PatientId;
    bool descending = false;
    int offset = 0;
    int limit = 100;
};

struct PatientRow {
    std::int64_t id = 0;
    std::string patientId;
    std::string name;
    std::string diagnosisDate;
    std::string egfrStatus;
    int studyCount = 0;
    int seriesCount = 0;
    bool hasManualGtv = false;
    bool hasAiResult = false;
    std::string reviewStatus; ///< the most advanced review status of the patient's structure sets
};

struct PatientPage {
    std::vector<PatientRow> rows;
    std::int64_t totalMatching = 0;
};

/// One training case: an approved (or locked) GTV with an EGFR label and a diagnosis date.
/// One patient as a training cohort sees it: the series a study opens on (the one with most
/// instances), its newest manual or imported GTV, and the newest clinical label. Fields are
/// empty (0) where the patient has none.
struct TrainingCandidate {
    std::string patientId;
    std::int64_t seriesId = 0;
    std::string manufacturer;        ///< of that series: the scanner site
    std::int64_t structureSetId = 0; ///< the newest manual or imported version
    std::string reviewStatus;        ///< of that version
    std::string egfrStatus;          ///< mutant, wild_type, unknown or empty (no label)
    std::string diagnosisDate;
    /// Lesion rows of that version (max diameter in mm), when it has them.
    std::vector<double> lesionDiametersMm;
};

/// A model package known to the database. The package stays where it was registered; the
/// database keeps the path of its weights file and their SHA-256, so that check() notices
/// weights that were changed or removed.
struct RegisteredModel {
    std::int64_t id = 0;
    std::string version;
    std::string packagePath; ///< the package folder (absolute)
    std::string weightsPath; ///< the weights file inside it (absolute)
    std::string weightsSha256;
    std::string metricsJson; ///< a JSON object of named figures, "{}" when there are none
    std::string registeredAt;
    bool active = false;
    std::string signedBy; ///< the trusted key that signed the package; empty: unsigned
};

/// A public key this site trusts to sign model packages.
struct SigningKey {
    std::string name;
    std::string fingerprint; ///< SHA-256 of the key (hex)
    std::string publicKeyPem;
    std::string addedBy;
    std::string addedAt;
};

/// A DICOM node the workstation talks to: it may be queried, retrieved from and sent to, and it
/// is one of the callers the storage listener accepts.
struct DicomNodeRecord {
    std::int64_t id = 0; ///< 0 for a node not stored yet
    std::string name;    ///< how users pick it ("PACS", "TPS"); unique
    std::string aeTitle;
    std::string host;
    int port = 104;
};

/// The workstation's own application entity: its AE title, the port its listener opens, and
/// how many associations it serves at once.
struct LocalDicomNode {
    std::string aeTitle = "METIS";
    int port = 11112;
    int maxAssociations = 8;
};

/// One stored version of a series' contours. Versions are never overwritten: an edit is saved
/// as a new version whose parent is the version it started from.
struct StructureSetVersion {
    std::int64_t id = 0;
    std::int64_t seriesId = 0;
    std::string source; ///< manual, ai or imported
    std::string author;
    std::string createdAt;
    std::optional<std::int64_t> parentId;
    std::string reviewStatus; ///< draft, corrected, approved or locked
    std::string note;
    std::string rtstructPath;    ///< absolute; empty for a label-map version
    std::string labelMapPath;    ///< absolute; empty for an RTSTRUCT version
    std::string labelConvention; ///< how the label map's values read (metis_instances, ...)
    std::string sha256;
};

struct DatabaseStats {
    std::int64_t patients = 0, studies = 0, series = 0, instances = 0, structureSets = 0,
                 clinicalLabels = 0, inferenceRuns = 0, models = 0, users = 0, auditEntries = 0;
    int schemaVersion = 0;
};

/// Result of `check()`: database integrity, audit chain and stored files.
struct CheckReport {
    std::vector<std::string> problems;
    std::int64_t auditEntriesVerified = 0;
    std::int64_t filesVerified = 0;
    bool ok() const { return problems.empty(); }
};

/// The patient database: an SQLite file plus the managed storage folder next to it. One object
/// per thread (each opens its own connection).
class PatientDatabase {
public:
    /// Opens `databasePath` (upgrading an older schema unless read-only); storage goes to
    /// "<database folder>/storage" unless `storageRoot` is given. Creates a new database only in
    /// CreateIfMissing mode, and never over an empty (0-byte) file or next to a storage folder
    /// that holds files (a lost database must not be replaced by an empty one). Refuses a file
    /// SQLite's quick_check calls damaged. Every refusal is a DatabaseError naming the file.
    explicit PatientDatabase(const std::string& databasePath,
                             OpenMode mode = OpenMode::CreateIfMissing,
                             std::string storageRoot = {});

    /// Where the workstation keeps its database by default: $METIS_DB, else
    /// $XDG_DATA_HOME/Metis/metis.db, else ~/.local/share/Metis/metis.db.
    static std::string defaultPath();

    const std::string& path() const { return db_.path(); }

    // Users and roles.
    /// Adds a user, bound to `osAccount` when one is given (that OS account then signs in as
    /// this user without a password; see workflow/SignIn.h).
    User addUser(const std::string& username, const std::string& displayName, Role role,
                 const std::string& actingUser = "system", const std::string& osAccount = {});
    std::optional<User> findUser(const std::string& username);
    /// Every active user, by user name (the sign-in list).
    std::vector<User> activeUsers();
    /// Every user, active or not, with how each signs in (the user administration).
    std::vector<UserAccount> userAccounts();
    /// Adds one user per role (oncologist, annotator, physicist, admin, named after the role)
    /// where that name does not exist yet, bound to the OS account running this process: the
    /// person who set the workstation up can sign in at once, nobody else without a password.
    void ensureDefaultUsers();

    // Credentials. Changes need ManageUsers, except users setting their own password; audited.
    UserCredentials credentials(const std::string& username);
    /// True when `password` matches the user's stored scrypt hash; false when it does not or
    /// the user has none.
    bool passwordMatches(const std::string& username, const std::string& password);
    /// Sets the user's password (at least 8 characters); an empty one removes it.
    void setPassword(const User& actingUser, const std::string& username,
                     const std::string& password);
    /// Binds the user to an OS account (empty: unbinds).
    void setOsAccount(const User& actingUser, const std::string& username,
                      const std::string& osAccount);
    void setRole(const User& actingUser, const std::string& username, Role role);
    /// An inactive user cannot sign in; their name stays in the records and the audit log.
    void setActive(const User& actingUser, const std::string& username, bool active);
    /// Audit rows with this action and entity id written at or after `sinceUtc` (utcTimestamp()
    /// form): failed sign-ins for the rate limit.
    std::int64_t countAuditSince(const std::string& action, const std::string& entityId,
                                 const std::string& sinceUtc);
    /// Throws PermissionDenied (after auditing the refusal) unless `user` may do `permission`.
    void require(const User& user, Permission permission, const std::string& what);

    // Audit log (append-only, hash-chained). Call inside the transaction of the change it records.
    AuditEntry appendAudit(const std::string& username, const std::string& action,
                           const std::string& entity = {}, const std::string& entityId = {},
                           const std::string& details = {});
    std::vector<AuditEntry> auditLog(const std::string& username = {},
                                     const std::string& entityId = {},
                                     const std::string& action = {}, int limit = 1000);

    // Records. The upserts return the row id and leave existing rows as they are.
    std::int64_t upsertPatient(const PatientRecord& patient);
    /// The patient an imported object belongs to, by Patient ID and identity. A different person
    /// (name, sex or birth date differ where both are known) under an existing Patient ID is
    /// never merged: it becomes patient "ID [2]" (then [3], ...) and `conflict` says so. Fills
    /// in identity fields an existing record lacks. Call inside the import's transaction.
    struct ResolvedPatient {
        std::int64_t id = 0;
        std::string patientId; ///< as stored: the DICOM Patient ID, or "ID [n]"
        std::optional<std::string> conflict;
    };
    ResolvedPatient resolvePatient(const PatientRecord& incoming, const std::string& username);

    /// The image series of a patient, the one with the most slices first (what opens by
    /// default), then in import order.
    struct SeriesSummary {
        std::int64_t id = 0;
        std::string seriesUid;
        std::string description;
        std::string studyDate;
        std::int64_t instanceCount = 0;
    };
    std::vector<SeriesSummary> seriesOfPatient(const std::string& patientId);
    /// A series with its study and patient, as the viewer and the report name them.
    struct SeriesRecord {
        std::int64_t id = 0;
        std::string seriesUid;
        std::string description;
        std::string volumePath; ///< absolute; set for a research volume (NIfTI/NRRD) series
        std::string patientName, birthDate, sex, studyDate, studyDescription;
    };
    std::optional<SeriesRecord> seriesRecord(std::int64_t seriesId);
    /// Absolute paths of a series' stored DICOM files, in import order.
    std::vector<std::string> instanceFiles(std::int64_t seriesId);
    std::optional<std::int64_t> findPatient(const std::string& patientId);
    /// The EGFR status of the patient's newest clinical label (mutant, wild_type, unknown);
    /// empty when the patient has no label or does not exist.
    std::string recordedEgfrStatus(const std::string& patientId);
    /// Returns whether anything changed (the same label again changes nothing).
    bool setClinicalLabel(std::int64_t patientRef, EgfrStatus status,
                          const std::string& diagnosisDate, const std::string& source);
    /// Sets the review status of a structure set, checking the user's role (approving and
    /// locking need ApproveStructureSet) and auditing the change.
    void setReviewStatus(const User& user, std::int64_t structureSetId, const std::string& status);
    /// Stores an edited label map (on the series grid, one label value per lesion, numbers kept)
    /// as a new manual structure set version in one transaction: the map in managed storage,
    /// the version row (author = the user, status draft, `parentId` the version the edit
    /// started from), one lesion row per label value, an audit entry. Needs EditContours.
    /// Throws naming the problem; nothing is stored then.
    StructureSetVersion saveStructureSetVersion(const User& user, std::int64_t seriesId,
                                                const LabelMap& lesions,
                                                std::optional<std::int64_t> parentId,
                                                const std::string& note);
    /// Every structure set version of a series, oldest first.
    std::vector<StructureSetVersion> structureSetVersions(std::int64_t seriesId);
    std::optional<StructureSetVersion> structureSetVersion(std::int64_t structureSetId);
    /// The series' newest manual or imported version: what opens for review and editing.
    std::optional<StructureSetVersion> newestManualStructureSet(std::int64_t seriesId);
    /// Makes one registered model the active one (needs ActivateModel), audited with `reason`.
    void activateModel(const User& user, std::int64_t modelId, const std::string& reason = {});

    // AI results.
    /// Stores one inference result in one transaction (needs RunInference, audited): `mask`
    /// (on the series grid, non-zero = GTV) becomes a lesion-numbered label map in managed
    /// storage, an 'ai' structure set authored by the model version (parent: the series' newest
    /// manual set), its lesion rows and the inference_runs row. Returns `run` with the ids,
    /// time and stored path filled. Throws naming the problem; nothing is stored then.
    InferenceRun recordInferenceRun(const User& user, const LabelMap& mask, InferenceRun run);
    /// The newest stored result for the series, if any.
    std::optional<InferenceRun> latestInferenceRun(std::int64_t seriesId);
    /// Records a reader's decision on lesion `lesionNumber` of a stored AI result (needs
    /// EditContours; replaces an earlier decision on that lesion; audited with the previous
    /// one). Throws naming the run or lesion when it does not exist.
    void reviewAiLesion(const User& user, std::int64_t inferenceRunId, int lesionNumber,
                        AiLesionDecision decision);
    /// The decisions on the lesions of one stored AI result, by lesion number.
    std::vector<AiLesionReview> aiLesionReviews(std::int64_t inferenceRunId);

    // Model registry. The database does not read packages (it must not depend on the model
    // library): the caller verifies the package and passes its metadata as plain values.
    /// Registers a verified package under `version` and returns its id; `weightsFile` is the
    /// weights file's name inside `packageDir`, `weightsSha256` its digest. Needs TrainModel:
    /// registering only makes a package available, it changes nothing for patients; the
    /// clinical decision is activateModel, which needs ActivateModel. Registering the same
    /// version with the same weights again returns the existing id unchanged; the same version
    /// with other weights is refused (a version names one set of weights for good). Audited.
    std::int64_t registerModel(const User& user, const std::string& packageDir,
                               const std::string& weightsFile, const std::string& version,
                               const std::string& weightsSha256, const std::string& metricsJson,
                               const std::string& signedBy = {});
    /// The keys trusted to sign model packages (workflow/PackageSignature.h checks them).
    std::vector<SigningKey> signingKeys();
    /// Trusts a public key for package signatures (needs ManageUsers; audited). From then on
    /// only packages signed by a trusted key are registered.
    void trustSigningKey(const User& user, const std::string& name, const std::string& fingerprint,
                         const std::string& publicKeyPem);
    /// Every registered model, newest registration first.
    std::vector<RegisteredModel> listModels();
    std::optional<RegisteredModel> activeModel();

    // DICOM network configuration. Changes need ConfigureNetwork and are audited; values are
    // checked (AE title rules, port range) and a refusal names the problem.
    std::vector<DicomNodeRecord> dicomNodes();
    std::optional<DicomNodeRecord> findDicomNode(const std::string& name);
    /// Adds the node (id 0) or changes the stored one with that id; returns it as stored.
    DicomNodeRecord saveDicomNode(const User& user, DicomNodeRecord node);
    void removeDicomNode(const User& user, const std::string& name);
    LocalDicomNode localDicomNode();
    void setLocalDicomNode(const User& user, const LocalDicomNode& node);
    /// Where the storage listener writes instances before they are imported: beside managed
    /// storage, on the same file system.
    std::string incomingFolder() const;
    /// Records a DICOM exchange with a node in the audit log: `action` is "dicom.send" (objects
    /// leaving the workstation) or "dicom.retrieve"; `details` says what and the outcome.
    /// Needs ImportData, as importing and exporting files do.
    void auditDicomTransfer(const User& user, const std::string& action, const std::string& node,
                            const std::string& details);

    // Queries.
    PatientPage listPatients(const PatientQuery& query);
    /// Every patient, in patient id order, for the training wizard's cohort page (which decides
    /// who is eligible and says why the others are not).
    std::vector<TrainingCandidate> trainingCandidates();
    DatabaseStats stats();
    /// PRAGMA integrity_check, foreign keys, the audit chain with its anchor and append-only
    /// triggers, and every stored file's checksum.
    CheckReport check();

    /// The file beside the database that anchors the audit log: the last row and its hash as of
    /// the latest commit. The chain links every row to the one before, so a rewritten or
    /// recomputed log, or one cut short, no longer ends at the anchored row with the anchored
    /// hash. Each new anchor also goes to the system log (syslog), outside the user's reach.
    std::string auditAnchorPath() const;

private:
    /// Run after each commit: moves the anchor to the log's last row, but only while the row it
    /// anchors still carries its hash (a tampered log keeps its evidence).
    void advanceAuditAnchor() noexcept;
    /// At a read-write open: a database without an anchor (made before anchors existed, or its
    /// anchor deleted) is anchored now, and the audit log says so.
    void anchorAuditLogAtOpen();
    /// After the upgrade to sign-in: users with no way to sign in are bound to the OS account
    /// that upgraded the database (audited), so nobody is locked out.
    void bindUsersWithoutCredentials();
    void requireUserAdministration(const User& actingUser, const std::string& username,
                                   const std::string& what);

    // The import steps in database/src reach the connection and storage through this accessor;
    // no caller outside the library gets SQL access.
    friend struct detail::DatabaseAccess;

    SqliteDatabase db_;
    ManagedStorage storage_;
    std::int64_t anchoredRow_ = -1; ///< the last row this connection anchored
};

/// UTC time `ago` before now as ISO 8601 with milliseconds ("2026-11-26T23:59:59.123Z"), the
/// form every stored timestamp has (so that timestamps compare as text).
std::string utcTimestamp(std::chrono::system_clock::duration ago = {});

} // namespace metis::db
