#include "PasswordHash.h"

#include "metis/core/ByteCodec.h"

#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sstream>
#include <stdexcept>

namespace metis::db::detail {
namespace {

constexpr std::uint64_t kCost = 1u << 15; // N
constexpr std::uint64_t kBlockSize = 8;   // r
constexpr std::uint64_t kParallelism = 1; // p
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Refuse stored parameters that would take more than this (a damaged or hostile row).
constexpr std::uint64_t kMaxMemoryBytes = 256ull << 20;

bool derive(const std::string& password, const std::string& salt, std::uint64_t n, std::uint64_t r,
            std::uint64_t p, std::string& key) {
    return EVP_PBE_scrypt(password.data(), password.size(),
                          reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n, r, p,
                          kMaxMemoryBytes, reinterpret_cast<unsigned char*>(key.data()),
                          key.size()) == 1;
}

} // namespace

std::string hashPassword(const std::string& password) {
    std::string salt(kSaltBytes, '\0'), key(kKeyBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(salt.size())) !=
            1 ||
        !derive(password, salt, kCost, kBlockSize, kParallelism, key)) {
        throw std::runtime_error("cannot hash the password (OpenSSL scrypt failed)");
    }
    std::ostringstream text;
    text << "scrypt$" << kCost << "$" << kBlockSize << "$" << kParallelism << "$" << toHex(salt)
         << "$" << toHex(key);
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
    const auto salt = fromHex(saltText);
    const auto expected = fromHex(keyText);
    if (!salt || !expected || expected->empty()) {
        return false;
    }
    try {
        std::string key(expected->size(), '\0');
        return derive(password, *salt, std::stoull(n), std::stoull(r), std::stoull(p), key) &&
               CRYPTO_memcmp(key.data(), expected->data(), key.size()) == 0;
    } catch (const std::exception&) {
        return false; // parameters that are not numbers
    }
}

} // namespace metis::db::detail
