#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace metis {

/// A small streaming JSON writer: objects, arrays, strings (escaped per RFC 8259), numbers and
/// booleans. Non-finite doubles (NaN, infinities) have no JSON form and are written as null.
/// Misuse (a value where a key is expected, unbalanced end calls, str() while incomplete) throws
/// std::logic_error, so a malformed document is never produced silently.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// Inside an object: the key of the next value.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(unsigned number) { return value(static_cast<std::uint64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& nullValue();

    /// key(name).value(v) in one call.
    template <typename T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    /// The finished document; throws std::logic_error while an object or array is open.
    const std::string& str() const;

private:
    enum class Scope { Object, Array };
    void beforeValue();
    void raw(std::string_view text);

    std::string out_;
    std::vector<Scope> scopes_;
    std::vector<bool> scopeHasItems_;
    bool keyPending_ = false;
    bool rootWritten_ = false;
};

/// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

} // namespace metis
