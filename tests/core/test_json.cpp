#include "metis/core/Json.h"

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
