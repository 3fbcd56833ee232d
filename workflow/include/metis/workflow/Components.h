#pragma once

#include <string>
#include <utility>
#include <vector>

namespace metis::workflow {

/// What this build runs on, one (component, description) pair per line, for `metis-cli --version`
/// and the About box alike: Metis, Qt, VTK, ITK, DCMTK, SQLite, LibTorch with the CUDA version
/// it was built with, and whether CUDA is usable here (initialises the model runtime).
std::vector<std::pair<std::string, std::string>> componentVersions();

} // namespace metis::workflow
