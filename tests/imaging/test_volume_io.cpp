// NIfTI / NRRD / MetaImage: geometry (oblique included) and voxels survive a round trip; label
// maps follow the public brain-metastasis conventions.
#include "metis/imaging/VolumeIO.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace metis;
using namespace metis::imaging;
namespace fs = std::filesystem;

namespace {

/// A rotation of about 17 degrees around a skew axis: no axis-aligned shortcut can pass.
ImageGeometry obliqueGeometry() {
    const Vec3 axis = [] {
        const Vec3 raw{0.3, -0.5, 0.8};
        const double length = norm(raw);
        return Vec3{raw[0] / length, raw[1] / length, raw[2] / length};
    }();
    const double angle = 0.3;
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const double t = 1 - c;
    ImageGeometry geometry;
    geometry.size = {11, 9, 7};
    geometry.spacing = {0.8, 1.25, 3.0};
    geometry.origin = {-95.5, 120.25, -33.0};
    geometry.direction = {{{t * axis[0] * axis[0] + c, t * axis[0] * axis[1] - s * axis[2],
                            t * axis[0] * axis[2] + s * axis[1]},
                           {t * axis[0] * axis[1] + s * axis[2], t * axis[1] * axis[1] + c,
                            t * axis[1] * axis[2] - s * axis[0]},
                           {t * axis[0] * axis[2] - s * axis[1],
                            t * axis[1] * axis[2] + s * axis[0], t * axis[2] * axis[2] + c}}};
    return geometry;
}

ImageVolume rampVolume(bool integral) {
    ImageVolume volume(obliqueGeometry());
    for (std::size_t n = 0; n < volume.data().size(); ++n) {
        volume.data()[n] = integral ? static_cast<float>(static_cast<int>(n * 37 % 3001) - 1000)
                                    : static_cast<float>(n) * 0.37f - 12.5f;
    }
    return volume;
}

// What reading `path` throws, or "read" when it reads.
std::string refusalOf(const fs::path& path) {
    try {
        readImage(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "read";
}

// Checks that `refusal` names the file and says `reason`.
void verifyRefusal(const std::string& refusal, const fs::path& file, const std::string& reason) {
    QVERIFY2(refusal.find(file.string()) != std::string::npos &&
                 refusal.find(reason) != std::string::npos,
             refusal.c_str());
}

// Writes a small MetaImage (compressed, as Metis writes them) of `value` and returns its bytes:
// the sound file the header findings are planted in.
std::string writeSmallMetaImage(const fs::path& file, float value) {
    ImageGeometry grid;
    grid.size = {4, 4, 2};
    writeImage(ImageVolume(grid, value), file);
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The bytes of `value` in this machine's (little-endian) order, as the files here store them.
template <typename T> std::string bytesOf(T value) {
    return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}

// Writes a small sound NIfTI-1 (4 x 4 x 4 voxels of 1) to `file`, then overwrites its header at
// each offset with the bytes given: a finding's shape planted in a file ITK otherwise reads.
fs::path writePatchedNifti(const fs::path& file,
                           const std::vector<std::pair<int, std::string>>& patches) {
    ImageGeometry grid;
    grid.size = {4, 4, 4};
    writeImage(ImageVolume(grid, 1.0f), file);
    std::fstream header(file, std::ios::in | std::ios::out | std::ios::binary);
    for (const auto& [offset, bytes] : patches) {
        header.seekp(offset);
        header.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    return file;
}

void verifySameGeometry(const ImageGeometry& actual, const ImageGeometry& expected) {
    // NIfTI stores the affine in single precision: 1e-4 mm / direction cosine is its resolution.
    QVERIFY2(actual.sameGridAs(expected, 1e-4),
             (actual.describe() + " vs " + expected.describe()).c_str());
}

} // namespace

class TestVolumeIO : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageRoundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("integral");
        for (const char* name : {"image.nii.gz", "image.nii", "image.nrrd", "image.mha"}) {
            QTest::addRow("%s float", name) << name << false;
            QTest::addRow("%s int16", name) << name << true;
        }
    }
    void imageRoundTrip() {
        QFETCH(QString, name);
        QFETCH(bool, integral);
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / name.toStdString();
        const ImageVolume original = rampVolume(integral);
        writeImage(original, path);
        const ImageVolume loaded = readImage(path);
        verifySameGeometry(loaded.geometry(), original.geometry());
        QVERIFY(loaded.data() == original.data());
    }

    void integralImagesAreStoredCompactly() {
        QTemporaryDir dir;
        const fs::path integral = fs::path(dir.path().toStdString()) / "int.nii";
        const fs::path real = fs::path(dir.path().toStdString()) / "float.nii";
        writeImage(rampVolume(true), integral);
        writeImage(rampVolume(true), real, ImageStorage::Float32);
        QVERIFY(fs::file_size(integral) < fs::file_size(real));
    }

    void labelMapRoundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("largest");
        for (const char* name : {"labels.nii.gz", "labels.nrrd", "labels.mha"}) {
            QTest::addRow("%s uint8", name) << name << 3;
            QTest::addRow("%s uint16", name) << name << 300;
        }
    }
    void labelMapRoundTrip() {
        QFETCH(QString, name);
        QFETCH(int, largest);
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / name.toStdString();
        LabelMap labels(obliqueGeometry(), 0);
        for (std::size_t n = 0; n < labels.data().size(); ++n) {
            labels.data()[n] =
                static_cast<std::uint16_t>(n % static_cast<std::size_t>(largest + 1));
        }
        writeLabelMap(labels, path);
        const LabelMap loaded = readLabelMap(path);
        verifySameGeometry(loaded.geometry(), labels.geometry());
        QVERIFY(loaded.data() == labels.data());
    }

    void fractionalLabelsAreRejected() {
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "probabilities.nii.gz";
        ImageVolume probabilities(obliqueGeometry(), 0.0f);
        probabilities.at(2, 3, 4) = 0.5f;
        writeImage(probabilities, path);
        try {
            readLabelMap(path);
            QFAIL("a fractional voxel is not a label");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find(path.string()) != std::string::npos);
        }
    }

