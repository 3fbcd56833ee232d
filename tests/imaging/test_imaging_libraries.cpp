#include "metis/imaging/ImagingLibraries.h"

#include <QRegularExpression>
#include <QTest>

using namespace metis::imaging;

class TestImagingLibraries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionsAreReported() {
        const QRegularExpression semver("^\\d+\\.\\d+\\.\\d+");
        QVERIFY(QString::fromStdString(itkVersion()).contains(semver));
        QVERIFY(QString::fromStdString(dcmtkVersion()).contains(semver));
        QVERIFY(QString::fromStdString(itkVersion()).startsWith("5."));
    }
};

QTEST_GUILESS_MAIN(TestImagingLibraries)
#include "test_imaging_libraries.moc"
