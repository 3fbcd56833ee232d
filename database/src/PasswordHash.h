#pragma once
// Internal to metis_database: passwords kept as salted scrypt hashes (OpenSSL's implementation;
// RFC 7914), never as themselves.

#include <string>

namespace metis::db::detail {

/// "scrypt$N$r$p$<salt hex>$<key hex>" with a fresh random 16-byte salt; about 32 MiB and a
/// tenth of a second per hash, so that guessing offline is slow.
std::string hashPassword(const std::string& password);

/// True when `password` produces `stored` (compared in constant time); false for a stored text
/// that is not of the form above.
bool passwordMatchesHash(const std::string& password, const std::string& stored);

} // namespace metis::db::detail
