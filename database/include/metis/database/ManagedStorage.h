#pragma once

#include <string>

namespace metis::db {

/// The folder of files the database owns. Imported files are copied in under names derived
/// from their content (SHA-256) and never modified afterwards, so a file can be stored twice
/// without harm and tampering is detectable.
class ManagedStorage {
public:
    /// Creates the folder (and its tmp/) unless `readOnly`.
    explicit ManagedStorage(std::string root, bool readOnly = false);

    const std::string& root() const { return root_; }

    struct StoredFile {
        std::string relativePath; ///< what the database records
        std::string sha256;
        bool alreadyPresent = false;
    };

    /// Copies `source` into storage (through a temporary file and a rename, so a crash or a
    /// full disk never leaves a half-written file under a final name). `extension` like ".dcm".
    /// The copy is durable only after flushToDisk().
    /// Throws std::runtime_error naming the file and the reason (e.g. no space left).
    StoredFile store(const std::string& source, const std::string& extension);

    std::string absolutePath(const std::string& relativePath) const;

    /// Makes every stored file durable. Called once per batch (a series) before the database
    /// commits rows that point at the files: one flush instead of an fsync per file.
    void flushToDisk() const;

private:
    std::string root_;
};

} // namespace metis::db
