#pragma once

#include <string>

namespace metis::imaging {

/// Versions of the imaging libraries linked at run time.
std::string itkVersion();
std::string dcmtkVersion();

} // namespace metis::imaging
