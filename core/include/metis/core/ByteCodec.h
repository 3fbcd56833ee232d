#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace metis {

// Little-endian binary records (label-edit deltas, the edit journal): the same bytes on every
// machine, whatever its own byte order.

/// Bytes as lowercase hexadecimal text, two digits a byte.
inline std::string toHex(std::string_view bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        text += digits[b >> 4];
        text += digits[b & 0xF];
    }
    return text;
}

/// The bytes of lowercase hexadecimal text; nothing when it is not (odd length, another
/// character).
inline std::optional<std::string> fromHex(std::string_view text) {
    if (text.size() % 2 != 0) {
        return std::nullopt;
    }
    const auto nibble = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    std::string bytes;
    bytes.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int high = nibble(text[i]), low = nibble(text[i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        bytes.push_back(static_cast<char>(high * 16 + low));
    }
    return bytes;
}

/// Appends `value` (an integer type) in little-endian byte order.
template <typename T> void appendLittleEndian(std::string& out, T value) {
    for (std::size_t b = 0; b < sizeof(T); ++b) {
        out.push_back(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * b)) & 0xff));
    }
}

/// Appends a text as its 32-bit length, then its bytes.
inline void appendLengthPrefixed(std::string& out, const std::string& text) {
    appendLittleEndian<std::uint32_t>(out, static_cast<std::uint32_t>(text.size()));
    out += text;
}

/// Reads what the append functions wrote; throws std::invalid_argument ("<what>: the record is
/// truncated") when the bytes run out.
class ByteReader {
public:
    ByteReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}

    template <typename T> T get() {
        if (bytes_.size() - position_ < sizeof(T)) {
            truncated();
        }
        std::uint64_t value = 0;
        for (std::size_t b = 0; b < sizeof(T); ++b) {
            value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[position_ + b]))
                     << (8 * b);
        }
        position_ += sizeof(T);
        return static_cast<T>(value);
    }
    std::string lengthPrefixed() {
        const auto length = get<std::uint32_t>();
        if (bytes_.size() - position_ < length) {
            truncated();
        }
        std::string text(bytes_.substr(position_, length));
        position_ += length;
        return text;
    }
    /// The bytes not read yet (all of them consumed).
    std::string_view rest() {
        const std::string_view value = bytes_.substr(position_);
        position_ = bytes_.size();
        return value;
    }
    bool atEnd() const { return position_ == bytes_.size(); }

private:
    [[noreturn]] void truncated() const {
        throw std::invalid_argument(what_ + ": the record is truncated");
    }

    std::string_view bytes_;
    std::string what_;
    std::size_t position_ = 0;
};

} // namespace metis
