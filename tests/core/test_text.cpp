#include "metis/core/Text.h"

#include <gtest/gtest.h>
#include <string>

using namespace metis;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";
}

TEST(CoreText, utf8ValidityFollowsTheStandard) {
    EXPECT_TRUE(isValidUtf8("M\xC3\xBCller \xE7\x8E\x8B \xF0\x9F\x98\x80"));
    EXPECT_FALSE(isValidUtf8("M\xFCller"));        // Latin-1 ü
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // a surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xE4\xB8"));         // cut short
}

TEST(CoreText, latin1IsDecodedLosslessly) {
    EXPECT_EQ(latin1ToUtf8("M\xFCller"), "M\xC3\xBCller");
    EXPECT_NE(displayableText("AB\xE9"), displayableText("AB\xE8"));
    EXPECT_EQ(displayableText("M\xFCller^Hans"), "M\xC3\xBCller^Hans");
    EXPECT_EQ(displayableText("M\xC3\xBCller^Hans"), "M\xC3\xBCller^Hans");
}

TEST(CoreText, controlCharactersAndDirectionOverridesCannotAct) {
    // A terminal escape that would clear the screen, a NUL and a right-to-left override.
    EXPECT_EQ(displayableText("Doe\x1b[2J^Jane"), "Doe" + kReplacement + "[2J^Jane");
    EXPECT_EQ(displayableText(std::string("A\0B", 3)), "A" + kReplacement + "B");
    EXPECT_EQ(displayableText("abc\xE2\x80\xAE"
                              "fed"),
              "abc" + kReplacement + "fed");
    // C1 controls: CSI (U+009B) is an escape on some terminals.
    EXPECT_EQ(displayableText("x\xC2\x9B"
                              "2J"),
              "x" + kReplacement + "2J");
    EXPECT_EQ(displayableText("tab\tline\n"), "tab" + kReplacement + "line" + kReplacement);
    EXPECT_TRUE(isValidUtf8(displayableText("\xFF\xFE\x1b\x80")));
}
