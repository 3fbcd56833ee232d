#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace metis::cli {

/// A mistake in how a command was called; main() prints it with the command's usage.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The arguments after the command name: `--name value` options, `--flag` switches and
/// positional arguments, in any order. Unknown options are an error.
class Arguments {
public:
    Arguments(std::vector<std::string> args, std::vector<std::string> valueOptions,
              std::vector<std::string> flags);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> option(const std::string& name) const;
    std::vector<std::string> options(const std::string& name) const; ///< every occurrence
    std::string required(const std::string& name) const;
    bool flag(const std::string& name) const;
    /// The option as an integer >= lowest, or `fallback` when absent; UsageError otherwise.
    int integer(const std::string& name, int fallback, int lowest) const;
    /// The option as a finite number >= lowest, or `fallback` when absent; UsageError otherwise.
    double number(const std::string& name, double fallback, double lowest) const;

    /// The option converted by `parse` (which throws std::invalid_argument on a bad value), or
    /// `fallback` converted when absent; a bad value is a UsageError.
    template <typename Parse>
    auto parsed(const std::string& name, const std::string& fallback, Parse parse) const
        -> decltype(parse(fallback)) {
        try {
            return parse(option(name).value_or(fallback));
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }

private:
    std::vector<std::string> positional_;
    std::multimap<std::string, std::string> values_;
    std::vector<std::string> flagsSet_;
};

struct Command {
    std::string name;    ///< may hold a space, e.g. "db stats"
    std::string usage;   ///< one line: arguments and options
    std::string summary; ///< one line: what it does
    std::vector<std::string> valueOptions;
    std::vector<std::string> flags;
    std::function<int(const Arguments&)> run;
};

using CommandTable = std::vector<Command>;

/// Each command family adds its commands here; a family that needs libraries absent from a
/// build (METIS_WITH_WORKSTATION=OFF) is simply not registered.
void registerSystemCommands(CommandTable& table);
/// rtstruct-to-mask, mask-to-rtstruct (needs metis_imaging).
void registerRtStructCommands(CommandTable& table);
/// convert, info (needs metis_imaging).
void registerImagingCommands(CommandTable& table);
/// import, db stats, db check (needs metis_database).
void registerDatabaseCommands(CommandTable& table);
/// metrics (needs metis_imaging to read the masks).
void registerMetricsCommands(CommandTable& table);
/// phantom (needs metis_imaging).
void registerPhantomCommands(CommandTable& table);
/// model info, model create-random (core + models); infer (needs metis_imaging).
void registerModelCommands(CommandTable& table);
/// train (from prepared slices in every build, from a cohort folder with metis_imaging) and
/// evaluate (needs metis_imaging).
void registerTrainingCommands(CommandTable& table);

} // namespace metis::cli
