// Independent reference implementation ("oracle") of SPEC.md sections 2 and 3:
// CEF lexing and the `sekoia` profile.
//
// It exists only so that the differential test can compare the library against a
// second, separately written reading of the spec. It is written from SPEC.md alone,
// without looking at the library, and optimises for being easy to check by eye:
// plain std::string copies, std::map, straightforward loops, no cleverness. Speed,
// allocation counts and key order do not matter here.
//
// Decisions where SPEC.md leaves room (the README should state the same ones):
//   * Line end: one trailing "\n" and then one trailing "\r" are removed before
//     anything else; the 1 MiB limit applies to the line as given.
//   * `CEF:` is matched case-sensitively; the first occurrence is the record, even if
//     its header turns out to be broken.
//   * `ver`: the split is sequential. protocol = before the first 'v' (lower-case 'v'
//     only), version = after it up to the next ' ', cipher = after that ' ' up to the
//     next ' '. Only 0x20 counts as a space there, not a tab.
//   * `cs9` items are not trimmed (" B" stays " B").
//   * Integers accept leading zeros ("007" is 7); "-0" is 0 (so cpt=-0 is port 0).
//   * cs7/cs8 are range-checked after conversion to double.
//   * `src` is emitted as written (not normalised) when it is a valid address.
//   * act matching for event.type/event.reason is case-sensitive.
//   * JSON header arrays: the outermost array is nesting level 1, so 64 nested
//     containers are accepted and 65 rejected. `\uXXXX` naming a lone surrogate
//     becomes U+FFFD. Duplicate object keys: the last one wins. A number that
//     overflows a double rejects the whole value (JSON cannot carry infinity);
//     underflow gives the value strtod gives (0 or a denormal).
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reference {
namespace detail {

using json = nlohmann::json;

inline constexpr std::size_t max_line_bytes = 1024 * 1024;

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
inline bool is_key_start(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
inline bool is_key_char(char c) {
    return is_key_start(c) || c == '.' || c == ',' || c == '[' || c == ']';
}

inline bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

// ASCII only: bytes >= 0x80 are parts of UTF-8 sequences and must not change.
inline std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

inline std::string trim_blanks(const std::string& s) {
    std::size_t begin = 0;
    std::size_t end = s.size();
    while (begin < end && is_blank(s[begin])) ++begin;
    while (end > begin && is_blank(s[end - 1])) --end;
    return s.substr(begin, end - begin);
}

// ---------------------------------------------------------------------------------
// UTF-8 repair: nlohmann cannot dump invalid UTF-8, and SPEC 5 asks for U+FFFD in
// place of each maximal invalid subpart (the Unicode "best practice": a truncated
// but otherwise well-started sequence is one U+FFFD, any other bad byte is one).

inline const std::string replacement_character = "\xEF\xBF\xBD";

inline std::string valid_utf8(const std::string& in) {
    std::string out;
    std::size_t i = 0;
    while (i < in.size()) {
        const unsigned char lead = static_cast<unsigned char>(in[i]);
        if (lead < 0x80) {
            out += static_cast<char>(lead);
            ++i;
            continue;
        }
        // Number of continuation bytes and the allowed range of the first one
        // (narrower for E0, ED, F0, F4: no overlongs, no surrogates, <= U+10FFFF).
        int continuation = 0;
        unsigned char first_low = 0x80;
        unsigned char first_high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
        } else if (lead == 0xE0) {
            continuation = 2;
            first_low = 0xA0;
        } else if (lead == 0xED) {
            continuation = 2;
            first_high = 0x9F;
        } else if (lead >= 0xE1 && lead <= 0xEF) {
            continuation = 2;
        } else if (lead == 0xF0) {
            continuation = 3;
            first_low = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            continuation = 3;
        } else if (lead == 0xF4) {
            continuation = 3;
            first_high = 0x8F;
        } else {
            out += replacement_character;
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        int seen = 0;
        unsigned char low = first_low;
        unsigned char high = first_high;
        while (seen < continuation && j < in.size()) {
            const unsigned char c = static_cast<unsigned char>(in[j]);
            if (c < low || c > high) break;
            low = 0x80;
            high = 0xBF;
            ++j;
            ++seen;
        }
        if (seen == continuation)
            out.append(in, i, j - i);
        else
            out += replacement_character;
        i = j;
    }
    return out;
}

inline std::string utf8_encode(std::uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

// ---------------------------------------------------------------------------------
// SPEC 2: lexing.

// The extension (text after the seventh unescaped '|'), or nullopt for a line error.
inline std::optional<std::string> extension_of(std::string line) {
    if (line.size() > max_line_bytes) return std::nullopt;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();

    const std::size_t cef = line.find("CEF:");
    if (cef == std::string::npos) return std::nullopt;

    std::size_t i = cef + 4;
    const std::size_t version_begin = i;
    while (i < line.size() && is_digit(line[i])) ++i;
    if (i == version_begin || i >= line.size() || line[i] != '|') return std::nullopt;
    ++i;  // the version's '|' is the first of the seven

    // Vendor, product, device version, signature id, name, severity. Only "\|" and
    // "\\" are escapes; they are skipped as a pair so that their second byte cannot
    // end the field.
    for (int field = 0; field < 6; ++field) {
        bool closed = false;
        while (i < line.size()) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '|' || line[i + 1] == '\\')) {
                i += 2;
                continue;
            }
            ++i;
            if (c == '|') {
                closed = true;
                break;
            }
        }
        if (!closed) return std::nullopt;
    }
    return line.substr(i);
}

// Extension key/value pairs: lower-cased key -> raw trimmed value of its last occurrence.
inline std::map<std::string, std::string> pairs_of(const std::string& extension) {
    struct found_key {
        std::size_t begin;        // first byte of the key
        std::size_t value_begin;  // first byte after its '='
        std::string name;
    };
    std::vector<found_key> keys;
    for (std::size_t i = 0; i < extension.size(); ++i) {
        const bool may_start = i == 0 || is_blank(extension[i - 1]);
        if (!may_start || !is_key_start(extension[i])) continue;
        std::size_t j = i + 1;
        while (j < extension.size() && is_key_char(extension[j])) ++j;
        if (j < extension.size() && extension[j] == '=')
            keys.push_back({i, j + 1, extension.substr(i, j - i)});
    }

    std::map<std::string, std::string> pairs;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::size_t end = k + 1 < keys.size() ? keys[k + 1].begin : extension.size();
        const std::string raw = extension.substr(keys[k].value_begin, end - keys[k].value_begin);
        pairs[ascii_lower(keys[k].name)] = trim_blanks(raw);  // later occurrences overwrite
    }
    return pairs;
}

