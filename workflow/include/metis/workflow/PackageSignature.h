#pragma once
// Detached signatures of model packages (Ed25519, OpenSSL). A site physicist signs the packages
// they vouch for with their private key; the database trusts their public key; registration
// then takes only packages a trusted key signed. The signature covers metadata.json, which
// carries the weights' SHA-256, so weights edited together with their checksum are caught.

#include "metis/database/PatientDatabase.h"

#include <filesystem>
#include <string>
#include <vector>

namespace metis::workflow {

/// The signature's file inside a package.
inline constexpr const char* kPackageSignatureFile = "signature.txt";

struct SigningKeyPair {
    std::string privateKeyPem; ///< PKCS#8; keep it the signer's alone
    std::string publicKeyPem;  ///< SubjectPublicKeyInfo; give it to the site's admin
};

/// A new Ed25519 key pair.
SigningKeyPair generateSigningKey();

/// SHA-256 (hex) of the public key's DER encoding; throws std::invalid_argument for a text that
/// is not an Ed25519 public key.
std::string signingKeyFingerprint(const std::string& publicKeyPem);

/// Signs the package's metadata.json with `privateKeyPem` and writes kPackageSignatureFile
/// (replacing an earlier signature). Throws naming the file or the key problem.
void signModelPackage(const std::filesystem::path& package, const std::string& privateKeyPem);

enum class SignatureStatus {
    Unsigned,   ///< no signature file
    Valid,      ///< signed by a trusted key, and the signature holds
    UnknownKey, ///< signed by a key this site does not trust
    Invalid,    ///< the signature does not hold: the package changed after signing
};

struct SignatureCheck {
    SignatureStatus status = SignatureStatus::Unsigned;
    std::string keyName;     ///< the trusted key's name (Valid)
    std::string fingerprint; ///< the signing key's fingerprint (Valid, UnknownKey, Invalid)
    std::string problem;     ///< in words, for every status but Valid
};

SignatureCheck checkPackageSignature(const std::filesystem::path& package,
                                     const std::vector<db::SigningKey>& trusted);

} // namespace metis::workflow
