#pragma once
// A small JSON reader (RFC 8259) for the files metis_models writes itself: model-package
// metadata and trainer checkpoints. core has only a writer (metis/core/Json.h). Numbers parse
// with the classic locale whatever the process locale is (Qt sets LC_ALL from the environment).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace metis::models {

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

} // namespace metis::models
