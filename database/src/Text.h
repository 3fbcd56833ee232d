#pragma once
// Small text helpers shared by the database sources.
#include <algorithm>
#include <cctype>
#include <string>

namespace metis::db::text {

inline std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// `text` without leading and trailing characters from `strip`.
inline std::string trim(const std::string& text, const char* strip = " \t\r\n") {
    const auto first = text.find_first_not_of(strip);
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(strip) - first + 1);
}

} // namespace metis::db::text
