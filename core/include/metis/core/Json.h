#pragma once

#include <cstdint>
#include <map>
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

/// A parsed JSON value (RFC 8259), read by parseJson. Numbers are read with std::from_chars,
/// so the process locale (Qt sets it from the environment; de_DE writes "1,5") cannot change
/// them, and the writer above never depends on it either.
class JsonValue {
public:
    enum class Type { Null, Boolean, Number, String, Array, Object };

    JsonValue() = default;
    static JsonValue makeBoolean(bool flag);
    static JsonValue makeNumber(double number);
    static JsonValue makeString(std::string text);
    static JsonValue makeArray(std::vector<JsonValue> items);
    static JsonValue makeObject(std::map<std::string, JsonValue> members);

    Type type() const { return type_; }
    bool isNull() const { return type_ == Type::Null; }
    bool isObject() const { return type_ == Type::Object; }

    /// Typed access; each throws std::runtime_error naming `context` when the type differs.
    bool asBoolean(const std::string& context) const;
    double asNumber(const std::string& context) const;
    /// A number that must be an integer in [lowest, highest].
    std::int64_t asInteger(const std::string& context, std::int64_t lowest,
                           std::int64_t highest) const;
    const std::string& asString(const std::string& context) const;
    const std::vector<JsonValue>& asArray(const std::string& context) const;
    const std::map<std::string, JsonValue>& asObject(const std::string& context) const;

    /// Member of an object; throws naming `context` and the key when it is absent.
    const JsonValue& at(const std::string& key, const std::string& context) const;
    /// Member of an object, or nullptr when absent.
    const JsonValue* find(const std::string& key) const;

private:
    Type type_ = Type::Null;
    bool boolean_ = false;
    double number_ = 0.0;
    std::string string_;
    std::vector<JsonValue> array_;
    std::map<std::string, JsonValue> object_;
};

/// Parses a whole document; throws std::runtime_error "<origin>: <problem> at offset N".
JsonValue parseJson(const std::string& text, const std::string& origin);

} // namespace metis