// ---------------------------------------------------------------------------------
// SPEC 3: value conversions. Each returns nullopt when the value does not convert.

// Optional '-', then one or more decimal digits, within int64.
inline std::optional<std::int64_t> to_int64(const std::string& s) {
    std::size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) i = 1;
    if (i == s.size()) return std::nullopt;
    // Accumulate the magnitude as unsigned so that INT64_MIN is reachable.
    const std::uint64_t limit = negative ? std::uint64_t{9223372036854775808ULL}
                                         : std::uint64_t{9223372036854775807ULL};
    std::uint64_t magnitude = 0;
    for (; i < s.size(); ++i) {
        if (!is_digit(s[i])) return std::nullopt;
        const std::uint64_t digit = static_cast<std::uint64_t>(s[i] - '0');
        if (magnitude > (limit - digit) / 10) return std::nullopt;
        magnitude = magnitude * 10 + digit;
    }
    if (!negative) return static_cast<std::int64_t>(magnitude);
    if (magnitude == 9223372036854775808ULL) return INT64_MIN;
    return -static_cast<std::int64_t>(magnitude);
}

inline std::optional<bool> to_bool(const std::string& s) {
    const std::string lower = ascii_lower(s);
    if (lower == "true") return true;
    if (lower == "false") return false;
    return std::nullopt;
}

