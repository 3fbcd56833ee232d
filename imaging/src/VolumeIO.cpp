#include "metis/imaging/VolumeIO.h"

#include "MetaImageReader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <vector>
#include <zlib.h>

namespace metis::imaging {
namespace {

namespace fs = std::filesystem;

template <typename Pixel> using ItkVolume = itk::Image<Pixel, 3>;

std::string lowerCaseName(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Choosing the ImageIO explicitly avoids relying on ITK's factory registration, which only
// happens in targets that include ITK's use-file.
itk::ImageIOBase::Pointer makeImageIO(const fs::path& path) {
    switch (volumeFileFormat(path)) {
    case VolumeFileFormat::Nifti:
        return itk::NiftiImageIO::New().GetPointer();
    case VolumeFileFormat::Nrrd:
        return itk::NrrdImageIO::New().GetPointer();
    case VolumeFileFormat::MetaImage:
        return itk::MetaImageIO::New().GetPointer();
    }
    throw std::invalid_argument("unknown volume format: " + path.string());
}

// Whether the voxels follow the header in the file itself: always for NIfTI; for NRRD unless
// the header names a separate data file.
bool dataInTheSameFile(const fs::path& path) {
    if (volumeFileFormat(path) == VolumeFileFormat::Nifti) {
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    std::string header(64 * 1024, '\0');
    in.read(header.data(), static_cast<std::streamsize>(header.size()));
    header.resize(static_cast<std::size_t>(in.gcount()));
    std::transform(header.begin(), header.end(), header.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return header.find("\ndata file:") == std::string::npos &&
           header.find("\ndatafile:") == std::string::npos;
}

// The NIfTI datatypes of one number per voxel: (u)int8/16/32/64, float32, float64.
bool isScalarNiftiType(std::int16_t datatype) {
    constexpr std::int16_t kScalarTypes[] = {2, 4, 8, 16, 64, 256, 512, 768, 1024, 1280};
    return std::find(std::begin(kScalarTypes), std::end(kScalarTypes), datatype) !=
           std::end(kScalarTypes);
}

// ITK's NIfTI reader aborts the process (a failed finiteness assertion in vnl) on a header whose
// voxel sizes or orientation hold NaN or infinity, hangs on absurdly large ones and overflows
// its buffer on non-scalar voxels: such a header is refused here first. gzread
// reads .nii.gz and plain .nii alike. NIfTI-1 (348-byte header, floats) and NIfTI-2 (540 bytes,
// doubles), either byte order, told apart by sizeof_hdr; the byte order is the one in which
// dim[0] is 1 to 7, as the NIfTI library decides it. The library also reads a header whose
// sizeof_hdr is garbage (found by fuzz_volume, 2026-12-05: NaN in srow_x behind one); then every
// layout and byte order it might take is checked.
void refuseHostileNiftiHeader(const fs::path& path) {
    if (volumeFileFormat(path) != VolumeFileFormat::Nifti) {
        return;
    }
    std::array<unsigned char, 540> header{};
    int read = 0;
    if (gzFile file = gzopen(path.c_str(), "rb")) {
        read = gzread(file, header.data(), static_cast<unsigned>(header.size()));
        gzclose(file);
    }
    if (read < 348) {
        return; // too short for a header: ITK reports it
    }
    const auto bytesAt = [&](std::size_t offset, std::size_t width, bool swapped) {
        std::array<unsigned char, 8> bytes{};
        for (std::size_t b = 0; b < width; ++b) {
            bytes[b] = header[offset + (swapped ? width - 1 - b : b)];
        }
        return bytes;
    };
    const auto integerAt = [&](std::size_t offset, std::size_t width, bool swapped) {
        const auto bytes = bytesAt(offset, width, swapped);
        std::uint64_t value = 0;
        for (std::size_t b = 0; b < width; ++b) {
            value |= std::uint64_t{bytes[b]} << (8 * b);
        }
        return value;
    };
    const auto realAt = [&](std::size_t offset, std::size_t width, bool swapped) {
        const auto bytes = bytesAt(offset, width, swapped);
        if (width == 4) {
            float value;
            std::memcpy(&value, bytes.data(), 4);
            return static_cast<double>(value);
        }
        double value;
        std::memcpy(&value, bytes.data(), 8);
        return value;
    };
    const auto sizeIs = [&](std::uint64_t size) {
        return integerAt(0, 4, false) == size || integerAt(0, 4, true) == size;
    };
    const bool knownSize = sizeIs(348) || (sizeIs(540) && read >= 540);
    for (const bool version2 : {false, true}) {
        if (knownSize ? version2 != sizeIs(540) : (version2 && read < 540)) {
            continue;
        }
        // dim[0]: int16 at 40 (NIfTI-1), int64 at 16 (NIfTI-2).
        const std::size_t dimensionOffset = version2 ? 16 : 40;
        const std::size_t dimensionWidth = version2 ? 8 : 2;
        std::vector<bool> byteOrders;
        for (const bool swapped : {false, true}) {
            const std::uint64_t dimensions = integerAt(dimensionOffset, dimensionWidth, swapped);
            if (dimensions >= 1 && dimensions <= 7) {
                byteOrders.push_back(swapped);
            }
        }
        if (byteOrders.empty()) {
            byteOrders = {false, true};
        }
        // pixdim[0..7], quatern_b..qoffset_z, srow_x/y/z[4]: contiguous runs in both versions.
        // Voxel sizes and offsets in mm: none is a kilometre. A finite -1.7e38 in srow_x kept
        // vnl's SVD in ITK's orientation code looping forever (found by fuzz_volume).
        constexpr double kMaxValue = 1e6;
        const std::size_t width = version2 ? 8 : 4;
        const std::pair<std::size_t, std::size_t> runs[] = {{version2 ? 104 : 76, 8},
                                                            {version2 ? 352 : 256, 6 + 12}};
        for (const bool swapped : byteOrders) {
            // Scalar voxels only: an RGB24 header beside a float image made ITK's NIfTI reader
            // copy three times the buffer it had allocated (heap overflow, found by
            // fuzz_volume, 2026-12-05).
            const auto datatype =
                static_cast<std::int16_t>(integerAt(version2 ? 12 : 70, 2, swapped));
            if (!isScalarNiftiType(datatype)) {
                throw std::runtime_error("cannot read " + path.string() +
                                         ": the NIfTI datatype is " + std::to_string(datatype) +
                                         ", not a scalar type (Metis reads scalar images)");
            }
            const auto dimensionAt = [&](int index) {
                const std::uint64_t value =
                    integerAt(dimensionOffset + static_cast<std::size_t>(index) * dimensionWidth,
                              dimensionWidth, swapped);
                return version2 ? static_cast<std::int64_t>(value)
                                : std::int64_t{static_cast<std::int16_t>(value)};
            };
            if (dimensionAt(0) >= 5 && dimensionAt(5) > 1) {
                throw std::runtime_error("cannot read " + path.string() +
                                         ": the NIfTI image holds " +
                                         std::to_string(dimensionAt(5)) +
                                         " values per voxel (Metis reads scalar images)");
            }
            for (const auto& [first, count] : runs) {
                for (std::size_t n = 0; n < count; ++n) {
                    if (!(std::abs(realAt(first + n * width, width, swapped)) <= kMaxValue)) {
                        throw std::runtime_error(
                            "cannot read " + path.string() +
                            ": the NIfTI header's voxel size or orientation holds a value that "
                            "is not a finite number within +-10^6");
                    }
                }
            }
        }
    }
}

// Refuses a header whose claimed size no real volume has, before any voxel buffer is allocated:
// a dimension outside 1..65536, more than kMaxVolumeVoxels voxels, or (when the voxels are in the
// same file) more voxel bytes than even gzip's best ratio (about 1000:1) could hide in the file.
void refuseAbsurdSize(const itk::ImageIOBase& io, const fs::path& path) {
    constexpr std::uint64_t kMaxVoxels = kMaxVolumeVoxels;
    constexpr std::uint64_t kMaxCompressionRatio = 1100;
    if (io.GetNumberOfDimensions() < 2 || io.GetNumberOfDimensions() > 4) {
        throw std::runtime_error("cannot read " + path.string() + ": the header gives " +
                                 std::to_string(io.GetNumberOfDimensions()) +
                                 " dimensions (a volume has 2 to 4)");
    }
    std::uint64_t voxels = 1;
    for (unsigned axis = 0; axis < io.GetNumberOfDimensions(); ++axis) {
        const auto size = static_cast<std::uint64_t>(io.GetDimensions(axis));
        if (size < 1 || size > 65536) {
            throw std::runtime_error("cannot read " + path.string() + ": dimension " +
                                     std::to_string(axis + 1) + " is " + std::to_string(size) +
                                     " voxels (a volume has 1 to 65536)");
        }
        voxels *= size;
        if (voxels > kMaxVoxels) {
            throw std::runtime_error("cannot read " + path.string() +
                                     ": the header claims more "
                                     "than " +
                                     std::to_string(kMaxVoxels) + " voxels");
        }
    }
    const std::uint64_t bytes = voxels * io.GetNumberOfComponents() * io.GetComponentSize();
    std::error_code ec;
    const std::uint64_t fileBytes = fs::file_size(path, ec);
    if (!ec && dataInTheSameFile(path) && bytes > kMaxCompressionRatio * (fileBytes + 1024)) {
        throw std::runtime_error("cannot read " + path.string() + ": the header claims " +
                                 std::to_string(bytes) + " bytes of voxels, more than a file of " +
                                 std::to_string(fileBytes) + " bytes can hold");
    }
}

template <typename Pixel> typename ItkVolume<Pixel>::Pointer readItk(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        throw std::runtime_error("cannot read " + path.string() + ": no such file");
    }
    refuseHostileNiftiHeader(path);
    const itk::ImageIOBase::Pointer io = makeImageIO(path);
    try {
        io->SetFileName(path.string());
        io->ReadImageInformation();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("cannot read " + path.string() + ": " + e.GetDescription());
    }
    refuseAbsurdSize(*io, path);
    auto reader = itk::ImageFileReader<ItkVolume<Pixel>>::New();
    reader->SetImageIO(io);
    reader->SetFileName(path.string());
    try {
        reader->Update();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("cannot read " + path.string() + ": " + e.GetDescription());
    } catch (const std::exception& e) {
        // Whatever else a reader throws (std::bad_alloc on a header no check above foresaw)
        // still names the file.
        throw std::runtime_error("cannot read " + path.string() + ": " + e.what());
    }
    return reader->GetOutput();
}

template <typename Pixel> ImageGeometry geometryOf(const ItkVolume<Pixel>& image) {
    ImageGeometry geometry;
    const auto size = image.GetLargestPossibleRegion().GetSize();
    for (unsigned axis = 0; axis < 3; ++axis) {
        geometry.size[axis] = static_cast<std::int64_t>(size[axis]);
        geometry.spacing[axis] = image.GetSpacing()[axis];
        geometry.origin[axis] = image.GetOrigin()[axis];
        for (unsigned column = 0; column < 3; ++column) {
            geometry.direction[axis][column] = image.GetDirection()(axis, column);
        }
    }
    return geometry;
}

// MetaImage files are read by Metis's own parser (MetaImageReader.h), the others by ITK.
template <typename Pixel> VolumeContents<Pixel> readVolume(const fs::path& path) {
    if (volumeFileFormat(path) == VolumeFileFormat::MetaImage) {
        return readMetaImage<Pixel>(path);
    }
    const auto image = readItk<Pixel>(path);
    const Pixel* buffer = image->GetBufferPointer();
    ImageGeometry geometry = geometryOf(*image);
    return {geometry, std::vector<Pixel>(buffer, buffer + geometry.voxelCount())};
}

template <typename Pixel, typename Source>
void writeItk(const Volume<Source>& volume, const fs::path& path) {
    const ImageGeometry& geometry = volume.geometry();
    geometry.validate();
    auto image = ItkVolume<Pixel>::New();
    typename ItkVolume<Pixel>::SizeType size;
    typename ItkVolume<Pixel>::SpacingType spacing;
    typename ItkVolume<Pixel>::PointType origin;
    typename ItkVolume<Pixel>::DirectionType direction;
    for (unsigned axis = 0; axis < 3; ++axis) {
        size[axis] = static_cast<itk::SizeValueType>(geometry.size[axis]);
        spacing[axis] = geometry.spacing[axis];
        origin[axis] = geometry.origin[axis];
        for (unsigned column = 0; column < 3; ++column) {
            direction(axis, column) = geometry.direction[axis][column];
        }
    }
    image->SetRegions(typename ItkVolume<Pixel>::RegionType(size));
    image->SetSpacing(spacing);
    image->SetOrigin(origin);
    image->SetDirection(direction);
    image->Allocate();
    std::transform(volume.data().begin(), volume.data().end(), image->GetBufferPointer(),
                   [](Source value) { return static_cast<Pixel>(value); });

    auto writer = itk::ImageFileWriter<ItkVolume<Pixel>>::New();
    writer->SetImageIO(makeImageIO(path));
    writer->SetFileName(path.string());
    // NIfTI compresses by its .gz name; NRRD and MetaImage need the flag.
    writer->SetUseCompression(volumeFileFormat(path) != VolumeFileFormat::Nifti);
    writer->SetInput(image);
    try {
        writer->Update();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("cannot write " + path.string() + ": " + e.GetDescription());
    }
}

} // namespace

VolumeFileFormat volumeFileFormat(const fs::path& path) {
    const std::string name = lowerCaseName(path);
    if (endsWith(name, ".nii") || endsWith(name, ".nii.gz")) {
        return VolumeFileFormat::Nifti;
    }
    if (endsWith(name, ".nrrd") || endsWith(name, ".nhdr")) {
        return VolumeFileFormat::Nrrd;
    }
    if (endsWith(name, ".mha") || endsWith(name, ".mhd")) {
        return VolumeFileFormat::MetaImage;
    }
    throw std::invalid_argument(path.string() +
                                ": unknown volume format (expected .nii, .nii.gz, .nrrd, .nhdr, "
                                ".mha or .mhd)");
}

bool isVolumeFile(const fs::path& path) {
    try {
        volumeFileFormat(path);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

ImageVolume readImage(const fs::path& path) {
    VolumeContents<float> contents = readVolume<float>(path);
    return ImageVolume(contents.geometry, std::move(contents.voxels));
}

void writeImage(const ImageVolume& image, const fs::path& path, ImageStorage storage) {
    const auto& data = image.data();
    const bool integral =
        storage == ImageStorage::Automatic &&
        std::all_of(data.begin(), data.end(), [](float value) {
            return value >= static_cast<float>(std::numeric_limits<std::int16_t>::min()) &&
                   value <= static_cast<float>(std::numeric_limits<std::int16_t>::max()) &&
                   std::nearbyint(value) == value;
        });
    if (integral) {
        writeItk<std::int16_t>(image, path);
    } else {
        writeItk<float>(image, path);
    }
}

LabelMap readLabelMap(const fs::path& path) {
    const VolumeContents<double> contents = readVolume<double>(path);
    std::vector<std::uint16_t> labels(contents.voxels.size());
    for (std::size_t n = 0; n < labels.size(); ++n) {
        const double value = contents.voxels[n];
        if (!(value >= 0.0 && value <= 65535.0) || std::nearbyint(value) != value) {
            throw std::runtime_error("label map " + path.string() + ": voxel " + std::to_string(n) +
                                     " holds " + std::to_string(value) +
                                     ", not a label (an integer from 0 to 65535)");
        }
        labels[n] = static_cast<std::uint16_t>(value);
    }
    return LabelMap(contents.geometry, std::move(labels));
}

void writeLabelMap(const LabelMap& labels, const fs::path& path) {
    const auto& data = labels.data();
    const bool fitsByte = data.empty() || *std::max_element(data.begin(), data.end()) <=
                                              std::numeric_limits<std::uint8_t>::max();
    if (fitsByte) {
        writeItk<std::uint8_t>(labels, path);
    } else {
        writeItk<std::uint16_t>(labels, path);
    }
}

LesionLabels interpretLabels(const LabelMap& labels, LabelConvention convention) {
    LesionLabels result{LabelMap(labels.geometry(), 0), LabelMap(labels.geometry(), 0)};
    auto& gtv = result.gtv.data();
    auto& oedema = result.oedema.data();
    const auto& source = labels.data();
    for (std::size_t n = 0; n < source.size(); ++n) {
        const std::uint16_t value = source[n];
        switch (convention) {
        case LabelConvention::BratsMets:
            if (value > 3) {
                throw std::invalid_argument(
                    "BraTS-METS labels are 0 to 3 (1 NETC, 2 SNFH, 3 ET); voxel " +
                    std::to_string(n) + " holds " + std::to_string(value));
            }
            gtv[n] = (value == 1 || value == 3) ? 1 : 0;
            oedema[n] = value == 2 ? 1 : 0;
            break;
        case LabelConvention::UcsfBinary:
        case LabelConvention::MetisInstances:
            gtv[n] = value != 0 ? 1 : 0;
            break;
        }
    }
    return result;
}

} // namespace metis::imaging
