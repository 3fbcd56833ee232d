#include "metis/core/Text.h"

#include <cstdint>

namespace metis {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Decodes one UTF-8 sequence at `at`; returns its length, or 0 when it is malformed.
std::size_t decodeOne(std::string_view text, std::size_t at, char32_t& code) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        code = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2, code = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (at + length > text.size()) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            return 0;
        }
        code = (code << 6) | (byte(i) & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return 0;
    }
    return length;
}

bool mustNotAct(char32_t code) {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

} // namespace

bool isValidUtf8(std::string_view text) {
    char32_t code = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = decodeOne(text, at, code);
        if (length == 0) {
            return false;
        }
        at += length;
    }
    return true;
}

std::string latin1ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out.push_back(c);
        } else {
            out.push_back(static_cast<char>(0xC0 | (byte >> 6)));
            out.push_back(static_cast<char>(0x80 | (byte & 0x3F)));
        }
    }
    return out;
}

std::string displayableText(std::string_view text) {
    const std::string utf8 = isValidUtf8(text) ? std::string(text) : latin1ToUtf8(text);
    std::string out;
    out.reserve(utf8.size());
    char32_t code = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t length = decodeOne(utf8, at, code);
        if (mustNotAct(code)) {
            out += kReplacement;
        } else {
            out.append(utf8, at, length);
        }
        at += length;
    }
    return out;
}

} // namespace metis
