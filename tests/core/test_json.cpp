#include "metis/core/Json.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <stdexcept>

using namespace metis;

class TestJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesNestedDocument() {
        JsonWriter json;
        json.beginObject()
            .field("name", "lesion")
            .field("count", 3)
            .field("ok", true)
            .field("dice", 0.5);
        json.key("ids").beginArray().value(1).value(2).endArray();
        json.key("empty").beginObject().endObject();
        json.endObject();
        QCOMPARE(json.str(), std::string(R"({"name":"lesion","count":3,"ok":true,"dice":0.5,)"
                                         R"("ids":[1,2],"empty":{}})"));
    }

    void escapesStrings() {
        QCOMPARE(jsonQuote("a\"b\\c\n\t\x01/é"), std::string("\"a\\\"b\\\\c\\n\\t\\u0001/é\""));
    }

    void nonFiniteNumbersBecomeNull() {
        JsonWriter json;
        json.beginArray()
            .value(std::numeric_limits<double>::quiet_NaN())
            .value(std::numeric_limits<double>::infinity())
            .value(-std::numeric_limits<double>::infinity())
            .value(0.1)
            .endArray();
        QCOMPARE(json.str(), std::string("[null,null,null,0.1]"));
    }

    void numbersRoundTrip() {
        const double value = 1.0 / 3.0;
        JsonWriter json;
        json.value(value);
        QCOMPARE(std::stod(json.str()), value);
    }

    void misuseThrows() {
        JsonWriter valueWithoutKey;
        valueWithoutKey.beginObject();
        QVERIFY_THROWS_EXCEPTION(std::logic_error, valueWithoutKey.value(1));
        JsonWriter unbalanced;
        unbalanced.beginArray();
        QVERIFY_THROWS_EXCEPTION(std::logic_error, unbalanced.endObject());
        QVERIFY_THROWS_EXCEPTION(std::logic_error, unbalanced.str());
        JsonWriter twoRoots;
        twoRoots.value(1);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, twoRoots.value(2));
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "test_json.moc"
