// RTSTRUCT write/read against the reference tools installed with Metis: dciodvfy checks the IOD,
// plastimatch rasterises Metis's contours and writes contours Metis must read back.
#include "ExternalTool.h"
#include "SyntheticLesions.h"
#include "metis/core/Contours.h"
#include "metis/imaging/DicomSeriesWriter.h"
#include "metis/imaging/RtStruct.h"
#include "metis/imaging/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

using namespace metis;
using namespace metis::imaging;

using test_tools::requireTool;
using test_tools::runTool;
using test_tools::ToolResult;

using test_lesions::Ellipsoid;
using test_lesions::paintEllipsoids;

namespace {

ImageGeometry seriesGeometry() {
    ImageGeometry geometry;
    geometry.size = {80, 72, 36};
    geometry.spacing = {1.0, 1.0, 1.5};
    geometry.origin = {-40.0, -36.0, -20.0};
    return geometry;
}

/// Lesions of 5 to 20 mm; lesion 2 has a cavity (rings on its middle slices) and shares slices
/// with lesion 1, so several polygons and holes lie on one slice.
std::vector<Ellipsoid> lesions() {
    return {
        {{-20.0, -15.0, 0.0}, {2.5, 2.5, 2.5}, 1},
        {{10.0, 5.0, 5.0}, {10.0, 7.0, 8.0}, 2},
        {{10.0, 5.0, 5.0}, {3.5, 3.0, 3.5}, 0},
        {{-18.0, 18.0, 12.0}, {4.0, 3.0, 3.5}, 3},
    };
}

double dice(const std::vector<bool>& a, const std::vector<bool>& b) {
    std::size_t both = 0, inA = 0, inB = 0;
    for (std::size_t n = 0; n < a.size(); ++n) {
        both += a[n] && b[n];
        inA += a[n];
        inB += b[n];
    }
    return inA + inB == 0 ? 1.0 : 2.0 * static_cast<double>(both) / static_cast<double>(inA + inB);
}

std::vector<bool> maskOf(const LabelMap& labels, std::uint16_t label) {
    std::vector<bool> mask(labels.data().size());
    for (std::size_t n = 0; n < mask.size(); ++n) {
        mask[n] = label == 0 ? labels.data()[n] != 0 : labels.data()[n] == label;
    }
    return mask;
}

/// A label map read by Metis, mapped (nearest voxel centre) onto `geometry` as the minimal
/// reader below maps plastimatch's masks: the two must agree voxel for voxel.
std::vector<bool> maskOnto(const LabelMap& labels, const ImageGeometry& geometry) {
    std::vector<bool> mask(geometry.voxelCount(), false);
    const ImageGeometry& source = labels.geometry();
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const Vec3 index = source.patientToIndex(geometry.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)}));
                const std::int64_t x = std::lround(index[0]);
                const std::int64_t y = std::lround(index[1]);
                const std::int64_t z = std::lround(index[2]);
                if (source.containsIndex(x, y, z)) {
                    mask[geometry.linearIndex(i, j, k)] = labels.at(x, y, z) != 0;
                }
            }
        }
    }
    return mask;
}

