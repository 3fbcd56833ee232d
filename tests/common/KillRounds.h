#pragma once
// Rounds of a SIGKILL campaign: $METIS_KILL_ROUNDS, default 100 (what the hardening issue asks
// of every writing path). The sanitizer run asks for fewer: the same paths, instrumented.

#include <cstdlib>
#include <string>

namespace test_tools {

inline int killRounds() {
    const char* text = std::getenv("METIS_KILL_ROUNDS");
    if (text) {
        try {
            const int rounds = std::stoi(text);
            if (rounds > 0) {
                return rounds;
            }
        } catch (const std::exception&) {
        }
    }
    return 100;
}

} // namespace test_tools
