#include "metis/database/SqliteDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace metis::db;

class TestSqlite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensFileInWalModeWithForeignKeys() {
        QTemporaryDir dir;
        SqliteDatabase db(dir.filePath("metis.db").toStdString());
        QCOMPARE(db.scalar("PRAGMA journal_mode"), std::optional<SqlValue>(std::string("wal")));
        QCOMPARE(db.scalar("PRAGMA foreign_keys"), std::optional<SqlValue>(std::int64_t{1}));
    }

    void uncommittedTransactionRollsBack() {
        QTemporaryDir dir;
        const auto path = dir.filePath("metis.db").toStdString();
        SqliteDatabase db(path);
        db.execute("CREATE TABLE patient(id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        try {
            Transaction tx(db);
            db.prepare("INSERT INTO patient(name) VALUES (?)").bind(1, std::string("A")).step();
            throw std::runtime_error("interrupted");
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(db.scalar("SELECT count(*) FROM patient"),
                 std::optional<SqlValue>(std::int64_t{0}));
        {
            Transaction tx(db);
            auto insert = db.prepare("INSERT INTO patient(name) VALUES (?)");
            for (const char* name : {"A", "B"}) {
                insert.bind(1, std::string(name)).step();
                insert.reset();
            }
            tx.commit();
        }
        SqliteDatabase reopened(path);
        QCOMPARE(reopened.scalar("SELECT group_concat(name) FROM patient"),
                 std::optional<SqlValue>(std::string("A,B")));
    }

    void foreignKeysAreEnforced() {
        SqliteDatabase db(":memory:");
        db.execute(
            "CREATE TABLE a(id INTEGER PRIMARY KEY);"
            "CREATE TABLE b(id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id))");
        QVERIFY_THROWS_EXCEPTION(DatabaseError, db.execute("INSERT INTO b(a_id) VALUES (7)"));
    }

    void errorsNameTheDatabaseFile() {
        QTemporaryDir dir;
        const auto path = dir.filePath("named.db").toStdString();
        SqliteDatabase db(path);
        try {
            db.execute("SELECT * FROM missing_table");
            QFAIL("expected an error");
        } catch (const DatabaseError& e) {
            QVERIFY2(std::string(e.what()).find("named.db") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("missing_table") != std::string::npos, e.what());
        }
    }

    void unopenableFileIsAClearError() {
        QVERIFY_THROWS_EXCEPTION(DatabaseError, SqliteDatabase("/nonexistent-dir/x/metis.db"));
    }
};

QTEST_GUILESS_MAIN(TestSqlite)
#include "test_sqlite.moc"