/// A minimal MetaImage (.mha) reader for the masks plastimatch writes: uncompressed, axis
/// aligned, integer voxels. Returns the mask resampled (by voxel centre) onto `geometry`.
std::vector<bool> readMhaMaskOnto(const QString& path, const ImageGeometry& geometry) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path.toStdString());
    }
    std::map<std::string, std::string> header;
    std::string line;
    while (std::getline(in, line)) {
        const auto equals = line.find(" = ");
        if (equals == std::string::npos) {
            continue;
        }
        header[line.substr(0, equals)] = line.substr(equals + 3);
        if (line.rfind("ElementDataFile", 0) == 0) {
            break;
        }
    }
    if (header["ElementDataFile"] != "LOCAL" || header["CompressedData"] == "True") {
        throw std::runtime_error(path.toStdString() +
                                 ": only uncompressed local data is read here");
    }
    std::int64_t size[3];
    double spacing[3], offset[3], matrix[9];
    std::istringstream(header["DimSize"]) >> size[0] >> size[1] >> size[2];
    std::istringstream(header["ElementSpacing"]) >> spacing[0] >> spacing[1] >> spacing[2];
    std::istringstream(header["Offset"]) >> offset[0] >> offset[1] >> offset[2];
    std::istringstream matrixText(header["TransformMatrix"]);
    for (double& m : matrix) {
        matrixText >> m;
    }
    for (int n = 0; n < 9; ++n) {
        if (std::abs(matrix[n] - (n % 4 == 0 ? 1.0 : 0.0)) > 1e-6) {
            throw std::runtime_error(path.toStdString() + ": not axis aligned");
        }
    }
    const std::string type = header["ElementType"];
    const std::map<std::string, int> bytes{{"MET_UCHAR", 1}, {"MET_CHAR", 1}, {"MET_USHORT", 2},
                                           {"MET_SHORT", 2}, {"MET_UINT", 4}, {"MET_INT", 4},
                                           {"MET_FLOAT", 4}};
    if (!bytes.count(type)) {
        throw std::runtime_error(path.toStdString() + ": element type " + type);
    }
    const int width = bytes.at(type);
    const auto count = static_cast<std::size_t>(size[0] * size[1] * size[2]);
    std::vector<char> raw(count * static_cast<std::size_t>(width));
    in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    if (static_cast<std::size_t>(in.gcount()) != raw.size()) {
        throw std::runtime_error(path.toStdString() + ": truncated data");
    }
    auto nonZero = [&](std::size_t n) {
        if (type == "MET_FLOAT") {
            float v;
            std::memcpy(&v, raw.data() + n * 4, 4);
            return v != 0.0f;
        }
        for (int b = 0; b < width; ++b) {
            if (raw[n * static_cast<std::size_t>(width) + static_cast<std::size_t>(b)] != 0) {
                return true;
            }
        }
        return false;
    };
    std::vector<bool> mask(geometry.voxelCount(), false);
    for (std::int64_t k = 0; k < geometry.size[2]; ++k) {
        for (std::int64_t j = 0; j < geometry.size[1]; ++j) {
            for (std::int64_t i = 0; i < geometry.size[0]; ++i) {
                const Vec3 p = geometry.indexToPatient(
                    {static_cast<double>(i), static_cast<double>(j), static_cast<double>(k)});
                std::int64_t index[3];
                bool inside = true;
                for (int a = 0; a < 3; ++a) {
                    index[a] = std::lround((p[a] - offset[a]) / spacing[a]);
                    inside = inside && index[a] >= 0 && index[a] < size[a];
                }
                if (inside) {
                    mask[geometry.linearIndex(i, j, k)] = nonZero(static_cast<std::size_t>(
                        index[0] + size[0] * (index[1] + size[1] * index[2])));
                }
            }
        }
    }
    return mask;
}

/// Writes a 0/1 mask as an uncompressed MetaImage for plastimatch.
void writeMhaMask(const QString& path, const std::vector<bool>& mask,
                  const ImageGeometry& geometry) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
        << "CompressedData = False\nTransformMatrix = 1 0 0 0 1 0 0 0 1\n"
        << "Offset = " << geometry.origin[0] << " " << geometry.origin[1] << " "
        << geometry.origin[2] << "\nCenterOfRotation = 0 0 0\nAnatomicalOrientation = RAI\n"
        << "ElementSpacing = " << geometry.spacing[0] << " " << geometry.spacing[1] << " "
        << geometry.spacing[2] << "\nDimSize = " << geometry.size[0] << " " << geometry.size[1]
        << " " << geometry.size[2] << "\nElementType = MET_UCHAR\nElementDataFile = LOCAL\n";
    for (const bool voxel : mask) {
        out.put(voxel ? 1 : 0);
    }
}

StructureRoi squareRoi(int number, const std::string& name, const std::string& type,
                       double halfWidth, double z) {
    StructureRoi roi;
    roi.number = number;
    roi.name = name;
    roi.interpretedType = type;
    roi.contours.push_back({{{-halfWidth, -halfWidth, z},
                             {halfWidth, -halfWidth, z},
                             {halfWidth, halfWidth, z},
                             {-halfWidth, halfWidth, z}}});
    return roi;
}

} // namespace

