#include "metis/core/Progress.h"
#include "metis/core/Version.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <regex>
#include <string>
#include <vector>

using namespace metis;

namespace {

// Records every call, and asks to stop after `stopAfter` reports.
class RecordingSink : public ProgressSink {
public:
    explicit RecordingSink(int stopAfter = -1) : stopAfter_(stopAfter) {}
    void begin(const std::string& task) override { events.push_back("begin " + task); }
    bool report(double fraction, const std::string&) override {
        events.push_back("report " + std::to_string(static_cast<int>(fraction * 100)));
        return stopAfter_ < 0 || ++reports_ < stopAfter_;
    }
    void end() override { events.push_back("end"); }
    std::vector<std::string> events;

private:
    int stopAfter_;
    int reports_ = 0;
};

} // namespace

TEST(CoreProgress, scopeBracketsBeginAndEnd) {
    RecordingSink sink;
    {
        ProgressScope scope(sink, "import");
        scope.step(0.5);
    }
    ASSERT_EQ(sink.events, (std::vector<std::string>{"begin import", "report 50", "end"}));
}

TEST(CoreProgress, cancelThrowsAndStillEnds) {
    RecordingSink sink(2);
    bool thrown = false;
    try {
        ProgressScope scope(sink, "work");
        for (int i = 1; i <= 10; ++i) {
            scope.step(i / 10.0);
        }
    } catch (const OperationCancelled&) {
        thrown = true;
    }
    ASSERT_TRUE(thrown);
    ASSERT_EQ(sink.events.back(), std::string("end"));
    ASSERT_EQ(sink.events.size(), size_t(4)); // begin, two reports, end
}

TEST(CoreProgress, streamSinkHonoursCancelToken) {
    CancelToken token;
    std::FILE* devnull = std::fopen("/dev/null", "w");
    StreamProgressSink sink(devnull, 0.1, &token);
    sink.begin("x");
    ASSERT_TRUE(sink.report(0.2, {}));
    token.cancel();
    ASSERT_TRUE(!sink.report(0.3, {}));
    sink.end();
    std::fclose(devnull);
}

TEST(CoreProgress, versionIsSemantic) {
    const auto v = metisVersion();
    // regex_match anchors at both ends, as ^...$ did.
    ASSERT_TRUE(std::regex_match(v, std::regex(R"(\d+\.\d+\.\d+)"))) << v;
}
