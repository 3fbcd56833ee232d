#include "metis/core/Json.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <system_error>

namespace metis {

std::string jsonQuote(std::string_view text) {
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
                // Bytes >= 0x80 pass through: the writer emits UTF-8 as given.
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

} // namespace metis
