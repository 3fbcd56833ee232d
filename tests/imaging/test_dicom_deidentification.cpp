// De-identification by the PS3.15 Basic Profile: identifying values planted with DCMTK's dcmodify
// (the list below is typed from the standard's Table E.1-1, independently of Metis's own) are
// gone from the copy, at the top level and inside sequences; private attributes are gone; UIDs are
// replaced, the same UID by the same new one across files; what the options keep is kept.
#include "DicomTestVolumes.h"
#include "ExternalTool.h"
#include "metis/imaging/DicomDeidentification.h"
#include "metis/imaging/DicomSeriesReader.h"
#include "metis/imaging/DicomSeriesWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace metis;
using namespace metis::imaging;
using test_tools::requireTool;
using test_tools::runTool;
namespace fs = std::filesystem;

namespace {

struct Planted {
    const char* tag;
    const char* name;
    const char* value;
};

// Attributes with action X, Z or D in PS3.15 Table E.1-1 (Basic Profile) that an MR image may
// carry, with a value a patient or site could be recognised by.
const Planted kIdentifying[] = {
    {"0008,0050", "AccessionNumber", "ACC-998877"},
    {"0008,0080", "InstitutionName", "Hospital of Saint Example"},
    {"0008,0081", "InstitutionAddress", "1 Example Road"},
    {"0008,0090", "ReferringPhysicianName", "House^Gregory"},
    {"0008,1010", "StationName", "MRI-ROOM-3"},
    {"0008,1030", "StudyDescription", "Brain mets follow-up Mrs Smith"},
    {"0008,103e", "SeriesDescription", "T1 post Smith"},
    {"0008,1040", "InstitutionalDepartmentName", "Neuroradiology East"},
    {"0008,1048", "PhysiciansOfRecord", "Wilson^James"},
    {"0008,1050", "PerformingPhysicianName", "Cuddy^Lisa"},
    {"0008,1060", "NameOfPhysiciansReadingStudy", "Foreman^Eric"},
    {"0008,1070", "OperatorsName", "Chase^Robert"},
    {"0010,0010", "PatientName", "Smith^Jane"},
    {"0010,0020", "PatientID", "MRN-123456"},
    {"0010,0030", "PatientBirthDate", "19520304"},
    {"0010,1000", "OtherPatientIDs", "OLD-MRN-42"},
    {"0010,1001", "OtherPatientNames", "Doe^Jane"},
    {"0010,1040", "PatientAddress", "7 Privet Drive"},
    {"0010,2154", "PatientTelephoneNumbers", "555-0199"},
    {"0010,2180", "Occupation", "Teacher"},
    {"0010,21b0", "AdditionalPatientHistory", "Smoker, lives alone"},
    {"0010,4000", "PatientComments", "Prefers mornings"},
    {"0018,1000", "DeviceSerialNumber", "SN-77331"},
    {"0018,1030", "ProtocolName", "Smith brain protocol"},
    {"0020,0010", "StudyID", "STUDY-5566"},
    {"0020,4000", "ImageComments", "Jane Smith, room 12"},
    {"0032,1032", "RequestingPhysician", "Kutner^Lawrence"},
    {"0040,0254", "PerformedProcedureStepDescription", "MR head Smith"},
};

QString dump(const fs::path& file) {
    return runTool(requireTool("dcmdump"), {QString::fromStdString(file.string())}).output;
}

} // namespace

class DicomDeidentificationTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    WrittenSeries written_;
    fs::path folder(const char* name) const { return fs::path(dir_.path().toStdString()) / name; }