// Optional '-', digits, optionally '.' and digits ("1." and ".5" are not numbers).
inline std::optional<double> to_decimal(const std::string& s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    const std::size_t int_begin = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == int_begin) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t frac_begin = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == frac_begin) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    // strtod reads '.' as the decimal point under the default "C" locale, which the
    // tests never change.
    const double value = std::strtod(s.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

inline std::vector<std::string> split(const std::string& s, char separator) {
    std::vector<std::string> parts{""};
    for (char c : s) {
        if (c == separator)
            parts.emplace_back();
        else
            parts.back() += c;
    }
    return parts;
}

inline bool is_ipv4(const std::string& s) {
    const std::vector<std::string> parts = split(s, '.');
    if (parts.size() != 4) return false;
    for (const std::string& part : parts) {
        if (part.empty() || part.size() > 3) return false;
        for (char c : part)
            if (!is_digit(c)) return false;
        if (part.size() > 1 && part[0] == '0') return false;  // no leading zeros
        if (std::stoi(part) > 255) return false;
    }
    return true;
}

// Counts the 16-bit groups of one side of an IPv6 address (the part before or
// after "::", or the whole address), or returns -1 when the side is malformed.
// Only the very last group of the address may be an IPv4 tail (worth two groups).
inline int ipv6_groups(const std::string& side, bool may_end_in_ipv4) {
    if (side.empty()) return 0;
    const std::vector<std::string> groups = split(side, ':');
    int count = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::string& group = groups[g];
        const bool last = g + 1 == groups.size();
        if (last && may_end_in_ipv4 && group.find('.') != std::string::npos) {
            if (!is_ipv4(group)) return -1;
            count += 2;
            continue;
        }
        if (group.empty() || group.size() > 4) return -1;
        for (char c : group)
            if (!is_hex(c)) return -1;
        count += 1;
    }
    return count;
}

inline bool is_ipv6(const std::string& s) {
    const std::size_t gap = s.find("::");
    if (gap == std::string::npos) return ipv6_groups(s, true) == 8;
    const std::string head = s.substr(0, gap);
    const std::string tail = s.substr(gap + 2);
    if (tail.find("::") != std::string::npos) return false;
    const int head_groups = ipv6_groups(head, false);
    const int tail_groups = ipv6_groups(tail, true);
    if (head_groups < 0 || tail_groups < 0) return false;
    return head_groups + tail_groups <= 7;  // "::" stands for at least one group
}

// Days in the proleptic Gregorian year.
inline int days_in_year(std::int64_t year) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 366 : 365;
}

inline int days_in_month(std::int64_t year, int month) {
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && days_in_year(year) == 366) return 29;
    return days[month - 1];
}

struct timestamp {
    std::int64_t epoch_ms;
    std::string text;  // YYYY-MM-DDTHH:MM:SS.ffffffZ
};

// Epoch milliseconds -> timestamp, counting days forward from 0001-01-01 one year
// and one month at a time (deliberately not the closed-form algorithm a fast
// implementation would use, so the two can check each other).
inline std::optional<timestamp> to_timestamp(const std::string& s) {
    const std::optional<std::int64_t> ms = to_int64(s);
    if (!ms) return std::nullopt;

    constexpr std::int64_t ms_per_day = 86400000;
    std::int64_t day = *ms / ms_per_day;  // floor division, also for negative epochs
    std::int64_t ms_of_day = *ms % ms_per_day;
    if (ms_of_day < 0) {
        ms_of_day += ms_per_day;
        day -= 1;
    }

    std::int64_t days_from_0001_to_1970 = 0;
    for (std::int64_t y = 1; y < 1970; ++y) days_from_0001_to_1970 += days_in_year(y);

    std::int64_t days = day + days_from_0001_to_1970;  // days since 0001-01-01
    if (days < 0) return std::nullopt;
    std::int64_t year = 1;
    constexpr std::int64_t days_per_400_years = 146097;
    while (days >= days_per_400_years) {  // the calendar repeats every 400 years
        days -= days_per_400_years;
        year += 400;
        if (year > 9999) return std::nullopt;
    }
    while (days >= days_in_year(year)) {
        days -= days_in_year(year);
        ++year;
    }
    if (year > 9999) return std::nullopt;
    int month = 1;
    while (days >= days_in_month(year, month)) {
        days -= days_in_month(year, month);
        ++month;
    }

    // All parts are now small, so int is wide enough for printf.
    const int hours = static_cast<int>(ms_of_day / 3600000);
    const int minutes = static_cast<int>(ms_of_day / 60000 % 60);
    const int seconds = static_cast<int>(ms_of_day / 1000 % 60);
    const int millis = static_cast<int>(ms_of_day % 1000);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03d000Z",
                  static_cast<int>(year), month, static_cast<int>(days + 1), hours, minutes,
                  seconds, millis);
    return timestamp{*ms, buffer};
}