    void bratsLabelsSplitIntoGtvAndOedema() {
        ImageGeometry geometry;
        geometry.size = {5, 1, 1};
        const LabelMap brats(geometry, std::vector<std::uint16_t>{0, 1, 2, 3, 1});
        const LesionLabels lesions = interpretLabels(brats, LabelConvention::BratsMets);
        QCOMPARE(lesions.gtv.data(), (std::vector<std::uint16_t>{0, 1, 0, 1, 1}));
        QCOMPARE(lesions.oedema.data(), (std::vector<std::uint16_t>{0, 0, 1, 0, 0}));
        QVERIFY(lesions.gtv.geometry().sameGridAs(geometry));

        const LabelMap unknown(geometry, std::vector<std::uint16_t>{0, 4, 0, 0, 0});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 interpretLabels(unknown, LabelConvention::BratsMets));
    }

    void binaryAndInstanceConventions() {
        ImageGeometry geometry;
        geometry.size = {4, 1, 1};
        const LabelMap ucsf(geometry, std::vector<std::uint16_t>{0, 1, 0, 255});
        QCOMPARE(interpretLabels(ucsf, LabelConvention::UcsfBinary).gtv.data(),
                 (std::vector<std::uint16_t>{0, 1, 0, 1}));
        const LabelMap instances(geometry, std::vector<std::uint16_t>{0, 2, 7, 0});
        const LesionLabels metis = interpretLabels(instances, LabelConvention::MetisInstances);
        QCOMPARE(metis.gtv.data(), (std::vector<std::uint16_t>{0, 1, 1, 0}));
        QCOMPARE(metis.oedema.data(), (std::vector<std::uint16_t>{0, 0, 0, 0}));
    }

    void badPathsNameTheFile() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, volumeFileFormat("scan.dcm"));
        QVERIFY(isVolumeFile("a/B.NII.GZ"));
        QVERIFY(!isVolumeFile("a/b.png"));
        try {
            readImage("/nonexistent/scan.nii.gz");
            QFAIL("a missing file must throw");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("/nonexistent/scan.nii.gz") != std::string::npos);
        }
        QTemporaryDir dir;
        const fs::path garbage = fs::path(dir.path().toStdString()) / "garbage.nii";
        std::ofstream(garbage) << "not a NIfTI header";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, readImage(garbage));
    }

    // Found by fuzz_volume (scripts/run-fuzz.sh): a 484-byte NIfTI whose header claimed 10^8
    // voxels made ITK allocate gigabytes before noticing the data was missing. Absurd sizes are
    // refused from the header, naming the file, before any voxel buffer exists.
    void absurdSizesAreRefusedBeforeAllocating() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        ImageGeometry grid;
        grid.size = {4, 4, 4};
        const auto withDimensions = [&](const std::string& name, std::int16_t n) {
            // NIfTI-1 dim[1..3], int16.
            return writePatchedNifti(root / name,
                                     {{42, bytesOf(n)}, {44, bytesOf(n)}, {46, bytesOf(n)}});
        };
        // 30,000^3 voxels: more than any volume.
        const fs::path huge = withDimensions("huge.nii", 30000);
        verifyRefusal(refusalOf(huge), huge, "claims more than 268435456 voxels");
        // 600^3 float voxels (864 MB) in a file of a few hundred bytes.
        const fs::path hollow = withDimensions("hollow.nii", 600);
        verifyRefusal(refusalOf(hollow), hollow, "more than a file of");
        // The same in a MetaImage whose voxels follow its header...
        const fs::path inlineMha = root / "inline.mha";
        std::ofstream(inlineMha, std::ios::binary)
            << "ObjectType = Image\nNDims = 3\nDimSize = 600 600 600\nElementType = MET_FLOAT\n"
               "ElementDataFile = LOCAL\n0123456789";
        verifyRefusal(refusalOf(inlineMha), inlineMha, "more than a file of");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, readLabelMap(inlineMha));
        // ... while a header naming a separate data file is judged by its dimensions only.
        const fs::path detached = root / "detached.mhd";
        writeImage(ImageVolume(grid, 2.0f), detached);
        QCOMPARE(readImage(detached).data(), std::vector<float>(64, 2.0f));
    }

    // Found by fuzz_volume: NaN in a NIfTI header's orientation rows made ITK's reader abort the
    // whole process (a vnl finiteness assertion). Refused with a message instead.
    void nonFiniteNiftiOrientationIsRefused() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const fs::path file =
            writePatchedNifti(root / "nan.nii", {{312, bytesOf(nan)}}); // srow_z[0]
        verifyRefusal(refusalOf(file), file, "not a finite number");

        // Found by fuzz_volume (2026-12-05): the NIfTI library also reads a header whose
        // sizeof_hdr is garbage ("Bina" here) when dim[0] and the magic are sound; NaN in its
        // srow_x aborted the process the same way.
        const fs::path garbageSize = writePatchedNifti(
            root / "garbage-size.nii", {{0, "Bina"}, {288, bytesOf(nan)}}); // sizeof_hdr, srow_x[2]
        verifyRefusal(refusalOf(garbageSize), garbageSize, "not a finite number");

        // Found by fuzz_volume (2026-12-05): a finite but absurd -1.7e38 in srow_x[2] kept vnl's
        // SVD in ITK's orientation code looping forever.
        const fs::path huge =
            writePatchedNifti(root / "huge-srow.nii", {{288, bytesOf(-1.7014118e38f)}});
        verifyRefusal(refusalOf(huge), huge, "not a finite number within +-10^6");
    }

    // Found by fuzz_volume (2026-12-05): a NIfTI header of RGB24 voxels made ITK's reader copy
    // three times the float buffer it had allocated (heap overflow). Metis reads scalar images:
    // other datatypes and several values per voxel are refused from the header.
    void nonScalarNiftiIsRefused() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        // datatype (offset 70) RGB24 = 128, bitpix (72) 24.
        const fs::path rgb = writePatchedNifti(
            root / "rgb.nii", {{70, bytesOf<std::int16_t>(128)}, {72, bytesOf<std::int16_t>(24)}});
        verifyRefusal(refusalOf(rgb), rgb, "the NIfTI datatype is 128, not a scalar type");
        // dim[0] = 5 (offset 40), dim[4] = 1, dim[5] = 3: three values per voxel.
        const fs::path vector =
            writePatchedNifti(root / "vector.nii", {{40, bytesOf<std::int16_t>(5)},
                                                    {48, bytesOf<std::int16_t>(1)},
                                                    {50, bytesOf<std::int16_t>(3)}});
        verifyRefusal(refusalOf(vector), vector, "holds 3 values per voxel");
        // A scalar header still reads.
        const fs::path scalar = writePatchedNifti(root / "scalar.nii", {});
        QCOMPARE(readImage(scalar).data(), std::vector<float>(64, 1.0f));
    }

    // Found by fuzz_volume (2026-12-05): a MetaImage header key of 255 characters or more
    // overflowed MetaIO's fixed buffer (strcpy; glibc aborted the process); NDims = 0 beside a
    // real DimSize overflowed another; a huge NDims kept it reading for minutes; an
    // ElementDataFile pattern ("LO%CA") overran its word array. Metis's own MetaImage parser
    // refuses each by name, and a long value (a comment) is simply read past.
    void hostileMetaImageHeadersAreRefused() {
        QTemporaryDir dir;
        const fs::path good = fs::path(dir.path().toStdString()) / "good.mha";
        const std::string original = writeSmallMetaImage(good, 7.0f);
        QCOMPARE(readImage(good).data().front(), 7.0f);
        const auto withHeaderLine = [&](const std::string& name, const std::string& line) {
            const fs::path file = fs::path(dir.path().toStdString()) / name;
            std::ofstream(file, std::ios::binary) << line << "\n" << original;
            return file;
        };
        const auto replaced = [&](const std::string& name, const std::string& from,
                                  const std::string& to) {
            std::string text = original;
            const auto at = text.find(from);
            if (at == std::string::npos) {
                throw std::logic_error(from + " is not in the header");
            }
            text.replace(at, from.size(), to);
            const fs::path file = fs::path(dir.path().toStdString()) / name;
            std::ofstream(file, std::ios::binary) << text;
            return file;
        };
        const fs::path longKey = withHeaderLine("key.mha", "BinaryDataByteOrderMSB\x1b" +
                                                               std::string(300, '~') + " = True");
        verifyRefusal(refusalOf(longKey), longKey, "header line 1 ('BinaryDataByteOrderMSB?~~");
        verifyRefusal(refusalOf(longKey), longKey, "is not 'Key = Value'");
        const fs::path zero = replaced("ndims.mha", "NDims = 3", "NDims = 0");
        verifyRefusal(refusalOf(zero), zero, "NDims is '0' (a volume has 2 to 4)");
        const fs::path huge =
            replaced("huge-ndims.mha", "NDims = 3", "NDims = 3333333333333333333333333333");
        verifyRefusal(refusalOf(huge), huge, "NDims is '3333");
        const fs::path pattern =
            replaced("pattern.mha", "ElementDataFile = LOCAL", "ElementDataFile = LO%CA");
        verifyRefusal(refusalOf(pattern), pattern, "ElementDataFile must be LOCAL");
        const fs::path elsewhere =
            replaced("elsewhere.mha", "ElementDataFile = LOCAL", "ElementDataFile = ..");
        verifyRefusal(refusalOf(elsewhere), elsewhere, "ElementDataFile must be LOCAL");
        const fs::path twice = withHeaderLine("twice.mha", "NDims = 3");
        verifyRefusal(refusalOf(twice), twice, "the header gives NDims twice");
        const fs::path synonyms = withHeaderLine("synonyms.mha", "Position = 1 2 3");
        verifyRefusal(refusalOf(synonyms), synonyms, "gives both Offset and Position");
        const fs::path comment =
            withHeaderLine("comment.mha", "Comment = " + std::string(300, 'x'));
        QCOMPARE(readImage(comment).data(), readImage(good).data());
    }

    // Found by fuzz_volume: a compressed MetaImage claiming CompressedDataSize = 2^63 - 1 made
    // MetaIO allocate that much; the std::bad_alloc came out without the file's name. A claim
    // beyond the file holding the data is refused first, and any other failure names the file.
    void compressedSizesBeyondTheFileAreRefused() {
        QTemporaryDir dir;
        const fs::path good = fs::path(dir.path().toStdString()) / "good.mha";
        std::string header = writeSmallMetaImage(good, 3.0f);
        QCOMPARE(readImage(good).data().front(), 3.0f);
        const auto size = header.find("CompressedDataSize = ");
        QVERIFY(size != std::string::npos);
        const auto sizeEnd = header.find('\n', size);
        header.replace(size, sizeEnd - size, "CompressedDataSize = 9223372036854775807");
        const fs::path claim = fs::path(dir.path().toStdString()) / "claim.mha";
        std::ofstream(claim, std::ios::binary) << header;
        verifyRefusal(refusalOf(claim), claim, "CompressedDataSize");
    }

    // Found by fuzz_volume: this damaged compressed MetaImage (the finding's bytes) kept MetaIO's
    // inflate loop running forever. Refused by its header now; a sound header over a damaged or
    // cut stream is refused by the inflating itself.
    void damagedCompressedVoxelsAreRefused() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const fs::path file = root / "damaged.mha";
        const std::string finding(
            "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
            "CompressedData = True\nCompressedDataSize = 24\nTransformMatrix = 1 0 0 0 2 0 0 0"
            " 1\nOffset = 0 0 0\nCenterOfRotaTion = 0 0 0\nAnatomicalOrientation = RAI\n\xff"
            "lerderMSB = False\nCompressedData = TruementSpacing = 1 1 2\nDimSize = 8 8 3\n"
            "ElementType = MET_SHORT\nElementDataFile = LOCAL\nx?^KaH\x19\xf4p\x02#\x04\xc2\\J*\x7f"
            "0\xfb\x10\x00\xae\x86M\xd1",
            377);
        std::ofstream(file, std::ios::binary) << finding;
        verifyRefusal(refusalOf(file), file, "header line 11 ('?lerderMSB = False')");

        const fs::path good = root / "good.mha";
        writeImage(rampVolume(false), good);
        std::ifstream in(good, std::ios::binary);
        const std::string original((std::istreambuf_iterator<char>(in)), {});
        const std::size_t voxels = original.find("ElementDataFile = LOCAL\n") + 24;
        QVERIFY(original.size() > voxels + 100);
        std::string flipped = original;
        for (std::size_t n = voxels + 40; n < voxels + 60; ++n) {
            flipped[n] = static_cast<char>(~flipped[n]);
        }
        const fs::path damaged = root / "flipped.mha";
        std::ofstream(damaged, std::ios::binary) << flipped;
        verifyRefusal(refusalOf(damaged), damaged,
                      "compressed voxel data of flipped.mha is damaged");
        const fs::path cut = root / "cut.mha";
        std::ofstream(cut, std::ios::binary) << original.substr(0, voxels + 50);
        verifyRefusal(refusalOf(cut), cut, "CompressedDataSize is");
        // The same stream, its size claim cut short too: the stream ends before the grid is full.
        std::string shortClaim = original.substr(0, voxels + 50);
        const auto claim = shortClaim.find("CompressedDataSize = ");
        const auto claimEnd = shortClaim.find('\n', claim);
        shortClaim.replace(claim, claimEnd - claim, "CompressedDataSize = 50");
        const fs::path truncated = root / "truncated.mha";
        std::ofstream(truncated, std::ios::binary) << shortClaim;
        verifyRefusal(refusalOf(truncated), truncated,
                      "compressed voxel data of truncated.mha is damaged (the stream ends early)");
        QCOMPARE(readImage(good).data(), rampVolume(false).data());
    }

    // Found by fuzz_volume: an ElementDataFile line without '=' made MetaIO size the compressed
    // voxels from a failed stream position and ask for 2^63 bytes (the finding's bytes).
    void aHeaderWithoutElementDataFileIsRefused() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "nodata.mha";
        // "ObjectType", 55 bytes 0xff, then the mutated rest of a header.
        const std::string finding =
            "ObjectType" + std::string(55, '\xff') +
            "3\nBinaryDByteOrderMSB = False\nCompressedData = True\n\xa5"
            "Cope = Iegam\nNDims = 3\nnoneBinaryDaDataByteO0\xfbObjinaryData = ::ue\nB\xff = "
            "Image\n"
            "NDims = 3\nBi?ary \x1d TrnttioninfRAI\nElementSpacing = 1 1 2\nDimSize = 8 8 6\n"
            "ElementType = MET_SHORT\nElementDataFile \n~xK^aH\x19\xf4p\x02#\x04\xc2\\J*\x7f"
            "0\xfb\xd1";
        std::ofstream(file, std::ios::binary) << finding;
        verifyRefusal(refusalOf(file), file, "header line 1 ('ObjectType???");
        const fs::path bare = fs::path(dir.path().toStdString()) / "bare.mha";
        std::ofstream(bare, std::ios::binary)
            << "ObjectType = Image\nNDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n";
        verifyRefusal(refusalOf(bare), bare, "no 'ElementDataFile = ...' line");
    }

    // MetaImage as other writers store it, checked against values written here byte by byte:
    // big-endian, uncompressed, detached data behind a HeaderSize or at the file's end, 2-D and
    // 4-D grids, each element type's width.
    void metaImageLayoutsReadAsWritten() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const auto write = [&](const std::string& name, const std::string& bytes) {
            std::ofstream(root / name, std::ios::binary) << bytes;
            return root / name;
        };
        // int16 values 1, -2, 300, -1000, 32767, -32768, most significant byte first.
        const std::string bigEndianShorts("\x00\x01\xff\xfe\x01\x2c\xfc\x18\x7f\xff\x80\x00", 12);
        const std::vector<float> shorts{1, -2, 300, -1000, 32767, -32768};
        const fs::path big =
            write("big.mha", "ObjectType = Image\nNDims = 3\nBinaryData = True\n"
                             "BinaryDataByteOrderMSB = True\nElementSpacing = 0.5 0.75 2\n"
                             "Offset = -10 20.5 3\nDimSize = 3 2 1\n"
                             "ElementType = MET_SHORT\nElementDataFile = LOCAL\n" +
                                 bigEndianShorts);
        const ImageVolume bigImage = readImage(big);
        QCOMPARE(bigImage.data(), shorts);
        QCOMPARE(bigImage.geometry().size, (Size3{3, 2, 1}));
        QCOMPARE(bigImage.geometry().spacing, (Vec3{0.5, 0.75, 2}));
        QCOMPARE(bigImage.geometry().origin, (Vec3{-10, 20.5, 3}));

        // Detached uint8 voxels after 5 bytes of preamble (HeaderSize) and at the end (-1); a
        // 2-D grid whose direction swaps its axes: TransformMatrix row c is index axis c.
        write("voxels.raw", std::string("junk!\x01\x02\x03\xfe\xff\x00", 11));
        const std::string detached = "NDims = 2\nDimSize = 3 2\nTransformMatrix = 0 1 -1 0\n"
                                     "ElementType = MET_UCHAR\n";
        const fs::path skipped =
            write("skipped.mhd", detached + "HeaderSize = 5\nElementDataFile = voxels.raw\n");
        const fs::path atTheEnd =
            write("end.mhd", detached + "HeaderSize = -1\nElementDataFile = voxels.raw\n");
        for (const fs::path& file : {skipped, atTheEnd}) {
            const ImageVolume image = readImage(file);
            QCOMPARE(image.data(), (std::vector<float>{1, 2, 3, 254, 255, 0}));
            QCOMPARE(image.geometry().size, (Size3{3, 2, 1}));
            QCOMPARE(image.geometry().direction, (Mat3{{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}}));
        }
        const fs::path missing = write("missing.mhd", detached + "ElementDataFile = absent.raw\n");
        verifyRefusal(refusalOf(missing), missing, "absent.raw is missing");

        // A 4-D grid of one time point is a volume; of three, it is refused.
        const std::string doubles = bytesOf(0.25) + bytesOf(-7.0);
        const fs::path oneTime = write("one.mha", "NDims = 4\nDimSize = 2 1 1 1\n"
                                                  "ElementType = MET_DOUBLE\n"
                                                  "ElementDataFile = LOCAL\n" +
                                                      doubles);
        QCOMPARE(readImage(oneTime).data(), (std::vector<float>{0.25f, -7.0f}));
        const fs::path threeTimes = write("three.mha", "NDims = 4\nDimSize = 2 1 1 3\n"
                                                       "ElementType = MET_DOUBLE\n"
                                                       "ElementDataFile = LOCAL\n" +
                                                           doubles + doubles + doubles);
        verifyRefusal(refusalOf(threeTimes), threeTimes, "a 4-D image of 3 time points");
        // A label map refuses the fractional voxel by its index.
        try {
            readLabelMap(oneTime);
            QFAIL("0.25 is not a label");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("voxel 0 holds 0.25") != std::string::npos,
                     e.what());
        }

        // What Metis does not read is refused by name rather than misread.
        const std::string grid = "NDims = 3\nDimSize = 2 1 1\n";
        const fs::path vector = write("vector.mha", grid + "ElementNumberOfChannels = 3\n"
                                                           "ElementType = MET_UCHAR\n"
                                                           "ElementDataFile = LOCAL\nabcdef");
        verifyRefusal(refusalOf(vector), vector, "single-channel");
        const fs::path text = write("text.mha", grid + "BinaryData = False\nElementType = "
                                                       "MET_UCHAR\nElementDataFile = LOCAL\n1 2");
        verifyRefusal(refusalOf(text), text, "stored as text");
        const fs::path array = write("array.mha", grid + "ElementType = MET_UCHAR_ARRAY\n"
                                                         "ElementDataFile = LOCAL\nab");
        verifyRefusal(refusalOf(array), array, "ElementType is 'MET_UCHAR_ARRAY'");
        const fs::path skew = write("skew.mha", grid + "TransformMatrix = 1 0 0 1 1 0 0 0 1\n"
                                                       "ElementType = MET_UCHAR\n"
                                                       "ElementDataFile = LOCAL\nab");
        verifyRefusal(refusalOf(skew), skew, "direction is not orthonormal");
        const fs::path shortData = write("short.mha", grid + "ElementType = MET_FLOAT\n"
                                                             "ElementDataFile = LOCAL\nabcd");
        verifyRefusal(refusalOf(shortData), shortData, "claims 8 bytes of voxels");
    }
};

QTEST_GUILESS_MAIN(TestVolumeIO)
#include "test_volume_io.moc"
