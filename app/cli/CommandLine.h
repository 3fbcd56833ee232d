#pragma once
// metis-cli's command line on CLI11: one subcommand per command (a two-word command such as
// `db stats` is subcommand `stats` of `db`), each option declared once with its type, default,
// check and help, bound to the plain struct that the command's run function receives.

#include <CLI/CLI.hpp>
#include <functional>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace metis::cli {

/// Options that parse one by one but do not fit together, found by the command itself; it is
/// answered like a parse error: the message, the command's usage and exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A command as declared: the subcommand to declare its options on, and the options struct
/// they fill (it lives as long as the command line).
template <typename Options> struct DeclaredCommand {
    CLI::App& app;
    Options& options;
};

class CommandLine {
public:
    CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    CLI::App& root() { return root_; }

    /// The first word of two-word commands ("db", "model"); created on first use.
    CLI::App& group(const std::string& name);

    /// Declares the command `name` ("infer", or "db stats" in group db); after a successful
    /// parse `action` receives the options as parsed and returns the exit code.
    template <typename Options>
    DeclaredCommand<Options> add(const std::string& name, const std::string& summary,
                                 int (*action)(const Options&)) {
        auto options = std::make_shared<Options>();
        CLI::App& app = add(name, summary, [options, action] { return action(*options); });
        return {app, *options};
    }
    CLI::App& add(const std::string& name, const std::string& summary, std::function<int()> action);

    /// `metis-cli FLAG` alone runs `command`, as `metis-cli --version` runs `version`.
    void addShortcut(const std::string& flag, const std::string& command);

    /// Parses the arguments and runs the command they name. Returns the exit code: the
    /// command's own, 0 for --help, 2 for a usage error, 1 when the command throws.
    int run(int argc, const char* const* argv);

private:
    struct Command {
        CLI::App* app;
        std::string name;
        std::function<int()> run;
    };
    const Command* find(const std::string& name) const;
    const Command* chosen(const CLI::App& deepest) const;
    int usageError(const CLI::App& where, const std::string& message) const;

    std::shared_ptr<CLI::Formatter> formatter_;
    CLI::App root_;
    std::vector<Command> commands_;
    std::vector<std::pair<const CLI::Option*, std::string>> shortcuts_;
};

// Checks for numeric options. Each error names the problem ("expects an integer >= 1, got
// '0'"); CLI11 puts the option's name in front.

/// A whole number >= lowest, in decimal. Use it with Option::transform: it rewrites the text in
/// plain decimal, because CLI11's own conversion reads "010" as octal and "0x10" as hex and
/// lets "-1" wrap round into an unsigned option.
CLI::Validator integerAtLeast(long long lowest);
/// A whole number in [lowest, highest], likewise.
CLI::Validator integerBetween(long long lowest, long long highest);
/// A finite number that `accept`s, described as e.g. "in (0, 1)".
CLI::Validator number(std::function<bool(double)> accept, const std::string& description);
/// A finite number >= lowest.
CLI::Validator numberAtLeast(double lowest);
/// A calendar date written YYYY-MM-DD (give the option that type name: the check adds no text).
CLI::Validator isoDate();

/// The names an option accepts and the value each stands for.
template <typename Value> using Choices = std::vector<std::pair<std::string, Value>>;

/// Choices named by the library's toString (found by argument-dependent lookup), so the command
/// line takes the very spellings that model packages and reports use.
template <typename Enum> Choices<Enum> namedChoices(std::initializer_list<Enum> values) {
    Choices<Enum> choices;
    for (const Enum value : values) {
        choices.emplace_back(toString(value), value);
    }
    return choices;
}

/// An option taking one of `choices` by name into `target`; its current value is the default.
template <typename Value>
CLI::Option* addChoice(CLI::App& app, const std::string& name, Value& target,
                       const Choices<Value>& choices, const std::string& help) {
    std::vector<std::string> names;
    std::string current;
    for (const auto& choice : choices) {
        names.push_back(choice.first);
        if (choice.second == target) {
            current = choice.first;
        }
    }
    CLI::Option* option = app.add_option_function<std::string>(
        name,
        [&target, choices](const std::string& text) {
            for (const auto& choice : choices) {
                if (choice.first == text) {
                    target = choice.second;
                }
            }
        },
        help);
    // The names are the option's type in the help ("auto|cpu|cuda"), so the check adds no text.
    option->check(CLI::IsMember(names).description(""))
        ->type_name(CLI::detail::join(names, "|"))
        ->default_str(current);
    return option;
}

/// Each command family declares its commands; a family that needs libraries absent from a build
/// (METIS_WITH_IMAGING=OFF) is simply not registered.
void registerSystemCommands(CommandLine& commands);
/// rtstruct-to-mask, mask-to-rtstruct, export-rtstruct (needs metis_imaging, metis_workflow).
void registerRtStructCommands(CommandLine& commands);
/// convert, info (needs metis_imaging).
void registerImagingCommands(CommandLine& commands);
/// import, db init, db stats, db check (needs metis_database).
void registerDatabaseCommands(CommandLine& commands);
/// pacs ..., listen: DICOM networking (needs metis_workflow).
void registerNetworkCommands(CommandLine& commands);
/// model keygen, sign, trust-key, keys: package signatures (needs metis_workflow).
void registerPackageSigningCommands(CommandLine& commands);
/// user ... and the sign-in option --password-file (needs metis_workflow).
void registerUserCommands(CommandLine& commands);
/// metrics (needs metis_imaging to read the masks).
void registerMetricsCommands(CommandLine& commands);
/// phantom (needs metis_phantom).
void registerPhantomCommands(CommandLine& commands);
/// model info, model create-random (core + models); infer, model register (full build).
void registerModelCommands(CommandLine& commands);
/// train (from prepared slices in every build, from a cohort folder with metis_imaging),
/// evaluate and calibrate (need metis_imaging).
void registerTrainingCommands(CommandLine& commands);

} // namespace metis::cli
