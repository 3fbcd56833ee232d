#pragma once

#include "metis/database/PatientDatabase.h"

#include <filesystem>
#include <optional>

namespace metis::workflow {

/// The read-only data an installation carries: `<prefix>/share/metis` beside `<prefix>/bin`
/// (/usr/bin/metis -> /usr/share/metis). The build tree mirrors the layout (build/app/metis ->
/// build/share/metis), so the same lookup serves both and no build path is compiled in.
/// Empty when the folder is not there.
std::filesystem::path installedDataDirectory(const std::filesystem::path& executableDirectory);

/// The demo model package shipped with the installation (phantom-trained, research use only);
/// empty when the installation has none.
std::filesystem::path installedDemoModel(const std::filesystem::path& executableDirectory);

/// First start: when no model is active yet, registers the shipped demo package as `user` and
/// activates it (both audited; needs ActivateModel). Returns the model it activated, or nothing
/// when a model was already active. Throws naming the reason (a package that fails
/// verification, a role that may not activate models).
std::optional<db::RegisteredModel>
activateDemoModelIfNoneActive(db::PatientDatabase& database, const db::User& user,
                              const std::filesystem::path& package);

} // namespace metis::workflow
