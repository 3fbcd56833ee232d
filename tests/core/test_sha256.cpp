#include "TempDir.h"
#include "metis/core/Sha256.h"

#include <fstream>
#include <gtest/gtest.h>
#include <stdexcept>
#include <string>
#include <string_view>

using namespace metis;

TEST(CoreSha256, knownVectors) {
    // FIPS 180-4 / NIST example vectors.
    ASSERT_EQ(sha256Hex(""),
              std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    ASSERT_EQ(sha256Hex("abc"),
              std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    ASSERT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

TEST(CoreSha256, incrementalEqualsOneShot) {
    const std::string text(1000003, 'a');
    Sha256 pieces;
    for (size_t at = 0; at < text.size(); at += 97) {
        pieces.update(std::string_view(text).substr(at, 97));
    }
    ASSERT_EQ(pieces.hexDigest(), sha256Hex(text));
    ASSERT_EQ(sha256Hex(std::string(1000000, 'a')),
              std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

TEST(CoreSha256, fileHashAndMissingFile) {
    test_tools::TempDir dir;
    const auto path = dir.filePath("f.bin");
    std::ofstream(path, std::ios::binary) << "abc";
    ASSERT_EQ(sha256OfFile(path), sha256Hex("abc"));
    try {
        sha256OfFile(dir.filePath("missing.bin"));
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        ASSERT_TRUE(std::string(e.what()).find("missing.bin") != std::string::npos);
    }
}
