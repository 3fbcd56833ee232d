#include "CommandLine.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iostream>
#include <limits>
#include <sstream>

namespace metis::cli {
namespace {

constexpr std::size_t kHelpWidth = 100;
constexpr std::size_t kNameColumn = 32;

/// Breaks `text` into lines of at most `width` characters at spaces; CLI11 indents what follows
/// each line break to the description column.
std::string wrap(const std::string& text, std::size_t width) {
    std::istringstream words(text);
    std::string wrapped;
    std::size_t line = 0;
    for (std::string word; words >> word;) {
        if (line > 0 && line + 1 + word.size() > width) {
            wrapped += '\n';
            line = 0;
        } else if (line > 0) {
            wrapped += ' ';
            ++line;
        }
        wrapped += word;
        line += word.size();
    }
    return wrapped;
}

/// CLI11's help with three changes: a value's type, its checks and its default read as words
/// ("--threads N >= 0 ... (default: 0)" rather than "--threads INT:INT in [0 - 2147483647]=0"),
/// text wraps at 100 columns, and the command list names every command, two-word ones included
/// ("db stats"), as `metis-cli help` always did.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter() {
        column_width(kNameColumn);
        label("Usage", "usage");
        label("SUBCOMMAND", "COMMAND");
        label("SUBCOMMANDS", "COMMAND");
    }

    std::string make_option_opts(const CLI::Option* option) const override {
        std::string text;
        if (option->get_type_size() != 0) {
            // CLI11 joins the type name and each check's description with ':'; none of ours
            // holds a ':' of its own.
            std::istringstream parts(option->get_type_name());
            std::string part;
            std::getline(parts, part, ':');
            if (!option->get_positional() && !part.empty()) {
                text += " " + part;
            }
            while (std::getline(parts, part, ':')) {
                text += " " + part;
            }
            if (option->get_expected_max() == CLI::detail::expected_max_vector_size) {
                text += " ...";
            }
            if (option->get_required()) {
                text += " REQUIRED";
            }
        }
        for (const CLI::Option* needed : option->get_needs()) {
            text += " (needs " + needed->get_name() + ")";
        }
        for (const CLI::Option* excluded : option->get_excludes()) {
            text += " (not with " + excluded->get_name() + ")";
        }
        return text;
    }

    std::string make_option_desc(const CLI::Option* option) const override {
        std::string description = option->get_description();
        std::string fallback = option->get_default_str();
        if (option->get_expected_max() == CLI::detail::expected_max_vector_size &&
            fallback.size() >= 2 && fallback.front() == '[' && fallback.back() == ']') {
            fallback = fallback.substr(1, fallback.size() - 2);
        }
        if (!fallback.empty() && option->get_type_size() != 0 && !option->get_required()) {
            description += " (default: " + fallback + ")";
        }
        return wrap(description, kHelpWidth - kNameColumn);
    }

    // CLI11's layout, less its second blank line between option groups.
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        std::string text = make_description(app) + make_usage(app, name) + make_positionals(app);
        for (const std::string& group : app->get_groups()) {
            const auto options = app->get_options([&group](const CLI::Option* option) {
                return option->get_group() == group && option->nonpositional();
            });
            if (!group.empty() && !options.empty()) {
                text += make_group(group, false, options);
            }
        }
        return text + make_subcommands(app, mode) + "\n" + make_footer(app);
    }

    std::string make_description(const CLI::App* app) const override {
        const std::string& description = app->get_description();
        return description.empty() ? std::string() : wrap(description, kHelpWidth) + "\n";
    }

    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode) const override {
        std::ostringstream out;
        listCommands(app, "", out);
        return out.str().empty() ? std::string() : "\ncommands:\n" + out.str();
    }

