#include "metis/workflow/Installation.h"

#include "metis/workflow/ModelRegistration.h"

#include <system_error>

namespace metis::workflow {

namespace fs = std::filesystem;

fs::path installedDataDirectory(const fs::path& executableDirectory) {
    std::error_code error;
    const fs::path data =
        fs::weakly_canonical(executableDirectory / ".." / "share" / "metis", error);
    if (error || !fs::is_directory(data, error)) {
        return {};
    }
    return data;
}

fs::path installedDemoModel(const fs::path& executableDirectory) {
    const fs::path data = installedDataDirectory(executableDirectory);
    if (data.empty()) {
        return {};
    }
    const fs::path package = data / "models" / "mtsa-net-demo";
    std::error_code error;
    return fs::is_regular_file(package / "metadata.json", error) ? package : fs::path{};
}

std::optional<db::RegisteredModel> activateDemoModelIfNoneActive(db::PatientDatabase& database,
                                                                 const db::User& user,
                                                                 const fs::path& package) {
    if (database.activeModel()) {
        return std::nullopt;
    }
    const db::RegisteredModel model = registerModelPackage(database, user, package);
    ModelActivation activation;
    activation.reason = "first start: the demo model shipped with Metis (phantom-trained, "
                        "research use only)";
    activateRegisteredModel(database, user, model.id, activation);
    return registeredModel(database, model.id);
}

} // namespace metis::workflow
