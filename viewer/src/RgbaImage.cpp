#include "metis/viewer/RgbaImage.h"

namespace metis::viewer {

RgbaImage::RgbaImage(int w, int h)
    : width(w), height(h),
      pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0) {}

} // namespace metis::viewer
