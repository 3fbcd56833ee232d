#include "metis/core/Json.h"

#include <clocale>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <stdexcept>
#include <string>

using namespace metis;

TEST(CoreJson, writesNestedDocument) {
    JsonWriter json;
    json.beginObject()
        .field("name", "lesion")
        .field("count", 3)
        .field("ok", true)
        .field("dice", 0.5);
    json.key("ids").beginArray().value(1).value(2).endArray();
    json.key("empty").beginObject().endObject();
    json.endObject();
    ASSERT_EQ(json.str(), std::string(R"({"name":"lesion","count":3,"ok":true,"dice":0.5,)"
                                      R"("ids":[1,2],"empty":{}})"));
}

TEST(CoreJson, escapesStrings) {
    ASSERT_EQ(jsonQuote("a\"b\\c\n\t\x01/é"), std::string("\"a\\\"b\\\\c\\n\\t\\u0001/é\""));
}

// JSON is UTF-8: a Latin-1 byte from a file name or an old database row is decoded, and the
// document stays readable by any JSON parser.
TEST(CoreJson, textThatIsNotUtf8IsReadAsLatin1) {
    ASSERT_EQ(jsonQuote("M\xFCller"), std::string("\"M\xC3\xBCller\""));
    ASSERT_EQ(jsonQuote("M\xC3\xBCller\x1b"), std::string("\"M\xC3\xBCller\\u001b\""));
}

TEST(CoreJson, nonFiniteNumbersBecomeNull) {
    JsonWriter json;
    json.beginArray()
        .value(std::numeric_limits<double>::quiet_NaN())
        .value(std::numeric_limits<double>::infinity())
        .value(-std::numeric_limits<double>::infinity())
        .value(0.1)
        .endArray();
    ASSERT_EQ(json.str(), std::string("[null,null,null,0.1]"));
}

TEST(CoreJson, numbersRoundTrip) {
    const double value = 1.0 / 3.0;
    JsonWriter json;
    json.value(value);
    ASSERT_DOUBLE_EQ(std::stod(json.str()), value);
}

TEST(CoreJson, misuseThrows) {
    JsonWriter valueWithoutKey;
    valueWithoutKey.beginObject();
    ASSERT_THROW(valueWithoutKey.value(1), std::logic_error);
    JsonWriter unbalanced;
    unbalanced.beginArray();
    ASSERT_THROW(unbalanced.endObject(), std::logic_error);
    ASSERT_THROW(unbalanced.str(), std::logic_error);
    JsonWriter twoRoots;
    twoRoots.value(1);
    ASSERT_THROW(twoRoots.value(2), std::logic_error);
}

TEST(CoreJson, readsWhatItWrites) {
    JsonWriter json;
    json.beginObject().field("name", "GTV \"1\"\n").field("volume_ml", 0.125).field("n", -3);
    json.key("centre").beginArray().value(1.5).value(-2.25).value(1e-3).endArray();
    json.key("ok").value(true).key("none").nullValue().endObject();
    const JsonValue document = parseJson(json.str(), "test");
    ASSERT_EQ(document.at("name", "test").asString("name"), std::string("GTV \"1\"\n"));
    ASSERT_DOUBLE_EQ(document.at("volume_ml", "test").asNumber("volume_ml"), 0.125);
    ASSERT_EQ(document.at("n", "test").asInteger("n", -10, 10), -3);
    const auto& centre = document.at("centre", "test").asArray("centre");
    ASSERT_EQ(centre.size(), 3u);
    ASSERT_DOUBLE_EQ(centre[1].asNumber("centre"), -2.25);
    ASSERT_DOUBLE_EQ(centre[2].asNumber("centre"), 1e-3);
    ASSERT_TRUE(document.at("ok", "test").asBoolean("ok"));
    ASSERT_TRUE(document.at("none", "test").isNull());
    ASSERT_EQ(document.find("absent"), nullptr);
}

TEST(CoreJson, errorsNameTheOriginAndOffset) {
    try {
        parseJson(R"({"a": [1, 2,, 3]})", "metadata.json");
        FAIL() << "a malformed document must throw";
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        ASSERT_NE(message.find("metadata.json"), std::string::npos) << message;
        ASSERT_NE(message.find("offset"), std::string::npos) << message;
    }
    const JsonValue number = parseJson("42", "x");
    ASSERT_THROW(number.asString("field"), std::runtime_error);
    ASSERT_THROW(parseJson(std::string(1000, '[') + std::string(1000, ']'), "deep"),
                 std::runtime_error);
}

// Qt sets the process locale from the environment; under de_DE strtod-style parsing reads
// "1.5" as 1 and printf-style writing gives "1,5". Reader and writer must not care.
TEST(CoreJson, numbersAreLocaleIndependent) {
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    ASSERT_NE(std::setlocale(LC_ALL, "de_DE.UTF-8"), nullptr)
        << "the de_DE.UTF-8 locale is missing (scripts/install-deps.sh generates it)";
    JsonWriter json;
    json.beginArray().value(1.5).value(-0.25).value(1234.5678).endArray();
    const std::string text = json.str();
    const JsonValue parsed = parseJson(R"([1.5, -0.25, 1234.5678, 2.5e-3])", "de_DE");
    std::setlocale(LC_ALL, previous.c_str());
    ASSERT_EQ(text, std::string("[1.5,-0.25,1234.5678]"));
    const auto& numbers = parsed.asArray("numbers");
    ASSERT_DOUBLE_EQ(numbers[0].asNumber("n"), 1.5);
    ASSERT_DOUBLE_EQ(numbers[1].asNumber("n"), -0.25);
    ASSERT_DOUBLE_EQ(numbers[2].asNumber("n"), 1234.5678);
    ASSERT_DOUBLE_EQ(numbers[3].asNumber("n"), 2.5e-3);
}
