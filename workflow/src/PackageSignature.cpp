#include "metis/workflow/PackageSignature.h"

#include "metis/core/ByteCodec.h"
#include "metis/core/Sha256.h"
#include "metis/models/ModelPackage.h"

#include <fstream>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sstream>
#include <stdexcept>

namespace metis::workflow {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSignatureHeader = "metis package signature 1";

struct KeyDeleter {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct BioDeleter {
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct ContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;
using Context = std::unique_ptr<EVP_MD_CTX, ContextDeleter>;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path.string());
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

Key publicKey(const std::string& pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Key key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
        throw std::invalid_argument("not an Ed25519 public key (PEM)");
    }
    return key;
}

Key privateKey(const std::string& pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Key key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
        throw std::invalid_argument("not an Ed25519 private key (PEM)");
    }
    return key;
}

std::string fingerprintOf(EVP_PKEY* key) {
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0) {
        throw std::runtime_error("cannot encode the public key");
    }
    const std::string digest = sha256Hex(std::string_view(reinterpret_cast<char*>(der), size));
    OPENSSL_free(der);
    return digest;
}

} // namespace

SigningKeyPair generateSigningKey() {
    Key key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    Bio privateBio(BIO_new(BIO_s_mem()));
    Bio publicBio(BIO_new(BIO_s_mem()));
    if (!key || !privateBio || !publicBio ||
        PEM_write_bio_PrivateKey(privateBio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                 nullptr) != 1 ||
        PEM_write_bio_PUBKEY(publicBio.get(), key.get()) != 1) {
        throw std::runtime_error("cannot generate an Ed25519 key (OpenSSL)");
    }
    return {bioText(privateBio.get()), bioText(publicBio.get())};
}

std::string signingKeyFingerprint(const std::string& publicKeyPem) {
    return fingerprintOf(publicKey(publicKeyPem).get());
}

void signModelPackage(const fs::path& package, const std::string& privateKeyPem) {
    const Key key = privateKey(privateKeyPem);
    const std::string message = readFile(package / models::kModelPackageMetadataFile);
    Context context(EVP_MD_CTX_new());
    std::size_t size = 64;
    unsigned char signature[64];
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), signature, &size,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1) {
        throw std::runtime_error("cannot sign " + package.string() + " (OpenSSL)");
    }
    const fs::path file = package / kPackageSignatureFile;
    std::ofstream out(file, std::ios::trunc);
    out << kSignatureHeader << "\nkey " << fingerprintOf(key.get()) << "\ned25519 "
        << toHex(std::string_view(reinterpret_cast<const char*>(signature), size)) << "\n";
    if (!out.flush()) {
        throw std::runtime_error("cannot write " + file.string());
    }
}

SignatureCheck checkPackageSignature(const fs::path& package,
                                     const std::vector<db::SigningKey>& trusted) {
    SignatureCheck check;
    const fs::path file = package / kPackageSignatureFile;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        check.problem = package.string() + " is not signed";
        return check;
    }
    std::ifstream in(file);
    std::string header, keyWord, algorithm, signatureHex;
    std::getline(in, header);
    in >> keyWord >> check.fingerprint >> algorithm >> signatureHex;
    const std::optional<std::string> decoded = fromHex(signatureHex);
    if (header != kSignatureHeader || keyWord != "key" || algorithm != "ed25519" || !decoded ||
        decoded->size() != 64) {
        check.status = SignatureStatus::Invalid;
        check.problem = file.string() + " is not a Metis package signature";
        return check;
    }
    const db::SigningKey* signer = nullptr;
    for (const db::SigningKey& key : trusted) {
        if (key.fingerprint == check.fingerprint) {
            signer = &key;
        }
    }
    if (!signer) {
        check.status = SignatureStatus::UnknownKey;
        check.problem = package.string() + " is signed by a key this site does not trust (" +
                        check.fingerprint.substr(0, 16) + "...)";
        return check;
    }
    const std::string& signature = *decoded;
    const Key key = publicKey(signer->publicKeyPem);
    const std::string message = readFile(package / models::kModelPackageMetadataFile);
    Context context(EVP_MD_CTX_new());
    const bool holds =
        context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                         message.size()) == 1;
    if (!holds) {
        check.status = SignatureStatus::Invalid;
        check.problem = package.string() + ": the signature by " + signer->name +
                        " does not hold (the package changed after it was signed)";
        return check;
    }
    check.status = SignatureStatus::Valid;
    check.keyName = signer->name;
    return check;
}

} // namespace metis::workflow
