// The one clinical-table reader that import and training share: separators, quoting, column
// names and EGFR spellings as sites write them.
#include "TempDir.h"
#include "metis/core/ClinicalTable.h"

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>

using namespace metis;

namespace {

std::filesystem::path writeFile(const test_tools::TempDir& dir, const char* name,
                                const std::string& text) {
    const std::filesystem::path path = dir.filePath(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

TEST(CoreClinicalTable, semicolonsQuotesAndSiteSpellings) {
    test_tools::TempDir dir;
    const auto path = writeFile(dir, "clinical.csv",
                                "\xEF\xBB\xBFPatient ID;Diagnosis_Date;EGFR-Status;Site\r\n"
                                "P1;2021-03-01;WT;internal\r\n"
                                "\"P;2\";20210402;positive;external\r\n"
                                "P3;2021-05-01;Mutant;\r\n"
                                "\r\n"
                                "P4;2021-05-02;maybe;internal\r\n"
                                "P5;May 2021;mutant;internal\r\n");
    const ClinicalTable table = readClinicalTable(path);
    ASSERT_EQ(table.rows.size(), std::size_t{3});
    ASSERT_EQ(table.rows[0].patientId, std::string("P1"));
    ASSERT_TRUE(table.rows[0].egfr == EgfrStatus::WildType);
    ASSERT_EQ(table.rows[0].site, std::string("internal"));
    ASSERT_EQ(table.rows[1].patientId, std::string("P;2"));
    ASSERT_EQ(table.rows[1].diagnosisDate, std::string("2021-04-02"));
    ASSERT_TRUE(table.rows[1].egfr == EgfrStatus::Mutant);
    ASSERT_TRUE(table.rows[2].egfr == EgfrStatus::Mutant);
    ASSERT_EQ(table.rows[2].line, 4);
    ASSERT_EQ(table.problems.size(), std::size_t{2});
    ASSERT_EQ(table.problems[0].line, 6);
    ASSERT_TRUE(table.problems[0].message.find("maybe") != std::string::npos);
    ASSERT_EQ(table.problems[1].line, 7);
    ASSERT_TRUE(table.problems[1].message.find("May 2021") != std::string::npos);
}

TEST(CoreClinicalTable, commasAndTabsAndMissingColumns) {
    test_tools::TempDir dir;
    const auto commas = readClinicalTable(writeFile(
        dir, "a.csv", "patient_id,diagnosis_date,egfr_status\nP1,2020-01-01,wild-type\n"));
    ASSERT_TRUE(commas.rows.at(0).egfr == EgfrStatus::WildType);
    const auto tabs = readClinicalTable(writeFile(dir, "b.tsv", "id\tegfr\nP1\tneg\nP2\t\n"));
    ASSERT_EQ(tabs.rows.size(), std::size_t{2});
    ASSERT_TRUE(tabs.rows[0].egfr == EgfrStatus::WildType);
    ASSERT_TRUE(tabs.rows[1].egfr == EgfrStatus::Unknown);
    ASSERT_TRUE(tabs.rows[1].diagnosisDate.empty());
    ASSERT_THROW(readClinicalTable(writeFile(dir, "c.csv", "id;date\nP1;2020\n")),
                 std::runtime_error);
    ASSERT_THROW(readClinicalTable(dir.filePath("none.csv")), std::runtime_error);
}

// A table saved by a spreadsheet in Latin-1, and a cell that would act on a terminal: the
// identifiers match the DICOM reader's decoding, the messages print nothing that acts.
TEST(CoreClinicalTable, textIsDecodedAndCannotAct) {
    test_tools::TempDir dir;
    const auto path = writeFile(dir, "clinical.csv",
                                "patient_id,egfr,site\n"
                                "M\xFCLLER-1,mutant,internal\n"
                                "P2,\x1b[31mmutant,internal\n");
    const ClinicalTable table = readClinicalTable(path);
    ASSERT_EQ(table.rows.size(), std::size_t{1});
    ASSERT_EQ(table.rows[0].patientId, std::string("M\xC3\xBCLLER-1"));
    ASSERT_EQ(table.problems.size(), std::size_t{1});
    ASSERT_EQ(table.problems[0].message.find('\x1b'), std::string::npos);
    ASSERT_NE(table.problems[0].message.find("\xEF\xBF\xBD[31mmutant"), std::string::npos);
}
