#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace metis {

enum class EgfrStatus { Mutant, WildType, Unknown };
std::string toString(EgfrStatus status);
/// Accepts the spellings sites use: mutant/mut/positive/1/yes,
/// wild_type/wild-type/wt/negative/0/no, unknown/empty (any case). Throws std::invalid_argument
/// otherwise.
EgfrStatus egfrStatusFromString(const std::string& text);

/// YYYY-MM-DD from YYYY-MM-DD or YYYYMMDD (DICOM); empty stays empty. Throws
/// std::invalid_argument for anything else.
std::string isoDate(const std::string& text);

/// One row of a site's clinical table.
struct ClinicalRow {
    int line = 0; ///< 1-based line in the file
    std::string patientId;
    std::string diagnosisDate; ///< YYYY-MM-DD or empty
    EgfrStatus egfr = EgfrStatus::Unknown;
    std::string site; ///< empty when the table has no site column
};

/// A row that could not be read; the other rows still are.
struct ClinicalProblem {
    int line = 0;
    std::string message; ///< e.g. "unknown EGFR status 'maybe'"
};

struct ClinicalTable {
    std::vector<ClinicalRow> rows;
    std::vector<ClinicalProblem> problems;
};

/// Reads a clinical CSV the way every part of the workstation does (import and training alike):
/// comma-, semicolon- or tab-separated (decided by the header), quoted fields, columns found by
/// name without regard to case, spaces, '_' or '-' (patient id / id / patient; diagnosis date /
/// date; egfr / egfr status / egfr mutation; site). Throws std::runtime_error naming the file
/// when it cannot be read or lacks the patient id or EGFR column.
ClinicalTable readClinicalTable(const std::filesystem::path& path);

} // namespace metis
