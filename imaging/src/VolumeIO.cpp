#include "metis/imaging/VolumeIO.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkMetaImageIO.h>
#include <itkNiftiImageIO.h>
#include <itkNrrdImageIO.h>
#include <limits>
#include <stdexcept>

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

template <typename Pixel> typename ItkVolume<Pixel>::Pointer readItk(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        throw std::runtime_error("cannot read " + path.string() + ": no such file");
    }
    auto reader = itk::ImageFileReader<ItkVolume<Pixel>>::New();
    reader->SetImageIO(makeImageIO(path));
    reader->SetFileName(path.string());
    try {
        reader->Update();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("cannot read " + path.string() + ": " + e.GetDescription());
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
    const auto image = readItk<float>(path);
    const float* buffer = image->GetBufferPointer();
    ImageGeometry geometry = geometryOf(*image);
    return ImageVolume(geometry, std::vector<float>(buffer, buffer + geometry.voxelCount()));
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
    const auto image = readItk<double>(path);
    ImageGeometry geometry = geometryOf(*image);
    const double* buffer = image->GetBufferPointer();
    std::vector<std::uint16_t> labels(geometry.voxelCount());
    for (std::size_t n = 0; n < labels.size(); ++n) {
        const double value = buffer[n];
        if (!(value >= 0.0 && value <= 65535.0) || std::nearbyint(value) != value) {
            throw std::runtime_error("label map " + path.string() + ": voxel " + std::to_string(n) +
                                     " holds " + std::to_string(value) +
                                     ", not a label (an integer from 0 to 65535)");
        }
        labels[n] = static_cast<std::uint16_t>(value);
    }
    return LabelMap(geometry, std::move(labels));
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
