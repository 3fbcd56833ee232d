#include "metis/imaging/ImagingLibraries.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <itkVersion.h>

namespace metis::imaging {

std::string itkVersion() {
    return itk::Version::GetITKVersion();
}
std::string dcmtkVersion() {
    return OFFIS_DCMTK_VERSION_STRING;
}

} // namespace metis::imaging
