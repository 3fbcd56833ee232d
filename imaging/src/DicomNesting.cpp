#include "DicomNesting.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <limits>
#include <vector>

namespace metis::imaging::detail {
namespace {

constexpr std::uint32_t kUndefinedLength = 0xFFFFFFFFu;
constexpr std::uint64_t kOpenEnded = std::numeric_limits<std::uint64_t>::max();

enum class Encoding { ImplicitLittle, ExplicitLittle, ExplicitBig };

class ByteStream {
public:
    explicit ByteStream(const std::filesystem::path& file) : in_(file, std::ios::binary) {
        in_.seekg(0, std::ios::end);
        size_ = in_ ? static_cast<std::uint64_t>(in_.tellg()) : 0;
        in_.seekg(0);
    }
    std::uint64_t size() const { return size_; }
    std::uint64_t position() const { return position_; }
    bool read(void* into, std::uint64_t count) {
        if (count > size_ - position_) {
            return false;
        }
        in_.read(static_cast<char*>(into), static_cast<std::streamsize>(count));
        position_ += count;
        return static_cast<bool>(in_);
    }
    bool skip(std::uint64_t count) {
        if (count > size_ - position_) {
            return false;
        }
        position_ += count;
        in_.seekg(static_cast<std::streamoff>(position_));
        return static_cast<bool>(in_);
    }
    bool peek(void* into, std::uint64_t count) {
        const std::uint64_t at = position_;
        const bool ok = read(into, count);
        position_ = at;
        in_.clear();
        in_.seekg(static_cast<std::streamoff>(at));
        return ok;
    }

private:
    std::ifstream in_;
    std::uint64_t size_ = 0;
    std::uint64_t position_ = 0;
};

std::uint16_t read16(const std::uint8_t* b, bool big) {
    return big ? static_cast<std::uint16_t>(b[0] << 8 | b[1])
               : static_cast<std::uint16_t>(b[1] << 8 | b[0]);
}

std::uint32_t read32(const std::uint8_t* b, bool big) {
    return big ? (std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 |
                  b[3])
               : (std::uint32_t{b[3]} << 24 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[1]} << 8 |
                  b[0]);
}

// VRs whose explicit encoding has two reserved bytes and a 32-bit length.
bool hasLongLength(const char vr[2]) {
    static constexpr std::array<const char*, 13> kLong = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ",
                                                          "SV", "UC", "UN", "UR", "UT", "UV"};
    for (const char* candidate : kLong) {
        if (vr[0] == candidate[0] && vr[1] == candidate[1]) {
            return true;
        }
    }
    return false;
}

struct Container {
    std::uint64_t end; ///< kOpenEnded until its delimiter
    bool sequence;     ///< a sequence (else an item)
};

} // namespace

