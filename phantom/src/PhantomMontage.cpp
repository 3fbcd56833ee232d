// A PNG montage of phantom previews: grey image, ground-truth outlines drawn just outside each
// lesion so the rim itself stays visible.

#include "metis/core/Contours.h"
#include "metis/phantom/Phantom.h"

#include <algorithm>
#include <itkImage.h>
#include <itkImageFileWriter.h>
#include <itkPNGImageIO.h>
#include <itkRGBPixel.h>
#include <stdexcept>
#include <vector>

namespace metis::phantom {

void writePhantomMontage(const std::vector<PhantomPreview>& previews, int tilesPerRow,
                         int tilePixels, const std::filesystem::path& file) {
    if (previews.empty() || tilesPerRow < 1 || tilePixels < 16) {
        throw std::invalid_argument("phantom montage: nothing to draw into " + file.string());
    }
    using Pixel = itk::RGBPixel<unsigned char>;
    using Image = itk::Image<Pixel, 2>;
    const int rows = (static_cast<int>(previews.size()) + tilesPerRow - 1) / tilesPerRow;
    auto image = Image::New();
    Image::RegionType region;
    region.SetSize({{static_cast<itk::SizeValueType>(tilesPerRow * tilePixels),
                     static_cast<itk::SizeValueType>(rows * tilePixels)}});
    image->SetRegions(region);
    image->Allocate();
    Pixel black;
    black.Fill(0);
    image->FillBuffer(black);

    for (std::size_t t = 0; t < previews.size(); ++t) {
        const PhantomPreview& preview = previews[t];
        const auto width = preview.image.size()[0], height = preview.image.size()[1];
        // Window 0 .. 2.1 x WM (previews are in WM units), as T1-CE is read: enhancing
        // tissue stays below white so its texture shows.
        const float top = 2.1f;
        const int ox = static_cast<int>(t) % tilesPerRow * tilePixels,
                  oy = static_cast<int>(t) / tilesPerRow * tilePixels;
        for (int y = 0; y < tilePixels; ++y) {
            for (int x = 0; x < tilePixels; ++x) {
                const auto i = std::min<std::int64_t>(width - 1, x * width / tilePixels);
                const auto j = std::min<std::int64_t>(height - 1, y * height / tilePixels);
                const float v = preview.image.at(i, j, 0);
                Pixel pixel;
                pixel.Fill(static_cast<unsigned char>(std::clamp(v / top * 255.0f, 0.0f, 255.0f)));
                // Outline: background pixels next to a lesion pixel get the lesion's colour.
                if (preview.truth.at(i, j, 0) == 0) {
                    for (const auto& [di, dj] :
                         {std::pair{1, 0}, std::pair{-1, 0}, std::pair{0, 1}, std::pair{0, -1}}) {
                        const auto a = i + di, b = j + dj;
                        if (a >= 0 && b >= 0 && a < width && b < height &&
                            preview.truth.at(a, b, 0) != 0) {
                            const RgbColour colour = lesionColour(preview.truth.at(a, b, 0));
                            pixel.Set(colour[0], colour[1], colour[2]);
                        }
                    }
                }
                image->SetPixel({{ox + x, oy + y}}, pixel);
            }
        }
    }
    auto writer = itk::ImageFileWriter<Image>::New();
    writer->SetImageIO(itk::PNGImageIO::New());
    writer->SetFileName(file.string());
    writer->SetInput(image);
    try {
        writer->Update();
    } catch (const itk::ExceptionObject& e) {
        throw std::runtime_error("phantom montage: cannot write " + file.string() + ": " +
                                 e.GetDescription());
    }
}

} // namespace metis::phantom
