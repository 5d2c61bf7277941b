// JSON string escaping with UTF-8 repair: the string writer's inner loop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "../detail/always_inline.hpp"
#include "../detail/string_growth.hpp"
#include "scan.hpp"
#include "utf8.hpp"

namespace imperva_cef::json {

namespace detail {

constexpr auto json_stops = stop_at::specials_and_non_ascii;

// Length of the prefix of text that can be copied into a JSON string as is.
inline std::size_t plain_prefix(const unsigned char* text, std::size_t size) noexcept {
  return stop_free_prefix<json_stops>(text, size);
}

// Copies text[0, n) to `to` and returns true when all of it can go into a
// JSON string as is; otherwise returns false, having written at most n bytes.
// The check and the copy share their loads; short texts, the usual case,
// take two overlapping loads that never read outside text.
IMPERVA_CEF_ALWAYS_INLINE bool copy_if_plain(char* to, const unsigned char* text, std::size_t n) noexcept {
#ifdef IMPERVA_CEF_SSE2
  if (n >= 16) {
    for (std::size_t i = 0; i + 16 < n; i += 16) {
      const __m128i block = load16(text + i);
      if (stop_mask<json_stops>(block) != 0) return false;
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to + i), block);
    }
    const __m128i last = load16(text + n - 16);
    if (stop_mask<json_stops>(last) != 0) return false;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + n - 16), last);
    return true;
  }
#endif
  std::uint64_t word;
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&word, text + i, sizeof word);
      if (word_has_stop<json_stops>(word)) return false;
      std::memcpy(to + i, &word, sizeof word);
    }
    std::memcpy(&word, text + n - 8, sizeof word);
    if (word_has_stop<json_stops>(word)) return false;
    std::memcpy(to + n - 8, &word, sizeof word);
    return true;
  }
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, text, 4);
    std::memcpy(&tail, text + n - 4, 4);
    if (word_has_stop<json_stops>(std::uint64_t{head} | std::uint64_t{tail} << 32)) return false;
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
    return true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (is_stop<json_stops>(text[i])) return false;
    to[i] = static_cast<char>(text[i]);
  }
  return true;
}

// memcpy for the short strings events are made of, without a library call:
// two overlapping fixed-size moves cover 4 to 16 bytes, and 16-byte moves,
// the last overlapping, up to 64 (the tables' longer key paths).
inline void copy_bytes(char* to, const unsigned char* from, std::size_t n) noexcept {
#ifdef IMPERVA_CEF_SSE2
  if (n > 16 && n <= 64) {
    for (std::size_t i = 0; i + 16 < n; i += 16) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to + i), load16(from + i));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to + n - 16), load16(from + n - 16));
    return;
  }
#endif
  if (n >= 8 && n <= 16) {
    std::uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
  } else if (n >= 4 && n < 8) {
    std::uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + n - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
  } else if (n < 4) {
    for (std::size_t i = 0; i < n; ++i) to[i] = static_cast<char>(from[i]);
  } else {
    std::memcpy(to, from, n);
  }
}

// The escape for an ASCII byte that needs one; returns its length (2 or 6).
inline std::size_t escape_ascii(unsigned char c, char* out) noexcept {
  char simple = 0;
  switch (c) {
    case '"': simple = '"'; break;
    case '\\': simple = '\\'; break;
    case '\n': simple = 'n'; break;
    case '\r': simple = 'r'; break;
    case '\t': simple = 't'; break;
    case '\b': simple = 'b'; break;
    case '\f': simple = 'f'; break;
    default: break;
  }
  out[0] = '\\';
  if (simple != 0) {
    out[1] = simple;
    return 2;
  }
  constexpr char hex[] = "0123456789abcdef";
  out[1] = 'u';
  out[2] = '0';
  out[3] = '0';
  out[4] = hex[c >> 4];
  out[5] = hex[c & 15];
  return 6;
}

}  // namespace detail

// Writes text as the inside of a JSON string (no quotes) through an output
// that offers `char* room(n)` (space for n bytes) and `advance(n)`.
template <class Output>
void write_escaped(Output& output, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
#ifdef IMPERVA_CEF_SSE2
    if (end - p >= 16) {
      // A block is stored whole and only its plain prefix kept: text with an
      // escape every few bytes (JSON in a value) costs one load per escape,
      // not a call that scans again from the escape on.
      const __m128i block = detail::load16(p);
      const unsigned stops = detail::stop_mask<detail::json_stops>(block);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(output.room(16)), block);
      const std::size_t plain = stops == 0 ? 16 : imperva_cef::detail::lowest_bit(stops);
      output.advance(plain);
      p += plain;
      if (plain == 16) continue;
    } else
#endif
    {
      const std::size_t plain = detail::plain_prefix(p, static_cast<std::size_t>(end - p));
      if (plain > 0) {
        detail::copy_bytes(output.room(plain), p, plain);
        output.advance(plain);
        p += plain;
        if (p == end) return;
      }
    }
    char* out = output.room(6);
    if (*p < 0x80) {
      output.advance(detail::escape_ascii(*p, out));
      ++p;
      continue;
    }
    const int n = utf8_sequence(p, end);
    if (n > 0) {
      std::memcpy(out, p, static_cast<std::size_t>(n));
      output.advance(static_cast<std::size_t>(n));
      p += n;
    } else {
      std::memcpy(out, replacement_character.data(), replacement_character.size());
      output.advance(replacement_character.size());
      p += -n;
    }
  }
}

namespace detail {

// write_escaped()'s output interface over the end of a std::string.
class string_tail {
 public:
  explicit string_tail(std::string& text) : text_(text), used_(text.size()) {}
  ~string_tail() { text_.resize(used_); }
  string_tail(const string_tail&) = delete;
  string_tail& operator=(const string_tail&) = delete;

  char* room(std::size_t n) {
    if (text_.size() - used_ < n) imperva_cef::detail::resize_for_overwrite(text_, used_ + (n > 64 ? n : 64));
    return text_.data() + used_;
  }
  void advance(std::size_t n) noexcept { used_ += n; }

 private:
  std::string& text_;
  std::size_t used_;
};

}  // namespace detail

// Appends text to out as a quoted JSON string.
inline void append_json_string(std::string& out, std::string_view text) {
  // Most items need no escapes: appended as they are, without growing ahead.
  const std::size_t plain = detail::plain_prefix(reinterpret_cast<const unsigned char*>(text.data()), text.size());
  out.push_back('"');
  out.append(text.data(), plain);
  if (plain < text.size()) {
    detail::string_tail tail(out);
    write_escaped(tail, text.substr(plain));
  }
  out.push_back('"');
}

}  // namespace imperva_cef::json
