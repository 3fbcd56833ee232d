// metis-cli: the headless entry point. Every command is a function of its arguments; the
// table decides which exist in this build.
#include "CommandLine.h"

#include <algorithm>
#include <iostream>

namespace {

void printHelp(const metis::cli::CommandTable& table) {
    std::cout << "usage: metis-cli COMMAND [ARGS...]\n       metis-cli --version\n\ncommands:\n";
    for (const auto& command : table) {
        std::cout << "  " << command.name << (command.usage.empty() ? "" : " ") << command.usage
                  << "\n      " << command.summary << "\n";
    }
}

} // namespace

int main(int argc, char** argv) {
    using namespace metis::cli;
    CommandTable table;
    registerSystemCommands(table);
    registerModelCommands(table);
    registerTrainingCommands(table);
#ifdef METIS_CLI_FULL
    registerRtStructCommands(table);
#endif
#ifdef METIS_CLI_FULL
    registerImagingCommands(table);
    registerDatabaseCommands(table);
    registerMetricsCommands(table);
    registerPhantomCommands(table);
#endif

    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp(table);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        args[0] = "version";
    }

    // The longest command name that matches the leading words wins ("db stats" over "db").
    const Command* chosen = nullptr;
    size_t words = 0;
    for (const auto& command : table) {
        std::string joined;
        for (size_t n = 0; n < args.size(); ++n) {
            joined += (n ? " " : "") + args[n];
            if (joined == command.name && n + 1 > words) {
                chosen = &command;
                words = n + 1;
            }
        }
    }
    if (!chosen) {
        std::cerr << "metis-cli: unknown command '" << args[0] << "'\n";
        printHelp(table);
        return 2;
    }
    const std::vector<std::string> rest(args.begin() + static_cast<long>(words), args.end());
    if (std::find_if(rest.begin(), rest.end(), [](const std::string& arg) {
            return arg == "--help" || arg == "-h";
        }) != rest.end()) {
        std::cout << "usage: metis-cli " << chosen->name << (chosen->usage.empty() ? "" : " ")
                  << chosen->usage << "\n"
                  << chosen->summary << "\n";
        return 0;
    }
    try {
        Arguments arguments(rest, chosen->valueOptions, chosen->flags);
        return chosen->run(arguments);
    } catch (const UsageError& e) {
        std::cerr << "metis-cli " << chosen->name << ": " << e.what() << "\nusage: metis-cli "
                  << chosen->name << " " << chosen->usage << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "metis-cli " << chosen->name << ": error: " << e.what() << "\n";
        return 1;
    }
}
