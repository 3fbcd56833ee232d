#include "metis/core/Json.h"

#include "metis/core/Text.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace metis {

std::string jsonQuote(std::string_view given) {
    // JSON is UTF-8: text that is not (a file's Latin-1 name, a damaged attribute) is read as
    // ISO 8859-1, which keeps every byte and never yields an invalid document.
    const std::string decoded = isValidUtf8(given) ? std::string() : latin1ToUtf8(given);
    const std::string_view text = decoded.empty() ? given : decoded;
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\b':
            quoted += "\\b";
            break;
        case '\f':
            quoted += "\\f";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                quoted += "\\u00";
                quoted.push_back(hex[(static_cast<unsigned char>(c) >> 4) & 0xF]);
                quoted.push_back(hex[static_cast<unsigned char>(c) & 0xF]);
            } else {
                // Bytes >= 0x80 pass through: the text is valid UTF-8 by now.
                quoted.push_back(c);
            }
        }
    }
    quoted.push_back('"');
    return quoted;
}

void JsonWriter::beforeValue() {
    if (scopes_.empty()) {
        if (rootWritten_) {
            throw std::logic_error("json: a document has a single root value");
        }
        rootWritten_ = true;
        return;
    }
    if (scopes_.back() == Scope::Object) {
        if (!keyPending_) {
            throw std::logic_error("json: a value inside an object needs a key first");
        }
        keyPending_ = false;
        return;
    }
    if (scopeHasItems_.back()) {
        out_.push_back(',');
    }
    scopeHasItems_.back() = true;
}

void JsonWriter::raw(std::string_view text) {
    beforeValue();
    out_.append(text);
}

JsonWriter& JsonWriter::beginObject() {
    raw("{");
    scopes_.push_back(Scope::Object);
    scopeHasItems_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    if (scopes_.empty() || scopes_.back() != Scope::Object || keyPending_) {
        throw std::logic_error("json: endObject without a matching beginObject or after a key");
    }
    scopes_.pop_back();
    scopeHasItems_.pop_back();
    out_.push_back('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    raw("[");
    scopes_.push_back(Scope::Array);
    scopeHasItems_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    if (scopes_.empty() || scopes_.back() != Scope::Array) {
        throw std::logic_error("json: endArray without a matching beginArray");
    }
    scopes_.pop_back();
    scopeHasItems_.pop_back();
    out_.push_back(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    if (scopes_.empty() || scopes_.back() != Scope::Object || keyPending_) {
        throw std::logic_error("json: a key is only valid inside an object, before its value");
    }
    if (scopeHasItems_.back()) {
        out_.push_back(',');
    }
    scopeHasItems_.back() = true;
    out_ += jsonQuote(name);
    out_.push_back(':');
    keyPending_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    raw(jsonQuote(text));
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) {
        return nullValue();
    }
    // Shortest text that reads back to the same double.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    if (result.ec != std::errc()) {
        throw std::logic_error("json: cannot format a number");
    }
    raw(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    raw(std::to_string(number));
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t number) {
    raw(std::to_string(number));
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    raw(flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::nullValue() {
    raw("null");
    return *this;
}

const std::string& JsonWriter::str() const {
    if (!scopes_.empty() || !rootWritten_) {
        throw std::logic_error("json: the document is incomplete");
    }
    return out_;
}

// The reader.
namespace {

const char* typeName(JsonValue::Type type) {
    switch (type) {
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Boolean:
        return "a boolean";
    case JsonValue::Type::Number:
        return "a number";
    case JsonValue::Type::String:
        return "a string";
    case JsonValue::Type::Array:
        return "an array";
    case JsonValue::Type::Object:
        return "an object";
    }
    return "unknown";
}

// Nesting limit so that a hostile file cannot exhaust the stack.
constexpr int kMaxDepth = 64;

class Parser {
public:
    Parser(const std::string& text, const std::string& origin) : text_(text), origin_(origin) {}

    JsonValue document() {
        JsonValue value = parseValue(0);
        skipSpace();
        if (pos_ != text_.size()) {
            fail("unexpected text after the document");
        }
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw std::runtime_error(origin_ + ": invalid JSON: " + problem + " at offset " +
                                 std::to_string(pos_));
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                       text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }

    bool consume(const char* literal) {
        const std::string_view word(literal);
        if (text_.compare(pos_, word.size(), word) == 0) {
            pos_ += word.size();
            return true;
        }
        return false;
    }

    void expect(char c) {
        skipSpace();
        if (pos_ >= text_.size() || text_[pos_] != c) {
            fail(std::string("expected '") + c + "'");
        }
        ++pos_;
    }

    JsonValue parseValue(int depth) {
        if (depth > kMaxDepth) {
            fail("nesting deeper than 64 levels");
        }
        skipSpace();
        if (pos_ >= text_.size()) {
            fail("unexpected end of the document");
        }
        const char c = text_[pos_];
        if (c == '{') {
            return parseObject(depth);
        }
        if (c == '[') {
            return parseArray(depth);
        }
        if (c == '"') {
            return JsonValue::makeString(parseString());
        }
        if (consume("true")) {
            return JsonValue::makeBoolean(true);
        }
        if (consume("false")) {
            return JsonValue::makeBoolean(false);
        }
        if (consume("null")) {
            return {};
        }
        return JsonValue::makeNumber(parseNumber());
    }

    JsonValue parseObject(int depth) {
        ++pos_; // '{'
        std::map<std::string, JsonValue> members;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return JsonValue::makeObject(std::move(members));
        }
        while (true) {
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != '"') {
                fail("expected a member name");
            }
            std::string key = parseString();
            expect(':');
            members[std::move(key)] = parseValue(depth + 1);
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            expect('}');
            return JsonValue::makeObject(std::move(members));
        }
    }

    JsonValue parseArray(int depth) {
        ++pos_; // '['
        std::vector<JsonValue> items;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return JsonValue::makeArray(std::move(items));
        }
        while (true) {
            items.push_back(parseValue(depth + 1));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            expect(']');
            return JsonValue::makeArray(std::move(items));
        }
    }

    unsigned parseHex4() {
        if (pos_ + 4 > text_.size()) {
            fail("truncated \\u escape");
        }
        unsigned code = 0;
        for (int n = 0; n < 4; ++n) {
            const char h = text_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9') {
                code |= static_cast<unsigned>(h - '0');
            } else if (h >= 'a' && h <= 'f') {
                code |= static_cast<unsigned>(h - 'a' + 10);
            } else if (h >= 'A' && h <= 'F') {
                code |= static_cast<unsigned>(h - 'A' + 10);
            } else {
                fail("bad hex digit in \\u escape");
            }
        }
        return code;
    }

    static void appendUtf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::string parseString() {
        ++pos_; // opening quote
        std::string out;
        while (true) {
            if (pos_ >= text_.size()) {
                fail("unterminated string");
            }
            const char c = text_[pos_++];
            if (c == '"') {
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                fail("control character in a string");
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) {
                fail("unterminated escape");
            }
            const char e = text_[pos_++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned code = parseHex4();
                if (code >= 0xD800 && code < 0xDC00 && consume("\\u")) {
                    const unsigned low = parseHex4();
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, code);
                break;
            }
            default:
                fail("unknown escape");
            }
        }
    }

    double parseNumber() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() &&
               std::string_view("+-0123456789.eE").find(text_[pos_]) != std::string_view::npos) {
            ++pos_;
        }
        double number = 0.0;
        const auto [end, error] =
            std::from_chars(text_.data() + start, text_.data() + pos_, number);
        if (start == pos_ || error != std::errc() || end != text_.data() + pos_ ||
            !std::isfinite(number)) {
            pos_ = start;
            fail("expected a value");
        }
        return number;
    }

    const std::string& text_;
    const std::string& origin_;
    std::size_t pos_ = 0;
};