// ---------------------------------------------------------------------------------
// Lenient JSON for additionalReqHeaders / additionalResHeaders: standard JSON, except
// that a backslash not starting a valid escape stands for itself. Strings come out as
// valid UTF-8 (U+FFFD for bad bytes); integers that fit int64 stay integers.

class lenient_json_parser {
public:
    explicit lenient_json_parser(std::string text) : text_(std::move(text)) {}

    std::optional<json> parse_document() {
        json value;
        skip_whitespace();
        if (!parse_value(value, 0)) return std::nullopt;
        skip_whitespace();
        if (pos_ != text_.size()) return std::nullopt;
        return value;
    }

private:
    static constexpr int max_depth = 64;

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++pos_;
    }

    // `depth` is the number of containers around this value.
    bool parse_value(json& out, int depth) {
        if (at_end()) return false;
        switch (peek()) {
            case '[': return parse_array(out, depth + 1);
            case '{': return parse_object(out, depth + 1);
            case '"': {
                std::string s;
                if (!parse_string(s)) return false;
                out = s;
                return true;
            }
            case 't': return parse_literal("true", json(true), out);
            case 'f': return parse_literal("false", json(false), out);
            case 'n': return parse_literal("null", json(nullptr), out);
            default: return parse_number(out);
        }
    }

    bool parse_literal(const std::string& word, const json& value, json& out) {
        if (text_.compare(pos_, word.size(), word) != 0) return false;
        pos_ += word.size();
        out = value;
        return true;
    }

    // Checked before descending, so hostile input cannot exhaust the stack.
    bool parse_array(json& out, int depth) {
        if (depth > max_depth) return false;
        ++pos_;  // '['
        out = json::array();
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            ++pos_;
            return true;
        }
        while (true) {
            json element;
            skip_whitespace();
            if (!parse_value(element, depth)) return false;
            out.push_back(std::move(element));
            skip_whitespace();
            if (at_end()) return false;
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return true;
            }
            return false;
        }
    }

    bool parse_object(json& out, int depth) {
        if (depth > max_depth) return false;
        ++pos_;  // '{'
        out = json::object();
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            std::string key;
            json member;
            skip_whitespace();
            if (at_end() || peek() != '"' || !parse_string(key)) return false;
            skip_whitespace();
            if (at_end() || peek() != ':') return false;
            ++pos_;
            skip_whitespace();
            if (!parse_value(member, depth)) return false;
            out[key] = std::move(member);  // a repeated key: the last one wins
            skip_whitespace();
            if (at_end()) return false;
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                return true;
            }
            return false;
        }
    }

    // Four hex digits at `at`, as a UTF-16 code unit.
    std::optional<std::uint32_t> hex4(std::size_t at) const {
        if (at + 4 > text_.size()) return std::nullopt;
        std::uint32_t unit = 0;
        for (std::size_t k = at; k < at + 4; ++k) {
            const char c = text_[k];
            if (!is_hex(c)) return std::nullopt;
            unit = unit * 16 + static_cast<std::uint32_t>(
                is_digit(c) ? c - '0' : (c >= 'a' ? c - 'a' + 10 : c - 'A' + 10));
        }
        return unit;
    }

    bool parse_string(std::string& out) {
        ++pos_;  // opening quote
        std::string bytes;
        while (true) {
            if (at_end()) return false;
            const char c = peek();
            if (c == '"') {
                ++pos_;
                break;
            }
            if (static_cast<unsigned char>(c) < 0x20) return false;  // raw control char
            if (c != '\\') {
                bytes += c;
                ++pos_;
                continue;
            }
            const char e = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
            const char* simple = nullptr;
            switch (e) {
                case '"': simple = "\""; break;
                case '\\': simple = "\\"; break;
                case '/': simple = "/"; break;
                case 'b': simple = "\b"; break;
                case 'f': simple = "\f"; break;
                case 'n': simple = "\n"; break;
                case 'r': simple = "\r"; break;
                case 't': simple = "\t"; break;
                default: break;
            }
            if (simple != nullptr) {
                bytes += simple;
                pos_ += 2;
                continue;
            }
            if (e == 'u') {
                if (const std::optional<std::uint32_t> unit = hex4(pos_ + 2)) {
                    pos_ += 6;
                    bytes += code_point_after(*unit);
                    continue;
                }
            }
            bytes += '\\';  // not a valid escape: the backslash stands for itself
            ++pos_;
        }
        out = valid_utf8(bytes);
        return true;
    }

    // UTF-8 for a \u code unit just consumed, pairing a high surrogate with a
    // following \u low surrogate; an unpaired surrogate becomes U+FFFD.
    std::string code_point_after(std::uint32_t unit) {
        if (unit >= 0xD800 && unit <= 0xDBFF && text_.compare(pos_, 2, "\\u") == 0) {
            const std::optional<std::uint32_t> low = hex4(pos_ + 2);
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                pos_ += 6;
                return utf8_encode(0x10000 + ((unit - 0xD800) << 10) + (*low - 0xDC00));
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) return replacement_character;
        return utf8_encode(unit);
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool parse_number(json& out) {
        const std::size_t begin = pos_;
        if (!at_end() && peek() == '-') ++pos_;
        if (at_end() || !is_digit(peek())) return false;
        if (peek() == '0') {
            ++pos_;
        } else {
            while (!at_end() && is_digit(peek())) ++pos_;
        }
        bool integral = true;
        if (!at_end() && peek() == '.') {
            integral = false;
            ++pos_;
            if (at_end() || !is_digit(peek())) return false;
            while (!at_end() && is_digit(peek())) ++pos_;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            if (at_end() || !is_digit(peek())) return false;
            while (!at_end() && is_digit(peek())) ++pos_;
        }
        const std::string token = text_.substr(begin, pos_ - begin);
        if (integral) {
            if (const std::optional<std::int64_t> i = to_int64(token)) {
                out = *i;
                return true;
            }
        }
        const double d = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(d)) return false;
        out = d;
        return true;
    }

    const std::string text_;
    std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------