class TestRtStruct : public QObject {
    Q_OBJECT

    QTemporaryDir directory_;
    ImageGeometry geometry_ = seriesGeometry();
    LabelMap labels_;
    ReferencedSeries series_;
    QString seriesFolder_;
    QString metisRtStruct_;

    QString path(const QString& name) const { return directory_.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(directory_.isValid());
        labels_ = paintEllipsoids(geometry_, lesions());
        for (std::uint16_t label = 1; label <= 3; ++label) {
            QVERIFY(std::count(labels_.data().begin(), labels_.data().end(), label) > 0);
        }

        ImageVolume image(geometry_, 100.0f);
        for (std::size_t n = 0; n < image.data().size(); ++n) {
            image.data()[n] += labels_.data()[n] ? 300.0f : 0.0f;
        }
        seriesFolder_ = path("mr");
        DicomWriteOptions options;
        options.metadata.patientName = "PHANTOM^0042";
        options.metadata.patientId = "PHANTOM-0042";
        options.metadata.studyDate = "20240105";
        NullProgressSink progress;
        const WrittenSeries written =
            writeDicomSeries(image, seriesFolder_.toStdString(), options, progress);

        readPatientAndStudy(written.files.front(), series_);
        series_.seriesInstanceUid = written.seriesInstanceUid;
        series_.frameOfReferenceUid = written.frameOfReferenceUid;
        series_.sopClassUid = written.sopClassUid;
        series_.sopInstanceUids = written.sopInstanceUids;
        series_.geometry = geometry_;
        QCOMPARE(series_.patientId, std::string("PHANTOM-0042"));
        QCOMPARE(series_.studyInstanceUid, written.studyInstanceUid);

        metisRtStruct_ = path("metis_rtstruct.dcm");
        RtStructWriteOptions writeOptions;
        writeOptions.synthetic = true;
        RtStructWriter(writeOptions)
            .write(labelMapToStructureSet(labels_), series_, metisRtStruct_.toStdString());
    }

    void dciodvfyFindsNoErrors() {
        const auto result = runTool(requireTool("dciodvfy"), {metisRtStruct_});
        QStringList errors;
        for (const auto& line : result.output.split('\n')) {
            if (line.startsWith("Error")) {
                errors << line;
            } else if (line.startsWith("Warning")) {
                qInfo("dciodvfy: %s", qPrintable(line));
            }
        }
        // dciodvfy names the IOD it recognised first: proof that it checked an RT Structure Set.
        QVERIFY2(result.output.startsWith("RTStructureSet"), qPrintable(result.output));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }

