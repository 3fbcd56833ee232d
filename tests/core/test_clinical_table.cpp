// The one clinical-table reader that import and training share: separators, quoting, column
// names and EGFR spellings as sites write them.
#include "metis/core/ClinicalTable.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace metis;

namespace {

std::filesystem::path writeFile(const QTemporaryDir& dir, const char* name,
                                const std::string& text) {
    const std::filesystem::path path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

} // namespace

class TestClinicalTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void semicolonsQuotesAndSiteSpellings() {
        QTemporaryDir dir;
        const auto path = writeFile(dir, "clinical.csv",
                                    "\xEF\xBB\xBFPatient ID;Diagnosis_Date;EGFR-Status;Site\r\n"
                                    "P1;2021-03-01;WT;internal\r\n"
                                    "\"P;2\";20210402;positive;external\r\n"
                                    "P3;2021-05-01;Mutant;\r\n"
                                    "\r\n"
                                    "P4;2021-05-02;maybe;internal\r\n"
                                    "P5;May 2021;mutant;internal\r\n");
        const ClinicalTable table = readClinicalTable(path);
        QCOMPARE(table.rows.size(), std::size_t{3});
        QCOMPARE(table.rows[0].patientId, std::string("P1"));
        QVERIFY(table.rows[0].egfr == EgfrStatus::WildType);
        QCOMPARE(table.rows[0].site, std::string("internal"));
        QCOMPARE(table.rows[1].patientId, std::string("P;2"));
        QCOMPARE(table.rows[1].diagnosisDate, std::string("2021-04-02"));
        QVERIFY(table.rows[1].egfr == EgfrStatus::Mutant);
        QVERIFY(table.rows[2].egfr == EgfrStatus::Mutant);
        QCOMPARE(table.rows[2].line, 4);
        QCOMPARE(table.problems.size(), std::size_t{2});
        QCOMPARE(table.problems[0].line, 6);
        QVERIFY(table.problems[0].message.find("maybe") != std::string::npos);
        QCOMPARE(table.problems[1].line, 7);
        QVERIFY(table.problems[1].message.find("May 2021") != std::string::npos);
    }

    void commasAndTabsAndMissingColumns() {
        QTemporaryDir dir;
        const auto commas = readClinicalTable(writeFile(
            dir, "a.csv", "patient_id,diagnosis_date,egfr_status\nP1,2020-01-01,wild-type\n"));
        QVERIFY(commas.rows.at(0).egfr == EgfrStatus::WildType);
        const auto tabs = readClinicalTable(writeFile(dir, "b.tsv", "id\tegfr\nP1\tneg\nP2\t\n"));
        QCOMPARE(tabs.rows.size(), std::size_t{2});
        QVERIFY(tabs.rows[0].egfr == EgfrStatus::WildType);
        QVERIFY(tabs.rows[1].egfr == EgfrStatus::Unknown);
        QVERIFY(tabs.rows[1].diagnosisDate.empty());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 readClinicalTable(writeFile(dir, "c.csv", "id;date\nP1;2020\n")));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 readClinicalTable(dir.filePath("none.csv").toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestClinicalTable)
#include "test_clinical_table.moc"