private:
    void listCommands(const CLI::App* app, const std::string& prefix,
                      std::ostringstream& out) const {
        for (const CLI::App* sub : app->get_subcommands([](const CLI::App* candidate) {
                 return !candidate->get_name().empty() && !candidate->get_group().empty();
             })) {
            const std::string name = prefix + sub->get_name();
            const auto nested = sub->get_subcommands(
                [](const CLI::App* candidate) { return !candidate->get_name().empty(); });
            if (nested.empty()) {
                CLI::detail::format_help(
                    out, name, wrap(sub->get_description(), kHelpWidth - kNameColumn), kNameColumn);
            } else {
                listCommands(sub, name + " ", out);
            }
        }
    }
};

/// The subcommand chain the parser entered, to its last link: the command chosen, or the root
/// or a group when no command was named.
const CLI::App& deepestParsed(const CLI::App& root) {
    const CLI::App* app = &root;
    while (!app->get_subcommands().empty()) {
        app = app->get_subcommands().front();
    }
    return *app;
}

/// "metis-cli db stats" for subcommand stats of db.
std::string commandPath(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* parent = app.get_parent(); parent; parent = parent->get_parent()) {
        path = parent->get_name() + " " + path;
    }
    return path;
}

/// Where std::from_chars should start: it refuses the leading '+' that "+5" has, which the
/// strtol family (CLI11, and metis-cli before it) takes.
const char* afterPlus(const std::string& text) {
    return text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
}