    void writtenFileCarriesTheReferenceChain() {
        const RtStructFile file = RtStructReader::read(metisRtStruct_.toStdString());
        QCOMPARE(file.frameOfReferenceUid, series_.frameOfReferenceUid);
        QCOMPARE(file.referencedSeriesInstanceUids,
                 std::vector<std::string>{series_.seriesInstanceUid});
        QCOMPARE(file.studyInstanceUid, series_.studyInstanceUid);
        QCOMPARE(file.patientId, series_.patientId);
        QVERIFY(file.seriesInstanceUid != series_.seriesInstanceUid);
        // Every slice is listed in the study-level chain, and each contour names its slice.
        for (const auto& uid : series_.sopInstanceUids) {
            QVERIFY(std::count(file.referencedSopInstanceUids.begin(),
                               file.referencedSopInstanceUids.end(), uid) >= 1);
        }
        std::size_t contours = 0;
        for (const auto& roi : file.structures.rois) {
            contours += roi.contours.size();
        }
        QCOMPARE(file.referencedSopInstanceUids.size(), series_.sopInstanceUids.size() + contours);

        std::vector<std::string> names;
        for (const auto& roi : file.structures.rois) {
            names.push_back(roi.name);
            QCOMPARE(roi.interpretedType, std::string("GTV"));
            QCOMPARE(roi.generationAlgorithm, std::string("AUTOMATIC"));
        }
        QCOMPARE(names, (std::vector<std::string>{"GTV_01", "GTV_02", "GTV_03", "GTV_ALL"}));

        // Each DS value of ContourData fits 16 bytes, and the SYNTHETIC marking is present.
        const auto dump =
            runTool(requireTool("dcmdump"), {"+L", "+P", "3006,0050", metisRtStruct_});
        QCOMPARE(dump.exitCode, 0);
        int checked = 0;
        for (const auto& line : dump.output.split('\n')) {
            const auto open = line.indexOf('[');
            const auto close = line.indexOf(']');
            if (open < 0 || close < open) {
                continue;
            }
            for (const auto& value : line.mid(open + 1, close - open - 1).split('\\')) {
                QVERIFY2(value.size() <= 16, qPrintable(value));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
        const auto description =
            runTool(requireTool("dcmdump"), {"+P", "0008,103e", metisRtStruct_});
        QVERIFY(description.output.contains("SYNTHETIC"));
    }

    void metisReadsItsOwnRtStruct() {
        const RtStructFile file = RtStructReader::read(metisRtStruct_.toStdString());
        const LabelMap lesionsBack = gtvLabelMap(file, series_, RoiLabelling::PerRoi);
        for (std::uint16_t label = 1; label <= 3; ++label) {
            const double d = dice(maskOf(labels_, label), maskOf(lesionsBack, label));
            QVERIFY2(d >= 0.98, qPrintable(QString("lesion %1: Dice %2").arg(label).arg(d)));
        }
        QCOMPARE(*std::max_element(lesionsBack.data().begin(), lesionsBack.data().end()),
                 std::uint16_t{3});
        const LabelMap unionBack = gtvLabelMap(file, series_, RoiLabelling::Union);
        QVERIFY(dice(maskOf(labels_, 0), maskOf(unionBack, 1)) >= 0.98);
        QCOMPARE(*std::max_element(unionBack.data().begin(), unionBack.data().end()),
                 std::uint16_t{1});

        // Lesions 1 and 2 share slices, and lesion 2 is a ring on some: the union ROI has a
        // slice with two outer contours and a hole.
        const StructureRoi* all = file.structures.findByName("GTV_ALL");
        QVERIFY(all);
        std::map<long, int> contoursPerSlice;
        for (const auto& contour : all->contours) {
            ++contoursPerSlice[std::lround(geometry_.patientToIndex(contour.points[0])[2])];
        }
        int most = 0;
        for (const auto& [slice, count] : contoursPerSlice) {
            most = std::max(most, count);
        }
        QVERIFY(most >= 3);

        // The cavity of lesion 2 stays empty: the hole contour survived the file.
        const Vec3 cavity = geometry_.patientToIndex({10.0, 5.0, 5.0});
        QCOMPARE(
            lesionsBack.at(std::lround(cavity[0]), std::lround(cavity[1]), std::lround(cavity[2])),
            std::uint16_t{0});
    }

    void sagittalSeriesRoundTrip() {
        ImageGeometry geometry;
        geometry.size = {48, 40, 30};
        geometry.spacing = {0.8, 1.0, 1.2};
        // Columns run posterior, rows to the feet, slices to the right (right-handed).
        geometry.direction = {{{0, 0, -1}, {1, 0, 0}, {0, -1, 0}}};
        geometry.origin = {10.0, -20.0, 25.0};
        const Vec3 centre = geometry.indexToPatient({24, 20, 15});
        const LabelMap labels = paintEllipsoids(
            geometry, {{centre, {6.0, 5.0, 4.0}, 1},
                       {{centre[0] + 7, centre[1] - 8, centre[2] + 6}, {2.5, 2.5, 2.5}, 2}});
        QVERIFY(std::count(labels.data().begin(), labels.data().end(), std::uint16_t{1}) > 100);
        QVERIFY(std::count(labels.data().begin(), labels.data().end(), std::uint16_t{2}) > 20);
        NullProgressSink progress;
        const QString folder = path("sagittal_mr");
        const WrittenSeries written =
            writeDicomSeries(ImageVolume(geometry, 50.0f), folder.toStdString(), {}, progress);
        ReferencedSeries series;
        readPatientAndStudy(written.files.front(), series);
        series.seriesInstanceUid = written.seriesInstanceUid;
        series.frameOfReferenceUid = written.frameOfReferenceUid;
        series.sopInstanceUids = written.sopInstanceUids;
        series.geometry = geometry;

        const QString file = path("sagittal_rtstruct.dcm");
        RtStructWriter().write(labelMapToStructureSet(labels), series, file.toStdString());
        const auto check = runTool(requireTool("dciodvfy"), {file});
        QVERIFY2(!check.output.contains("\nError") && !check.output.startsWith("Error"),
                 qPrintable(check.output));
        const LabelMap back =
            gtvLabelMap(RtStructReader::read(file.toStdString()), series, RoiLabelling::PerRoi);
        for (std::uint16_t label = 1; label <= 2; ++label) {
            QVERIFY(dice(maskOf(labels, label), maskOf(back, label)) >= 0.98);
        }
        QVERIFY(back.data() == labels.data());
    }

    void plastimatchRasterisesMetisContours() {
        const QString out = path("plastimatch_masks");
        const auto result =
            runTool(requireTool("plastimatch"),
                    {"convert", "--input", metisRtStruct_, "--referenced-ct", seriesFolder_,
                     "--output-prefix", out, "--prefix-format", "mha", "--xor-contours"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));
        for (std::uint16_t label = 1; label <= 3; ++label) {
            const QString file = QDir(out).filePath(QString("GTV_0%1.mha").arg(label));
            QVERIFY2(QFile::exists(file), qPrintable(file + "\n" + result.output));
            const auto theirs = readMhaMaskOnto(file, geometry_);
            // plastimatch writes MetaImage with ITK's MetaIO: Metis's own MetaImage reader
            // reads the same mask.
            QCOMPARE(maskOnto(readLabelMap(file.toStdString()), geometry_), theirs);
            const double d = dice(maskOf(labels_, label), theirs);
            qInfo("plastimatch vs Metis, lesion %d: Dice %.4f", label, d);
            QVERIFY2(d >= 0.98, qPrintable(QString("lesion %1: Dice %2").arg(label).arg(d)));
        }
        const auto unionMask = readMhaMaskOnto(QDir(out).filePath("GTV_ALL.mha"), geometry_);
        QVERIFY(dice(maskOf(labels_, 0), unionMask) >= 0.98);
    }

    void metisReadsPlastimatchRtStruct() {
        // plastimatch turns one mask per structure into DICOM-RT; the names follow the files.
        const QString masks = path("masks_for_plastimatch");
        QVERIFY(QDir().mkpath(masks));
        const char* names[] = {"", "Met_left", "tumour2", "lesion_3"};
        for (std::uint16_t label = 1; label <= 3; ++label) {
            writeMhaMask(QDir(masks).filePath(QString(names[label]) + ".mha"),
                         maskOf(labels_, label), geometry_);
        }
        // A brain outline around everything must be ignored.
        writeMhaMask(QDir(masks).filePath("Brain.mha"),
                     maskOf(paintEllipsoids(geometry_, {{{0, 0, 5}, {35, 30, 20}, 1}}), 1),
                     geometry_);
        const QString out = path("plastimatch_dicom");
        const auto result = runTool(requireTool("plastimatch"),
                                    {"convert", "--input-prefix", masks, "--referenced-ct",
                                     seriesFolder_, "--output-dicom", out});
        QVERIFY2(result.exitCode == 0, qPrintable(result.output));

        QString rtstructPath;
        for (const auto& entry : QDir(out).entryInfoList(QDir::Files)) {
            const auto dump =
                runTool(requireTool("dcmdump"), {"+P", "0008,0060", entry.filePath()});
            if (dump.output.contains("RTSTRUCT")) {
                rtstructPath = entry.filePath();
            }
        }
        QVERIFY2(!rtstructPath.isEmpty(), qPrintable(result.output));
        const RtStructFile file = RtStructReader::read(rtstructPath.toStdString());
        QCOMPARE(file.structures.rois.size(), std::size_t{4});

        const StructureSet gtv = selectGtvRois(file.structures);
        QCOMPARE(gtv.rois.size(), std::size_t{3});
        const LabelMap back = gtvLabelMap(file, series_, RoiLabelling::PerRoi);
        for (std::uint16_t n = 1; n <= 3; ++n) {
            // Lesion order follows the file; match each ROI to its source mask by name.
            const std::string& name = gtv.rois[n - 1].name;
            const auto label = static_cast<std::uint16_t>(
                std::find_if(std::begin(names) + 1, std::end(names),
                             [&](const char* source) { return name == source; }) -
                std::begin(names));
            QVERIFY2(label >= 1 && label <= 3, name.c_str());
            const double d = dice(maskOf(labels_, label), maskOf(back, n));
            qInfo("Metis reading plastimatch's %s: Dice %.4f", name.c_str(), d);
            QVERIFY2(d >= 0.98, qPrintable(QString("%1: Dice %2").arg(name.c_str()).arg(d)));
        }
    }

    void roiRecognition_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("gtv");
        QTest::newRow("GTV type") << "Target 1"
                                  << "GTV" << true;
        QTest::newRow("GTV name") << "gtv_2"
                                  << "" << true;
        QTest::newRow("tumour") << "Tumour left"
                                << "ORGAN" << true;
        QTest::newRow("tumor") << "TUMOR"
                               << "" << true;
        QTest::newRow("met") << "Met_3"
                             << "" << true;
        QTest::newRow("brain met") << "brain met"
                                   << "" << true;
        QTest::newRow("lesion") << "Lesion-4"
                                << "" << true;
        QTest::newRow("Brain") << "Brain"
                               << "ORGAN" << false;
        QTest::newRow("Brain typed GTV") << "Brain"
                                         << "GTV" << false;
        QTest::newRow("External") << "External"
                                  << "EXTERNAL" << false;
        QTest::newRow("Skull") << "Skull"
                               << "" << false;
        QTest::newRow("BODY") << "BODY"
                              << "" << false;
        QTest::newRow("PTV") << "PTV_met1"
                             << "PTV" << false;
        QTest::newRow("PTV name") << "PTV met1"
                                  << "" << false;
        QTest::newRow("eye") << "Eye_L"
                             << "ORGAN" << false;
    }

    void roiRecognition() {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(bool, gtv);
        StructureRoi roi;
        roi.name = name.toStdString();
        roi.interpretedType = type.toStdString();
        QCOMPARE(isGtvRoi(roi), gtv);
    }

    void otherRoisAreIgnoredWhenRasterising() {
        StructureSet set;
        set.rois.push_back(squareRoi(1, "External", "EXTERNAL", 30.0, 5.5));
        set.rois.push_back(squareRoi(2, "Brain", "ORGAN", 25.0, 5.5));
        set.rois.push_back(squareRoi(3, "GTV_01", "GTV", 4.0, 5.5));
        set.rois.push_back(squareRoi(4, "GTV_02", "GTV", 2.0, 7.0));
        set.rois.push_back(squareRoi(5, "GTV_ALL", "GTV", 4.0, 7.0));
        const QString file = path("mixed_rois.dcm");
        RtStructWriter().write(set, series_, file.toStdString());
        const RtStructFile read = RtStructReader::read(file.toStdString());
        QCOMPARE(read.structures.rois.size(), std::size_t{5});
        const LabelMap labels = gtvLabelMap(read, series_, RoiLabelling::PerRoi);
        // GTV_01: centres -4 ... 3 mm (half-open) = 8 x 8 on z = 5.5; GTV_02: 4 x 4 on z = 7.
        QCOMPARE(std::count(labels.data().begin(), labels.data().end(), std::uint16_t{1}), 64l);
        QCOMPARE(std::count(labels.data().begin(), labels.data().end(), std::uint16_t{2}), 16l);
        QCOMPARE(std::count(labels.data().begin(), labels.data().end(), std::uint16_t{0}),
                 static_cast<long>(geometry_.voxelCount() - 80));
        const LabelMap unionLabels = gtvLabelMap(read, series_, RoiLabelling::Union);
        QCOMPARE(std::count(unionLabels.data().begin(), unionLabels.data().end(), std::uint16_t{1}),
                 80l);

        StructureSet anatomyOnly;
        anatomyOnly.rois = {set.rois[0], set.rois[1]};
        const QString anatomyFile = path("anatomy_only.dcm");
        RtStructWriter().write(anatomyOnly, series_, anatomyFile.toStdString());
        try {
            gtvLabelMap(RtStructReader::read(anatomyFile.toStdString()), series_,
                        RoiLabelling::Union);
            QFAIL("an RTSTRUCT without GTV gave a mask");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("no GTV"), e.what());
            QVERIFY2(QString(e.what()).contains("Brain"), e.what());
        }
    }

