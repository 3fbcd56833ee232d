#include "metis/core/Version.h"

#include "metis/core/BuildInfo.h"

namespace metis {

std::string metisVersion() { return METIS_VERSION_STRING; }
std::string qtBuildVersion() { return METIS_QT_BUILD_VERSION; }
std::string vtkBuildVersion() { return METIS_VTK_BUILD_VERSION; }

} // namespace metis