std::string formatNumber(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

CommandLine::CommandLine()
    : formatter_(std::make_shared<HelpFormatter>()),
      root_("Metis: brain-metastasis segmentation and EGFR prediction, headless", "metis-cli") {
    // Set before any subcommand exists: subcommands copy these from their parent.
    root_.formatter(formatter_);
    root_.option_defaults()->always_capture_default();
    root_.require_subcommand(0, 1);
    // Options of the whole program (--password-file) are accepted after the command too.
    root_.fallthrough();
    root_.footer("`metis-cli COMMAND --help` (or `metis-cli help COMMAND`) describes a command "
                 "and its options.");
}

CLI::App& CommandLine::group(const std::string& name) {
    for (CLI::App* existing : root_.get_subcommands(
             [&name](const CLI::App* candidate) { return candidate->get_name() == name; })) {
        return *existing;
    }
    CLI::App* created = root_.add_subcommand(name);
    created->require_subcommand(0, 1);
    return *created;
}

CLI::App& CommandLine::add(const std::string& name, const std::string& summary,
                           std::function<int()> action) {
    const auto space = name.find(' ');
    CLI::App& parent = space == std::string::npos ? root_ : group(name.substr(0, space));
    CLI::App* app =
        parent.add_subcommand(space == std::string::npos ? name : name.substr(space + 1), summary);
    app->footer(""); // inherited from the root, where it tells how to reach this very help
    commands_.push_back({app, name, std::move(action)});
    return *app;
}

void CommandLine::addShortcut(const std::string& flag, const std::string& command) {
    const CLI::Option* option =
        root_.add_flag(flag)->description("the same as `metis-cli " + command + "`");
    shortcuts_.emplace_back(option, command);
}

const CommandLine::Command* CommandLine::find(const std::string& name) const {
    const auto it = std::find_if(commands_.begin(), commands_.end(),
                                 [&name](const Command& command) { return command.name == name; });
    return it == commands_.end() ? nullptr : &*it;
}

const CommandLine::Command* CommandLine::chosen(const CLI::App& deepest) const {
    for (const Command& command : commands_) {
        if (command.app == &deepest) {
            return &command;
        }
    }
    if (&deepest == &root_) {
        for (const auto& [flag, command] : shortcuts_) {
            if (flag->count() > 0) {
                return find(command);
            }
        }
    }
    return nullptr;
}

int CommandLine::usageError(const CLI::App& where, const std::string& message) const {
    const std::string path = commandPath(where);
    std::cerr << path << ": " << message << "\n"
              << formatter_->make_usage(&where, path) << "`" << path
              << " --help` lists the options.\n";
    return 2;
}

int CommandLine::run(int argc, const char* const* argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // `metis-cli help [COMMAND]` is `metis-cli [COMMAND] --help` (README's spelling).
    if (!args.empty() && args.front() == "help") {
        args.erase(args.begin());
        args.emplace_back("--help");
    }
    std::reverse(args.begin(), args.end()); // CLI11 takes the arguments last one first
    try {
        root_.parse(args);
    } catch (const CLI::CallForHelp&) {
        std::cout << root_.help();
        return 0;
    } catch (const CLI::ParseError& error) {
        const CLI::App& where = deepestParsed(root_);
        const auto extras = where.remaining();
        if (!chosen(where) && dynamic_cast<const CLI::ExtrasError*>(&error) && !extras.empty() &&
            extras.front().rfind('-', 0) != 0) {
            // A word where a command name belongs: list the names that fit there.
            std::cerr << commandPath(where) << ": unknown command '" << extras.front() << "'\n"
                      << (where.get_parent() ? where.help(commandPath(*where.get_parent()))
                                             : where.help());
            return 2;
        }
        return usageError(where, error.what());
    }

    const CLI::App& where = deepestParsed(root_);
    const Command* command = chosen(where);
    if (!command) {
        // `metis-cli` or `metis-cli db` alone: what could have followed.
        std::cerr << root_.help();
        return 2;
    }
    try {
        return command->run();
    } catch (const UsageError& error) {
        return usageError(*command->app, error.what());
    } catch (const std::exception& error) {
        std::cerr << "metis-cli " << command->name << ": error: " << error.what() << "\n";
        return 1;
    }
}

namespace {

CLI::Validator integerWithin(long long lowest, long long highest, const std::string& bound) {
    return CLI::Validator(
        [lowest, highest, bound](std::string& text) -> std::string {
            long long value = 0;
            const char* end = text.data() + text.size();
            const auto [next, error] = std::from_chars(afterPlus(text), end, value);
            if (error != std::errc() || next != end || value < lowest || value > highest) {
                return "expects an integer " + bound + ", got '" + text + "'";
            }
            text = std::to_string(value);
            return {};
        },
        bound);
}

} // namespace

CLI::Validator integerAtLeast(long long lowest) {
    return integerWithin(lowest, std::numeric_limits<long long>::max(),
                         ">= " + std::to_string(lowest));
}

CLI::Validator integerBetween(long long lowest, long long highest) {
    return integerWithin(lowest, highest,
                         "in [" + std::to_string(lowest) + ", " + std::to_string(highest) + "]");
}

CLI::Validator number(std::function<bool(double)> accept, const std::string& description) {
    return CLI::Validator(
        [accept, description](std::string& text) -> std::string {
            double value = 0.0;
            const char* end = text.data() + text.size();
            const auto [next, error] = std::from_chars(afterPlus(text), end, value);
            if (error != std::errc() || next != end || !std::isfinite(value) || !accept(value)) {
                return "expects a number " + description + ", got '" + text + "'";
            }
            return {};
        },
        description);
}

CLI::Validator numberAtLeast(double lowest) {
    return number([lowest](double value) { return value >= lowest; }, ">= " + formatNumber(lowest));
}

CLI::Validator isoDate() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const auto digits = [&text](std::size_t from, std::size_t count) {
                int value = 0;
                const char* first = text.data() + from;
                const auto [next, error] = std::from_chars(first, first + count, value);
                return error == std::errc() && next == first + count ? value : -1;
            };
            const bool ok = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                            digits(0, 4) >= 0 && digits(5, 2) >= 1 && digits(5, 2) <= 12 &&
                            digits(8, 2) >= 1 && digits(8, 2) <= 31;
            return ok ? std::string() : "expects a date YYYY-MM-DD, got '" + text + "'";
        },
        "");
}

} // namespace metis::cli
