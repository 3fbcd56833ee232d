#pragma once

#include <string>

namespace metis {

/// Metis's own version, e.g. "0.1.0".
std::string metisVersion();

/// The Qt and VTK versions Metis was configured against, or an empty string when the build has
/// no GUI layer. These come from the build because metis-cli links neither library.
std::string qtBuildVersion();
std::string vtkBuildVersion();

} // namespace metis
