#pragma once
// Text from outside Metis (DICOM attributes, a PACS's answers, CSV cells) made safe to store,
// show, write as JSON and print on a terminal: valid UTF-8 without control characters.

#include <string>
#include <string_view>

namespace metis {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view text);

/// ISO 8859-1 bytes as UTF-8 (every byte is a character: the conversion cannot fail or merge two
/// different texts).
std::string latin1ToUtf8(std::string_view bytes);

/// `text` as UTF-8 when it is valid UTF-8, else read as ISO 8859-1 (the usual encoding of text
/// that does not say its own), then with every control character (C0 including NUL and ESC,
/// DEL, C1) and every bidirectional override or isolate replaced by U+FFFD: a terminal escape
/// sequence or a right-to-left override in a patient's name is shown as what it is instead of
/// acting.
std::string displayableText(std::string_view text);

} // namespace metis
