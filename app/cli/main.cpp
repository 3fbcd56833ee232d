// metis-cli: the headless entry point. Every command is a function of its parsed options; the
// families registered here decide which commands exist in this build.
#include "CommandLine.h"

#include <sys/stat.h>

int main(int argc, char** argv) {
    using namespace metis::cli;
    // Everything this process writes (databases, stored files, exports, reports, training data)
    // may hold patient data: the owner's alone.
    ::umask(077);
    CommandLine commands;
    registerSystemCommands(commands);
    registerModelCommands(commands);
    registerTrainingCommands(commands);
#ifdef METIS_CLI_FULL
    registerRtStructCommands(commands);
    registerImagingCommands(commands);
    registerDatabaseCommands(commands);
    registerNetworkCommands(commands);
    registerUserCommands(commands);
    registerPackageSigningCommands(commands);
    registerMetricsCommands(commands);
    registerPhantomCommands(commands);
#endif
    return commands.run(argc, argv);
}