private Q_SLOTS:
    void initTestCase() {
        NullProgressSink quiet;
        DicomWriteOptions options;
        options.metadata.patientSex = "F";
        options.metadata.patientAge = "071Y";
        options.metadata.studyDate = "20210315";
        written_ = writeDicomSeries(metis::testing::patternVolume(metis::testing::testGeometry(
                                        metis::testing::Orientation::Axial, {16, 12, 3})),
                                    folder("original"), options, quiet);
        QStringList modifications;
        for (const auto& planted : kIdentifying) {
            modifications << "-i" << QString("(%1)=%2").arg(planted.tag, planted.value);
        }
        // Inside a sequence, and private.
        modifications << "-i"
                      << "(0008,1140)[0].(0008,1150)=1.2.840.10008.5.1.4.1.1.4"
                      << "-i"
                      << "(0008,1140)[0].(0008,1155)=1.2.3.4.5.6.7.8.9"
                      << "-i"
                      << "(0008,1120)[0].(0010,0010)=Smith^Jane"
                      << "-i"
                      << "(0029,0010)=SMITH PRIVATE CREATOR";
        for (const auto& file : written_.files) {
            const auto result =
                runTool(requireTool("dcmodify"),
                        modifications << "-nb" << QString::fromStdString(file.string()));
            modifications.removeLast();
            modifications.removeLast();
            QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        }
        QVERIFY(dump(written_.files.front()).contains("Hospital of Saint Example"));
    }

    void identifyingValuesAreGone() {
        DeidentificationProfile profile;
        profile.pseudonym = "RESEARCH-001";
        UidRemapping uids;
        for (const auto& file : written_.files) {
            deidentifyFile(file, folder("deidentified") / file.filename(), profile, uids);
        }
        for (const auto& file : written_.files) {
            const QString text = dump(folder("deidentified") / file.filename());
            for (const auto& planted : kIdentifying) {
                QVERIFY2(!text.contains(planted.value),
                         qPrintable(QString("%1 kept its value:\n%2").arg(planted.name, text)));
            }
            QVERIFY(!text.contains("Smith"));
            QVERIFY(!text.contains("(0029,"));                        // private attributes
            QVERIFY(!text.contains("1.2.3.4.5.6.7.8.9"));             // a referenced instance
            QVERIFY(text.contains("(0008,1155) UI [2.25."));          // ... remapped
            QVERIFY(text.contains("(0008,1150) UI =MRImageStorage")); // a standard UID: kept
            QVERIFY(text.contains("(0010,0010) PN [RESEARCH-001]"));
            QVERIFY(text.contains("(0012,0062) CS [YES]"));
            QVERIFY(text.contains("113100")); // Basic Application Confidentiality Profile
            // The options: full dates and the patient's characteristics stay.
            QVERIFY(text.contains("(0008,0020) DA [20210315]"));
            QVERIFY(text.contains("(0010,0040) CS [F]"));
            QVERIFY(text.contains("(0010,1010) AS [071Y]"));
            for (const auto& uid : {written_.studyInstanceUid, written_.seriesInstanceUid,
                                    written_.frameOfReferenceUid}) {
                QVERIFY2(!text.contains(QString::fromStdString(uid)), uid.c_str());
            }
        }
        // One study and series, still one (the same UID mapped the same way), and it loads.
        NullProgressSink quiet;
        const auto scan = scanDicomFolder(folder("deidentified"), quiet);
        QCOMPARE(scan.series.size(), std::size_t{1});
        QCOMPARE(scan.series.front().slices.size(), written_.files.size());
        QCOMPARE(uids.map().count(written_.seriesInstanceUid), std::size_t{1});
        const auto original =
            loadSeries(scanDicomFolder(folder("original"), quiet).series.front(), quiet);
        QVERIFY(loadSeries(scan.series.front(), quiet).data() == original.data());
        // Metis's own list covers the standard's entries planted here.
        const auto listed = basicProfileIdentifyingTags(profile);
        for (const auto& planted : kIdentifying) {
            bool ok = false;
            const unsigned group = QString(planted.tag).left(4).toUInt(&ok, 16);
            const unsigned element = QString(planted.tag).right(4).toUInt(&ok, 16);
            const bool replaced = group == 0x0010 && (element == 0x0010 || element == 0x0020);
            QVERIFY2(replaced || std::find(listed.begin(), listed.end(),
                                           std::make_pair(group, element)) != listed.end(),
                     planted.name);
        }
    }

    void withoutTheOptionsDatesAndCharacteristicsGoToo() {
        DeidentificationProfile profile;
        profile.retainLongitudinalTemporalInformation = false;
        profile.retainPatientCharacteristics = false;
        UidRemapping uids;
        const fs::path output = folder("strict") / "one.dcm";
        deidentifyFile(written_.files.front(), output, profile, uids);
        const QString text = dump(output);
        QVERIFY(!text.contains("20210315"));
        QVERIFY(!text.contains("071Y"));
        QVERIFY(!text.contains("(0010,0040)"));
        QVERIFY(text.contains("(0028,0303) CS [REMOVED]"));
    }

    void anUnreadableFileIsNamed() {
        const fs::path bad = folder("bad.dcm");
        QFile file(QString::fromStdString(bad.string()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not dicom");
        file.close();
        UidRemapping uids;
        try {
            deidentifyFile(bad, folder("out.dcm"), {}, uids);
            QFAIL("a non-DICOM file was de-identified");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("bad.dcm") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(DicomDeidentificationTest)
#include "test_dicom_deidentification.moc"