[[noreturn]] void wrongType(const std::string& context, const char* wanted, JsonValue::Type got) {
    throw std::runtime_error(context + ": expected " + wanted + ", found " + typeName(got));
}

} // namespace

JsonValue JsonValue::makeBoolean(bool flag) {
    JsonValue v;
    v.type_ = Type::Boolean;
    v.boolean_ = flag;
    return v;
}

JsonValue JsonValue::makeNumber(double number) {
    JsonValue v;
    v.type_ = Type::Number;
    v.number_ = number;
    return v;
}

JsonValue JsonValue::makeString(std::string text) {
    JsonValue v;
    v.type_ = Type::String;
    v.string_ = std::move(text);
    return v;
}

JsonValue JsonValue::makeArray(std::vector<JsonValue> items) {
    JsonValue v;
    v.type_ = Type::Array;
    v.array_ = std::move(items);
    return v;
}

JsonValue JsonValue::makeObject(std::map<std::string, JsonValue> members) {
    JsonValue v;
    v.type_ = Type::Object;
    v.object_ = std::move(members);
    return v;
}

bool JsonValue::asBoolean(const std::string& context) const {
    if (type_ != Type::Boolean) {
        wrongType(context, "a boolean", type_);
    }
    return boolean_;
}

double JsonValue::asNumber(const std::string& context) const {
    if (type_ != Type::Number) {
        wrongType(context, "a number", type_);
    }
    return number_;
}

std::int64_t JsonValue::asInteger(const std::string& context, std::int64_t lowest,
                                  std::int64_t highest) const {
    const double number = asNumber(context);
    if (number != std::floor(number) || number < static_cast<double>(lowest) ||
        number > static_cast<double>(highest)) {
        throw std::runtime_error(context + ": expected an integer in [" + std::to_string(lowest) +
                                 ", " + std::to_string(highest) + "]");
    }
    return static_cast<std::int64_t>(number);
}

const std::string& JsonValue::asString(const std::string& context) const {
    if (type_ != Type::String) {
        wrongType(context, "a string", type_);
    }
    return string_;
}

const std::vector<JsonValue>& JsonValue::asArray(const std::string& context) const {
    if (type_ != Type::Array) {
        wrongType(context, "an array", type_);
    }
    return array_;
}

const std::map<std::string, JsonValue>& JsonValue::asObject(const std::string& context) const {
    if (type_ != Type::Object) {
        wrongType(context, "an object", type_);
    }
    return object_;
}

const JsonValue& JsonValue::at(const std::string& key, const std::string& context) const {
    const auto& members = asObject(context);
    const auto it = members.find(key);
    if (it == members.end()) {
        throw std::runtime_error(context + ": missing \"" + key + "\"");
    }
    return it->second;
}

const JsonValue* JsonValue::find(const std::string& key) const {
    if (type_ != Type::Object) {
        return nullptr;
    }
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &it->second;
}

JsonValue parseJson(const std::string& text, const std::string& origin) {
    return Parser(text, origin).document();
}

} // namespace metis
