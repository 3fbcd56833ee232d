// metis-cli model keygen | sign | trust-key | keys: model package signatures, through the same
// workflow calls the registration checks them with.
#include "CommandLine.h"
#include "DatabaseOption.h"
#include "SignedInUser.h"
#include "metis/workflow/PackageSignature.h"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace metis::cli {
namespace {
namespace fs = std::filesystem;

std::string readText(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct KeygenOptions {
    std::string out;
};

int runKeygen(const KeygenOptions& options) {
    fs::create_directories(options.out);
    const fs::path privatePath = fs::path(options.out) / "signing-key.pem";
    const fs::path publicPath = fs::path(options.out) / "signing-key.pub.pem";
    if (fs::exists(privatePath)) {
        throw std::runtime_error(privatePath.string() + " exists; it is not overwritten");
    }
    const workflow::SigningKeyPair pair = workflow::generateSigningKey();
    {
        // The private key is its owner's alone from the moment it exists.
        const int fd = ::open(privatePath.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 || ::write(fd, pair.privateKeyPem.data(), pair.privateKeyPem.size()) !=
                          static_cast<ssize_t>(pair.privateKeyPem.size())) {
            throw std::runtime_error("cannot write " + privatePath.string());
        }
        ::close(fd);
    }
    std::ofstream(publicPath) << pair.publicKeyPem;
    std::cout << "private key " << privatePath.string() << " (keep it yours alone)\npublic key "
              << publicPath.string() << " (give it to the site's admin: metis-cli model trust-key)"
              << "\nfingerprint " << workflow::signingKeyFingerprint(pair.publicKeyPem) << "\n";
    return 0;
}

struct SignOptions {
    std::string package;
    std::string key;
};

int runSign(const SignOptions& options) {
    workflow::signModelPackage(options.package, readText(options.key));
    std::cout << "signed " << options.package << " ("
              << (fs::path(options.package) / workflow::kPackageSignatureFile).string() << ")\n";
    return 0;
}

struct TrustOptions {
    std::string database;
    std::string user;
    std::string name;
    std::string publicKey;
};

int runTrust(const TrustOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const db::User admin = signedInUser(database, options.user);
    const std::string pem = readText(options.publicKey);
    const std::string fingerprint = workflow::signingKeyFingerprint(pem);
    database.trustSigningKey(admin, options.name, fingerprint, pem);
    std::cout << "trusted " << options.name << " (" << fingerprint
              << "): only packages signed by a trusted key are registered from now on\n";
    return 0;
}

struct KeysOptions {
    std::string database;
};

int runKeys(const KeysOptions& options) {
    db::PatientDatabase database(options.database, db::OpenMode::Existing);
    const auto keys = database.signingKeys();
    for (const auto& key : keys) {
        std::cout << key.name << "  " << key.fingerprint << "  added by " << key.addedBy << " "
                  << key.addedAt << "\n";
    }
    if (keys.empty()) {
        std::cout << "no trusted signing keys: unsigned packages are registered\n";
    }
    return 0;
}

} // namespace

void registerPackageSigningCommands(CommandLine& commands) {
    auto [keygen, keygenOptions] = commands.add(
        "model keygen", "make an Ed25519 key pair for signing model packages", runKeygen);
    keygen.add_option("--out", keygenOptions.out, "folder for signing-key.pem and .pub.pem")
        ->required()
        ->type_name("DIR");

    auto [sign, signOptions] = commands.add(
        "model sign", "sign a model package (its metadata, which holds the weights' SHA-256)",
        runSign);
    sign.add_option("PACKAGE", signOptions.package, "the model package folder")->required();
    sign.add_option("--key", signOptions.key, "the private key (PEM)")
        ->required()
        ->type_name("FILE");

    auto [trust, trustOptions] = commands.add(
        "model trust-key", "trust a public key for package signatures (admin; audited)", runTrust);
    addDatabaseOption(trust, trustOptions.database);
    trust.add_option("--user", trustOptions.user, "the admin")->required()->type_name("NAME");
    trust.add_option("NAME", trustOptions.name, "whose key, e.g. 'site physicist'")->required();
    trust.add_option("--public-key", trustOptions.publicKey, "the public key (PEM)")
        ->required()
        ->type_name("FILE");

    auto [keys, keysOptions] =
        commands.add("model keys", "the keys trusted to sign model packages", runKeys);
    addDatabaseOption(keys, keysOptions.database);
}

} // namespace metis::cli
