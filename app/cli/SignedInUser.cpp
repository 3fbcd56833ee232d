#include "SignedInUser.h"

#include "metis/workflow/SignIn.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <termios.h>
#include <unistd.h>

namespace metis::cli {
namespace {

std::string& passwordFile() {
    static std::string file;
    return file;
}

// Asked on the terminal with echo off, as passwd and ssh ask.
std::string passwordFromTerminal(const std::string& username) {
    std::cerr << "Password for " << username << ": " << std::flush;
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    std::cerr << "\n";
    return password;
}

} // namespace

// The file should be the owner's alone, as an SSH key is.
std::string passwordFromFile(const std::string& path) {
    std::ifstream in(path);
    std::string password;
    if (!in || !std::getline(in, password)) {
        throw std::runtime_error("cannot read a password from " + path);
    }
    if (!password.empty() && password.back() == '\r') {
        password.pop_back();
    }
    return password;
}

void addPasswordFileOption(CLI::App& root) {
    root.add_option("--password-file", passwordFile(),
                    "sign in with the password in the first line of FILE (scripts; without it "
                    "a user bound to this OS account needs none, others are asked)")
        ->type_name("FILE");
}

db::User signedInUser(db::PatientDatabase& database, const std::string& username) {
    std::optional<std::string> password;
    if (!passwordFile().empty()) {
        password = passwordFromFile(passwordFile());
    } else if (isatty(STDIN_FILENO) &&
               database.credentials(username).osAccount != db::currentOsAccount()) {
        password = passwordFromTerminal(username);
    }
    return workflow::signIn(database, username, password);
}

} // namespace metis::cli
