#include "PasswordHash.h"

#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace metis::db::detail {
namespace {

constexpr std::uint64_t kCost = 1u << 15; // N
constexpr std::uint64_t kBlockSize = 8;   // r
constexpr std::uint64_t kParallelism = 1; // p
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Refuse stored parameters that would take more than this (a damaged or hostile row).
constexpr std::uint64_t kMaxMemoryBytes = 256ull << 20;

std::string hex(const std::vector<unsigned char>& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (const unsigned char b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 0xF];
    }
    return text;
}

bool unhex(const std::string& text, std::vector<unsigned char>& bytes) {
    if (text.size() % 2 != 0) {
        return false;
    }
    bytes.clear();
    for (std::size_t i = 0; i < text.size(); i += 2) {
        unsigned value = 0;
        for (const char c : text.substr(i, 2)) {
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= static_cast<unsigned>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<unsigned>(c - 'a' + 10);
            } else {
                return false;
            }
        }
        bytes.push_back(static_cast<unsigned char>(value));
    }
    return true;
}

bool derive(const std::string& password, const std::vector<unsigned char>& salt, std::uint64_t n,
            std::uint64_t r, std::uint64_t p, std::vector<unsigned char>& key) {
    return EVP_PBE_scrypt(password.data(), password.size(), salt.data(), salt.size(), n, r, p,
                          kMaxMemoryBytes, key.data(), key.size()) == 1;
}

} // namespace

std::string hashPassword(const std::string& password) {
    std::vector<unsigned char> salt(kSaltBytes), key(kKeyBytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1 ||
        !derive(password, salt, kCost, kBlockSize, kParallelism, key)) {
        throw std::runtime_error("cannot hash the password (OpenSSL scrypt failed)");
    }
    std::ostringstream text;
    text << "scrypt$" << kCost << "$" << kBlockSize << "$" << kParallelism << "$" << hex(salt)
         << "$" << hex(key);
    return text.str();
}

bool passwordMatchesHash(const std::string& password, const std::string& stored) {
    std::istringstream in(stored);
    std::string scheme, n, r, p, saltText, keyText;
    if (!std::getline(in, scheme, '$') || scheme != "scrypt" || !std::getline(in, n, '$') ||
        !std::getline(in, r, '$') || !std::getline(in, p, '$') ||
        !std::getline(in, saltText, '$') || !std::getline(in, keyText)) {
        return false;
    }
    std::vector<unsigned char> salt, expected;
    if (!unhex(saltText, salt) || !unhex(keyText, expected) || expected.empty()) {
        return false;
    }
    try {
        std::vector<unsigned char> key(expected.size());
        return derive(password, salt, std::stoull(n), std::stoull(r), std::stoull(p), key) &&
               CRYPTO_memcmp(key.data(), expected.data(), key.size()) == 0;
    } catch (const std::exception&) {
        return false; // parameters that are not numbers
    }
}

} // namespace metis::db::detail