    void writerRejectsWhatPlanningSystemsReject() {
        StructureSet set;
        set.rois.push_back(squareRoi(1, "GTV_with_a_very_long_name", "GTV", 4.0, 5.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 RtStructWriter().write(set, series_, path("x.dcm").toStdString()));
        set.rois = {squareRoi(1, "GTV_01", "GTV", 4.0, 5.5),
                    squareRoi(2, "GTV_01", "GTV", 2.0, 7.0)};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 RtStructWriter().write(set, series_, path("x.dcm").toStdString()));
        set.rois = {squareRoi(1, "GTV_01", "GTV", 4.0, 5.5)};
        set.rois[0].contours[0].points.resize(2);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 RtStructWriter().write(set, series_, path("x.dcm").toStdString()));
        // Between two slices (z = 6.25 lies half-way): no image to reference.
        set.rois = {squareRoi(1, "GTV_01", "GTV", 4.0, 6.25)};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 RtStructWriter().write(set, series_, path("x.dcm").toStdString()));
        QVERIFY(!QFile::exists(path("x.dcm")));
    }

    void shortContourInFileIsAClearError() {
        const QString file = path("short_contour.dcm");
        QVERIFY(QFile::copy(metisRtStruct_, file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        const auto edit =
            runTool(requireTool("dcmodify"),
                    {"-nb", "-m", "(3006,0039)[1].(3006,0040)[0].(3006,0046)=2", "-m",
                     "(3006,0039)[1].(3006,0040)[0].(3006,0050)=1\\2\\5\\3\\4\\5", file});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.output));
        try {
            RtStructReader::read(file.toStdString());
            QFAIL("a 2-point contour was accepted");
        } catch (const std::runtime_error& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("short_contour.dcm") && message.contains("GTV_02") &&
                         message.contains("at least 3"),
                     e.what());
        }
    }

    void missingOrWrongReferencesAreClearErrors() {
        const RtStructFile file = RtStructReader::read(metisRtStruct_.toStdString());
        ReferencedSeries other = series_;
        other.seriesInstanceUid = "1.2.3.4.5";
        try {
            gtvLabelMap(file, other, RoiLabelling::Union);
            QFAIL("an RTSTRUCT of another series was rasterised");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("references series") &&
                         QString(e.what()).contains("1.2.3.4.5"),
                     e.what());
        }
        other = series_;
        other.frameOfReferenceUid = "1.2.3.4.6";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, gtvLabelMap(file, other, RoiLabelling::Union));

        try {
            RtStructReader::read(path("does_not_exist.dcm").toStdString());
            QFAIL("a missing file was read");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("does_not_exist.dcm"), e.what());
        }
        const QString mrSlice = QDir(seriesFolder_).entryInfoList(QDir::Files).front().filePath();
        try {
            RtStructReader::read(mrSlice.toStdString());
            QFAIL("an MR slice was read as RTSTRUCT");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString(e.what()).contains("not an RT Structure Set"), e.what());
        }
        const QString garbage = path("garbage.dcm");
        QFile out(garbage);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray(300, 'x'));
        out.close();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, RtStructReader::read(garbage.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestRtStruct)
#include "test_rtstruct.moc"
