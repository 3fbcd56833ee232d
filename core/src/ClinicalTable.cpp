#include "metis/core/ClinicalTable.h"

#include "metis/core/Text.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>

namespace metis {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool allDigits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The separator is the one the header uses most, outside quotes.
char separatorOf(const std::string& header) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const char c : header) {
        quoted = c == '"' ? !quoted : quoted;
        if (!quoted) {
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    if (tabs > commas && tabs > semicolons) {
        return '\t';
    }
    return semicolons > commas ? ';' : ',';
}

std::vector<std::string> splitLine(const std::string& line, char separator) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            fields.push_back(trimmed(field));
            field.clear();
        } else {
            field.push_back(c);
        }
    }
    fields.push_back(trimmed(field));
    return fields;
}

std::string columnKey(const std::string& name) {
    std::string key = lowered(name);
    key.erase(std::remove_if(key.begin(), key.end(),
                             [](char c) { return c == ' ' || c == '_' || c == '-'; }),
              key.end());
    return key;
}

} // namespace

std::string toString(EgfrStatus status) {
    switch (status) {
    case EgfrStatus::Mutant:
        return "mutant";
    case EgfrStatus::WildType:
        return "wild_type";
    case EgfrStatus::Unknown:
        return "unknown";
    }
    return "unknown";
}

EgfrStatus egfrStatusFromString(const std::string& text) {
    const std::string t = lowered(trimmed(text));
    if (t == "mutant" || t == "mut" || t == "mutated" || t == "positive" || t == "pos" ||
        t == "1" || t == "yes" || t == "egfr+") {
        return EgfrStatus::Mutant;
    }
    if (t == "wild_type" || t == "wild-type" || t == "wildtype" || t == "wild type" || t == "wt" ||
        t == "negative" || t == "neg" || t == "0" || t == "no" || t == "egfr-") {
        return EgfrStatus::WildType;
    }
    if (t.empty() || t == "unknown" || t == "na" || t == "n/a") {
        return EgfrStatus::Unknown;
    }
    throw std::invalid_argument("unknown EGFR status '" + text + "'");
}

std::string isoDate(const std::string& text) {
    const std::string t = trimmed(text);
    if (t.empty()) {
        return t;
    }
    if (t.size() == 8 && allDigits(t)) {
        return t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2);
    }
    if (t.size() == 10 && t[4] == '-' && t[7] == '-' && allDigits(t.substr(0, 4)) &&
        allDigits(t.substr(5, 2)) && allDigits(t.substr(8, 2))) {
        return t;
    }
    throw std::invalid_argument("date '" + t + "' is neither YYYY-MM-DD nor YYYYMMDD");
}

ClinicalTable readClinicalTable(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(path.string() + ": cannot open the clinical CSV");
    }
    std::string line;
    if (!std::getline(in, line)) {
        throw std::runtime_error(path.string() + ": the clinical CSV is empty");
    }
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) {
        line.erase(0, 3); // a UTF-8 byte-order mark, as spreadsheet programs write
    }
    const char separator = separatorOf(line);
    const auto header = splitLine(line, separator);
    int idColumn = -1, dateColumn = -1, egfrColumn = -1, siteColumn = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string key = columnKey(header[i]);
        const int index = static_cast<int>(i);
        if (key == "patientid" || key == "id" || key == "patient") {
            idColumn = index;
        } else if (key == "diagnosisdate" || key == "date" || key == "dateofdiagnosis") {
            dateColumn = index;
        } else if (key == "egfr" || key == "egfrstatus" || key == "egfrmutation") {
            egfrColumn = index;
        } else if (key == "site") {
            siteColumn = index;
        }
    }
    if (idColumn < 0 || egfrColumn < 0) {
        throw std::runtime_error(path.string() +
                                 ": the header needs a patient id and an EGFR status column "
                                 "(found: " +
                                 displayableText(line) + ")");
    }

    ClinicalTable table;
    for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
        if (trimmed(line).empty()) {
            continue;
        }
        const auto fields = splitLine(line, separator);
        const auto column = [&](int index) {
            if (index < 0) {
                return std::string();
            }
            if (static_cast<std::size_t>(index) >= fields.size()) {
                throw std::invalid_argument("has " + std::to_string(fields.size()) +
                                            " fields, fewer than the header");
            }
            // Cells reach the database, messages and the terminal: decoded, nothing that acts.
            return displayableText(fields[static_cast<std::size_t>(index)]);
        };
        try {
            ClinicalRow row;
            row.line = lineNumber;
            row.patientId = column(idColumn);
            if (row.patientId.empty()) {
                throw std::invalid_argument("has no patient id");
            }
            row.egfr = egfrStatusFromString(column(egfrColumn));
            row.diagnosisDate = isoDate(column(dateColumn));
            row.site = column(siteColumn);
            table.rows.push_back(std::move(row));
        } catch (const std::invalid_argument& e) {
            table.problems.push_back({lineNumber, e.what()});
        }
    }
    return table;
}

} // namespace metis