std::optional<std::string> excessiveNesting(const std::filesystem::path& file, int maxNesting) {
    ByteStream stream(file);
    Encoding encoding = Encoding::ImplicitLittle;
    std::array<std::uint8_t, 132> head{};
    if (stream.peek(head.data(), head.size()) && head[128] == 'D' && head[129] == 'I' &&
        head[130] == 'C' && head[131] == 'M') {
        // Part 10: the meta group in explicit little endian names the data set's encoding.
        stream.skip(132);
        encoding = Encoding::ExplicitLittle;
        std::string transferSyntax;
        std::array<std::uint8_t, 8> element{};
        while (stream.peek(element.data(), element.size()) && read16(element.data(), false) == 2) {
            stream.skip(8);
            const char vr[2] = {static_cast<char>(element[4]), static_cast<char>(element[5])};
            std::uint32_t length = read16(element.data() + 6, false);
            if (hasLongLength(vr)) {
                std::array<std::uint8_t, 4> longLength{};
                if (!stream.read(longLength.data(), 4)) {
                    return std::nullopt;
                }
                length = read32(longLength.data(), false);
            }
            if (read16(element.data() + 2, false) == 0x0010 && length < 128) {
                transferSyntax.resize(length);
                if (!stream.read(transferSyntax.data(), length)) {
                    return std::nullopt;
                }
            } else if (!stream.skip(length)) {
                return std::nullopt;
            }
        }
        while (!transferSyntax.empty() &&
               (transferSyntax.back() == '\0' || transferSyntax.back() == ' ')) {
            transferSyntax.pop_back();
        }
        if (transferSyntax == "1.2.840.10008.1.2") {
            encoding = Encoding::ImplicitLittle;
        } else if (transferSyntax == "1.2.840.10008.1.2.2") {
            encoding = Encoding::ExplicitBig;
        } else if (transferSyntax == "1.2.840.10008.1.2.1.99") {
            return std::nullopt; // deflated: DCMTK inflates it; not walked here
        }
    } else {
        // A raw data set: explicit when a VR's two capital letters follow the first tag.
        std::array<std::uint8_t, 6> start{};
        if (stream.peek(start.data(), start.size()) && start[4] >= 'A' && start[4] <= 'Z' &&
            start[5] >= 'A' && start[5] <= 'Z') {
            encoding = Encoding::ExplicitLittle;
        }
    }

    const bool big = encoding == Encoding::ExplicitBig;
    std::vector<Container> open;
    int nesting = 0;
    const auto closeFinished = [&] {
        while (!open.empty() && open.back().end <= stream.position()) {
            nesting -= open.back().sequence ? 1 : 0;
            open.pop_back();
        }
    };
    std::array<std::uint8_t, 8> header{};
    while (true) {
        closeFinished();
        if (!stream.read(header.data(), 8)) {
            return std::nullopt; // the end (or a truncated header)
        }
        const std::uint16_t group = read16(header.data(), big);
        const std::uint16_t element = read16(header.data() + 2, big);
        if (group == 0xFFFE) {
            const std::uint32_t length = read32(header.data() + 4, big);
            if (element == 0xE000) {
                open.push_back(
                    {length == kUndefinedLength ? kOpenEnded : stream.position() + length, false});
            } else if (element == 0xE00D) { // end of an item of undefined length
                if (!open.empty() && !open.back().sequence) {
                    open.pop_back();
                }
            } else if (element == 0xE0DD) { // end of a sequence of undefined length
                while (!open.empty() && !open.back().sequence) {
                    open.pop_back();
                }
                if (!open.empty()) {
                    --nesting;
                    open.pop_back();
                }
            } else {
                return std::nullopt;
            }
            continue;
        }
        std::uint32_t length = 0;
        bool sequence = false;
        if (encoding == Encoding::ImplicitLittle) {
            length = read32(header.data() + 4, false);
        } else {
            const char vr[2] = {static_cast<char>(header[4]), static_cast<char>(header[5])};
            length = read16(header.data() + 6, big);
            if (hasLongLength(vr)) {
                std::array<std::uint8_t, 4> longLength{};
                if (!stream.read(longLength.data(), 4)) {
                    return std::nullopt;
                }
                length = read32(longLength.data(), big);
            }
            sequence = vr[0] == 'S' && vr[1] == 'Q';
        }
        if (!sequence && length != kUndefinedLength && length >= 8) {
            // A value that begins with an item is parsed as a sequence by DCMTK (implicit VR
            // SQ, or UN holding one): count it as one.
            std::array<std::uint8_t, 4> first{};
            if (stream.peek(first.data(), 4) && read16(first.data(), big) == 0xFFFE &&
                read16(first.data() + 2, big) == 0xE000) {
                sequence = true;
            }
        }
        if (sequence || length == kUndefinedLength) {
            if (++nesting > maxNesting) {
                return "sequences nested more than " + std::to_string(maxNesting) +
                       " deep (at byte " + std::to_string(stream.position()) +
                       "): not a real image or structure set; refused before parsing";
            }
            open.push_back(
                {length == kUndefinedLength ? kOpenEnded : stream.position() + length, true});
        } else if (!stream.skip(length)) {
            return std::nullopt; // truncated value: DCMTK reports it
        }
    }
}

} // namespace metis::imaging::detail
