#include "CommandLine.h"

#include <algorithm>
#include <cmath>

namespace metis::cli {

Arguments::Arguments(std::vector<std::string> args, std::vector<std::string> valueOptions,
                     std::vector<std::string> flags) {
    auto contains = [](const std::vector<std::string>& list, const std::string& item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            positional_.push_back(arg);
            continue;
        }
        std::string name = arg;
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            name = arg.substr(0, eq);
            inlineValue = arg.substr(eq + 1);
        }
        if (contains(flags, name) && !inlineValue) {
            flagsSet_.push_back(name);
        } else if (contains(valueOptions, name)) {
            if (inlineValue) {
                values_.emplace(name, *inlineValue);
            } else if (i + 1 < args.size()) {
                values_.emplace(name, args[++i]);
            } else {
                throw UsageError("option " + name + " needs a value");
            }
        } else {
            throw UsageError("unknown option " + name);
        }
    }
}

std::optional<std::string> Arguments::option(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::vector<std::string> Arguments::options(const std::string& name) const {
    std::vector<std::string> result;
    const auto [first, last] = values_.equal_range(name);
    for (auto it = first; it != last; ++it) {
        result.push_back(it->second);
    }
    return result;
}

std::string Arguments::required(const std::string& name) const {
    auto value = option(name);
    if (!value) {
        throw UsageError("missing required option " + name);
    }
    return *value;
}

bool Arguments::flag(const std::string& name) const {
    return std::find(flagsSet_.begin(), flagsSet_.end(), name) != flagsSet_.end();
}

int Arguments::integer(const std::string& name, int fallback, int lowest) const {
    const auto text = option(name);
    if (!text) {
        return fallback;
    }
    try {
        std::size_t used = 0;
        const int value = std::stoi(*text, &used);
        if (used == text->size() && value >= lowest) {
            return value;
        }
    } catch (const std::logic_error&) {
    }
    throw UsageError(name + " expects an integer >= " + std::to_string(lowest) + ", got '" + *text +
                     "'");
}

double Arguments::number(const std::string& name, double fallback, double lowest) const {
    const auto text = option(name);
    if (!text) {
        return fallback;
    }
    try {
        std::size_t used = 0;
        const double value = std::stod(*text, &used);
        if (used == text->size() && std::isfinite(value) && value >= lowest) {
            return value;
        }
    } catch (const std::logic_error&) {
    }
    throw UsageError(name + " expects a number >= " + std::to_string(lowest) + ", got '" + *text +
                     "'");
}

} // namespace metis::cli
