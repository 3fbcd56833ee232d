// The model registry: packages registered by version with their weights' digest, and the one
// active model (a clinical decision, audited with its reason).
#include "Text.h"
#include "metis/database/PatientDatabase.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace metis::db {
namespace fs = std::filesystem;

using text::lower;
using text::trim;

void PatientDatabase::activateModel(const User& user, std::int64_t modelId,
                                    const std::string& reason) {
    require(user, Permission::ActivateModel, "activate a model");
    Transaction transaction(db_);
    auto model = db_.prepare("SELECT version FROM models WHERE id = ?");
    model.bind(1, modelId);
    if (!model.step()) {
        throw DatabaseError("no registered model with id " + std::to_string(modelId));
    }
    const std::string version = model.columnText(0);
    db_.execute("UPDATE models SET active = 0 WHERE active = 1");
    db_.prepare("UPDATE models SET active = 1 WHERE id = ?").bind(1, modelId).step();
    appendAudit(user.username, "model.activate", "model", version,
                reason.empty() ? std::string{} : "reason: " + reason);
    transaction.commit();
}

std::int64_t PatientDatabase::registerModel(const User& user, const std::string& packageDir,
                                            const std::string& weightsFile,
                                            const std::string& version,
                                            const std::string& weightsSha256,
                                            const std::string& metricsJson,
                                            const std::string& signedBy) {
    require(user, Permission::TrainModel, "register a model");
    if (trim(version).empty()) {
        throw std::invalid_argument("a model needs a version to be registered");
    }
    if (weightsSha256.size() != 64 ||
        !std::all_of(weightsSha256.begin(), weightsSha256.end(),
                     [](unsigned char c) { return std::isxdigit(c) != 0; })) {
        throw std::invalid_argument("model " + version + ": '" + weightsSha256 +
                                    "' is not a SHA-256 digest");
    }
    const std::string storedPath =
        (fs::absolute(packageDir) / weightsFile).lexically_normal().string();
    Transaction transaction(db_);
    auto existing = db_.prepare("SELECT id, sha256 FROM models WHERE version = ?");
    existing.bind(1, version);
    if (existing.step()) {
        if (existing.columnText(1) != lower(weightsSha256)) {
            throw DatabaseError("model version " + version +
                                " is already registered with other weights; choose a new version");
        }
        return existing.columnInt(0);
    }
    db_.prepare("INSERT INTO models(version, file_path, sha256, metrics_json, registered_at, "
                "signed_by) VALUES (?,?,?,?,?,?)")
        .bind(1, version)
        .bind(2, storedPath)
        .bind(3, lower(weightsSha256))
        .bind(4, metricsJson.empty() ? std::string("{}") : metricsJson)
        .bind(5, utcTimestamp())
        .bind(6, signedBy.empty() ? SqlValue(nullptr) : SqlValue(signedBy))
        .step();
    const std::int64_t id = db_.lastInsertRowId();
    appendAudit(user.username, "model.register", "model", version,
                "weights=" + storedPath + " sha256=" + lower(weightsSha256) +
                    (signedBy.empty() ? " unsigned" : " signed by " + signedBy));
    transaction.commit();
    return id;
}

namespace {

const char* const kModelColumns =
    "SELECT id, version, file_path, sha256, metrics_json, registered_at, active, "
    "coalesce(signed_by, '') FROM models";

RegisteredModel readModelRow(const Statement& row) {
    RegisteredModel model;
    model.id = row.columnInt(0);
    model.version = row.columnText(1);
    model.weightsPath = row.columnText(2);
    model.packagePath = fs::path(model.weightsPath).parent_path().string();
    model.weightsSha256 = row.columnText(3);
    model.metricsJson = row.columnText(4);
    model.registeredAt = row.columnText(5);
    model.active = row.columnInt(6) != 0;
    model.signedBy = row.columnText(7);
    return model;
}

} // namespace

std::vector<RegisteredModel> PatientDatabase::listModels() {
    auto query = db_.prepare(std::string(kModelColumns) + " ORDER BY registered_at DESC, id DESC");
    std::vector<RegisteredModel> models;
    while (query.step()) {
        models.push_back(readModelRow(query));
    }
    return models;
}

std::optional<RegisteredModel> PatientDatabase::activeModel() {
    auto query = db_.prepare(std::string(kModelColumns) + " WHERE active = 1");
    if (!query.step()) {
        return std::nullopt;
    }
    return readModelRow(query);
}

std::vector<SigningKey> PatientDatabase::signingKeys() {
    auto query = db_.prepare("SELECT name, fingerprint, public_key, added_by, added_at FROM "
                             "signing_keys ORDER BY name");
    std::vector<SigningKey> keys;
    while (query.step()) {
        keys.push_back({query.columnText(0), query.columnText(1), query.columnText(2),
                        query.columnText(3), query.columnText(4)});
    }
    return keys;
}

void PatientDatabase::trustSigningKey(const User& user, const std::string& name,
                                      const std::string& fingerprint,
                                      const std::string& publicKeyPem) {
    require(user, Permission::ManageUsers, "trust a package signing key");
    if (trim(name).empty()) {
        throw std::invalid_argument("a signing key needs a name");
    }
    Transaction transaction(db_);
    db_.prepare("INSERT INTO signing_keys(name, fingerprint, public_key, added_by, added_at) "
                "VALUES (?,?,?,?,?)")
        .bind(1, name)
        .bind(2, fingerprint)
        .bind(3, publicKeyPem)
        .bind(4, user.username)
        .bind(5, utcTimestamp())
        .step();
    appendAudit(user.username, "signing-key.trust", "signing_key", name,
                "fingerprint=" + fingerprint);
    transaction.commit();
}

} // namespace metis::db