// SPEC 3: event.type / event.reason.

inline std::pair<std::vector<std::string>, std::string> type_and_reason(const std::string& act) {
    static const std::set<std::string> denied = {
        "REQ_SSL_NOT_SUPPORTED",     "REQ_NO_IP_FOUND",          "REQ_ILLEGAL_PORT",
        "REQ_LOCKED_IP_VIOLATION",   "REQ_DOMAIN_BLACKLISTED",   "REQ_ILLEGAL_IP_VIOLATION",
        "REQ_SSL_CERT_HOST_MISMATCH", "REQ_NON_SNI_FORBIDDEN",   "REQ_CLIENT_CERT_REQUIRED",
        "REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN"};
    static const std::set<std::string> errors = {"REQ_POST_TIMEOUT", "REQ_IPV6_NOT_SUPPORTED"};
    static const std::map<std::string, std::string> reasons = {
        {"REQ_BAD_PARSE_ERROR", "The HTTP request was malformated"},
        {"REQ_BAD_TIMEOUT", "The HTTP request reached the idle timeout"},
        {"REQ_BAD_RESP_PARSE_ERROR", "The HTTP response was malformated"},
        {"REQ_BAD_CONNECTION_TO_SERVER", "The destination server reset the connection"},
        {"REQ_BAD_CLIENT_CLOSED_CONNECTION",
         "The client closed the connection before receiving the full response"},
        {"REQ_BLOCKED_SESSION", "The request was blocked based on WAF settings"},
        {"REQ_BLOCKED_VISITOR", "The request was blocked based on WAF settings"},
        {"REQ_BLOCKED_SECURITY", "The request was blocked based on Security settings"},
        {"REQ_BLOCKED_ACL", "The request was blocked based on Security settings"},
        {"REQ_LOCKED_IP_VIOLATION", "The request was blocked based on Security settings"},
        {"REQ_BLOCKED_DDOS", "The request was blocked due to a DDoS attack"},
        {"REQ_BAD_TIMEOUT_CONNECTION_TO_SERVER", "The proxy failed to connect the destination"},
        {"REQ_BAD_CONNECTION_TO_SERVER_SSL_FAILURE", "The proxy failed to connect the destination"},
        {"REQ_UNRESOLVED_SITE_UNKNOWN", "The proxy failed to resolve the destination"},
        {"REQ_UNRESOLVED_SITE_DUPLICATE", "The proxy failed to resolve the destination"},
        {"REQ_UNRESOLVED_SITE_INVALID_CNAME", "The proxy failed to resolve the destination"},
        {"REQ_NO_IP_FOUND", "The proxy failed to resolve the destination"},
        {"REQ_ILLEGAL_IP_VIOLATION", "The proxy failed to resolve the destination"},
        {"REQ_SSL_NOT_SUPPORTED", "SSL connections are disabled"},
        {"REQ_ILLEGAL_PORT", "Unsupported destination port"},
        {"REQ_ALL_IPS_DOWN", "The destination is unavailable"},
        {"REQ_POST_TIMEOUT", "The HTTP request reached the timeout"},
        {"REQ_BAD_SERVER_CERTIFICATE", "The certifcate of the destination is invalid"},
        {"REQ_SSL_CERT_HOST_MISMATCH", "The certifcate of the destination is invalid"},
        {"REQ_IPV6_NOT_SUPPORTED", "The destination doesn't support IPv6 addresses"},
        {"REQ_DOMAIN_BLACKLISTED", "The destination was blacklisted"},
        {"REQ_NON_SNI_FORBIDDEN", "The certificate of the destination doesn't support SNI"},
        {"REQ_CLIENT_CERT_REQUIRED", "The request was blocked as a client certificat is required"},
        {"REQ_TOO_MANY_CONNECTIONS_TO_ORIGIN", "Too many connections on the destination"},
    };

    // The steps of SPEC 3 in their order; a later step overrides an earlier one.
    std::vector<std::string> type = {"connection", "access"};
    std::string reason;
    if (denied.count(act) != 0) type = {"connection", "denied"};
    if (errors.count(act) != 0) type = {"connection", "error"};
    if (act == "REQ_PASSED" || starts_with(act, "REQ_CACHED")) type = {"connection", "allowed"};
    if (starts_with(act, "REQ_BLOCKED")) {
        type = {"connection", "denied"};
        reason = "The connection was blocked";
    }
    if (starts_with(act, "REQ_CHALLENGED")) {
        type = {"connection", "denied"};
        reason = "A challenge was submitted to the client";
    }
    if (starts_with(act, "REQ_BAD") || starts_with(act, "REQ_UNRESOLVED"))
        type = {"connection", "error"};
    const auto listed = reasons.find(act);
    if (listed != reasons.end()) reason = listed->second;
    return {type, reason};
}

}  // namespace detail

