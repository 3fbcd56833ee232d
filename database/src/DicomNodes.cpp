// The DICOM network configuration: the nodes the workstation talks to and its own AE title and
// port. Admins change it; every change is audited with the values before and after.
#include "metis/database/PatientDatabase.h"
#include "metis/imaging/DicomNetwork.h"

#include <filesystem>

namespace metis::db {
namespace {

std::string describeNode(const DicomNodeRecord& node) {
    return node.name + " = " + imaging::describe({node.aeTitle, node.host, node.port});
}

DicomNodeRecord readNode(const Statement& row) {
    return {row.columnInt(0), row.columnText(1), row.columnText(2), row.columnText(3),
            static_cast<int>(row.columnInt(4))};
}

constexpr const char* kNodeColumns = "SELECT id, name, ae_title, host, port FROM dicom_nodes";

} // namespace

std::vector<DicomNodeRecord> PatientDatabase::dicomNodes() {
    auto query = db_.prepare(std::string(kNodeColumns) + " ORDER BY name");
    std::vector<DicomNodeRecord> nodes;
    while (query.step()) {
        nodes.push_back(readNode(query));
    }
    return nodes;
}

std::optional<DicomNodeRecord> PatientDatabase::findDicomNode(const std::string& name) {
    auto query = db_.prepare(std::string(kNodeColumns) + " WHERE name = ?");
    query.bind(1, name);
    if (!query.step()) {
        return std::nullopt;
    }
    return readNode(query);
}

DicomNodeRecord PatientDatabase::saveDicomNode(const User& user, DicomNodeRecord node) {
    require(user, Permission::ConfigureNetwork, "configure DICOM nodes");
    if (node.name.empty() || node.name.size() > 64) {
        throw std::invalid_argument("a DICOM node needs a name of 1 to 64 characters");
    }
    imaging::validateNode({node.aeTitle, node.host, node.port});
    Transaction transaction(db_);
    if (const auto sameName = findDicomNode(node.name); sameName && sameName->id != node.id) {
        throw std::invalid_argument("a DICOM node named " + node.name + " exists already");
    }
    if (node.id == 0) {
        db_.prepare("INSERT INTO dicom_nodes(name, ae_title, host, port, created_at) "
                    "VALUES (?,?,?,?,?)")
            .bind(1, node.name)
            .bind(2, node.aeTitle)
            .bind(3, node.host)
            .bind(4, std::int64_t{node.port})
            .bind(5, utcTimestamp())
            .step();
        node.id = db_.lastInsertRowId();
        appendAudit(user.username, "dicom_node.add", "dicom_node", node.name, describeNode(node));
    } else {
        auto before = db_.prepare(std::string(kNodeColumns) + " WHERE id = ?");
        before.bind(1, node.id);
        if (!before.step()) {
            throw std::invalid_argument("no DICOM node with id " + std::to_string(node.id));
        }
        const auto old = readNode(before);
        db_.prepare("UPDATE dicom_nodes SET name = ?, ae_title = ?, host = ?, port = ? "
                    "WHERE id = ?")
            .bind(1, node.name)
            .bind(2, node.aeTitle)
            .bind(3, node.host)
            .bind(4, std::int64_t{node.port})
            .bind(5, node.id)
            .step();
        appendAudit(user.username, "dicom_node.change", "dicom_node", node.name,
                    "was " + describeNode(old) + ", now " + describeNode(node));
    }
    transaction.commit();
    return node;
}

void PatientDatabase::removeDicomNode(const User& user, const std::string& name) {
    require(user, Permission::ConfigureNetwork, "configure DICOM nodes");
    Transaction transaction(db_);
    const auto node = findDicomNode(name);
    if (!node) {
        throw std::invalid_argument("no DICOM node named " + name);
    }
    db_.prepare("DELETE FROM dicom_nodes WHERE id = ?").bind(1, node->id).step();
    appendAudit(user.username, "dicom_node.remove", "dicom_node", name, describeNode(*node));
    transaction.commit();
}

LocalDicomNode PatientDatabase::localDicomNode() {
    auto query =
        db_.prepare("SELECT ae_title, port, max_associations FROM local_dicom_node WHERE id = 1");
    if (!query.step()) {
        return {};
    }
    return {query.columnText(0), static_cast<int>(query.columnInt(1)),
            static_cast<int>(query.columnInt(2))};
}

void PatientDatabase::setLocalDicomNode(const User& user, const LocalDicomNode& node) {
    require(user, Permission::ConfigureNetwork, "configure this workstation's DICOM node");
    imaging::validateNode({node.aeTitle, "localhost", node.port});
    if (node.maxAssociations < 1 || node.maxAssociations > 256) {
        throw std::invalid_argument("the listener serves 1 to 256 associations at once, not " +
                                    std::to_string(node.maxAssociations));
    }
    Transaction transaction(db_);
    const auto old = localDicomNode();
    db_.prepare("UPDATE local_dicom_node SET ae_title = ?, port = ?, max_associations = ? "
                "WHERE id = 1")
        .bind(1, node.aeTitle)
        .bind(2, std::int64_t{node.port})
        .bind(3, std::int64_t{node.maxAssociations})
        .step();
    const auto describeLocal = [](const LocalDicomNode& local) {
        return local.aeTitle + " port " + std::to_string(local.port) + ", " +
               std::to_string(local.maxAssociations) + " associations";
    };
    appendAudit(user.username, "dicom_local.change", "dicom_node", "local",
                "was " + describeLocal(old) + ", now " + describeLocal(node));
    transaction.commit();
}

std::string PatientDatabase::incomingFolder() const {
    return (std::filesystem::path(storage_.root()) / "incoming").string();
}

void PatientDatabase::auditDicomTransfer(const User& user, const std::string& action,
                                         const std::string& node, const std::string& details) {
    if (action != "dicom.send" && action != "dicom.retrieve") {
        throw std::invalid_argument("'" + action + "' is not a DICOM transfer");
    }
    require(user, Permission::ImportData,
            action == "dicom.send" ? "send DICOM objects" : "retrieve DICOM objects");
    Transaction transaction(db_);
    appendAudit(user.username, action, "dicom_node", node, details);
    transaction.commit();
}

} // namespace metis::db
