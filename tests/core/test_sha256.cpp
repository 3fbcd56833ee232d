#include "metis/core/Sha256.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace metis;

class TestSha256 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownVectors() {
        // FIPS 180-4 / NIST example vectors.
        QCOMPARE(sha256Hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    void incrementalEqualsOneShot() {
        const std::string text(1000003, 'a');
        Sha256 pieces;
        for (size_t at = 0; at < text.size(); at += 97) {
            pieces.update(std::string_view(text).substr(at, 97));
        }
        QCOMPARE(pieces.hexDigest(), sha256Hex(text));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void fileHashAndMissingFile() {
        QTemporaryDir dir;
        const auto path = dir.filePath("f.bin").toStdString();
        std::ofstream(path, std::ios::binary) << "abc";
        QCOMPARE(sha256OfFile(path), sha256Hex("abc"));
        try {
            sha256OfFile(dir.filePath("missing.bin").toStdString());
            QFAIL("expected an error");
        } catch (const std::runtime_error& e) {
            QVERIFY(std::string(e.what()).find("missing.bin") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "test_sha256.moc"
