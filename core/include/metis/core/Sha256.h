#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace metis {

/// SHA-256 (FIPS 180-4), incremental. Used for content-derived storage names, model package
/// checksums and the audit log's hash chain.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    /// Finishes and returns the lowercase hex digest; the object must not be updated afterwards.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

std::string sha256Hex(std::string_view data);
/// Hash of a file's bytes; throws std::runtime_error naming the file when it cannot be read.
std::string sha256OfFile(const std::string& path);

} // namespace metis
