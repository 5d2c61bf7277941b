// Helpers for tests that compare JSON documents: normalising away what the spec
// treats as absent, and describing the first difference so that a failing test
// says where and what instead of dumping two large documents.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace json_compare {
namespace detail {

inline bool is_empty_value(const nlohmann::json& value) {
    return (value.is_string() && value.get_ref<const std::string&>().empty()) ||
           (value.is_array() && value.empty()) || (value.is_object() && value.empty());
}

// Never throws: documents under comparison may hold strings a test has not vetted.
inline std::string show(const nlohmann::json& value) {
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t limit = 300;
    if (text.size() > limit) text = text.substr(0, limit) + "...";
    return text;
}

// RFC 6901 escaping of one reference token.
inline std::string pointer_token(const std::string& key) {
    std::string token;
    for (char c : key) {
        if (c == '~')
            token += "~0";
        else if (c == '/')
            token += "~1";
        else
            token += c;
    }
    return token;
}

inline std::string at(const std::string& path) { return path.empty() ? "/" : path; }

inline std::string difference(const nlohmann::json& expected, const nlohmann::json& actual,
                              const std::string& path) {
    // Integers and floating-point numbers compare by value (2 equals 2.0), as
    // nlohmann's operator== does; a writer may spell a whole double either way.
    const bool both_numbers = expected.is_number() && actual.is_number();
    if (!both_numbers && expected.type() != actual.type())
        return at(path) + ": expected " + show(expected) + ", got " + show(actual);

    if (expected.is_object()) {
        std::set<std::string> keys;
        for (const auto& item : expected.items()) keys.insert(item.key());
        for (const auto& item : actual.items()) keys.insert(item.key());
        for (const std::string& key : keys) {
            const std::string child = path + "/" + pointer_token(key);
            if (!expected.contains(key))
                return child + ": expected (absent), got " + show(actual[key]);
            if (!actual.contains(key))
                return child + ": expected " + show(expected[key]) + ", got (absent)";
            std::string found = difference(expected[key], actual[key], child);
            if (!found.empty()) return found;
        }
        return {};
    }
    if (expected.is_array()) {
        const std::size_t common = std::min(expected.size(), actual.size());
        for (std::size_t i = 0; i < common; ++i) {
            std::string found = difference(expected[i], actual[i], path + "/" + std::to_string(i));
            if (!found.empty()) return found;
        }
        if (expected.size() != actual.size())
            return at(path) + ": expected " + std::to_string(expected.size()) + " elements " +
                   show(expected) + ", got " + std::to_string(actual.size()) + " elements " +
                   show(actual);
        return {};
    }
    if (expected != actual)
        return at(path) + ": expected " + show(expected) + ", got " + show(actual);
    return {};
}

}  // namespace detail

// Removes everything the spec counts as absent: "" strings, empty arrays, and
// objects left empty (also inside arrays), recursively. The top-level value itself
// is returned even when it ends up empty.
inline nlohmann::json strip_empty(const nlohmann::json& value) {
    if (value.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& item : value.items()) {
            nlohmann::json child = strip_empty(item.value());
            if (!detail::is_empty_value(child)) out[item.key()] = std::move(child);
        }
        return out;
    }
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& element : value) {
            nlohmann::json child = strip_empty(element);
            if (!detail::is_empty_value(child)) out.push_back(std::move(child));
        }
        return out;
    }
    return value;
}

// "" when equal; otherwise the JSON pointer of the first difference (keys in sorted
// order, array elements in index order) with both values, e.g.
//   /event/type/1: expected "denied", got "error"
inline std::string first_difference(const nlohmann::json& expected, const nlohmann::json& actual) {
    return detail::difference(expected, actual, "");
}

}  // namespace json_compare
