// Reads the JSON that Imperva writes into header fields: standard JSON except
// that a backslash which does not start a JSON escape stands for itself
// (`charset\=UTF-8`). Iterative, so hostile nesting costs no stack; deeper
// than max_depth levels is rejected.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "../detail/string_growth.hpp"
#include "scan.hpp"
#include "string_writer.hpp"
#include "utf8.hpp"

namespace imperva_cef::json {

inline constexpr int max_depth = 64;

namespace detail {

inline void append_code_point(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// True for the escapes the string writer writes back as they stand: `\"`,
// `\\`, `\b`, `\f`, `\n`, `\r` and `\t` (of `\/` it writes `/`).
constexpr bool is_kept_escape(unsigned char c) noexcept {
  return c == '"' || c == '\\' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't';
}

// True when the JSON number text is too large for a double. nlohmann::json
// (so the nlohmann writer, and most consumers of the string writer's output)
// rejects such a number: found by fuzzing, `[1e999]` in a header field made
// parse_imperva_cef throw json::out_of_range instead of dropping the field.
// A number too small for a double reads as 0 there, so it is kept.
inline bool overflows_double(std::string_view number) noexcept {
  double value = 0;
  const char* end = number.data() + number.size();
  if (std::from_chars(number.data(), end, value).ec != std::errc::result_out_of_range) return false;
  // Out of range either way: too large exactly when its first significant
  // digit stands at 10^0 or above.
  std::size_t i = number.front() == '-' ? 1 : 0;
  while (i < number.size() && number[i] == '0') ++i;
  std::int64_t magnitude = 0;  // power of ten of the first significant digit, before the exponent
  std::size_t integer_digits = 0;
  while (i < number.size() && number[i] >= '0' && number[i] <= '9') ++i, ++integer_digits;
  if (integer_digits > 0) {
    magnitude = static_cast<std::int64_t>(integer_digits) - 1;
  } else if (i < number.size() && number[i] == '.') {
    ++i;
    std::int64_t zeros = 0;
    while (i < number.size() && number[i] == '0') ++i, ++zeros;
    magnitude = -zeros - 1;
  }
  while (i < number.size() && number[i] != 'e' && number[i] != 'E') ++i;
  std::int64_t exponent = 0;
  bool negative = false;
  if (i < number.size()) {
    ++i;
    if (i < number.size() && (number[i] == '+' || number[i] == '-')) negative = number[i++] == '-';
    for (; i < number.size(); ++i) {
      if (exponent < 1000000000) exponent = exponent * 10 + (number[i] - '0');  // saturates
    }
  }
  return magnitude + (negative ? -exponent : exponent) >= 0;
}

template <class Sink>
class lenient_reader {
 public:
  lenient_reader(std::string_view text, Sink& sink, std::string& scratch)
      : p_(text.data()), end_(text.data() + text.size()), sink_(sink), scratch_(scratch) {}

  bool read_array() {
    skip_space();
    if (p_ == end_ || *p_ != '[') return false;
    int depth = 0;
    std::uint64_t arrays = 0;  // bit d: the container at depth d is an array
    while (true) {
      // A value is expected here.
      skip_space();
      if (p_ == end_) return false;
      const char c = *p_;
      if (c == '[' || c == '{') {
        if (depth == max_depth) return false;
        const bool is_array = c == '[';
        ++p_;
        if (is_array) {
          arrays |= std::uint64_t{1} << depth;
          sink_.begin_array();
        } else {
          arrays &= ~(std::uint64_t{1} << depth);
          sink_.begin_object();
        }
        ++depth;
        skip_space();
        if (p_ != end_ && *p_ == (is_array ? ']' : '}')) {
          ++p_;
          close(is_array, depth);
        } else {
          if (!is_array && !read_key()) return false;
          continue;
        }
      } else if (!read_scalar()) {
        return false;
      }
      // After a value: commas, closing brackets, or the end.
      while (true) {
        skip_space();
        if (depth == 0) return p_ == end_;
        if (p_ == end_) return false;
        const bool in_array = (arrays >> (depth - 1)) & 1;
        if (*p_ == ',') {
          ++p_;
          if (!in_array && !read_key()) return false;
          break;
        }
        if (*p_ != (in_array ? ']' : '}')) return false;
        ++p_;
        close(in_array, depth);
      }
    }
  }

 private:
  void close(bool is_array, int& depth) {
    --depth;
    if (is_array) {
      sink_.end_array();
    } else {
      sink_.end_object();
    }
  }

  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool read_key() {
    skip_space();
    if (p_ == end_ || *p_ != '"' || !read_string()) return false;
    sink_.key(text_);
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }

  bool read_scalar() {
    const char c = *p_;
    if (c == '"') {
      if (!read_string()) return false;
      sink_.string(text_);
      return true;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return read_number();
    for (const std::string_view word : {std::string_view("true"), std::string_view("false"),
                                        std::string_view("null")}) {
      if (std::string_view(p_, static_cast<std::size_t>(end_ - p_)).substr(0, word.size()) == word) {
        p_ += word.size();
        if (word == "null") {
          sink_.raw_json(word);
        } else {
          sink_.boolean(word == "true");
        }
        return true;
      }
    }
    return false;
  }

  bool read_number() {
    const char* begin = p_;
    if (*p_ == '-') ++p_;
    if (p_ == end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (!digits()) {
      return false;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!digits()) return false;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return false;
    }
    const std::string_view number(begin, static_cast<std::size_t>(p_ - begin));
    if (overflows_double(number)) return false;  // not representable: the array is rejected
    sink_.raw_json(number);
    return true;
  }

  bool digits() {
    const char* begin = p_;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ != begin;
  }

  // Reads the string at p_ (its opening quote); text_ is then the decoded
  // string: a view of the input when it holds no escape (the usual
  // case), else scratch_.
  bool read_string() {
    ++p_;
    const char* run = p_;
    bool escaped_before = false;
    while (true) {
      p_ += stop_free_prefix<stop_at::specials>(reinterpret_cast<const unsigned char*>(p_),
                                                 static_cast<std::size_t>(end_ - p_));
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_ == '"') {
        const std::string_view tail(run, static_cast<std::size_t>(p_ - run));
        text_ = escaped_before ? std::string_view(scratch_.append(tail)) : tail;
        ++p_;
        return true;
      }
      // A backslash.
      if (!escaped_before) scratch_.clear();
      scratch_.append(run, static_cast<std::size_t>(p_ - run));
      escaped_before = true;
      if (p_ + 1 == end_) return false;
      const char escaped = p_[1];
      const char* simple = "\"\\/bfnrt";
      const char* decoded = "\"\\/\b\f\n\r\t";
      bool handled = false;
      for (int i = 0; simple[i] != '\0'; ++i) {
        if (escaped == simple[i]) {
          scratch_.push_back(decoded[i]);
          p_ += 2;
          handled = true;
          break;
        }
      }
      if (!handled && escaped == 'u' && read_unicode_escape()) handled = true;
      if (!handled) ++p_;  // a lone backslash stands for itself
      run = handled ? p_ : p_ - 1;
    }
  }

  // p_ at "\u"; a lone or broken surrogate becomes U+FFFD.
  bool read_unicode_escape() {
    std::uint32_t unit = 0;
    if (!hex4(p_ + 2, unit)) return false;
    p_ += 6;
    std::uint32_t cp = unit;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u' && hex4(p_ + 2, low) && low >= 0xDC00 &&
          low <= 0xDFFF) {
        p_ += 6;
        cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      } else {
        cp = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_code_point(scratch_, cp);
    return true;
  }

  bool hex4(const char* at, std::uint32_t& value) const {
    if (end_ - at < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = at[i];
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return false;
      }
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }

  const char* p_;
  const char* end_;
  Sink& sink_;
  std::string& scratch_;
  std::string_view text_;  // the string read_string() read last
};

// The fast path for header arrays as Imperva writes them: already compact,
// a '[' of strings, integers and flat objects of such members, which the
// string writer writes back as they stand, except that it doubles a lone
// backslash (the sekoia profile keeps CEF's `\=`). So the text is copied,
// those backslashes doubled. Strings with a control or non-ASCII byte, `\/`
// or `\u`, and whitespace, fractions, literals or nesting take the general
// path. The scan needs text to end with ']': a byte read after one that is
// not that last ']' is then inside text, so only string scans check bounds.

// Past the string at p (its opening quote), counting its lone backslashes
// in lone; null when the string writer would change more than those.
inline const char* skip_compact_string(const char* p, const char* end, std::size_t& lone) noexcept {
  ++p;
  while (true) {
    p += stop_free_prefix<stop_at::specials_and_non_ascii>(reinterpret_cast<const unsigned char*>(p),
                                                            static_cast<std::size_t>(end - p));
    if (p == end) return nullptr;
    if (*p == '"') return p + 1;
    if (*p != '\\') return nullptr;
    const auto next = static_cast<unsigned char>(p[1]);
    if (is_kept_escape(next)) {
      p += 2;
    } else if (next >= 0x20 && next < 0x80 && next != '/' && next != 'u') {
      ++lone;  // stands for itself; the next byte is read as any other
      ++p;
    } else {
      return nullptr;
    }
  }
}

// Past the integer at p; null unless it is -?(0|[1-9][0-9]*) with fewer
// digits than a double's overflow takes. What follows is the caller's check.
inline const char* skip_compact_integer(const char* p) noexcept {
  if (*p == '-') ++p;
  if (*p == '0') return p + 1;
  const char* const digits = p;
  while (*p >= '0' && *p <= '9') ++p;
  return p != digits && p - digits < 309 ? p : nullptr;
}

inline const char* skip_compact_scalar(const char* p, const char* end, std::size_t& lone) noexcept {
  return *p == '"' ? skip_compact_string(p, end, lone) : skip_compact_integer(p);
}

// Past the object of "key":scalar members at p ('{'), else null.
inline const char* skip_compact_object(const char* p, const char* end, std::size_t& lone) noexcept {
  if (*++p == '}') return p + 1;
  while (true) {
    if (*p != '"' || !(p = skip_compact_string(p, end, lone)) || *p++ != ':') return nullptr;
    if (!(p = skip_compact_scalar(p, end, lone))) return nullptr;
    if (*p == '}') return p + 1;
    if (*p++ != ',') return nullptr;
  }
}

// True when text is such an array; lone is then its lone backslashes.
inline bool is_compact_array(std::string_view text, std::size_t& lone) noexcept {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  const char* p = text.data() + 1;
  const char* const end = text.data() + text.size();
  if (*p == ']') return p + 1 == end;
  while (true) {
    p = *p == '{' ? skip_compact_object(p, end, lone) : skip_compact_scalar(p, end, lone);
    if (p == nullptr) return false;
    if (*p == ']') return p + 1 == end;
    if (*p++ != ',') return false;
  }
}

// text into out with its lone backslashes doubled; lone is their count.
inline void copy_doubling_lone_backslashes(std::string_view text, std::size_t lone, std::string& out) {
  imperva_cef::detail::resize_for_overwrite(out, text.size() + lone);
  char* to = out.data();
  const char* p = text.data();
  const char* const end = p + text.size();
  const char* backslash;
  while ((backslash = static_cast<const char*>(std::memchr(p, '\\', static_cast<std::size_t>(end - p))))) {
    const bool kept = is_kept_escape(static_cast<unsigned char>(backslash[1]));
    const auto run = static_cast<std::size_t>(backslash - p) + (kept ? 2 : 1);
    std::memcpy(to, p, run);
    to += run;
    p += run;
    if (!kept) *to++ = '\\';
  }
  std::memcpy(to, p, static_cast<std::size_t>(end - p));
}

// The fast path: text itself when it is already compact JSON, or a copy in
// out with its lone backslashes doubled; nothing when it takes the general path.
inline std::optional<std::string_view> compact_array_view(std::string_view text, std::string& out) {
  std::size_t lone = 0;
  if (!is_compact_array(text, lone)) return std::nullopt;
  if (lone == 0) return text;
  copy_doubling_lone_backslashes(text, lone, out);
  return std::string_view(out);
}

// lenient_array_to_json() without the fast path.
inline bool general_array_to_json(std::string_view text, std::string& out, std::string& scratch) {
  out.clear();
  string_writer writer(out);
  return lenient_reader<string_writer>(text, writer, scratch).read_array();
}

}  // namespace detail

// Writes the array in text to writer and returns true, or returns false when
// text is not a lenient JSON array (the writer may then hold part of it).
template <class Writer>
bool write_lenient_array(std::string_view text, Writer& writer, std::string& scratch) {
  return detail::lenient_reader<Writer>(text, writer, scratch).read_array();
}

// The array in text as compact JSON (strings escaped and UTF-8 repaired,
// numbers as written), checked and written in one pass: text itself when it
// already is that (the usual case: nothing is copied), else written to out.
// Nothing when text is not a lenient JSON array.
inline std::optional<std::string_view> lenient_array_to_json(std::string_view text, std::string& out,
                                                             std::string& scratch) {
  if (const auto compact = detail::compact_array_view(text, out)) return compact;
  if (!detail::general_array_to_json(text, out, scratch)) return std::nullopt;
  return std::string_view(out);
}

}  // namespace imperva_cef::json