// The expected `sekoia` document for one line, or nullopt when the line is a line
// error (SPEC 2 and 6). Empty strings and empty arrays are left out.
inline std::optional<nlohmann::json> sekoia(std::string_view line) {
    using detail::json;
    using pointer = json::json_pointer;

    const std::optional<std::string> extension = detail::extension_of(std::string(line));
    if (!extension) return std::nullopt;
    const std::map<std::string, std::string> fields = detail::pairs_of(*extension);
    const auto raw = [&](const std::string& key) -> std::string {
        const auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    };

    json doc = json::object();
    const auto put_string = [&](const std::string& path, const std::string& value) {
        if (!value.empty()) doc[pointer(path)] = detail::valid_utf8(value);
    };

    // Keys are the lower-cased CEF keys, since matching is case-insensitive.
    static const std::vector<std::pair<std::string, std::string>> strings = {
        {"devicefacility", "/imperva/pop"},
        {"xff", "/imperva/request/x_forwarded_for"},
        {"cs1", "/imperva/client/captcha_support"},
        {"cs4", "/imperva/visitor/id"},
        {"dproc", "/imperva/user_agent/type"},
        {"filetype", "/imperva/attack/type"},
        {"filepermission", "/imperva/attack/id"},
        {"cs11", "/imperva/rule/additional_info"},
        {"cs9", "/rule/name"},
        {"requestclientapplication", "/user_agent/original"},
        {"cs6", "/user_agent/name"},
        {"ccode", "/client/geo/country_iso_code"},
        {"cicode", "/client/geo/city_name"},
        {"request", "/url/full"},
        {"request", "/url/original"},
        {"qstr", "/url/query"},
        {"ref", "/http/request/referrer"},
        {"requestmethod", "/http/request/method"},
        {"deviceexternalid", "/http/request/id"},
        {"act", "/event/action"},
    };
    for (const auto& [key, path] : strings) put_string(path, raw(key));

    static const std::vector<std::pair<std::string, std::string>> integers = {
        {"fileid", "/imperva/session/id"},
        {"cn1", "/http/response/status_code"},
        {"in", "/http/request/bytes"},
    };
    for (const auto& [key, path] : integers)
        if (const auto value = detail::to_int64(raw(key))) doc[pointer(path)] = *value;

    static const std::vector<std::pair<std::string, std::string>> booleans = {
        {"cs2", "/imperva/client/js_support"},
        {"cs3", "/imperva/client/cookie_support"},
    };
    for (const auto& [key, path] : booleans)
        if (const auto value = detail::to_bool(raw(key))) doc[pointer(path)] = *value;

    static const std::vector<std::pair<std::string, std::string>> header_arrays = {
        {"additionalreqheaders", "/imperva/request/headers"},
        {"additionalresheaders", "/imperva/response/headers"},
    };
    for (const auto& [key, path] : header_arrays) {
        const std::optional<json> parsed = detail::lenient_json_parser(raw(key)).parse_document();
        if (parsed && parsed->is_array() && !parsed->empty()) doc[pointer(path)] = *parsed;
    }

    json names = json::array();
    for (const std::string& name : detail::split(raw("cs9"), ','))
        if (!name.empty()) names.push_back(detail::valid_utf8(name));
    if (!names.empty()) doc["imperva"]["rule"]["names"] = names;

    put_string("/network/protocol", detail::ascii_lower(raw("app")));

    if (const auto port = detail::to_int64(raw("cpt")); port && *port >= 0 && *port <= 65535)
        doc["source"]["port"] = *port;

    const std::string src = raw("src");
    if (detail::is_ipv4(src) || detail::is_ipv6(src)) doc["source"]["ip"] = src;

    const std::string ver = raw("ver");
    const std::size_t v = ver.find('v');
    if (v != std::string::npos) {
        put_string("/tls/version_protocol", detail::ascii_lower(ver.substr(0, v)));
        const std::string after_v = ver.substr(v + 1);
        const std::size_t space = after_v.find(' ');
        put_string("/tls/version", after_v.substr(0, space));
        if (space != std::string::npos) {
            const std::string after_space = after_v.substr(space + 1);
            put_string("/tls/cipher", after_space.substr(0, after_space.find(' ')));
        }
    }

    const auto lat = detail::to_decimal(raw("cs7"));
    const auto lon = detail::to_decimal(raw("cs8"));
    if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180)
        doc["client"]["geo"]["location"] = {{"lat", *lat}, {"lon", *lon}};

    const auto start = detail::to_timestamp(raw("start"));
    const auto end = detail::to_timestamp(raw("end"));
    if (start) {
        doc["event"]["start"] = start->text;
        doc["@timestamp"] = start->text;
    }
    if (end) doc["event"]["end"] = end->text;
    if (start && end)  // both within years 1..9999, so the difference is exact
        doc["event"]["duration"] = static_cast<double>(end->epoch_ms - start->epoch_ms);

    doc["event"]["kind"] = "event";
    doc["event"]["category"] = "network";
    const auto [type, reason] = detail::type_and_reason(raw("act"));
    doc["event"]["type"] = type;
    put_string("/event/reason", reason);
    return doc;
}

}  // namespace reference
